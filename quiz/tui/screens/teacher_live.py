"""A live game hosted from a teacher's browser tab (`g` on the class list), for the projector."""

from __future__ import annotations

from textual.binding import Binding

from quiz.live.model import State
from quiz.tui.screens.live_host import LiveHostScreen

__all__ = ["ProjectedHostScreen"]


class ProjectedHostScreen(LiveHostScreen):
    """The host screen in a teacher's tab: leaving goes back to the class list (the game stays as
    it is, and `g` with its code comes back to it), not out of the tab; q or Esc, at any time."""

    BINDINGS = [Binding("escape", "leave", "Back", show=False)]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return True if action == "leave" else super().check_action(action, parameters)

    def action_leave(self) -> None:
        if self.view.state is not State.ENDED:
            self.notify(f"Game {self.view.code} is still open: g and its code come back to it.",
                        timeout=6, markup=False)
        self.app.pop_screen()
