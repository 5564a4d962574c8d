"""A student's terminal app for one live game (`quiz live join CODE`): sign in, then play. Like
the take app it is handed the student's door and no other."""

from __future__ import annotations

from textual.app import App
from textual.binding import Binding

from quiz.doors.student import StudentDoor
from quiz.tui.crash import OneLineCrash
from quiz.tui.screens.live_join import LiveJoinScreen
from quiz.tui.steady import SteadyCursor
from quiz.tui.theme import QUIZ_THEME


class LiveJoinApp(SteadyCursor, OneLineCrash, App[None]):
    """Joins game `code`; ctrl+q (or Esc while playing) leaves, and `quiz live join CODE` again
    comes back with the same score."""

    TITLE = "quiz"
    CSS_PATH = "screens/take.tcss"  # the sign-in's look
    CSS = "HeaderIcon { visibility: hidden; }"
    ENABLE_COMMAND_PALETTE = False
    COMMANDS = set()
    BINDINGS = [Binding("ctrl+q", "leave", "Leave", priority=True)]

    def __init__(self, door: StudentDoor, code: str, class_name: str | None = None) -> None:
        super().__init__()
        self.door = door
        self.code = code
        self.class_name = class_name
        self.register_theme(QUIZ_THEME)
        self.theme = QUIZ_THEME.name

    def on_mount(self) -> None:
        self.push_screen(LiveJoinScreen(self.code, self.class_name))

    def leave_game(self) -> None:
        self.exit()

    def action_leave(self) -> None:
        self.exit()

    def on_unmount(self) -> None:
        self.door.close()
