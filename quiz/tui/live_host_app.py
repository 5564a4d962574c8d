"""The teacher's app for one live game (`quiz live`): the host screen on a teacher's door."""

from __future__ import annotations

from textual.app import App
from textual.binding import Binding

from quiz.doors.teacher import TeacherDoor
from quiz.live.model import HostView
from quiz.tui.crash import OneLineCrash
from quiz.tui.screens.live_host import LiveHostScreen
from quiz.tui.steady import SteadyCursor
from quiz.tui.theme import QUIZ_THEME


class LiveHostApp(SteadyCursor, OneLineCrash, App[None]):
    """Hosts game `view.code`; ctrl+q leaves at any time (the game stays as it is: `quiz live host
    CODE` comes back to it)."""

    TITLE = "quiz"
    CSS = "HeaderIcon { visibility: hidden; }"
    ENABLE_COMMAND_PALETTE = False
    COMMANDS = set()
    BINDINGS = [Binding("ctrl+q", "leave", "Leave", priority=True)]

    def __init__(self, door: TeacherDoor, view: HostView) -> None:
        super().__init__()
        self.door = door
        self.view = view
        self.register_theme(QUIZ_THEME)
        self.theme = QUIZ_THEME.name

    def on_mount(self) -> None:
        self.push_screen(LiveHostScreen(self.door.live, self.view))

    def action_leave(self) -> None:
        self.exit()

    def on_unmount(self) -> None:
        self.door.close()
