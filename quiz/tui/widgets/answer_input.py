"""An answer box whose Enter hands the text to the screen at once, so the keys typed after it go
to whatever the screen shows next.

Textual's Input answers Enter with a `Submitted` message, which reaches the screen only after the
box has taken the keys already queued behind the Enter: a fast typist's "second" became part of
"first answer". Here Enter is handled in the box's own key handler, before those keys: the screen
takes the text and moves on in the same call. A key the box still receives once it is no longer
focused goes on to the widget that is; while the screen waits on the store, it may keep keys.
"""

from __future__ import annotations

from typing import Protocol

from textual import events
from textual.widgets import Input

__all__ = ["AnswerInput", "AnswerTarget"]


class AnswerTarget(Protocol):
    """The screen behind an answer box."""

    def answer_entered(self, text: str) -> None:
        """Enter was pressed with `text` in the box: take it now (the box may change under it)."""

    def hold_key(self, event: events.Key) -> bool:
        """True when the screen keeps this key for later (it is waiting on the store)."""


class AnswerInput(Input):
    """An Input whose Enter calls `target.answer_entered` synchronously (no Submitted message)."""

    def __init__(self, target: AnswerTarget, **options: object) -> None:
        super().__init__(**options)  # type: ignore[arg-type]
        self.target = target

    async def _on_key(self, event: events.Key) -> None:
        if self.screen.focused is not self:  # the screen moved on: the key is the next widget's
            event.stop()
            event.prevent_default()
            (self.screen.focused or self.screen)._forward_event(events.Key(event.key, event.character))
            return
        if self.target.hold_key(event):
            event.stop()
            event.prevent_default()
            return
        if event.key == "enter":
            event.stop()
            event.prevent_default()
            self.target.answer_entered(self.value)
            return
        await super()._on_key(event)
