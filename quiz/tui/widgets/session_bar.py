"""The strip above a question: how far through the session, and what is left of each queue."""

from __future__ import annotations

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

    def show(self, title: str, done: int, total: int, counts: QueueCounts) -> None:
        self.query_one("#session-title", Static).update(f"{title}  [dim]{done}/{total}[/dim]")
        self.query_one("#session-progress", ProgressBar).update(total=max(total, 1), progress=done)
        self.query_one("#session-counts", Static).update(
            f"[b $text-primary]{counts.new}[/] new  [b $text-warning]{counts.learning}[/] learning  "
            f"[b $text-success]{counts.review}[/] review"
        )
