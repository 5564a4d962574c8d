"""optimize_s: fitting FSRS to 100,000 reviews of one simulated learner (items built, evaluated on
held-out splits, parameters fitted), with a progress bar on stderr while it runs."""

from __future__ import annotations

import time

from rich.progress import Progress

from quiz.scheduling.optimize import fit, training_items
from tests.scheduling.simulated import simulated_histories

CARDS, DAYS = 5_300, 720  # about 100,000 first-of-the-day reviews over two years


def run() -> dict[str, float]:
    with Progress(transient=True) as progress:
        task = progress.add_task("simulating a learner", total=3)
        cards = simulated_histories(CARDS, DAYS, seed=7)
        reviews = sum(len(card.days) for card in cards)
        progress.update(task, advance=1, description=f"{reviews:,} reviews: building items")
        started = time.perf_counter()
        items = training_items(cards)
        progress.update(task, advance=1, description="fitting and evaluating")
        result = fit(items)
        elapsed = time.perf_counter() - started
        progress.update(task, advance=1)
    return {
        "optimize_s": elapsed,
        "optimize_reviews": float(reviews),
        "log_loss_default": result.default.log_loss,
        "log_loss_fitted": result.fitted.log_loss,
    }
