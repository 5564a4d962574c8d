"""What a teacher's tab does with a class's live game (`g` on the class list): start one from the
class's weakest facts or from what most students have due, or go back to one by its code."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from quiz.live.model import DEFAULT_QUESTIONS, DEFAULT_SECONDS

__all__ = ["BY_CODE", "LiveStartDialog"]

BY_CODE = "code"  # the choice that asks for a game's code rather than starting one


class LiveStartDialog(ModalScreen[str | None]):
    """Dismisses with "weak", "due", BY_CODE, or None (Esc)."""

    DEFAULT_CSS = """
    LiveStartDialog { align: center middle; }
    #live-start-dialog { width: 64; height: auto; padding: 1 2; border: round $accent; background: $surface; }
    #live-start-dialog Static { margin-bottom: 1; }
    #live-start-choices { height: auto; }
    """
    BINDINGS = [Binding("escape", "back", "Back")]

    def __init__(self, class_name: str) -> None:
        super().__init__()
        self.class_name = class_name

    def compose(self) -> ComposeResult:
        with Vertical(id="live-start-dialog"):
            yield Static(f"{DEFAULT_QUESTIONS} questions of {DEFAULT_SECONDS} seconds, with points; "
                         "students join from their home with g and the code. Esc: back.", markup=False)
            yield OptionList(
                Option(f"Start: the class's {DEFAULT_QUESTIONS} weakest facts", id="weak"),
                Option(f"Start: the {DEFAULT_QUESTIONS} facts most students have due", id="due"),
                Option("Go back to a game by its code", id=BY_CODE),
                id="live-start-choices",
            )

    def on_mount(self) -> None:
        self.query_one("#live-start-dialog").border_title = f"Live game · {self.class_name}"
        choices = self.query_one("#live-start-choices", OptionList)
        choices.highlighted = 0
        choices.focus()

    @on(OptionList.OptionSelected, "#live-start-choices")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_back(self) -> None:
        self.dismiss(None)
