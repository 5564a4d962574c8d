"""The student's door: an app with only the take screens, for `quiz paper take` and each served tab.

It is a separate app from `QuizApp` on purpose: no home, no study, no command palette, no teacher
screens. A student can sign in, answer, submit and see their own score, and nothing else.
"""

from __future__ import annotations

from textual.app import App
from textual.binding import Binding

from quiz.doors.student import StudentDoor
from quiz.tui.crash import OneLineCrash
from quiz.tui.screens.take import TakeScreen
from quiz.tui.screens.take_sign_in import SignInScreen
from quiz.tui.steady import SteadyCursor
from quiz.tui.theme import QUIZ_THEME  # one palette for both apps


class TakeApp(SteadyCursor, OneLineCrash, App[None]):
    """Takes one paper for one student (the paper and the name may be given, the code never is)."""

    TITLE = "quiz"
    CSS_PATH = "screens/take.tcss"
    # Textual's header icon (⭘) is in no font a served tab's browser uses (a missing-glyph box), and
    # here it opens nothing (no command palette): it is kept out of sight, its place kept.
    CSS = "HeaderIcon { visibility: hidden; }"
    ENABLE_COMMAND_PALETTE = False
    COMMANDS = set()
    BINDINGS = [Binding("ctrl+q", "leave", "Leave", priority=True, tooltip="Answers given so far are kept")]

    def __init__(self, door: StudentDoor, paper_code: str | None = None, student: str | None = None) -> None:
        super().__init__()
        self.door = door
        self.paper_code = paper_code
        self.student = student
        self.register_theme(QUIZ_THEME)
        self.theme = QUIZ_THEME.name

    def on_mount(self) -> None:
        self.push_screen(SignInScreen(self.paper_code, self.student))

    def action_leave(self) -> None:
        """Leave; while taking, only once the answers on their way are written (the screen says so)."""
        if isinstance(self.screen, TakeScreen):
            self.screen.leave()
        else:
            self.exit()

    def on_unmount(self) -> None:
        self.door.close()
