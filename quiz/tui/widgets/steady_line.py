"""A line of text that a screen sets a few times a second (a countdown, a count of answers) and
that is drawn again only when its text changes, without laying the screen out again."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

__all__ = ["SteadyLine"]


class SteadyLine(Static):
    """A `Static` for text that is mostly set again unchanged (its height must not change)."""

    _text: Text | None = None

    def show(self, text: Text) -> None:
        if text != self._text:
            self._text = text
            self.update(text, layout=False)
