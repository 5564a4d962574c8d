"""Flip-card self-grading: four buttons (also keys 1-4) labelled with the interval each would give."""

from __future__ import annotations

from datetime import timedelta

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Button
from textual.widgets._button import ButtonVariant

from quiz.tui.format import RATING_LABELS, interval


class RatingBar(Horizontal):
    """Again / Hard / Good / Easy; the buttons take clicks but never focus, so keys stay with the screen."""

    class Rated(Message):
        def __init__(self, rating: int) -> None:
            super().__init__()
            self.rating = rating

    def compose(self) -> ComposeResult:
        variants: dict[int, ButtonVariant] = {1: "error", 2: "warning", 3: "success", 4: "primary"}
        for rating, label in RATING_LABELS.items():
            button = Button(f"{rating} {label}", id=f"rate-{rating}", variant=variants[rating])
            button.can_focus = False
            yield button

    def show_preview(self, preview: dict[int, timedelta]) -> None:
        for rating, label in RATING_LABELS.items():
            after = preview.get(rating)
            suffix = f" · {interval(after)}" if after is not None else ""
            self.query_one(f"#rate-{rating}", Button).label = f"{rating} {label}{suffix}"

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.post_message(self.Rated(int(str(event.button.id).removeprefix("rate-"))))
