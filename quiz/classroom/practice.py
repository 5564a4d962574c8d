"""Checked answers go into the study schedule, as if studied: each answered question reviews the
student's card for that fact and kind (right: Good, near miss: Hard, wrong: Again), with the
student's own FSRS settings and parameters. A practice paper's submission does it (a normal paper
never touches the schedule), and so does each answer in a live game (`quiz.live`), inside the
transaction that takes the answer."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from question_bank.questions import Question
from quiz.library.preferences import load_settings
from quiz.model import Outcome, Rating
from quiz.scheduling.fsrs import Scheduler
from quiz.store import Database
from quiz.store import classroom as rows
from quiz.store.cards import Answer
from quiz.store.fitting import learner_parameters
from quiz.store.learners import find_learner

RATING = {Outcome.CORRECT: Rating.GOOD, Outcome.NEAR_MISS: Rating.HARD, Outcome.WRONG: Rating.AGAIN}


@dataclass(frozen=True)
class Graded:
    """A checked answer to one question."""

    question: Question
    given: str
    verdict: Outcome
    duration_ms: int | None = None


def learner_scheduler(db: Database, learner_id: int) -> Scheduler:
    """The learner's own scheduler: their settings and fitted FSRS parameters (read before a write)."""
    return Scheduler(load_settings(db, learner_id), learner_parameters(db, learner_id))


def schedule(
    db: Database, bank: str, student: str, answered: list[tuple[Question, str, Outcome]], now: datetime
) -> int:
    """Review the student's cards for the (question, given, verdict) answers; how many were reviewed."""
    learner = find_learner(db, student)
    graded = [Graded(q, given, verdict) for q, given, verdict in answered]
    if learner is None or not any(g.verdict in RATING for g in graded):
        return 0
    scheduler = learner_scheduler(db, learner.id)
    with db.write():
        return len(review_answers(db, scheduler, learner.id, bank, graded, now))


def review_answers(
    db: Database, scheduler: Scheduler, learner_id: int, bank: str, graded: Sequence[Graded], now: datetime
) -> list[int]:
    """Inside the caller's write: review the learner's card for each graded answer (one review per
    card, the first answer's; cards made new where missing); the review ids written."""
    counted = [g for g in graded if g.verdict in RATING]
    keys = list(dict.fromkeys((g.question.fact_id, g.question.kind.value) for g in counted))
    cards = rows.practice_cards(db, learner_id, bank, keys, now)
    reviews = []
    for answer in counted:
        question = answer.question
        card = cards.pop((question.fact_id, question.kind.value), None)
        if card is None:
            continue
        rating = RATING[answer.verdict]
        after = scheduler.review(card.sched, rating, now, card.id)
        reviews.append((card, after, Answer(int(rating), question.mode.value, answer.verdict, question.wording_id,
                                            question.prompt, answer.given, question.answer, answer.duration_ms)))
    return rows.write_practice_reviews(db, reviews, now)
