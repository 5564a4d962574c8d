"""The end of a session: how many, how well, how long, and when to come back."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Footer, Header, Static

from quiz.study.items import SessionSummary
from quiz.tui.format import duration, percent, when
from quiz.tui.screens.base import QuizScreen


class SummaryScreen(QuizScreen):
    BINDINGS = [
        Binding("enter,space,escape", "home", "Home"),
        Binding("q", "app.quit", "Quit"),
    ]

    def __init__(self, summary: SessionSummary) -> None:
        super().__init__()
        self.summary = summary

    def compose(self) -> ComposeResult:
        s = self.summary
        now = self.desk.clock()
        lines = [
            f"Reviewed        [b]{s.reviewed}[/b]",
            f"Correct         [b]{s.correct}[/b] ({percent(s.correct, s.reviewed)})",
            f"Time spent      [b]{duration(s.seconds)}[/b]",
            f"Next card due   [b]{when(s.next_due, now)}[/b]",
            f"Due tomorrow    [b]{s.due_tomorrow}[/b]",
        ]
        yield Header()
        with Vertical(id="summary"):
            yield Static("Session complete" if s.reviewed else "Nothing studied", id="summary-title")
            yield Static("\n".join(lines), id="summary-body")
            yield Static("[dim]Enter: back to your banks · q: quit[/dim]")
        yield Footer()

    def action_home(self) -> None:
        self.quiz.go_home()
