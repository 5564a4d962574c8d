"""Homework's exam rule (issue #21): a card set for an exam is seen again before the exam whenever
waiting for its usual due date would leave it likely forgotten on the day.

Pure functions over FSRS's forgetting curve: no store, no clock.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from quiz.model import CardState
from quiz.scheduling.fsrs import recall_at
from quiz.settings import Settings, local_moment

DAY = timedelta(days=1)


@dataclass(frozen=True)
class ExamPlan:
    """One active homework as the scheduler sees it: which cards (bank and kinds), how many new ones
    a day (None: the learner's own setting), and when its exam starts (None: no exam)."""

    homework_id: int
    bank: str
    kinds: frozenset[str]
    daily: int | None = None
    exam: datetime | None = None  # the start of the learner's study day of the exam date (UTC)
    retention: float | None = None  # recall wanted on the exam day; None: the learner's desired retention

    def covers(self, bank: str, kind: str) -> bool:
        return bank == self.bank and kind in self.kinds


def covering(plans: Iterable[ExamPlan], bank: str, kind: str) -> list[ExamPlan]:
    """The homework that covers a card, oldest first."""
    return [plan for plan in plans if plan.covers(bank, kind)]


def exam_start(day: date, settings: Settings) -> datetime:
    """When an exam on `day` starts for the learner: the start of that study day (UTC), so a card
    due before it is in the queue of a day before the exam."""
    return local_moment(day, settings.rollover_hour, settings.zone())


def exam_capped_due(
    *, reviewed: datetime, due: datetime, stability: float | None, exam: datetime | None,
    retention: float, decay: float,
) -> datetime:
    """`due`, or an earlier due date so the card is reviewed before the exam.

    The rule: while the exam is ahead (`reviewed` < `exam`), a card whose next review would come
    at or after the exam, and whose predicted recall at the exam (from `reviewed`, with its new
    `stability`) is below `retention`, is due instead at the start of the last study day before
    the exam (`exam` - 1 day), or at once (`reviewed`) when that day has begun: the review that day
    raises its stability for the exam. A card already due before the exam, one likely recalled on
    the day anyway, one not yet learnt (no stability), and every card once the exam has begun
    (after the exam date scheduling is the usual) keep `due`. The date is never moved later.

    With FSRS's own interval for the same retention this binds rarely (its due date is when recall
    falls to `retention`), mostly through whole-day rounding; it matters when the homework asks
    more for the exam day (`--retention 0.95` over a learner's 0.9) than the usual intervals keep.
    """
    if exam is None or stability is None or stability <= 0 or reviewed >= exam or due < exam:
        return due
    elapsed = (exam - reviewed).total_seconds() / DAY.total_seconds()
    if recall_at(elapsed, stability, decay) >= retention:
        return due
    return min(due, max(reviewed, exam - DAY))


def capped_state(
    card: CardState, reviewed: datetime, plans: Iterable[ExamPlan], retention: float, decay: float
) -> CardState:
    """A card's state after a review (`card`), its due date capped by `exam_capped_due` for the
    exam of each homework covering it (the earliest cap wins), each at the larger of its own
    retention and the learner's `retention`."""
    due = card.due
    if due is None:
        return card
    for plan in plans:
        wanted = retention if plan.retention is None else max(retention, plan.retention)
        due = exam_capped_due(
            reviewed=reviewed, due=due, stability=card.stability, exam=plan.exam, retention=wanted, decay=decay
        )
    return card if due == card.due else replace(card, due=due)
