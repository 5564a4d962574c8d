"""What the sign-in screens share (a paper's and the student's home's): Enter goes to the next
empty field and signs in once all are filled, and the focused field is marked in words too, not
only by colour (a browser test waits on it)."""

from __future__ import annotations

from typing import ClassVar, cast

from textual import events
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Input, Static

from quiz.tui.widgets.answer_input import AnswerInput, AnswerTarget


def name_and_code(target: AnswerTarget) -> ComposeResult:
    """A student's name and personal code, and the line that says why a sign-in was refused."""
    yield AnswerInput(target, placeholder="Your name", id="student-name")
    yield AnswerInput(target, placeholder="Personal code", password=True, id="personal-code")
    yield Static(id="sign-in-error")


class SignInFields:
    """Mixed into a sign-in `Screen`, which gives `LABELS` (field id -> label) and `sign_in()`."""

    LABELS: ClassVar[dict[str, str]] = {}

    def sign_in(self) -> None:
        raise NotImplementedError

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter: to the next empty field, or sign in when all are filled."""
        event.stop()
        self.action_next_field()

    def answer_entered(self, text: str) -> None:
        """Enter in a field (an `AnswerInput`, handled before the keys queued behind it: a code
        typed fast after the name lands in the code's field, never in the name's, in clear)."""
        self.action_next_field()

    def hold_key(self, event: events.Key) -> bool:
        return False

    def action_next_field(self) -> None:
        fields = [w for w in cast(Screen[None], self).query(Input) if w.display]
        empty = next((w for w in fields if not w.value.strip()), None)
        if empty is not None:
            self.focus_field(empty)
            return
        self.sign_in()

    def focus_field(self, target: Input) -> None:
        """Focus a field and mark it: "▸ Name"."""
        cast(Screen[None], self).set_focus(target)
        self.mark_field(target)

    def mark_field(self, target: Input) -> None:
        for field in cast(Screen[None], self).query(Input):
            label = self.LABELS.get(field.id or "", "")
            field.border_title = f"▸ {label}" if field is target else label

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """Focused by Tab or the mouse: mark the field. Only marked, never focused again, and only
        while it still has the focus: on a busy host the event of a field focused earlier can come
        after Enter has moved on, and must not send what is typed next back into that field."""
        if isinstance(event.widget, Input) and event.widget is cast(Screen[None], self).focused:
            self.mark_field(event.widget)
