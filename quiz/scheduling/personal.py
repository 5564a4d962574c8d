"""Personal scheduling for one learner: fit FSRS to their history, save the fit only when it is
better, recompute their cards' memory under it, undo it, and simulate what a retention costs."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from quiz.clock import Clock, parse_utc, utc_iso
from quiz.errors import QuizError
from quiz.scheduling.optimize import (
    DEFAULT_PARAMETERS,
    MIN_ITEMS,
    CardHistory,
    Fit,
    RetentionCost,
    fit,
    histories,
    memory_states,
    next_interval_days,
    simulate,
    suggested_retention,
    training_items,
)
from quiz.settings import Settings, study_day
from quiz.store import Database
from quiz.store.fitting import (
    CardMemory,
    StoredParameters,
    load_parameters,
    restore_previous,
    review_cards,
    review_history,
    save_fit,
)

__all__ = ["OptimizeReport", "PersonalScheduling", "SimulationReport"]


class NotEnoughReviews(QuizError):
    """Too little history to fit: the message says how many more reviews are needed."""


@dataclass(frozen=True)
class OptimizeReport:
    learner: str
    reviews: int  # training items: first reviews of a day after a card's first day
    fit: Fit
    saved: bool

    def to_json(self) -> dict[str, object]:
        fit = self.fit
        return {
            "learner": self.learner,
            "reviews": self.reviews,
            "log_loss": {"default": fit.default.log_loss, "fitted": fit.fitted.log_loss},
            "rmse": {"default": fit.default.rmse, "fitted": fit.fitted.rmse},
            "saved": self.saved,
        }


USUAL_RETENTION = (0.80, 0.95)  # the range Anki's manual recommends for desired retention


@dataclass(frozen=True)
class SimulationReport:
    days: int
    cards: int
    rows: tuple[RetentionCost, ...]
    suggested: float  # the cheapest retention within USUAL_RETENTION
    fitted_at: str | None  # when the parameters used were fitted; None: FSRS's defaults
    cheapest: float | None = None  # FSRS's own search (0.70–0.95), which may fall below the usual range

    def explain(self) -> str:
        """The suggestion in one sentence, the same in `quiz simulate` and on the Settings screen."""
        low, high = USUAL_RETENTION
        sentence = (f"Suggested retention: {self.suggested:.2f}, the least study time per fact remembered "
                    f"within {low:.2f}–{high:.2f}, the range most people keep (Anki's default costs: about "
                    "8–20 s a review).")
        if self.cheapest is not None and self.cheapest < low:
            forgotten = round(10 * (1 - self.cheapest))
            sentence += (f" FSRS's search alone finds {self.cheapest:.2f} cheaper still, but at {self.cheapest:.2f} "
                         f"you would have forgotten about {forgotten} facts in 10 each time one comes back.")
        return sentence


class PersonalScheduling:
    """One learner's FSRS parameters, on one connection."""

    def __init__(self, db: Database, learner_id: int, learner: str, settings: Settings, clock: Clock):
        self.db, self.learner_id, self.learner, self.settings, self.clock = db, learner_id, learner, settings, clock

    def fitted(self) -> str | None:
        """When the parameters in use were fitted (UTC ISO), or None for FSRS's defaults."""
        stored = load_parameters(self.db, self.learner_id)
        return stored.fitted_at if stored else None

    def parameters(self) -> tuple[float, ...]:
        """What the scheduler uses for this learner: the fitted parameters, else FSRS's defaults."""
        stored = load_parameters(self.db, self.learner_id)
        return stored.parameters if stored else DEFAULT_PARAMETERS

    def _rows(self) -> Iterator[tuple[int, date, int, str]]:
        for card_id, at, rating, before in review_history(self.db, self.learner_id):
            moment = parse_utc(at)
            assert moment is not None
            yield card_id, study_day(moment, self.settings), rating, before

    def optimize(self, *, dry_run: bool = False) -> OptimizeReport:
        """Fit, compare with the defaults on held-out reviews, and save only a better fit."""
        cards = histories(self._rows())
        items = training_items(cards)
        if len(items) < MIN_ITEMS:
            have, more = len(items), MIN_ITEMS - len(items)
            raise NotEnoughReviews(
                f"{self.learner} has {have} review{'' if have == 1 else 's'} to learn from; fitting needs "
                f"{MIN_ITEMS} ({more} more first-of-the-day review{'' if more == 1 else 's'} of cards seen before)"
            )
        result = fit(items)
        saved = result.better and not dry_run
        if saved:
            save_fit(self.db, self.learner_id, StoredParameters(
                result.parameters, None, utc_iso(self.clock()), len(items),
                (result.default.log_loss, result.fitted.log_loss), (result.default.rmse, result.fitted.rmse),
            ), self._memories(result.parameters, cards))
        return OptimizeReport(self.learner, len(items), result, saved)

    def undo(self) -> bool:
        """Back to the parameters before the last fit, cards recomputed under them (one transaction)."""
        stored = load_parameters(self.db, self.learner_id)
        if stored is None:
            return False
        back_to = stored.previous or DEFAULT_PARAMETERS
        memories = self._memories(back_to, histories(self._rows()))
        return restore_previous(self.db, self.learner_id, stored.parameters, memories)

    def _memories(self, parameters: tuple[float, ...], cards: list[CardHistory]) -> list[CardMemory]:
        """Each review card's stability and difficulty from its history, and its due date from them."""
        answered = review_cards(self.db, self.learner_id)
        rows = []
        for card_id, stability, difficulty in memory_states(parameters, [c for c in cards if c.card_id in answered]):
            state, last = answered[card_id]
            last_review = parse_utc(last)
            if state != "review" or last_review is None:
                continue  # learning cards keep their steps; their state is set when they graduate
            days = next_interval_days(parameters, stability, self.settings.desired_retention)
            days = min(max(1.0, round(days)), float(self.settings.maximum_interval))
            rows.append(CardMemory(card_id, stability, difficulty, utc_iso(last_review + timedelta(days=days)), last))
        return rows

    def simulate(
        self, retentions: tuple[float, ...], days: int, cards: int, progress: Callable[[int], None] | None = None
    ) -> SimulationReport:
        parameters = self.parameters()
        per_day = self.settings.new_per_day
        rows = simulate(parameters, retentions, days=days, cards=cards, new_per_day=per_day, progress=progress)
        # FSRS's search assumes one cheapest point with costs rising on both sides of it (its curve
        # is unimodal), so within the usual range the cheapest retention is the nearest to it.
        cheapest = suggested_retention(parameters, days=days, cards=cards, new_per_day=per_day)
        low, high = USUAL_RETENTION
        suggested = min(max(cheapest, low), high)
        return SimulationReport(days, cards, tuple(rows), suggested, self.fitted(), cheapest)
