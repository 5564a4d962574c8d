"""After submitting a paper: the score, and (if the paper shows it) each answer beside the key.

Also what every take screen shares: `TakeAccess`, the one way a student's screen reaches the core
(the student's door, and no other).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from quiz.doors.student import StudentDoor
from quiz.model import Outcome

if TYPE_CHECKING:
    from quiz.classroom.types import AttemptResult, AttemptView
    from quiz.tui.take_app import TakeApp

VERDICT_MARKS = {Outcome.CORRECT: ("✓", "green"), Outcome.WRONG: ("✗", "red"), Outcome.NEAR_MISS: ("≈", "yellow"),
                 Outcome.UNANSWERED: ("—", "")}


class TakeAccess:
    """`self.door`: the take app's student door, the only way a student's screen reaches the core."""

    @property
    def door(self) -> StudentDoor:
        return cast("TakeApp", cast(Screen, self).app).door

    def close_paper(self) -> None:
        """Done with the paper: the take app ends; the student's home app goes back home."""
        app = cast(Screen, self).app
        back_home = getattr(app, "back_home", None)  # StudentApp's (no import: it imports this)
        if back_home is not None:
            back_home()
        else:
            app.exit()


class TakeDoneScreen(TakeAccess, Screen[None]):
    """The score, and (if the paper shows it) each answer beside the key."""

    BINDINGS = [Binding("q,escape,enter", "close", "Close")]

    def __init__(self, view: AttemptView, result: AttemptResult | None, problem: str | None = None) -> None:
        super().__init__()
        self.view = view
        self.result = result
        self.problem = problem

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="take-done"):
            yield Static(self._headline(), id="take-score")
            if self.result is not None and self.result.key_shown:
                yield Static(self._key_table(self.result), id="take-key")
            elif self.result is not None:
                yield Static("Your answers are in. Your teacher will go through the answers.", classes="hint")
        yield Footer()

    def action_close(self) -> None:
        self.close_paper()

    def on_mount(self) -> None:
        self.title = self.view.paper_title
        self.sub_title = self.view.student

    def _headline(self) -> Text:
        if self.result is None:
            return Text(f"Not submitted: {self.problem}", style="bold red")
        r = self.result
        share = f" ({100 * r.score / r.max:.0f}%)" if r.max else ""
        return Text(f"Submitted. Score {r.score:g} of {r.max}{share}", style="bold")

    @staticmethod
    def _key_table(result: AttemptResult) -> Table:
        table = Table(expand=True, show_edge=False, pad_edge=False)
        table.add_column("#", no_wrap=True, justify="right")
        table.add_column("Question", ratio=3)
        table.add_column("You gave", ratio=2)
        table.add_column("", no_wrap=True)
        table.add_column("Answer", ratio=2)
        for n, item in enumerate(result.items, 1):
            mark, colour = VERDICT_MARKS[item.verdict]
            table.add_row(
                str(n), Text(item.prompt), Text(item.given or "—", style="dim" if not item.given else ""),
                Text(mark, style=f"bold {colour}"), Text(item.answer or ""),
            )
        return table
