"""How a study question's options look, before and after answering (bank text: `Text`, never markup)."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text

__all__ = ["marked_options", "numbered"]


def numbered(number: int, option: str) -> Table:
    """An option with its key, wrapped lines indented under the text rather than the number.
    The option is bank text: a `Text`, never markup."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(ratio=1)
    grid.add_row(str(number), Text(option))
    return grid


def marked_options(options: tuple[str, ...] | list[str], answer: str, given: str) -> Table:
    """The options after answering: the right one ticked, a wrong choice crossed, the rest dimmed."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1)
    for number, option in enumerate(options, 1):
        label = Text(option)
        if option == answer:
            mark, style = "✓", "bold green"
        elif option == given:
            mark, style = "✗", "bold red"
        else:
            mark, style = " ", "dim"
        if option == given:
            label.append("  ← your answer", style="italic")
        grid.add_row(Text(mark, style=style), Text(str(number), style=style), label, style=style)
    return grid
