"""A teacher's view in a served tab (`quiz teacher-tab`, what `quiz serve --teachers` runs for each
tab at /teacher): sign in with name and password, then one's own classes and each one's homework
view (the screen of `quiz class progress`).

Read-only by construction: the app is handed a teacher's door signed in to no one, which reaches
nothing until a password is right, and then only that teacher's classes; its screens list classes
and show progress, with no exports, no file writes and no command palette. A database without
teacher accounts is refused: a served tab without a password would show anyone the class's data.
"""

from __future__ import annotations

from textual.app import App
from textual.binding import Binding

from quiz.doors.teacher import TeacherDoor
from quiz.tui.crash import OneLineCrash
from quiz.tui.screens.teacher_tab import TeacherSignInScreen
from quiz.tui.theme import QUIZ_THEME


class TeacherApp(OneLineCrash, App[None]):
    TITLE = "quiz · teacher"
    CSS_PATH = "screens/take.tcss"  # the sign-in's look, as a student's tab has it
    CSS = "HeaderIcon { visibility: hidden; } TeacherSignInScreen { align-horizontal: center; }"
    ENABLE_COMMAND_PALETTE = False
    COMMANDS = set()
    BINDINGS = [Binding("ctrl+q", "leave", "Leave", priority=True)]

    def __init__(self, door: TeacherDoor) -> None:
        super().__init__()
        self._door = door
        self.has_teachers = door.accounts.exist()
        self.register_theme(QUIZ_THEME)
        self.theme = QUIZ_THEME.name

    @property
    def teacher(self) -> TeacherDoor:
        """The teacher's door (what `TeacherScreen`s read): no one's until `sign_in` succeeds."""
        return self._door

    def on_mount(self) -> None:
        self.push_screen(TeacherSignInScreen())

    def action_leave(self) -> None:
        self.exit()

    def on_unmount(self) -> None:
        self._door.close()
