"""The application's value types: card states, ratings, ids and a card's scheduling fields.

`Kind`, `Mode` and `Outcome` come from the domain (`question_bank`) and are re-exported here, so
the application names every fixed set of values from one place.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import IntEnum, StrEnum
from typing import NewType

from question_bank.answers.verdict import Outcome
from question_bank.facts.kinds import Kind
from question_bank.questions.question import Mode, Question

LearnerId = NewType("LearnerId", int)
CardId = NewType("CardId", int)
ReviewId = NewType("ReviewId", int)

__all__ = [
    "CardId", "CardState", "Kind", "LearnerId", "Mode", "ModeMix", "Outcome", "Rating", "ReviewId",
    "State", "StudyItem", "LEARNING_STATES",
]


class State(StrEnum):
    """Where a card stands. A new card has never been answered (its `due` is None)."""

    NEW = "new"
    LEARNING = "learning"
    REVIEW = "review"
    RELEARNING = "relearning"


LEARNING_STATES = (State.LEARNING, State.RELEARNING)
STATES = {state.value: state for state in State}  # text from the store -> State, one dict lookup


class Rating(IntEnum):
    AGAIN = 1
    HARD = 2
    GOOD = 3
    EASY = 4

    @property
    def label(self) -> str:
        return self.name.capitalize()


class ModeMix(StrEnum):
    """Which answer mode a card is asked in: one mode, or typed and multiple choice in turn."""

    MC = "mc"
    TYPED = "typed"
    CLOZE = "cloze"
    FLIP = "flip"
    ALTERNATE = "alternate"


class LeechAction(StrEnum):
    TAG = "tag"
    SUSPEND = "suspend"


@dataclass(frozen=True)
class CardState:
    """The scheduling fields of a card row. `due` is None only for a new card."""

    state: State = State.NEW
    step: int | None = None
    stability: float | None = None
    difficulty: float | None = None
    due: datetime | None = None
    last_review: datetime | None = None
    reps: int = 0
    lapses: int = 0
    leech: bool = False
    suspended: bool = False


@dataclass(frozen=True)
class StudyItem:
    card_id: int
    question: Question
    state: State
