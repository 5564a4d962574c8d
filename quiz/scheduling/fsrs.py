"""FSRS-6 through the `fsrs` package: a card's stored state in, the state after a rating out.

Fuzzing is off: `fsrs` fuzzes with the module-level RNG, and with it off the preview shown before
an answer is exactly the interval the answer gives.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

import fsrs

from quiz.model import CardState, Rating, State
from quiz.settings import Settings

RATINGS = tuple(Rating)

_STATE_NAMES = {fsrs.State.Learning: State.LEARNING, fsrs.State.Review: State.REVIEW, fsrs.State.Relearning: State.RELEARNING}
_STATES = {name: state for state, name in _STATE_NAMES.items()}


class Scheduler:
    """One learner's FSRS scheduler (retention, steps and maximum interval from their settings)."""

    def __init__(self, settings: Settings | None = None, parameters: Sequence[float] | None = None) -> None:
        """`parameters`: the learner's fitted FSRS-6 weights (None: FSRS's defaults)."""
        self.settings = settings or Settings()
        s = self.settings
        self.fsrs = fsrs.Scheduler(
            parameters=fsrs.scheduler.DEFAULT_PARAMETERS if parameters is None else tuple(parameters),
            desired_retention=s.desired_retention,
            learning_steps=tuple(timedelta(minutes=m) for m in s.learning_steps),
            relearning_steps=tuple(timedelta(minutes=m) for m in s.relearning_steps),
            maximum_interval=s.maximum_interval,
            enable_fuzzing=False,
        )

    @property
    def decay(self) -> float:
        """The forgetting curve's exponent (FSRS-6: -w[20]) under this learner's parameters."""
        return -float(self.fsrs.parameters[20])

    def _fsrs_card(self, card_id: int, card: CardState, now: datetime) -> fsrs.Card:
        if card.state == State.NEW:
            return fsrs.Card(card_id=card_id, state=fsrs.State.Learning, step=0, due=now)
        return fsrs.Card(
            card_id=card_id,
            state=_STATES[card.state],
            step=card.step,
            stability=card.stability,
            difficulty=card.difficulty,
            due=card.due or now,
            last_review=card.last_review,
        )

    def review(self, card: CardState, rating: int, now: datetime, card_id: int = 0) -> CardState:
        """The card after `rating` at `now`; counts a lapse when a review card is forgotten and
        tags (or suspends, per settings) a leech when its lapses reach the threshold."""
        if rating not in RATINGS:
            raise ValueError(f"rating must be 1..4, not {rating!r}")
        now = _utc(now)
        after, _log = self.fsrs.review_card(self._fsrs_card(card_id, card, now), fsrs.Rating(rating), now)
        lapses = card.lapses + (1 if rating == Rating.AGAIN and card.state == State.REVIEW else 0)
        leech = card.leech or lapses >= self.settings.leech_threshold
        newly_leech = leech and not card.leech
        suspended = card.suspended or (newly_leech and self.settings.leech_action == "suspend")
        return CardState(  # every field is new: cheaper than dataclasses.replace
            _STATE_NAMES[after.state], after.step, after.stability, after.difficulty, after.due,
            after.last_review, card.reps + 1, lapses, leech, suspended,
        )

    def preview(self, card: CardState, now: datetime, card_id: int = 0) -> dict[int, timedelta]:
        """Rating -> interval until the card would be due again."""
        now = _utc(now)
        fcard = self._fsrs_card(card_id, card, now)
        return {
            rating: self.fsrs.review_card(fcard, fsrs.Rating(rating), now)[0].due - now
            for rating in RATINGS
        }

    def retrievability(self, card: CardState, now: datetime) -> float | None:
        """Probability of recall now; None for a card never answered."""
        if card.state == State.NEW or card.stability is None or card.last_review is None:
            return None
        elapsed = (_utc(now) - _utc(card.last_review)).total_seconds() / 86400
        return recall_at(elapsed, card.stability, self.decay)

    def predicted_recall(self, card: Any, moment: datetime) -> float:
        """The recall FSRS predicts at `moment` for a stored card (anything with the card fields,
        times as UTC ISO text or datetimes), 0.0 for one never answered: the one figure the
        teacher's homework view and the student's home both show."""
        if card.state == State.NEW or card.stability is None or card.last_review is None:
            return 0.0
        state = CardState(State(card.state), None, card.stability, card.difficulty, _moment(card.due),
                          _moment(card.last_review))
        return self.retrievability(state, moment) or 0.0


def recall_at(elapsed_days: float, stability: float, decay: float) -> float:
    """FSRS-6's forgetting curve, the one every figure of recall uses (py-fsrs's own rounds to
    whole days): the predicted recall `elapsed_days` after a review that left the
    card with `stability` (days); `decay` is the curve's (negative) exponent, -w[20]."""
    factor = 0.9 ** (1 / decay) - 1
    return float((1 + factor * max(0.0, elapsed_days) / stability) ** decay)


def _moment(value: datetime | str | None) -> datetime | None:
    return datetime.fromisoformat(value) if isinstance(value, str) else value


def retrievability(card: Any, now: datetime, settings: Settings | None = None) -> float | None:
    """Probability of recall now for anything with the card fields (a `CardState`, a `CardRow`)."""
    state = card if isinstance(card, CardState) else CardState(
        state=card.state, step=getattr(card, "step", None), stability=card.stability,
        difficulty=card.difficulty, due=card.due, last_review=card.last_review,
    )
    return Scheduler(settings).retrievability(state, now)


def _utc(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        raise ValueError("datetime must be timezone-aware")
    return moment if moment.tzinfo is UTC else moment.astimezone(UTC)
