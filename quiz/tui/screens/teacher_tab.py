"""A teacher's browser tab (`quiz teacher-tab`, served at /teacher by `quiz serve --teachers`): the
teacher's name and password, then their classes, each opening the homework view (read-only), and
the class's live game (`g`: start one, or go back to one, and host it on the projector)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, OptionList, Static
from textual.widgets.option_list import Option

from quiz.errors import QuizError, StoreError, TeacherError
from quiz.live.model import GameSettings, HostView
from quiz.tui.dialogs.game_code import GameCodeDialog
from quiz.tui.dialogs.live_start import BY_CODE, LiveStartDialog
from quiz.tui.screens.base import TeacherScreen
from quiz.tui.widgets.answer_input import AnswerInput

if TYPE_CHECKING:
    from quiz.tui.teacher_app import TeacherApp

__all__ = ["NO_TEACHERS", "TeacherClassesScreen", "TeacherSignInScreen"]

NO_TEACHERS = ("This server has no teacher accounts, so no teacher's view is served: "
               "add one on the server with `quiz teacher add NAME`.")


class TeacherSignInScreen(Screen[None]):
    """Name and password; a wrong one or a lock is said here, in one line. On a database without
    teachers there is nothing to sign in to: the screen says so and asks for nothing. `note`: why
    the screen is back (a sign-out)."""

    def __init__(self, note: str = "") -> None:
        super().__init__()
        self.note = note

    def compose(self) -> ComposeResult:
        app = cast("TeacherApp", self.app)
        yield Header()
        with Vertical(id="sign-in"):
            yield Static("Teacher's view", id="sign-in-title")
            if not app.has_teachers:
                yield Static(NO_TEACHERS, id="sign-in-error")
            else:
                yield Static("Your teacher's name and password (as `quiz teacher add` set them).", classes="hint")
                yield AnswerInput(self, placeholder="Teacher's name", id="teacher-name")
                yield AnswerInput(self, placeholder="Password", password=True, id="teacher-password")
                yield Static(Text(self.note), id="sign-in-error")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "teacher sign in"
        if self.query("#teacher-name"):
            self.set_focus(self.query_one("#teacher-name", Input))

    def answer_entered(self, text: str) -> None:
        """Enter in a field (an `AnswerInput`: handled before the keys queued behind it, so a
        password typed fast after the name never lands in the name field, in clear)."""
        self.action_next_field()

    def hold_key(self, event: events.Key) -> bool:
        return False

    def action_next_field(self) -> None:
        """To the next empty field, or sign in when both are filled."""
        empty = next((w for w in self.query(Input) if not w.value.strip()), None)
        if empty is not None:
            self.set_focus(empty)
            return
        self.sign_in()

    def sign_in(self) -> None:
        app = cast("TeacherApp", self.app)
        name = self.query_one("#teacher-name", Input).value
        password = self.query_one("#teacher-password", Input)
        error_line = self.query_one("#sign-in-error", Static)
        try:
            signed = app.teacher.sign_in(name, password.value)
        except StoreError as error:
            error_line.update(Text(f"Not signed in: {' '.join(str(error).split())}. Press Enter to try again."))
            return
        except TeacherError as error:  # SignInRefused: wrong, or locked for a while (one line)
            line = " ".join(str(error).split())
            error_line.update(Text(line[:1].upper() + line[1:] + "."))
            password.value = ""
            self.set_focus(password)
            return
        app.signed(signed)


class TeacherClassesScreen(TeacherScreen):
    """The signed-in teacher's classes (theirs only: the door is theirs); Enter opens one's
    homework view."""

    DEFAULT_CSS = """
    TeacherClassesScreen #teacher-classes-body { padding: 1 2; max-width: 80; }
    TeacherClassesScreen #teacher-classes { height: auto; max-height: 16; }
    TeacherClassesScreen #teacher-classes-note { color: $text-muted; margin-top: 1; height: auto; }
    """
    BINDINGS = [Binding("g", "live", "Live game"), Binding("r", "reload", "Refresh"), Binding("x", "sign_out", "Sign out")]

    def __init__(self, teacher_name: str) -> None:
        super().__init__()
        self.teacher_name = teacher_name
        self.starting = False  # a game is being made or looked up on a thread: keys wait for it

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="teacher-classes-body"):
            yield Static(Text.assemble("Classes of ", (self.teacher_name, "bold")), id="teacher-classes-title")
            yield OptionList(id="teacher-classes")
            yield Static("Enter: the class's homework view (e: exam date, b: bank, Esc: back). "
                         "g: a live game for the class. x: sign out (after 20 minutes without a key or click, the tab signs out itself).",
                         id="teacher-classes-note")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = self.teacher_name
        self.reload()

    def on_screen_resume(self) -> None:
        self.query_one("#teacher-classes", OptionList).focus()

    def action_reload(self) -> None:
        self.reload()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return not self.starting and super().check_action(action, parameters)

    def action_live(self) -> None:
        """The highlighted class's live game: start one, or go back to one by its code."""
        listing = self.query_one("#teacher-classes", OptionList)
        if listing.highlighted is None:
            return
        class_name = listing.get_option_at_index(listing.highlighted).id
        if class_name is None:
            return

        def chosen(choice: str | None) -> None:
            if choice == BY_CODE:
                self.app.push_screen(GameCodeDialog("Go back to a live game: its code."), self._game_code)
            elif choice is not None:
                self._look_up(lambda: self.teacher.live.create(GameSettings(class_name, source=choice)))

        self.app.push_screen(LiveStartDialog(class_name), chosen)

    def _game_code(self, code: str | None) -> None:
        if code:
            self._look_up(lambda: self.teacher.live.view(code))

    def _look_up(self, call: Callable[[], HostView]) -> None:
        self.starting = True
        self._host_game(call)

    @work(thread=True, exclusive=True, group="live-start")
    def _host_game(self, call: Callable[[], HostView]) -> None:
        """Make or find the game off the UI thread (a game's questions take a moment to choose)."""
        try:
            view = call()
        except QuizError as error:
            self.app.call_from_thread(self._refused, error)
            return
        self.app.call_from_thread(self._host, view)

    def _refused(self, error: QuizError) -> None:
        self.starting = False
        self.notify(" ".join(str(error).split()), severity="warning", timeout=6, markup=False)

    def _host(self, view: HostView) -> None:
        from quiz.tui.screens.teacher_live import ProjectedHostScreen  # a game's screen: loaded when one is hosted

        self.starting = False
        self.app.push_screen(ProjectedHostScreen(self.teacher.live, view))

    def action_sign_out(self) -> None:
        cast("TeacherApp", self.app).sign_out()

    def reload(self) -> None:
        listing = self.query_one("#teacher-classes", OptionList)
        try:
            classes = self.teacher.classroom.classes()
        except QuizError as error:
            self.query_one("#teacher-classes-note", Static).update(Text(" ".join(str(error).split())))
            return
        listing.clear_options()
        for info in classes:
            count = len(info.students)
            listing.add_option(Option(f"{info.name}  ({count} student{'' if count == 1 else 's'})", id=info.name))
        if classes:
            listing.highlighted = 0  # Enter opens the first class without a move first
        else:
            self.query_one("#teacher-classes-note", Static).update(
                "No classes yet: make one on the server with `quiz class new`.")
        listing.focus()

    @on(OptionList.OptionSelected, "#teacher-classes")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        from quiz.tui.screens.progress import ProgressScreen

        if event.option.id is not None:
            self.app.push_screen(ProgressScreen(event.option.id))

