"""The strip above a question: how far through the session, and what is left of each queue."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import ProgressBar, Static

from quiz.study.items import QueueCounts


class SessionBar(Horizontal):
    """Progress bar plus new / learning / review counts."""

    def compose(self) -> ComposeResult:
        yield Static(id="session-title")
        yield ProgressBar(id="session-progress", show_eta=False, show_percentage=False)
        yield Static(id="session-counts")

    def show(self, title: str, done: int, left: int, counts: QueueCounts) -> None:
        """`left` is what the session still holds (it shrinks as you go, and grows only when a card
        you missed comes back); the bar fills with what is done."""
        heading = Text(title)
        heading.append(f"  {left} left", style="dim")
        self.query_one("#session-title", Static).update(heading)
        self.query_one("#session-progress", ProgressBar).update(total=max(done + left, 1), progress=done)
        self.query_one("#session-counts", Static).update(
            f"[b $text-primary]{counts.new}[/] new  [b $text-warning]{counts.learning}[/] learning  "
            f"[b $text-success]{counts.review}[/] review"
        )
