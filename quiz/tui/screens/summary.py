"""The end of a session: how many, how well, how long, what was missed, and when to come back."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Footer, Header, Static

from quiz.study.items import SessionSummary
from quiz.tui.format import duration, percent, when
from quiz.tui.screens.base import QuizScreen


def title(s: SessionSummary) -> str:
    """"Session complete" only when nothing more is due today; otherwise what the session was."""
    if s.complete:
        return "Session complete: nothing more is due today"
    if not s.reviewed:
        return "Nothing studied"
    return "Session ended: cards are still due today"


def missed_table(missed: tuple[tuple[str, str], ...]) -> RenderableType:
    """Each missed question with its answer, both as bank text (never markup)."""
    grid = Table.grid(padding=(0, 1), expand=True)
    grid.add_column(no_wrap=True, style="red")
    grid.add_column(ratio=1)
    for prompt, answer in missed:
        line = Text(prompt)
        line.append("\n→ ", style="dim")
        line.append(answer, style="bold")
        grid.add_row("✗", line)
    return Group(Text(f"Missed ({len(missed)})", style="bold"), grid)


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
        ]
        if s.due_today:
            lines.append(f"Still due today [b]{s.due_today}[/b]")
        lines.append(f"Due tomorrow    [b]{s.due_tomorrow}[/b]")
        yield Header()
        with VerticalScroll(id="summary"):
            yield Static(title(s), id="summary-title")
            yield Static("\n".join(lines), id="summary-body")
            if s.missed:
                yield Static(missed_table(s.missed), id="summary-missed")
            yield Static("[dim]Enter: back to your banks · q: quit[/dim]")
        yield Footer()

    def action_home(self) -> None:
        self.quiz.go_home()
