"""The study screen's writes, reported back from its writer thread, and the keys that wait for them.

A study session is one question after another: the verdict and the next step depend on the
answer being written (the session schedules and commits in one call). So the screen hands the
call to its writer thread and waits without freezing; keys pressed meanwhile are held and
replayed, in order, once the report is on screen, as they would have been had the screen kept up.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from textual import events
from textual.app import App
from textual.message import Message

from quiz.errors import QuizError
from quiz.study.items import Feedback

__all__ = ["Answered", "HeldKeys", "NotDone", "StudyWrite", "Suspended", "Undone"]


class StudyWrite(StrEnum):
    ANSWER = "answer"
    RATE = "rate"
    UNDO = "undo"
    SUSPEND = "suspend"


@dataclass
class Answered(Message):
    """An answer (or a flip card's rating) is scored and stored."""

    feedback: Feedback
    write: StudyWrite


@dataclass
class Undone(Message):
    undone: bool


@dataclass
class Suspended(Message):
    pass


@dataclass
class NotDone(Message):
    """The session or the store refused: nothing was recorded."""

    write: StudyWrite
    error: QuizError


class HeldKeys:
    """Keys that arrived while the screen waited on its writer, given back to the app in order."""

    def __init__(self) -> None:
        self.keys: list[events.Key] = []

    def hold(self, event: events.Key) -> None:
        event.stop()
        event.prevent_default()
        self.keys.append(events.Key(event.key, event.character))

    def replay(self, app: App[object]) -> None:
        """Post them to the app as if just typed: each goes to whatever has focus when it is read."""
        keys, self.keys = self.keys, []
        for key in keys:
            app.post_message(key)
