"""Charts drawn with block characters, as wide as the widget: stacked columns, plain columns, a
calendar heatmap and horizontal bars. Each takes plain numbers; none knows where they came from."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta

from rich.text import Text
from textual.widget import Widget

EIGHTHS = " ▁▂▃▄▅▆▇█"
SHADES = "·░▒▓█"


def _buckets(values: Sequence[Sequence[float]], width: int) -> list[list[float]]:
    """Columns summed into at most `width` buckets, the newest bucket complete."""
    if not values:
        return []
    size = max(1, -(-len(values) // max(1, width)))
    out: list[list[float]] = []
    start = len(values) % size
    if start:
        out.append([sum(col) for col in zip(*values[:start], strict=True)])
    for i in range(start, len(values), size):
        out.append([sum(col) for col in zip(*values[i:i + size], strict=True)])
    return out


class StackedColumns(Widget):
    """Columns of stacked series (oldest left), each series in its own colour, with a legend and a
    y axis named by `axis` ("reviews")."""

    DEFAULT_CSS = "StackedColumns { height: 11; }"

    def __init__(self, series: Sequence[str], colours: Sequence[str], *, axis: str = "", id: str | None = None) -> None:
        super().__init__(id=id)
        self.series, self.colours, self.axis = tuple(series), tuple(colours), axis
        self.values: list[list[float]] = []
        self.first: str = ""
        self.last: str = ""

    def show(self, values: Sequence[Sequence[float]], first: str = "", last: str = "") -> None:
        self.values, self.first, self.last = [list(v) for v in values], first, last
        self.refresh()

    def render(self) -> Text:
        width, height = max(8, self.size.width - 6), max(3, self.size.height - 3)
        columns = _buckets(self.values, width)
        scale = max(1, min(3, width // max(1, len(columns))))
        top = max((sum(c) for c in columns), default=0)
        text = _axis_title(self.axis)
        for row in range(height, 0, -1):
            text.append(f"{_tick(row, height, top, _short):>5} ", style="dim")
            for column in columns:
                char, colour = _stack_cell(column, row, height, top, self.colours)
                text.append(char * scale, colour)
            text.append("\n")
        span = len(columns) * scale
        text.append(" " * 6 + self.first.ljust(max(0, span - len(self.last))) + self.last + "\n", style="dim")
        for name, colour in zip(self.series, self.colours, strict=True):
            text.append("■ ", style=colour)
            text.append(name + "  ")
        return text


def _axis_title(axis: str) -> Text:
    """The y axis's name over its figures, so a chart says what it counts."""
    return Text(f"{axis}\n" if axis else "", style="dim italic")


def _tick(row: int, height: int, top: float, fmt: Callable[[float], str]) -> str:
    """The y axis's figure beside a row: the top's value, the middle's, and 0 at the foot."""
    if top <= 0:
        return ""
    if row == height:
        return fmt(top)
    if row == 1:
        return fmt(0)
    middle = fmt(top * row / height)
    if height >= 5 and row == (height + 1) // 2 and middle not in (fmt(top), fmt(0)):
        return middle  # never a figure the top or the foot already says (1, 1, 0 for a top of 1)
    return ""


def _stack_cell(column: Sequence[float], row: int, height: int, top: float, colours: Sequence[str]) -> tuple[str, str]:
    """The character and colour of one cell: the series whose band covers most of the cell."""
    if top <= 0:
        return " ", ""
    low, high = (row - 1) * top / height, row * top / height
    base = 0.0
    for value, colour in zip(column, colours, strict=True):
        upper = base + value
        if upper > low and base < high:
            if upper >= high:
                return "█", colour
            fill = int((upper - low) / (high - low) * 8)
            if base <= low and fill > 0:
                return EIGHTHS[fill], colour
            return "█", colour
        base = upper
    return " ", ""


