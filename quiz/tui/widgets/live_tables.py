"""What the live screens draw from a game's views: the options, a revealed question's answers as
bars, and the leaderboard. Every bank text and student's name goes in as `Text`, never as markup,
so a name like "[b]x" shows as typed."""

from __future__ import annotations

import math

from rich.table import Table
from rich.text import Text

from quiz.live.model import AskedQuestion, Reveal, Standing

__all__ = ["BAR_WIDTH", "countdown", "distribution", "options_table", "ordinal", "standings_table"]

BAR_WIDTH = 24
TYPED_ROWS = 6  # a typed question's most given answers shown; the rest are summed up


def countdown(seconds_left: float | None) -> str:
    """Whole seconds left, rounded up (a countdown reads 1 until the very end): "12"."""
    return str(max(0, math.ceil(seconds_left or 0)))


def ordinal(n: int) -> str:
    """1st, 2nd, 3rd, 4th, 11th, 21st."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def options_table(question: AskedQuestion, chosen: str | None = None, key: str | None = None) -> Table:
    """The options numbered 1..n; `chosen` marked ●, and once revealed the `key` ✓ (a wrong choice ✗)."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1)
    for number, option in enumerate(question.options, 1):
        mark, style = " ", ""
        if key is not None and option == key:
            mark, style = "✓", "bold green"
        elif option == chosen:
            mark, style = ("✗", "bold red") if key is not None else ("●", "bold")
        grid.add_row(Text(f"{mark} {number}", style=style or "bold"), Text(option, style=style))
    return grid


def _bar(count: int, most: int) -> str:
    return "█" * (round(BAR_WIDTH * count / most) if most else 0) or ("▏" if count else "")


def distribution(question: AskedQuestion, reveal: Reveal) -> Table:
    """A bar per option with how many gave it, the key marked ✓. A typed question lists its most
    given answers (an answer written as the key is marked; near spellings are counted right but
    not marked, as only the checker knows them)."""
    counts = reveal.counts
    if question.options:
        rows = [(option, counts.get(option, 0)) for option in question.options]
    else:
        ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0].casefold()))
        rows = ranked[:TYPED_ROWS]
        others = sum(n for _, n in ranked[TYPED_ROWS:])
    most = max((n for _, n in rows), default=0)
    table = Table.grid(padding=(0, 1))
    table.add_column(no_wrap=True)  # the mark
    table.add_column(ratio=1, max_width=40)  # the option
    table.add_column(no_wrap=True, width=BAR_WIDTH)
    table.add_column(justify="right", no_wrap=True)
    key = reveal.answer.casefold()
    for number, (option, count) in enumerate(rows, 1):
        right = option.casefold() == key
        style = "bold green" if right else ""
        label = f"{'✓' if right else ' '} {number}" if question.options else ("✓" if right else " ")
        table.add_row(Text(label, style=style or "bold"), Text(option, style=style),
                      Text(_bar(count, most), style="green" if right else "blue"), Text(str(count), style=style))
    if not question.options and others:
        table.add_row(Text(" "), Text("other answers", style="dim"), Text(""), Text(str(others), style="dim"))
    return table


def standings_table(standings: tuple[Standing, ...], points: bool, limit: int | None = None,
                    highlight: str | None = None) -> Table:
    """Rank, name, points and right answers (points off: right answers only), best first."""
    table = Table(expand=False, show_edge=False, box=None, padding=(0, 2, 0, 0))
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("Name", max_width=36)
    if points:
        table.add_column("Points", justify="right", no_wrap=True)
    table.add_column("Right", justify="right", no_wrap=True)
    shown = standings if limit is None else standings[:limit]
    for standing in shown:
        style = "bold" if standing.rank == 1 or standing.name == highlight else ""
        cells = [Text(str(standing.rank), style=style), Text(standing.name, style=style)]
        if points:
            cells.append(Text(str(standing.points), style=style))
        cells.append(Text(str(standing.right), style=style))
        table.add_row(*cells)
    if limit is not None and len(standings) > limit:
        table.add_row(Text(""), Text(f"… and {len(standings) - limit} more", style="dim"))
    return table
