"""Nothing to study now: why (today's new cards done, cards buried, learning cards later), and,
when new cards wait, the offer to study 10 more today."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

EXTRA = 10


class NothingToStudyScreen(ModalScreen[bool]):
    """Dismisses with True when the learner asks for more new cards today."""

    BINDINGS = [
        Binding("escape,q", "back", "Back"),
        Binding("m", "more", f"Study {EXTRA} more", show=False),
    ]

    def __init__(self, reason: str, *, offer_more: bool) -> None:
        super().__init__()
        self.reason = reason
        self.offer_more = offer_more

    def compose(self) -> ComposeResult:
        with Vertical(id="nothing-dialog"):
            yield Static("Nothing to study now", classes="dialog-title")
            yield Static(Text(self.reason), id="nothing-reason")
            with Horizontal(id="nothing-buttons"):
                if self.offer_more:
                    yield Button(f"Study {EXTRA} more today", id="more", variant="primary")
                yield Button("Back", id="back")

    def on_mount(self) -> None:
        self.query_one("#nothing-dialog").border_title = "quiz"

    @on(Button.Pressed, "#more")
    def action_more(self) -> None:
        if self.offer_more:
            self.dismiss(True)

    @on(Button.Pressed, "#back")
    def action_back(self) -> None:
        self.dismiss(False)
