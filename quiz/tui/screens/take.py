"""Taking a paper: sign in (name and personal code), answer in any order, submit, see the score.

A student's screens see only `TakeItem`s (prompt, options) and their own answers; the score and
the key come back from the desk after submitting, and the key only if the paper shows it. Every
answer goes to the store the moment it is given, so a closed terminal or tab resumes where it was;
when the store cannot take it (a full disk), the screen says so and keeps it for another try.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.table import Table
from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Header, Input, OptionList, Static
from textual.widgets.option_list import Option

from quiz.errors import ClassroomError, StoreError
from quiz.tui.format import MODE_LABELS
from quiz.tui.screens.take_done import TakeAccess, TakeDoneScreen

if TYPE_CHECKING:
    from quiz.classroom.types import AttemptView, TakeItem

__all__ = ["SignInScreen", "TakeDoneScreen", "TakeScreen", "clock_text"]

def clock_text(seconds: float) -> str:
    """A countdown as a student reads it: 1:05:09, 14:59, 0:07."""
    whole = max(0, int(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def _why(error: StoreError) -> str:
    """The store's reason alone ("the disk is full"), for a sentence that says what was not done."""
    return str(error).removeprefix("not saved: ")


class ChoiceList(OptionList, inherit_bindings=False):
    """Options picked by arrows and Enter; left/right and page keys are left to the screen,
    where they move between questions."""

    BINDINGS = [
        Binding("up", "cursor_up", show=False),
        Binding("down", "cursor_down", show=False),
        Binding("home", "first", show=False),
        Binding("end", "last", show=False),
        Binding("enter", "select", show=False),
    ]


# -- sign in ----------------------------------------------------------------------------------------
class SignInScreen(TakeAccess, Screen[None]):
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
            paper = Input(self.paper_code or "", placeholder="Paper code", id="paper-code")
            paper.display = self.paper_code is None
            yield paper
            yield Input(self.student or "", placeholder="Your name", id="student-name")
            yield Input(placeholder="Personal code", password=True, id="personal-code")
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

    @on(Input.Submitted)
    def next_field(self, event: Input.Submitted) -> None:
        """Enter: to the next empty field, or sign in when all are filled."""
        event.stop()
        fields = [w for w in self.query(Input) if w.display]
        empty = next((w for w in fields if not w.value.strip()), None)
        if empty is not None:
            self.focus_field(empty)
            return
        self.sign_in()

    def focus_field(self, target: Input) -> None:
        """Focus a field and mark it in words too, not only by colour (a browser test waits on it)."""
        self.set_focus(target)
        for field in self.query(Input):
            label = self.LABELS.get(field.id or "", "")
            field.border_title = f"▸ {label}" if field is target else label

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        if isinstance(event.widget, Input):
            self.focus_field(event.widget)  # focused by Tab or the mouse

    def sign_in(self) -> None:
        code = self.query_one("#paper-code", Input).value.strip()
        name = self.query_one("#student-name", Input).value.strip()
        personal = self.query_one("#personal-code", Input).value.strip()
        try:
            view = self.desk.classroom.start_attempt(code, name, personal)
        except StoreError as error:  # nothing wrong with what was typed: keep it, try again
            self.query_one("#sign-in-error", Static).update(Text(f"Not signed in: {_why(error)}. Press Enter to try again."))
            return
        except ClassroomError as error:
            self.query_one("#sign-in-error", Static).update(Text(str(error)))
            self.query_one("#personal-code", Input).value = ""
            self.focus_field(self.query_one("#personal-code", Input))
            return
        self.app.switch_screen(TakeScreen(view))


