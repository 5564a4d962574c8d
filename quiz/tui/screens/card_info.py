"""Card info as a dialog over the study or browse screen; `s` suspends or unsuspends from here."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

from quiz.tui.screens.base import DeskAccess
from quiz.tui.widgets.card_info import CardInfo


class CardInfoScreen(DeskAccess, ModalScreen[bool]):
    """Dismisses with True when the card's suspension changed."""

    BINDINGS = [
        Binding("escape,q,i,e,enter", "close", "Close"),
        Binding("s", "toggle_suspend", "Suspend/unsuspend"),
    ]

    def __init__(self, card_id: int, *, allow_suspend: bool = True, hide_answer: bool = False) -> None:
        super().__init__()
        self.card_id = card_id
        self.allow_suspend = allow_suspend
        self.hide_answer = hide_answer  # asked from a question not yet answered
        self.changed = False

    def compose(self) -> ComposeResult:
        with Vertical(id="card-dialog"):
            yield CardInfo(id="card-info")
            yield Static("[dim]Esc close · s suspend/unsuspend[/dim]" if self.allow_suspend
                         else "[dim]Esc close[/dim]", id="card-hint")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#card-dialog").border_title = "Card info"
        self.reload()

    def reload(self) -> None:
        detail = self.desk.card(self.card_id)
        if detail is None:
            self.dismiss(self.changed)
            return
        self.detail = detail
        self.query_one(CardInfo).show(detail, hide_answer=self.hide_answer)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "toggle_suspend":
            return self.allow_suspend
        return True

    def action_toggle_suspend(self) -> None:
        flag = not self.detail.row.suspended
        self.desk.set_suspended(self.card_id, flag)
        self.changed = True
        self.notify("Card suspended" if flag else "Card unsuspended", timeout=2)
        self.reload()

    def action_close(self) -> None:
        self.dismiss(self.changed)
