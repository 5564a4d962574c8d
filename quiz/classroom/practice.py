"""A practice paper's answers go into the study schedule, as if studied: each answered question
reviews the student's card for that fact and kind (right: Good, near miss: Hard, wrong: Again).
A normal paper never touches the schedule."""

from __future__ import annotations

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


def schedule(
    db: Database, bank: str, student: str, answered: list[tuple[Question, str, Outcome]], now: datetime
) -> int:
    """Review the student's cards for the (question, given, verdict) answers; how many were reviewed."""
    learner = find_learner(db, student)
    graded = [(q, given, verdict) for q, given, verdict in answered if verdict in RATING]
    if learner is None or not graded:
        return 0
    scheduler = Scheduler(load_settings(db, learner.id), learner_parameters(db, learner.id))
    keys = list(dict.fromkeys((q.fact_id, q.kind.value) for q, _, _ in graded))
    with db.write():
        cards = rows.practice_cards(db, learner.id, bank, keys, now)
        reviews = []
        for question, given, verdict in graded:
            card = cards.get((question.fact_id, question.kind.value))
            if card is None:
                continue
            rating = RATING[verdict]
            after = scheduler.review(card.sched, rating, now, card.id)
            reviews.append((card, after, Answer(int(rating), question.mode.value, verdict, question.wording_id,
                                                question.prompt, given, question.answer)))
            cards.pop((question.fact_id, question.kind.value))  # one review per card per paper
        return rows.write_practice_reviews(db, reviews, now)