# -- answering --------------------------------------------------------------------------------------
class TakeScreen(TakeAccess, Screen[None]):
    """One question at a time; any order; answers stored as given; ctrl+s then y submits."""

    BINDINGS = [
        # Page keys win over the answer box (which would scroll); arrows are the Input's cursor keys.
        Binding("pageup", "back", "Back", key_display="PgUp/←", priority=True),
        Binding("pagedown", "forward", "Next", key_display="PgDn/→", priority=True),
        Binding("left", "back", "Back", show=False),
        Binding("right", "forward", "Next", show=False),
        Binding("ctrl+s", "submit", "Submit, then y"),  # y is typed text in an answer box: say it here too
        Binding("y", "confirm", "Yes, submit"),
        Binding("n,escape", "cancel", "Keep working", show=False),
        *(Binding(str(n), f"number({n})", show=False) for n in range(1, 10)),
    ]

    def __init__(self, view: AttemptView) -> None:
        super().__init__()
        self.view = view
        self.items: tuple[TakeItem, ...] = tuple(view.items)
        self.answers: dict[int, str] = dict(view.answers)
        self.index = next((i for i, item in enumerate(self.items) if item.position not in self.answers), 0)
        self.confirming = False
        self.finished = False
        self.timer: Timer | None = None

    @property
    def item(self) -> TakeItem:
        return self.items[self.index]

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="take"):
            yield Static(id="take-status")
            yield Static(id="take-strip")
            with Vertical(id="take-question"):
                yield Static(id="take-prompt")
            yield ChoiceList(id="take-options")
            yield Input(id="take-typed", placeholder="Type your answer and press Enter")
            yield Static(id="take-problem")
            yield Static(id="take-confirm")
        yield Footer()

    def on_mount(self) -> None:
        self.title = self.view.paper_title
        self.sub_title = self.view.student
        self.query_one("#take-confirm").display = False
        self.query_one("#take-problem").display = False
        if self.view.deadline is not None:
            self.timer = self.set_interval(1, self.tick)
        self.show_item()
        self.tick()

    # -- showing ------------------------------------------------------------------------------
    def show_item(self) -> None:
        item = self.item
        box = self.query_one("#take-question")
        box.border_title = f"Question {self.index + 1} of {len(self.items)}"
        box.border_subtitle = f"{item.kind} · {MODE_LABELS.get(item.mode, item.mode)}"
        self.query_one("#take-prompt", Static).update(Text(item.prompt))
        options = self.query_one("#take-options", ChoiceList)
        typed = self.query_one("#take-typed", Input)
        given = self.answers.get(item.position)
        options.display = item.mode == "mc"
        typed.display = item.mode != "mc"
        if item.mode == "mc":
            options.clear_options()
            options.add_options(Option(self._option(n, o, o == given), id=str(n)) for n, o in enumerate(item.options, 1))
            options.highlighted = item.options.index(given) if given in item.options else 0
            if not self.confirming:
                self.set_focus(options)
        else:
            typed.value = given or ""
            if not self.confirming:
                self.set_focus(typed)
        self.update_status()
        self.refresh_bindings()

    @staticmethod
    def _option(number: int, option: str, chosen: bool) -> Table:
        grid = Table.grid(padding=(0, 1))
        grid.add_column(no_wrap=True)
        grid.add_column(ratio=1)
        mark = Text(f"{'●' if chosen else ' '} {number}", style="bold green" if chosen else "bold")
        grid.add_row(mark, Text(option, style="bold" if chosen else ""))
        return grid

    def update_status(self) -> None:
        answered = sum(1 for item in self.items if item.position in self.answers)
        status = Text(f"{answered} of {len(self.items)} answered")
        if self.view.deadline is not None:
            left = (self.view.deadline - self.desk.clock()).total_seconds()
            status.append("  ·  ")
            status.append(f"{clock_text(left)} left", style="bold red" if left < 60 else "bold")
        self.query_one("#take-status", Static).update(status)
        strip = Text()
        for i, item in enumerate(self.items):
            done = item.position in self.answers  # marked in text too, for a terminal without colour
            style = "reverse bold" if i == self.index else ("green" if done else "dim")
            strip.append(f" {i + 1}{'●' if done else ' '}", style=style)
            strip.append(" ")
        self.query_one("#take-strip", Static).update(strip)

    def tick(self) -> None:
        """Once a second with a time limit: the countdown, and submitting at the deadline."""
        if self.finished:
            return
        if self.view.deadline is not None and self.desk.clock() >= self.view.deadline:
            if self.finish():  # else the store refused: said on screen, tried again next second
                self.notify("Time is up: your answers were submitted.", timeout=6)
            return
        self.update_status()

    # -- answering ----------------------------------------------------------------------------
    def record(self, given: str) -> bool:
        """Store one answer now; False (and the reason on screen) when the store refuses it."""
        item = self.item
        if self.answers.get(item.position) == given:
            return True
        try:
            self.desk.classroom.answer(self.view.attempt_id, item.position, given)
        except StoreError as error:  # not stored (a full disk): keep the answer on screen, say so
            again = "choose it again" if item.mode == "mc" else "press Enter again (your answer is still in the box)"
            self.problem(f"Answer not saved: {_why(error)}. Free some space, then {again}.")
            return False
        except ClassroomError as error:
            self.notify(str(error), severity="error", timeout=6, markup=False)
            self.tick()  # past the deadline: submit what was stored
            return False
        self.answers[item.position] = given
        self.problem(None)
        return True

    def problem(self, message: str | None) -> None:
        """A line under the question saying why the last answer or submission was not stored."""
        line = self.query_one("#take-problem", Static)
        line.update(Text(message or ""))
        line.display = message is not None

    def keep_typed(self) -> bool:
        """A typed answer counts when the student leaves the question, Enter or not."""
        if self.item.mode == "mc":
            return True
        value = self.query_one("#take-typed", Input).value.strip()
        return not value or self.record(value)

    def go(self, index: int) -> None:
        if self.finished or not self.keep_typed() or self.finished:
            return
        self.index = max(0, min(len(self.items) - 1, index))
        self.show_item()

    def choose(self, option: int) -> None:
        if self.confirming or self.finished or self.item.mode != "mc" or not 0 <= option < len(self.item.options):
            return
        if self.record(self.item.options[option]):
            self.go(self.index + 1) if self.index + 1 < len(self.items) else self.show_item()

    @on(OptionList.OptionSelected, "#take-options")
    def option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.choose(event.option_index)

    @on(Input.Submitted, "#take-typed")
    def typed_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if not event.value.strip():
            self.notify("Type an answer first, or move on with PgDn.", timeout=3)
            return
        if self.record(event.value.strip()) and self.index + 1 < len(self.items):
            self.go(self.index + 1)
        else:
            self.update_status()

    # -- actions ------------------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.finished:
            return False
        if action in ("confirm", "cancel"):
            return True if self.confirming else False
        if action in ("back", "forward", "number"):
            return not self.confirming
        return True

    def action_back(self) -> None:
        self.go(self.index - 1)

    def action_forward(self) -> None:
        self.go(self.index + 1)

    def action_number(self, n: int) -> None:
        self.choose(n - 1)

    def action_submit(self) -> None:
        if not self.keep_typed() or self.finished:
            return
        self.confirming = True
        answered = sum(1 for item in self.items if item.position in self.answers)
        missing = len(self.items) - answered
        line = Text(f"Submit now? {answered} of {len(self.items)} answered", style="bold")
        if missing:
            line.append(f" ({missing} left blank)", style="bold yellow")
        line.append(". You cannot change answers afterwards.\n")
        line.append("y", style="bold reverse")
        line.append(" submit   ")
        line.append("n", style="bold reverse")
        line.append(" keep working")
        confirm = self.query_one("#take-confirm", Static)
        confirm.update(line)
        confirm.display = True
        self.set_focus(None)  # so y and n reach the screen, not the answer box
        self.refresh_bindings()

    def action_cancel(self) -> None:
        self.confirming = False
        self.query_one("#take-confirm").display = False
        self.show_item()

    def action_confirm(self) -> None:
        if self.confirming:
            self.finish()

    def finish(self) -> bool:
        """Submit (by the student or at the deadline) and show the score in place of the paper.
        False when the store could not take it (a full disk): said on screen, nothing lost."""
        if self.finished:
            return True
        try:
            result = self.desk.classroom.submit(self.view.attempt_id)
        except StoreError as error:  # the answers stay stored; y (or the next second, past the deadline) tries again
            self.problem(f"Not submitted: {_why(error)}. Your answers are kept; free some space, then press y again.")
            return False
        except ClassroomError as error:
            self._done(TakeDoneScreen(self.view, None, str(error)))
            return True
        self._done(TakeDoneScreen(self.view, result))
        return True

    def _done(self, screen: TakeDoneScreen) -> None:
        self.finished = True
        if self.timer is not None:
            self.timer.stop()
        self.app.switch_screen(screen)
