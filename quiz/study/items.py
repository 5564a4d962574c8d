"""What a study session hands to the screens: the question shown, the feedback, the summary."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from quiz.model import Outcome, StudyItem

__all__ = ["CardFilter", "Feedback", "QueueCounts", "SessionSummary", "StudyItem"]


@dataclass(frozen=True)
class CardFilter:
    """What the browse screen asks for; None means "any"."""

    bank: str | None = None
    search: str = ""
    kind: str | None = None
    state: str | None = None
    due_only: bool = False
    suspended: bool | None = None
    leech: bool | None = None


@dataclass(frozen=True)
class QueueCounts:
    new: int
    learning: int
    review: int


@dataclass(frozen=True)
class Feedback:
    correct: bool
    outcome: Outcome
    reason: str
    rating: int
    given: str
    answer: str
    note: str
    source: str
    next_due: datetime
    interval: timedelta
    leech: bool = False  # this answer made the card a leech


@dataclass(frozen=True)
class SessionSummary:
    reviewed: int
    correct: int
    seconds: float
    next_due: datetime | None
    due_tomorrow: int  # cards falling due tomorrow: between today's day boundary and the next
    missed: tuple[tuple[str, str], ...] = ()  # (prompt, answer) of each card missed, in order
    complete: bool = False  # nothing more is due today
    due_today: int = 0  # cards still due before today's day boundary (learning cards coming back)


ANY_CARD = CardFilter()
