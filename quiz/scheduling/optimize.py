"""Fitting FSRS to one learner's history, and simulating what a desired retention costs.

Through `fsrs-rs-python` (the Rust optimizer Anki uses, no torch). Pure: review rows in, figures out.
Training items follow FSRS's convention: the first review of each study day only, each item a
card's history up to one review (the review to predict), in the order they happened.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date

import fsrs_rs_python as fsrs_rs

DEFAULT_PARAMETERS: tuple[float, ...] = tuple(fsrs_rs.DEFAULT_PARAMETERS)
MIN_ITEMS = 400  # below this the optimizer mostly returns the defaults; Anki asks for about as many


@dataclass(frozen=True)
class CardHistory:
    """One card's first review of each study day: (day, rating), oldest first."""

    card_id: int
    days: tuple[tuple[date, int], ...]


@dataclass(frozen=True)
class Evaluation:
    log_loss: float
    rmse: float


@dataclass(frozen=True)
class Fit:
    parameters: tuple[float, ...]
    items: int
    default: Evaluation
    fitted: Evaluation

    @property
    def better(self) -> bool:
        """Log loss on held-out reviews decides (RMSE is reported too). Only FSRS's defaults are a
        fair yardstick: a fit already in use was made from these very reviews, so its in-sample
        figure would flatter it."""
        return self.fitted.log_loss < self.default.log_loss


@dataclass(frozen=True)
class RetentionCost:
    retention: float
    reviews_per_day: float
    remembered: float  # cards remembered at the end of the period


def histories(rows: Iterable[tuple[int, date, int, str]]) -> list[CardHistory]:
    """Cards' histories from (card_id, study day, rating, state before) rows sorted by card and time.
    Cards whose first stored review is not their first ever (history cut) are left out."""
    out: list[CardHistory] = []
    card: int | None = None
    days: list[tuple[date, int]] = []
    complete = True
    for card_id, day, rating, state_before in rows:
        if card_id != card:
            if card is not None and complete and days:
                out.append(CardHistory(card, tuple(days)))
            card, days, complete = card_id, [], state_before == "new"
        if not days or days[-1][0] != day:
            days.append((day, rating))
    if card is not None and complete and days:
        out.append(CardHistory(card, tuple(days)))
    return out


def _reviews(days: Sequence[tuple[date, int]]) -> list[fsrs_rs.FSRSReview]:
    return [fsrs_rs.FSRSReview(rating, (day - days[i - 1][0]).days if i else 0) for i, (day, rating) in enumerate(days)]


def training_items(cards: Sequence[CardHistory]) -> list[fsrs_rs.FSRSItem]:
    """One item per review after a card's first day, ordered by the day of the review predicted."""
    dated: list[tuple[date, int, fsrs_rs.FSRSItem]] = []
    for card in cards:
        reviews = _reviews(card.days)
        for end in range(2, len(reviews) + 1):
            dated.append((card.days[end - 1][0], card.card_id, fsrs_rs.FSRSItem(reviews[:end])))
    dated.sort(key=lambda entry: (entry[0], entry[1]))
    return [item for _, _, item in dated]


def _evaluation(result: fsrs_rs.ModelEvaluation) -> Evaluation:
    return Evaluation(float(result.log_loss), float(result.rmse_bins))


def fit(items: Sequence[fsrs_rs.FSRSItem]) -> Fit:
    """Fitted parameters, and FSRS's defaults against the fit on held-out reviews (time-series
    splits: each fold is predicted by parameters fitted on the folds before it)."""
    held_out = _evaluation(fsrs_rs.evaluate_with_time_series_splits(list(items)))
    default = _evaluation(fsrs_rs.FSRS(list(DEFAULT_PARAMETERS)).evaluate(list(items)))
    parameters = tuple(fsrs_rs.FSRS(list(DEFAULT_PARAMETERS)).compute_parameters(list(items)))
    return Fit(parameters, len(items), default, held_out)


def memory_states(
    parameters: Sequence[float], cards: Sequence[CardHistory]
) -> list[tuple[int, float, float]]:
    """(card_id, stability, difficulty) of each card after its history, under `parameters`."""
    model = fsrs_rs.FSRS(list(parameters))
    states = model.memory_state_batch([fsrs_rs.FSRSItem(_reviews(card.days)) for card in cards])
    return [(card.card_id, state.stability, state.difficulty) for card, state in zip(cards, states, strict=True)]


def next_interval_days(parameters: Sequence[float], stability: float, retention: float) -> float:
    return float(fsrs_rs.FSRS(list(parameters)).next_interval(stability, retention, 3))


def simulate(
    parameters: Sequence[float],
    retentions: Sequence[float],
    *,
    days: int,
    cards: int,
    new_per_day: int,
    seed: int = 1,
    progress: Callable[[int], None] | None = None,
) -> list[RetentionCost]:
    """Expected reviews a day and cards remembered after `days`, for each desired retention."""
    config = _config(days, cards, new_per_day)
    out = []
    for done, retention in enumerate(retentions, start=1):
        result = fsrs_rs.simulate(list(parameters), retention, config, seed)
        reviews = result.review_cnt_per_day
        out.append(RetentionCost(retention, sum(reviews) / max(1, len(reviews)), result.memorized_cnt_per_day[-1]))
        if progress:
            progress(done)
    return out


SEARCH_CARDS, SEARCH_DAYS = 500, 365  # the search simulates many times: on a sample, in seconds


def suggested_retention(parameters: Sequence[float], *, days: int, cards: int, new_per_day: int) -> float:
    """The retention with the least study time per fact remembered (FSRS's optimal-retention search,
    over 0.70–0.95, on a sample of the deck and period so it takes seconds)."""
    config = _config(min(days, SEARCH_DAYS), min(cards, SEARCH_CARDS), new_per_day)
    return round(float(fsrs_rs.optimal_retention(config, list(parameters))), 2)


def _config(days: int, cards: int, new_per_day: int) -> fsrs_rs.SimulatorConfig:
    config = fsrs_rs.default_simulator_config()
    config.learn_span = days
    config.deck_size = max(1, cards)
    config.learn_limit = max(1, new_per_day)
    return config
