"""A teacher's view in a served tab (`quiz teacher-tab`, what `quiz serve --teachers` runs for each
tab at /teacher): sign in with name and password, then one's own classes and each one's homework
view (the screen of `quiz class progress`), and each one's live game (`g`, hosted on the projector).

Read-only by construction but for a live game's moves: the app is handed a teacher's door signed
in to no one, which reaches nothing until a password is right, and then only that teacher's
classes and games; its screens list classes, show progress and host a game, with no exports, no
file writes and no command palette. A database without
teacher accounts is refused: a served tab without a password would show anyone the class's data.
"""

from __future__ import annotations

from datetime import timedelta

from textual import events
from textual.app import App
from textual.binding import Binding

from quiz.doors.teacher import TeacherDoor
from quiz.tui.crash import OneLineCrash
from quiz.tui.screens.teacher_tab import TeacherClassesScreen, TeacherSignInScreen
from quiz.tui.steady import SteadyCursor
from quiz.tui.theme import QUIZ_THEME

IDLE = timedelta(minutes=20)  # a tab left open on a classroom PC signs itself out after this
IDLE_CHECK_S = 30.0


class TeacherApp(SteadyCursor, OneLineCrash, App[None]):
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
        self.signed_in: str | None = None
        self._last_input = door.clock()

    @property
    def teacher(self) -> TeacherDoor:
        """The teacher's door (what `TeacherScreen`s read): no one's until `sign_in` succeeds."""
        return self._door

    def on_mount(self) -> None:
        self.push_screen(TeacherSignInScreen())
        self.set_interval(IDLE_CHECK_S, self.sign_out_if_idle)

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, (events.Key, events.MouseDown)):
            self._last_input = self._door.clock()
        await super().on_event(event)

    def signed(self, name: str) -> None:
        """A password was right: the door is `name`'s; show their classes."""
        self.signed_in = name
        self._last_input = self._door.clock()
        self.switch_screen(TeacherClassesScreen(name))

    def sign_out(self, note: str = "Signed out.") -> None:
        """The door is no one's again; back to the sign-in screen, saying why."""
        self._door.sign_out()
        self.signed_in = None
        while len(self.screen_stack) > 2:  # the default screen, then the sign-in's place
            self.pop_screen()
        self.switch_screen(TeacherSignInScreen(note))

    def sign_out_if_idle(self) -> None:
        """Sign out a teacher whose tab has had no key or click for IDLE."""
        if self.signed_in is not None and self._door.clock() - self._last_input >= IDLE:
            minutes = int(IDLE.total_seconds() // 60)
            self.sign_out(f"Signed out after {minutes} minutes without a key or click.")

    def action_leave(self) -> None:
        self.exit()

    def on_unmount(self) -> None:
        self._door.close()
