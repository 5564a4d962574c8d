"""Studying homework in a student's home: the study screen's questions, judged by the checker only.

Multiple choice and typed (or cloze) answers, each judged and rated by the session (right: Good,
near miss: Hard, wrong: Again); no flip card, no self-rating, no undo, no suspend, no card info.
Answers are written on the screen's writer thread, as the study and take screens do.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Header, OptionList, Static

from quiz.doors.student import StudySession
from quiz.errors import StoreError, UnreadableAnswer
from quiz.study.items import StudyItem
from quiz.tui.screens.question_panel import question_layout, show_question, show_verdict
from quiz.tui.screens.study_writes import Answered, HeldKeys, NotDone, StudyWrite
from quiz.tui.widgets.footer import SteadyFooter
from quiz.tui.widgets.session_bar import SessionBar
from quiz.tui.writer import Job, StoreWriter

if TYPE_CHECKING:
    from quiz.tui.student_app import StudentApp

HINTS = {
    "mc": "1–{n} or ↑↓ Enter · 0 or ? I don't know · Esc home",
    "typed": "type, Enter (empty or ? : I don't know) · Esc home",
    "cloze": "fill the gap, Enter (empty or ? : I don't know) · Esc home",
}


class StudentStudyScreen(Screen[None]):
    """Runs one homework `StudySession` until it is done or the student goes home."""

    BINDINGS = [
        Binding("enter,space", "next", "Next"),
        Binding("escape", "home", "Home"),
        Binding("0,question_mark", "dont_know", "Don't know", key_display="0/?"),
        *(Binding(str(n), f"number({n})", show=False) for n in range(1, 10)),
    ]

    def __init__(self, session: StudySession) -> None:
        super().__init__()
        self.session = session
        self.phase = "question"
        self.item: StudyItem | None = None
        self.shown_at = time.monotonic()
        self.writer = StoreWriter(self, "homework writer")
        self.busy = False
        self.held = HeldKeys()

    def compose(self) -> ComposeResult:
        yield Header()
        yield from question_layout(self)
        yield SteadyFooter()

    def on_mount(self) -> None:
        self.sub_title = "homework"
        self.writer.start()
        self.show_item(self.session.current)

    @property
    def student_app(self) -> StudentApp:
        return cast("StudentApp", self.app)

    # -- showing --------------------------------------------------------------------------------
    def show_item(self, item: StudyItem | None) -> None:
        self.item = item
        if item is None:
            self.app.notify(f"Homework done for now: {self.session.reviewed} answered.", timeout=4)
            self.student_app.back_home()
            return
        self.phase = "question"
        self.shown_at = time.monotonic()
        show_question(self, item, HINTS)  # checked modes only: choices or an answer box
        self.update_bar()
        self.refresh_bindings()

    def update_bar(self) -> None:
        session = self.session
        self.query_one(SessionBar).show("Homework", session.reviewed, session.left(), session.counts())

    def show_feedback(self, report: Answered) -> None:
        self.phase = "feedback"
        show_verdict(self, self.item, report.feedback)
        self.update_bar()
        self.refresh_bindings()

    # -- answering ------------------------------------------------------------------------------
    def answer(self, given: str) -> None:
        if self.phase != "question" or self.item is None or self.busy:
            return
        session, ms = self.session, int((time.monotonic() - self.shown_at) * 1000)
        self.busy = True
        self.writer.put(Job(lambda: Answered(session.answer(given, duration_ms=ms), StudyWrite.ANSWER),
                            lambda error: NotDone(StudyWrite.ANSWER, error)))

    def written(self) -> None:
        self.busy = False
        self.refresh_bindings()
        self.held.replay(self.app)

    @on(Answered)
    def answered(self, report: Answered) -> None:
        self.busy = False
        self.show_feedback(report)
        self.written()

    @on(NotDone)
    def not_done(self, report: NotDone) -> None:
        error = report.error
        self.busy = False
        if isinstance(error, UnreadableAnswer | StoreError):  # nothing recorded: say why, ask again
            note = self.query_one("#typed-note", Static)
            note.update(Text(f"Not taken: {str(error).removeprefix('not saved: ')}. Try again.", style="bold"))
            note.display = True
        else:
            self.notify(str(error), title="Not done", severity="error", timeout=6, markup=False)
        self.written()

    def answer_entered(self, text: str) -> None:
        self.answer(text)

    def hold_key(self, event: events.Key) -> bool:
        if self.busy:
            self.held.hold(event)
        return self.busy

    def on_key(self, event: events.Key) -> None:
        if self.busy:
            self.held.hold(event)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if self.item is not None:
            self.answer(self.item.question.options[event.option_index])

    # -- actions --------------------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.busy:
            return False
        mode = self.item.question.mode if self.item else None
        if action == "next":
            return self.phase == "feedback"
        if action in ("number", "dont_know"):
            return self.phase == "question" and mode == "mc"
        return True

    def action_number(self, n: int) -> None:
        if self.item is not None and 1 <= n <= len(self.item.question.options):
            self.answer(self.item.question.options[n - 1])

    def action_dont_know(self) -> None:
        self.answer("?")

    def action_next(self) -> None:
        self.show_item(self.session.advance())

    def action_home(self) -> None:
        """Home; an answer on its way is written first (the writer closes before the session)."""
        self.student_app.back_home()

    def on_unmount(self) -> None:
        self.writer.close()
        self.session.close()