class Columns(Widget):
    """One series as columns, with labels under the first and last and a y axis named by `axis`."""

    DEFAULT_CSS = "Columns { height: 9; }"

    def __init__(self, colour: str = "$primary", *, axis: str = "", id: str | None = None) -> None:
        super().__init__(id=id)
        self.colour, self.axis = colour, axis
        self.values: list[float | None] = []
        self.first = self.last = ""

    def show(self, values: Sequence[float], first: str = "", last: str = "") -> None:
        self.values, self.first, self.last = list(values), first, last
        self.refresh()

    def _columns(self, width: int) -> tuple[list[float | None], float, Callable[[float], str]]:
        """The columns that fit `width`, the value at the top of the axis, how its figures read."""
        columns = [c[0] for c in _buckets([[v or 0.0] for v in self.values], width)]
        return list(columns), max(columns, default=0), _short

    def render(self) -> Text:
        width, height = max(8, self.size.width - 6), max(2, self.size.height - 2)
        columns, top, fmt = self._columns(width)
        scale = max(1, min(3, width // max(1, len(columns))))
        colour = self.colour if not self.colour.startswith("$") else "cyan"
        text = _axis_title(self.axis)
        for row in range(height, 0, -1):
            text.append(f"{_tick(row, height, top, fmt):>5} ", style="dim")
            for value in columns:
                level = (value / top * height - (row - 1)) if top and value is not None else 0
                eighths = max(0, min(8, int(level * 8)))
                if row == 1 and value is not None and isinstance(self, RateColumns):
                    eighths = max(1, eighths)
                text.append(EIGHTHS[eighths] * scale, style=colour)
            text.append("\n")
        span = len(columns) * scale
        text.append(" " * 6 + self.first.ljust(max(0, span - len(self.last))) + self.last, style="dim")
        return text


class RateColumns(Columns):
    """A share per day on a fixed 0–100% axis, from (part, whole) pairs: a bucket of several days is
    their parts over their wholes (not an average of averages); a day with no whole is a gap, and a
    day of 0% a sliver, so the two can be told apart."""

    def __init__(self, colour: str = "$primary", *, axis: str = "", id: str | None = None) -> None:
        super().__init__(colour, axis=axis, id=id)
        self.pairs: list[tuple[float, float]] = []

    def show_rates(self, pairs: Sequence[tuple[int, int]], first: str = "", last: str = "") -> None:
        self.pairs = [(float(part), float(whole)) for part, whole in pairs]
        self.show([], first, last)

    def _columns(self, width: int) -> tuple[list[float | None], float, Callable[[float], str]]:
        buckets = _buckets(self.pairs, width)
        return [part / whole * 100 if whole else None for part, whole in buckets], 100.0, lambda v: f"{v:.0f}%"


class Heatmap(Widget):
    """Study days as a calendar: a column per week, a row per weekday, darker for more reviews."""

    DEFAULT_CSS = "Heatmap { height: 9; }"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.counts: dict[date, int] = {}
        self.first = self.last = date.today()

    def show(self, counts: dict[date, int], first: date, last: date) -> None:
        self.counts, self.first, self.last = counts, first, last
        self.refresh()

    def render(self) -> Text:
        weeks = max(1, (self.size.width - 4) // 1)
        start = self.last - timedelta(days=self.last.weekday()) - timedelta(weeks=weeks - 1)
        start = max(start, self.first - timedelta(days=self.first.weekday()))
        top = max(self.counts.values(), default=0)
        text = Text()
        for weekday, label in enumerate(("Mo", "  ", "We", "  ", "Fr", "  ", "Su")):
            text.append(f"{label}  ", style="dim")
            day = start + timedelta(days=weekday)
            while day <= self.last:
                count = self.counts.get(day, 0)
                if day < self.first:
                    text.append(" ")
                elif count == 0:
                    text.append(SHADES[0], style="dim")
                else:
                    level = 1 + min(3, int(count / top * 4)) if top else 1
                    text.append(SHADES[level], style="green")
                day += timedelta(weeks=1)
            text.append("\n")
        text.append(f"    {start.isoformat()} … {self.last.isoformat()}   less ", style="dim")
        for shade in SHADES[1:]:
            text.append(shade, style="green")
        text.append(" more", style="dim")
        return text


class HorizontalBars(Widget):
    """Labelled bars of shares (0..1), with the figure at the end."""

    DEFAULT_CSS = "HorizontalBars { height: auto; }"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: list[tuple[str, float | None, str]] = []

    def show(self, rows: Sequence[tuple[str, float | None, str]]) -> None:
        self.rows = list(rows)
        self.refresh(layout=True)

    def get_content_height(self, container: object, viewport: object, width: int) -> int:
        return max(1, len(self.rows))

    def render(self) -> Text:
        label_width = min(24, max((len(r[0]) for r in self.rows), default=4))
        bar_width = max(4, self.size.width - label_width - 18)
        text = Text()
        for label, share, note in self.rows:
            text.append(label[:label_width].ljust(label_width) + " ")
            filled = (share or 0) * bar_width
            whole = int(filled)
            text.append("█" * whole + (EIGHTHS[int((filled - whole) * 8)] if whole < bar_width else ""), style="green")
            text.append(" " * (bar_width - whole - (1 if whole < bar_width else 0)))
            text.append(f" {note}\n", style="dim" if share is None else "")
        return text


def _short(value: float) -> str:
    if value >= 10_000:
        return f"{value / 1000:.0f}k"
    if value >= 1000:
        return f"{value / 1000:.1f}k"
    return f"{value:.0f}"
