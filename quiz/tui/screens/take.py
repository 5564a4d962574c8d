"""Taking a paper: sign in (name and personal code), answer in any order, submit, see the score.

A student's screens see only `TakeItem`s (prompt, options) and their own answers; the score and
the key come back from the desk after submitting, and the key only if the paper shows it. Every
answer goes to the store as it is given (on the screen's writer thread, in order, while the screen
moves on), so a closed terminal or tab resumes where it was; when the store cannot take it (a full
disk), the screen goes back to it, says so and keeps it for another try.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from rich.table import Table
from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Header, Static
from textual.widgets.option_list import Option

from quiz.errors import ClassroomError, StoreError
from quiz.tui.format import MODE_LABELS
from quiz.tui.screens.take_answers import (
    AnswerBook,
    AnswerRefused,
    AnswerSaved,
    ChoiceList,
    PaperSubmitted,
    SubmitRefused,
    why,
)
from quiz.tui.screens.take_done import TakeAccess, TakeDoneScreen
from quiz.tui.widgets.answer_input import AnswerInput
from quiz.tui.widgets.footer import SteadyFooter
from quiz.tui.writer import Job, StoreWriter

if TYPE_CHECKING:
    from quiz.classroom.types import AttemptView, TakeItem

__all__ = ["TakeDoneScreen", "TakeScreen", "clock_text"]


def clock_text(seconds: float) -> str:
    """A countdown as a student reads it: 1:05:09, 14:59, 0:07."""
    whole = max(0, int(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


# -- answering --------------------------------------------------------------------------------------
class TakeScreen(TakeAccess, Screen[None]):
    """One question at a time; any order; ctrl+s then y submits. An answer is taken the moment it
    is given and the screen moves on; the store writes it on this screen's writer thread."""

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
        self.book = AnswerBook(dict(view.answers))
        self.index = next((i for i, item in enumerate(self.items) if item.position not in self.book.given), 0)
        self.confirming = False
        self.submitting = False
        self.finished = False
        self.leaving = False  # ctrl+q said unsaved answers would be left behind; again leaves
        self.after_saved: Callable[[], None] | None = None  # what waits for the writes on their way
        self.timer: Timer | None = None
        self._shown_status: Text | None = None  # what the status line and the strip show now
        self._shown_strip: Text | None = None
        self.writer = StoreWriter(self, "answer writer")

    @property
    def answers(self) -> dict[int, str]:
        """Answers as the student gave them (saved, or on their way to the store)."""
        return self.book.given

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
            yield ChoiceList(self, id="take-options")
            yield AnswerInput(self, id="take-typed", placeholder="Type your answer and press Enter")
            yield Static(id="take-problem")
            yield Static(id="take-confirm")
        yield SteadyFooter()

    def on_mount(self) -> None:
        self.title = self.view.paper_title
        self.sub_title = self.view.student
        self.query_one("#take-confirm").display = False
        self.query_one("#take-problem").display = False
        self.writer.start()
        if self.view.deadline is not None:
            self.timer = self.set_interval(1, self.tick)
        self.show_item()
        self.tick()

    def on_unmount(self) -> None:
        """Whichever way the screen goes, the answers on their way are written first."""
        self.writer.close()

    # -- showing ------------------------------------------------------------------------------
    def show_item(self) -> None:
        item = self.item
        box = self.query_one("#take-question")
        box.border_title = f"Question {self.index + 1} of {len(self.items)}"
        box.border_subtitle = f"{item.kind} · {MODE_LABELS.get(item.mode, item.mode)}"
        self.query_one("#take-prompt", Static).update(Text(item.prompt))
        options = self.query_one("#take-options", ChoiceList)
        typed = self.query_one("#take-typed", AnswerInput)
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
            typed.value = self.book.unsaved.get(item.position) or given or ""
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
        """Answered counts what the store holds; an answer on its way is "saving" until then."""
        book = self.book
        self.show_status_line()
        strip = Text()
        for i, item in enumerate(self.items):
            done = item.position in self.answers  # marked in text too, for a terminal without colour
            mark = "!" if item.position in book.unsaved else "…" if book.pending(item.position) else "●" if done else " "
            style = "reverse bold" if i == self.index else ("green" if done else "dim")
            strip.append(f" {i + 1}{mark}", style=style)
            strip.append(" ")
        if strip != self._shown_strip:
            self._shown_strip = strip
            self.query_one("#take-strip", Static).update(strip)

    def show_status_line(self) -> None:
        """The status line (answered, saving, the time left), drawn again only when its text
        changes, and without laying the screen out again: the line is one cell high (take.tcss)."""
        book = self.book
        answered = sum(1 for item in self.items if item.position in book.stored)
        status = Text(f"{answered} of {len(self.items)} answered")
        if book.saving:
            status.append(" (saving…)", style="dim")
        if self.view.deadline is not None:
            left = (self.view.deadline - self.door.clock()).total_seconds()
            status.append("  ·  ")
            status.append(f"{clock_text(left)} left", style="bold red" if left < 60 else "bold")
        if status != self._shown_status:
            self._shown_status = status
            self.query_one("#take-status", Static).update(status, layout=False)

    def tick(self) -> None:
        """Once a second with a time limit: the countdown (the status line alone), and submitting
        at the deadline. Without a time limit there is no timer at all."""
        if self.finished:
            return
        if self.view.deadline is not None and self.door.clock() >= self.view.deadline:
            self.finish(at_deadline=True)  # a refusal is said on screen and tried again next second
            return
        self.show_status_line()

    def problem(self, message: str | None) -> None:
        """A line under the question saying why an answer or the submission was not stored."""
        line = self.query_one("#take-problem", Static)
        line.update(Text(message or ""))
        line.display = message is not None

    # -- answering ----------------------------------------------------------------------------
    def give(self, item: TakeItem, text: str) -> None:
        """Take an answer now; the writer stores it after every answer given before it."""
        seq = self.book.give(item.position, text)
        if seq is None:
            return
        classroom, attempt, position = self.door.classroom, self.view.attempt_id, item.position

        def write() -> AnswerSaved:
            classroom.answer(attempt, position, text)
            return AnswerSaved(position, text, seq)

        self.writer.put(Job(write, lambda error: AnswerRefused(position, text, seq, error)))

    def keep_typed(self) -> None:
        """A typed answer counts when the student leaves the question, Enter or not."""
        if self.item.mode != "mc":
            value = self.query_one("#take-typed", AnswerInput).value.strip()
            if value:
                self.give(self.item, value)

    def go(self, index: int) -> None:
        if self.finished or self.submitting:
            return
        self.keep_typed()
        self.index = max(0, min(len(self.items) - 1, index))
        self.show_item()

    def choose(self, option: int) -> None:
        if self.confirming or self.submitting or self.finished or self.item.mode != "mc":
            return
        if 0 <= option < len(self.item.options):
            self.give(self.item, self.item.options[option])
            self.go(self.index + 1) if self.index + 1 < len(self.items) else self.show_item()

    def answer_entered(self, text: str) -> None:
        """Enter in the answer box: the answer is taken and the next question shown, in this call."""
        if self.confirming or self.submitting or self.finished:
            return
        if not text.strip():
            self.notify("Type an answer first, or move on with PgDn.", timeout=3)
            return
        self.give(self.item, text.strip())
        if self.index + 1 < len(self.items):
            self.go(self.index + 1)
        else:
            self.update_status()

    def hold_key(self, event: events.Key) -> bool:
        return False  # nothing here waits on the store before taking the next key

    @on(AnswerSaved)
    def answer_saved(self, report: AnswerSaved) -> None:
        self.book.saved(report)
        self.problem(None)  # an unsaved answer stays marked "!" in the strip, and leaving says so
        self.update_status()
        self._writes_done()

    @on(AnswerRefused)
    def answer_refused(self, report: AnswerRefused) -> None:
        newest = self.book.refused(report)
        if isinstance(report.error, StoreError) and newest and not self.finished:
            # Back to that question, the answer kept (in its box), for the same key to try again.
            at = next(i for i, item in enumerate(self.items) if item.position == report.position)
            again = "choose it again" if self.items[at].mode == "mc" else "press Enter again (your answer is still in the box)"
            if at != self.index:
                self.go(at)
            else:
                self.show_item()
            self.problem(f"Answer not saved: {why(report.error)}. Free some space, then {again}.")
        elif isinstance(report.error, ClassroomError):
            self.notify(str(report.error), severity="error", timeout=6, markup=False)
            self.update_status()
            self.tick()  # past the deadline: submit what was stored
        self._writes_done()

    def _writes_done(self) -> None:
        """Run what waited for the writes (submitting, leaving) once none is on its way."""
        if not self.book.saving and self.after_saved is not None:
            then, self.after_saved = self.after_saved, None
            then()

    # -- actions ------------------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.finished or self.submitting:
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
        if self.finished:
            return
        self.keep_typed()
        self.confirming = True
        answered = sum(1 for item in self.items if item.position in self.answers)
        missing = len(self.items) - answered
        line = Text(f"Submit now? {answered} of {len(self.items)} answered", style="bold")
        if missing:
            line.append(f" ({missing} left blank)", style="bold yellow")
        if self.book.unsaved:
            line.append(f"; the answer to {self.unsaved_line()} is not saved", style="bold red")
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

    def unsaved_line(self) -> str:
        numbers = [str(i + 1) for i, item in enumerate(self.items) if item.position in self.book.unsaved]
        return f"question{'s' if len(numbers) > 1 else ''} {', '.join(numbers)}"

    def finish(self, at_deadline: bool = False) -> None:
        """Submit (by the student or at the deadline) once every answer given is written, and show
        the score in place of the paper. A refusal (a full disk) is said on screen, nothing lost."""
        if self.finished or self.submitting:
            return
        if self.book.saving:
            self.problem("Saving your answers…")
            self.after_saved = lambda: self.finish(at_deadline)
            return
        self.submitting = True
        self.refresh_bindings()
        classroom, attempt = self.door.classroom, self.view.attempt_id
        self.writer.put(Job(lambda: PaperSubmitted(classroom.submit(attempt), at_deadline),
                            lambda error: SubmitRefused(error, at_deadline)))

    @on(PaperSubmitted)
    def submitted(self, report: PaperSubmitted) -> None:
        self._done(TakeDoneScreen(self.view, report.result))
        if report.at_deadline:
            self.notify("Time is up: your answers were submitted.", timeout=6)

    @on(SubmitRefused)
    def submit_refused(self, report: SubmitRefused) -> None:
        self.submitting = False
        self.refresh_bindings()
        if isinstance(report.error, StoreError):  # the answers stay stored; y (or the next second) tries again
            self.problem(f"Not submitted: {why(report.error)}. Your answers are kept; free some space, then press y again.")
        else:
            self._done(TakeDoneScreen(self.view, None, str(report.error)))

    def _done(self, screen: TakeDoneScreen) -> None:
        self.finished = True
        if self.timer is not None:
            self.timer.stop()
        self.app.switch_screen(screen)

    def leave(self) -> None:
        """ctrl+q: leave once the answers on their way are written; with answers the store refused,
        say which, and leave on a second ctrl+q."""
        if self.finished or self.submitting:
            self.close_paper()
            return
        self.keep_typed()
        if self.book.saving:
            self.problem("Saving your answers…")
            self.after_saved = self.leave
            return
        if self.book.unsaved and not self.leaving:
            self.leaving = True
            self.problem(f"The answer to {self.unsaved_line()} is not saved. ctrl+q again leaves without it; "
                         "Enter on it tries again.")
            return
        self.close_paper()
