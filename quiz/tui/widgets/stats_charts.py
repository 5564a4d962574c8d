"""Charts drawn with block characters, as wide as the widget: stacked columns, plain columns, a
calendar heatmap and horizontal bars. Each takes plain numbers; none knows where they came from."""

from __future__ import annotations

from collections.abc import Sequence
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
    """Columns of stacked series (oldest left), each series in its own colour, with a legend."""

    DEFAULT_CSS = "StackedColumns { height: 10; }"

    def __init__(self, series: Sequence[str], colours: Sequence[str], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.series, self.colours = tuple(series), tuple(colours)
        self.values: list[list[float]] = []
        self.first: str = ""
        self.last: str = ""

    def show(self, values: Sequence[Sequence[float]], first: str = "", last: str = "") -> None:
        self.values, self.first, self.last = [list(v) for v in values], first, last
        self.refresh()

    def render(self) -> Text:
        width, height = max(8, self.size.width - 6), max(3, self.size.height - 2)
        columns = _buckets(self.values, width)
        scale = max(1, min(3, width // max(1, len(columns))))
        top = max((sum(c) for c in columns), default=0)
        text = Text()
        for row in range(height, 0, -1):
            text.append(f"{_short(top * row / height) if row in (height, 1) else '':>5} ", style="dim")
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
    """One series as columns, with labels under the first and last."""

    DEFAULT_CSS = "Columns { height: 8; }"

    def __init__(self, colour: str = "$primary", *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.colour = colour
        self.values: list[float] = []
        self.first = self.last = ""

    def show(self, values: Sequence[float], first: str = "", last: str = "") -> None:
        self.values, self.first, self.last = list(values), first, last
        self.refresh()

    def render(self) -> Text:
        width, height = max(8, self.size.width - 6), max(2, self.size.height - 1)
        columns = [c[0] for c in _buckets([[v] for v in self.values], width)]
        scale = max(1, min(3, width // max(1, len(columns))))
        top = max(columns, default=0)
        colour = self.colour if not self.colour.startswith("$") else "cyan"
        text = Text()
        for row in range(height, 0, -1):
            text.append(f"{_short(top * row / height) if row in (height, 1) else '':>5} ", style="dim")
            for value in columns:
                level = (value / top * height - (row - 1)) if top else 0
                text.append(EIGHTHS[max(0, min(8, int(level * 8)))] * scale, style=colour)
            text.append("\n")
        span = len(columns) * scale
        text.append(" " * 6 + self.first.ljust(max(0, span - len(self.last))) + self.last, style="dim")
        return text


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
