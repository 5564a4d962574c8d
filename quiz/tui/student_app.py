"""The student's home in a served tab (`quiz student`, what `quiz serve` runs per tab): sign in with
class, name and personal code; then the homework due, the class's open papers and one's own
progress; study the homework (checked answers only) and take papers with the take screens.

Like the take app it is handed the student's door and no other: no teacher screen, no command
palette. A reloaded tab is a new process: the student signs in again and is home; what they
studied is in the store, so studying continues where it was.
"""

from __future__ import annotations

from textual.app import App
from textual.binding import Binding

from quiz.doors.student import StudentDoor
from quiz.tui.crash import OneLineCrash
from quiz.tui.screens.live_play import LivePlayScreen
from quiz.tui.screens.student_home import StudentHomeScreen
from quiz.tui.screens.student_sign_in import StudentSignInScreen
from quiz.tui.screens.student_study import StudentStudyScreen
from quiz.tui.screens.take import TakeScreen
from quiz.tui.steady import SteadyCursor
from quiz.tui.theme import QUIZ_THEME


class StudentApp(SteadyCursor, OneLineCrash, App[None]):
    TITLE = "quiz"
    CSS_PATH = ["screens/take.tcss", "screens/student.tcss"]
    CSS = "HeaderIcon { visibility: hidden; }"  # as the take app's: nothing behind it
    ENABLE_COMMAND_PALETTE = False
    COMMANDS = set()
    BINDINGS = [Binding("ctrl+q", "leave", "Leave", priority=True)]

    def __init__(self, door: StudentDoor) -> None:
        super().__init__()
        self.door = door  # the take screens reach the core through `app.door` (TakeAccess)
        self.register_theme(QUIZ_THEME)
        self.theme = QUIZ_THEME.name

    def on_mount(self) -> None:
        self.push_screen(StudentSignInScreen())

    def back_home(self) -> None:
        """From a paper or the homework, back to the home (read again as it comes back)."""
        while len(self.screen_stack) > 1 and not isinstance(self.screen, StudentHomeScreen):
            self.pop_screen()

    def leave_game(self) -> None:
        """Esc in a live game: home (joining again with `g` comes back with the same score)."""
        self.back_home()

    def action_leave(self) -> None:
        """ctrl+q: a paper is left as the take app leaves it (answers on their way written first),
        the homework and a live game go home; at home or signing in, the app ends."""
        if isinstance(self.screen, TakeScreen):
            self.screen.leave()
        elif isinstance(self.screen, StudentStudyScreen | LivePlayScreen):
            self.back_home()
        else:
            self.exit()

    def on_unmount(self) -> None:
        self.door.close()
