"""What the take screen knows of its answers while the store writes them, and the writer's reports.

The screen moves on the moment an answer is given; the write follows on the screen's writer
thread. So an answer is first "given" (shown as answered), then saved, or refused and kept for
another try (a full disk). Several answers to one question may be on their way at once: only the
newest one's fate decides what the screen shows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from textual.binding import Binding
from textual.message import Message
from textual.widgets import OptionList

from quiz.errors import QuizError, StoreError

if TYPE_CHECKING:
    from quiz.classroom.types import AttemptResult

__all__ = ["AnswerBook", "AnswerRefused", "AnswerSaved", "ChoiceList", "PaperSubmitted", "SubmitRefused", "why"]


def why(error: StoreError) -> str:
    """The store's reason alone ("the disk is full"), for a sentence that says what was not done."""
    return str(error).removeprefix("not saved: ")


@dataclass
class AnswerSaved(Message):
    """The store holds `given` for the question at `position`."""

    position: int
    given: str
    seq: int


@dataclass
class AnswerRefused(Message):
    """The store did not take `given` (a full disk, or past the deadline)."""

    position: int
    given: str
    seq: int
    error: QuizError


@dataclass
class PaperSubmitted(Message):
    result: AttemptResult
    at_deadline: bool


@dataclass
class SubmitRefused(Message):
    error: QuizError
    at_deadline: bool


@dataclass
class AnswerBook:
    """The answers of one attempt: `stored` (what a killed terminal would resume with), `given`
    (stored or on their way: what the screen shows chosen), `unsaved` (refused, kept for another
    try) and the writes still on their way."""

    stored: dict[int, str]
    given: dict[int, str] = field(init=False)
    unsaved: dict[int, str] = field(default_factory=dict)
    _newest: dict[int, int] = field(default_factory=dict)
    _on_the_way: dict[int, int] = field(default_factory=dict)  # position -> writes on their way
    _seq: int = 0

    def __post_init__(self) -> None:
        self.given = dict(self.stored)

    @property
    def saving(self) -> bool:
        return bool(self._on_the_way)

    def pending(self, position: int) -> bool:
        """An answer to this question is on its way to the store."""
        return position in self._on_the_way

    def _arrived(self, position: int) -> None:
        left = self._on_the_way.pop(position) - 1
        if left:
            self._on_the_way[position] = left

    def give(self, position: int, text: str) -> int | None:
        """Take an answer; its write's number, or None when there is nothing new to write."""
        if self.given.get(position) == text and position not in self.unsaved:
            return None
        self._seq += 1
        self._newest[position] = self._seq
        self._on_the_way[position] = self._on_the_way.get(position, 0) + 1
        self.given[position] = text
        return self._seq

    def saved(self, report: AnswerSaved) -> None:
        self._arrived(report.position)
        self.stored[report.position] = report.given
        if self._newest.get(report.position) == report.seq:
            self.unsaved.pop(report.position, None)

    def refused(self, report: AnswerRefused) -> bool:
        """Whether the refused answer was the newest for its question (then it is kept unsaved)."""
        self._arrived(report.position)
        if self._newest.get(report.position) != report.seq:
            return False
        self.unsaved[report.position] = report.given
        if report.position in self.stored:
            self.given[report.position] = self.stored[report.position]
        else:
            self.given.pop(report.position, None)
        return True


class Chooser(Protocol):
    def choose(self, option: int) -> None:
        """The student picked option `option` (from 0) of the question on screen."""


class ChoiceList(OptionList, inherit_bindings=False):
    """Options picked by arrows and Enter; left/right and page keys are left to the screen,
    where they move between questions. Enter chooses in the key's own handler, not by a message
    the screen sees later, so a number typed right after it answers the next question."""

    BINDINGS = [
        Binding("up", "cursor_up", show=False),
        Binding("down", "cursor_down", show=False),
        Binding("home", "first", show=False),
        Binding("end", "last", show=False),
        Binding("enter", "select", show=False),
    ]

    def __init__(self, chooser: Chooser, **options: object) -> None:
        super().__init__(**options)  # type: ignore[arg-type]
        self.chooser = chooser

    def action_select(self) -> None:
        if self.highlighted is not None:
            self.chooser.choose(self.highlighted)
