"""The code of a live game, asked on a student's home (`g`) and on a teacher's tab: Enter goes on,
Esc goes back."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from quiz.tui.widgets.answer_input import AnswerInput

__all__ = ["GameCodeDialog"]


class GameCodeDialog(ModalScreen[str | None]):
    """Dismisses with the code typed (stripped), or None. `prompt`: the line above the field."""

    DEFAULT_CSS = """
    GameCodeDialog { align: center middle; }
    #game-code-dialog {
        width: 50; height: auto; padding: 1 2; border: round $accent; background: $surface;
    }
    #game-code-dialog Static { margin-bottom: 1; }
    """
    BINDINGS = [Binding("escape", "back", "Back")]

    def __init__(self, prompt: str = "Join a live game: the code on your teacher's screen.") -> None:
        super().__init__()
        self.prompt = prompt

    def compose(self) -> ComposeResult:
        with Vertical(id="game-code-dialog"):
            yield Static(self.prompt)
            yield AnswerInput(self, placeholder="Game code", id="game-code")

    def on_mount(self) -> None:
        self.query_one("#game-code-dialog").border_title = "Live game"
        self.set_focus(self.query_one("#game-code", Input))

    def answer_entered(self, text: str) -> None:
        if text.strip():
            self.dismiss(text.strip())

    def hold_key(self, event: events.Key) -> bool:
        return False

    def action_back(self) -> None:
        self.dismiss(None)
