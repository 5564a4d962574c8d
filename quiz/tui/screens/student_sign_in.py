"""A served tab's first screen: the student's class, name and personal code, then their home."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, Static

from quiz.errors import ClassroomError, StoreError
from quiz.tui.screens.sign_in_fields import SignInFields, name_and_code
from quiz.tui.screens.take_answers import why
from quiz.tui.widgets.answer_input import AnswerInput

if TYPE_CHECKING:
    from quiz.tui.student_app import StudentApp

__all__ = ["StudentSignInScreen"]


class StudentSignInScreen(SignInFields, Screen[None]):
    """Class, name and personal code; a wrong code or a lock is said here, in one line."""

    LABELS = {"class-name": "Class", "student-name": "Name", "personal-code": "Personal code"}

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="sign-in"):
            yield Static("Your homework and papers", id="sign-in-title")
            yield Static("Give your class, your name and the personal code your teacher gave you.", classes="hint")
            yield AnswerInput(self, placeholder="Class", id="class-name")
            yield from name_and_code(self)
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "sign in"
        self.focus_field(self.query_one("#class-name", Input))

    def sign_in(self) -> None:
        app = cast("StudentApp", self.app)
        values = [self.query_one(f"#{name}", Input).value.strip() for name in self.LABELS]
        error_line = self.query_one("#sign-in-error", Static)
        try:
            app.door.sign_in_class(*values)
        except StoreError as error:  # nothing wrong with what was typed: keep it, try again
            error_line.update(Text(f"Not signed in: {why(error)}. Press Enter to try again."))
            return
        except ClassroomError as error:
            error_line.update(Text(str(error)))
            code = self.query_one("#personal-code", Input)
            code.value = ""
            self.focus_field(code)
            return
        from quiz.tui.screens.student_home import StudentHomeScreen

        self.app.switch_screen(StudentHomeScreen())
