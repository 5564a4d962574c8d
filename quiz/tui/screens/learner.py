"""Pick who is studying, or add a new learner: a class can share one database."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from quiz.tui.format import text
from quiz.tui.screens.base import DeskAccess


class LearnerScreen(DeskAccess, ModalScreen[str | None]):
    """Dismisses with the chosen (or newly typed) learner name, or None."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def compose(self) -> ComposeResult:
        desk = self.desk
        names = desk.learners()
        with Vertical(id="learner-dialog"):
            yield Static("Who is studying?", classes="dialog-title")
            yield OptionList(
                *(Option(text(n) + ("  [dim](current)[/dim]" if n == desk.learner else ""), id=n) for n in names),
                id="learner-list",
            )
            yield Input(placeholder="…or type a new name and press Enter", id="learner-new")

    def on_mount(self) -> None:
        self.query_one("#learner-list").focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        name = event.value.strip()
        if name:
            self.dismiss(name)

    def action_cancel(self) -> None:
        self.dismiss(None)
