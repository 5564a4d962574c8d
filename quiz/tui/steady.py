"""A served tab's cursor does not blink: in a browser (`quiz serve`) each tab is a process on the
teacher's machine, and a blinking cursor redraws its box twice a second whether anyone types or
not. An idle tab at a typed question cost 8.0 ms of CPU a second with it, 3.7 without (from /proc);
a hundred open tabs, about 0.4 of a core doing nothing. In a terminal the cursor blinks as before.
"""

from __future__ import annotations

from typing import Any

from textual import events
from textual.app import App
from textual.widgets import Input


class SteadyCursor(App[Any]):
    """Mixed into the apps `quiz serve` runs per tab (take, student's home, teacher's tab)."""

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """An input focused in a served tab stops blinking (its cursor stays shown)."""
        widget = event.widget
        if self.is_web and isinstance(widget, Input) and widget.cursor_blink:
            widget.cursor_blink = False
