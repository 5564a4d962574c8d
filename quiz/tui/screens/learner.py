"""Pick who is studying, or add a new learner: a class can share one database."""

from __future__ import annotations

import unicodedata

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from quiz.doors.learner import name_problem as learner_name_problem
from quiz.tui.screens.base import DeskAccess


def name_problem(name: str) -> str | None:
    """Why a typed learner name cannot be used, or None: the learners' own rules, asked of the
    door's validator (no second door, nothing opened), as a sentence."""
    if not name.strip():
        return "Type a name first (or pick one from the list)."
    if any(unicodedata.category(c) == "Cc" for c in name):
        return "A name cannot hold control characters."
    message = learner_name_problem(name)
    return message[:1].upper() + message[1:] if message else None


class LearnerScreen(DeskAccess, ModalScreen[str | None]):
    """Dismisses with the chosen (or newly typed) learner name, or None."""

    AUTO_FOCUS = "#learner-new"
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def compose(self) -> ComposeResult:
        desk = self.desk
        names = desk.learners()
        with Vertical(id="learner-dialog"):
            yield Static("Who is studying?", classes="dialog-title")
            yield Input(placeholder="Type a new name and press Enter", id="learner-new")
            yield Static(id="learner-problem")
            yield Static(
                "…or pick one (tab, arrows, Enter):" if names else "No learners yet.",
                classes="dialog-note",
            )
            yield OptionList(*(self._option(n, n == desk.learner) for n in names), id="learner-list")

    @staticmethod
    def _option(name: str, current: bool) -> Option:
        label = Text(name)
        if current:
            label.append("  (current)", style="dim")
        return Option(label, id=name)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        problem = name_problem(event.value)
        if problem is not None:
            self.show_problem(problem)
            return
        self.dismiss(" ".join(event.value.split()))

    def on_input_changed(self, event: Input.Changed) -> None:
        self.show_problem(None)

    def show_problem(self, problem: str | None) -> None:
        note = self.query_one("#learner-problem", Static)
        note.update(Text(problem or ""))
        note.display = problem is not None

    def on_mount(self) -> None:
        self.show_problem(None)

    def action_cancel(self) -> None:
        self.dismiss(None)
