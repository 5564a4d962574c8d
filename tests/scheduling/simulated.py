"""A learner simulated with FSRS's own forgetting curve under parameters unlike the defaults: their
reviews are scheduled by default FSRS, but they remember as their true parameters say."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta

import fsrs

from quiz.scheduling.optimize import DEFAULT_PARAMETERS, CardHistory

# Forgets much faster at first than FSRS's defaults assume, and recovers differently after lapses.
TRUE_PARAMETERS = (
    0.05, 0.2, 0.6, 2.0, *DEFAULT_PARAMETERS[4:11], 0.6, *DEFAULT_PARAMETERS[12:20], 0.5,
)
START = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


def simulated_histories(cards: int, days: int, seed: int = 1) -> list[CardHistory]:
    rng = random.Random(seed)
    scheduler = fsrs.Scheduler(learning_steps=(), relearning_steps=(), enable_fuzzing=False)
    truth = fsrs.Scheduler(parameters=TRUE_PARAMETERS, learning_steps=(), relearning_steps=(), enable_fuzzing=False)
    out = []
    for card_id in range(1, cards + 1):
        first_day = rng.randrange(0, max(1, days // 2))
        now = START + timedelta(days=first_day)
        planned, real = fsrs.Card(card_id=card_id), fsrs.Card(card_id=card_id)
        rating = fsrs.Rating.Good
        history: list[tuple[date, int]] = []
        while now < START + timedelta(days=days):
            history.append((now.date(), int(rating)))
            planned = scheduler.review_card(planned, rating, now)[0]
            real = truth.review_card(real, rating, now)[0]
            now = max(planned.due, now + timedelta(days=1))
            recall = truth.get_card_retrievability(real, now)
            rating = fsrs.Rating.Good if rng.random() < recall else fsrs.Rating.Again
        out.append(CardHistory(card_id, tuple(history)))
    return out
