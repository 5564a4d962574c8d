"""Signing in to take a paper: the paper's code (unless given), the student's name and personal code."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, Static

from quiz.errors import ClassroomError, StoreError
from quiz.tui.screens.sign_in_fields import SignInFields
from quiz.tui.screens.take_answers import why
from quiz.tui.screens.take_done import TakeAccess
from quiz.tui.widgets.answer_input import AnswerInput

__all__ = ["SignInScreen"]


class SignInScreen(SignInFields, TakeAccess, Screen[None]):
    """Who is taking the paper: name and personal code (and the paper's code when not given)."""

    LABELS = {"paper-code": "Paper", "student-name": "Name", "personal-code": "Personal code"}

    def __init__(self, paper_code: str | None = None, student: str | None = None) -> None:
        super().__init__()
        self.paper_code = paper_code
        self.student = student

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="sign-in"):
            yield Static("Taking a paper", id="sign-in-title")
            yield Static("Give your name and the personal code your teacher gave you.", classes="hint")
            paper = AnswerInput(self, value=self.paper_code or "", placeholder="Paper code", id="paper-code")
            paper.display = self.paper_code is None
            yield paper
            yield AnswerInput(self, value=self.student or "", placeholder="Your name", id="student-name")
            yield AnswerInput(self, placeholder="Personal code", password=True, id="personal-code")
            yield Static(id="sign-in-error")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "sign in"
        for field in ("#paper-code", "#student-name", "#personal-code"):
            widget = self.query_one(field, Input)
            if widget.display and not widget.value:
                self.focus_field(widget)
                return
        self.focus_field(self.query_one("#personal-code", Input))

    def sign_in(self) -> None:
        code = self.query_one("#paper-code", Input).value.strip()
        name = self.query_one("#student-name", Input).value.strip()
        personal = self.query_one("#personal-code", Input).value.strip()
        try:
            view = self.door.sign_in(code, name, personal)
        except StoreError as error:  # nothing wrong with what was typed: keep it, try again
            self.query_one("#sign-in-error", Static).update(Text(f"Not signed in: {why(error)}. Press Enter to try again."))
            return
        except ClassroomError as error:
            self.query_one("#sign-in-error", Static).update(Text(str(error)))
            self.query_one("#personal-code", Input).value = ""
            self.focus_field(self.query_one("#personal-code", Input))
            return
        from quiz.tui.screens.take import TakeScreen  # the take screen imports this one

        self.app.switch_screen(TakeScreen(view))
