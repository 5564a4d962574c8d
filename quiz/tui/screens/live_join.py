"""Joining a live game from a terminal (`quiz live join CODE`): the student's name and personal
code (the class is the game's), then the play screen."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, Static

from quiz.errors import QuizError, StoreError
from quiz.tui.screens.sign_in_fields import SignInFields, name_and_code
from quiz.tui.screens.take_answers import why

if TYPE_CHECKING:
    from quiz.tui.live_join_app import LiveJoinApp

__all__ = ["LiveJoinScreen"]


class LiveJoinScreen(SignInFields, Screen[None]):
    """Name and personal code for game `code` (of class `class_name`, when known); a wrong code or
    a lock is said here, in one line."""

    LABELS = {"student-name": "Name", "personal-code": "Personal code"}
    DEFAULT_CSS = "LiveJoinScreen { align-horizontal: center; }"

    def __init__(self, code: str, class_name: str | None = None) -> None:
        super().__init__()
        self.code = code
        self.class_name = class_name

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="sign-in"):
            title = Text(f"Joining live game {' '.join(self.code.split()).upper()}")
            if self.class_name:
                title.append(f" of class {self.class_name}")
            yield Static(title, id="sign-in-title")
            yield Static("Give your name and the personal code your teacher gave you.", classes="hint")
            yield from name_and_code(self)
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "sign in"
        self.focus_field(self.query_one("#student-name", Input))

    def sign_in(self) -> None:
        app = cast("LiveJoinApp", self.app)
        name, personal = (self.query_one(f"#{field}", Input).value.strip() for field in self.LABELS)
        error_line = self.query_one("#sign-in-error", Static)
        try:
            signed = app.door.live_sign_in(self.code, name, personal)
            view = app.door.live_join(self.code)
        except StoreError as error:  # nothing wrong with what was typed: keep it, try again
            error_line.update(Text(f"Not signed in: {why(error)}. Press Enter to try again."))
            return
        except QuizError as error:  # a wrong code, a lock, or no such game (any more)
            error_line.update(Text(str(error)))
            field = self.query_one("#personal-code", Input)
            field.value = ""
            self.focus_field(field)
            return
        from quiz.tui.screens.live_play import LivePlayScreen

        self.app.switch_screen(LivePlayScreen(app.door, view, signed.name))
