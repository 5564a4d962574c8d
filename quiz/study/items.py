"""What a study session hands to the screens: the question shown, the feedback, the summary."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from question_bank.questions.generate import Question


@dataclass(frozen=True)
class QueueCounts:
    new: int
    learning: int
    review: int


@dataclass(frozen=True)
class StudyItem:
    card_id: int
    question: Question
    state: str  # 'new' | 'learning' | 'review' | 'relearning'


@dataclass(frozen=True)
class Feedback:
    correct: bool
    outcome: str
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
    due_tomorrow: int
