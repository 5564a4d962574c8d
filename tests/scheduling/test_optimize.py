"""Personal scheduling: FSRS fitted to a learner's own history beats the defaults on held-out
reviews, is saved only then, changes the learner's next intervals, and can be undone."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from quiz.cli import main
from quiz.library.learners import ensure_learner
from quiz.model import CardState, Rating
from quiz.scheduling.fsrs import Scheduler
from quiz.scheduling.optimize import DEFAULT_PARAMETERS, CardHistory, fit, histories, training_items
from quiz.store import open_db
from quiz.store.fitting import learner_parameters
from tests.scheduling.simulated import simulated_histories
from tests.support.history import store_history

pytestmark = pytest.mark.engines  # the tests given a db_path run on both engines


def quiz(db: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["--db", str(db), *args])


def test_training_items_take_the_first_review_of_each_day() -> None:
    day = date(2026, 1, 5)
    rows = [
        (1, day, 3, "new"), (1, day, 1, "learning"), (1, day + timedelta(days=2), 3, "review"),
        (2, day, 3, "review"),  # history cut: its first stored review is not from new
    ]
    assert histories(rows) == [CardHistory(1, ((day, 3), (day + timedelta(days=2), 3)))]
    (item,) = training_items(histories(rows))
    assert len(item.reviews) == 2 and item.long_term_review_cnt() == 1


def test_a_fit_beats_the_defaults_for_a_learner_unlike_them() -> None:
    result = fit(training_items(simulated_histories(300, 200)))
    assert result.fitted.log_loss < result.default.log_loss
    assert result.fitted.rmse < result.default.rmse
    assert result.parameters != DEFAULT_PARAMETERS and len(result.parameters) == len(DEFAULT_PARAMETERS)


def _cards(db_path: Path) -> list[tuple[float, str]]:
    db = open_db(db_path)
    try:
        return [tuple(row) for row in db.execute("SELECT stability, due FROM cards ORDER BY id")]
    finally:
        db.close()


def test_optimize_saves_a_better_fit_recomputes_cards_and_undoes(db_path: Path) -> None:
    store_history(db_path, simulated_histories(300, 200))
    dry = json.loads(quiz(db_path, "optimize", "--learner", "ann", "--dry-run", "--json").output)
    assert set(dry) == {"learner", "reviews", "log_loss", "rmse", "saved"} and dry["saved"] is False
    before = _cards(db_path)

    report = json.loads(quiz(db_path, "optimize", "--learner", "ann", "--json").output)
    assert report["learner"] == "ann" and report["reviews"] > 400
    assert report["log_loss"]["fitted"] < report["log_loss"]["default"]
    assert report["saved"] is True
    db = open_db(db_path)
    fitted = learner_parameters(db, ensure_learner(db, "ann").id)
    db.close()
    assert fitted is not None and fitted != DEFAULT_PARAMETERS
    after = _cards(db_path)
    assert sum(a != b for a, b in zip(before, after, strict=True)) > len(before) // 2

    # The next intervals follow the fitted parameters: this learner forgets new facts fast, so a
    # new card rated Easy comes back much sooner than the defaults would bring it.
    now = datetime(2026, 8, 1, tzinfo=UTC)
    default_next = Scheduler().preview(CardState(), now)[Rating.EASY]
    fitted_next = Scheduler(parameters=fitted).preview(CardState(), now)[Rating.EASY]
    assert fitted_next < default_next

    assert quiz(db_path, "optimize", "--learner", "ann", "--undo").exit_code == 0
    db = open_db(db_path)
    assert learner_parameters(db, ensure_learner(db, "ann").id) is None
    db.close()


def test_too_few_reviews_says_how_many_more(db_path: Path) -> None:
    store_history(db_path, simulated_histories(5, 30))
    result = quiz(db_path, "optimize", "--learner", "ann")
    assert result.exit_code == 2
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("quiz: ann has ") and "fitting needs 400" in line and "more" in line


def test_simulate_prints_the_cost_of_each_retention(db_path: Path) -> None:
    store_history(db_path, simulated_histories(20, 30))
    out = json.loads(quiz(db_path, "simulate", "--learner", "ann", "--retention", "0.8,0.9", "--days", "60",
                          "--cards", "200", "--json").output)
    assert [row["retention"] for row in out["rows"]] == [0.8, 0.9]
    low, high = out["rows"]
    assert high["reviews_per_day"] > low["reviews_per_day"]  # remembering more costs more reviews
    assert 0.7 <= out["suggested_retention"] <= 0.99
    bad = quiz(db_path, "simulate", "--retention", "1.5")
    assert bad.exit_code == 2 and "between 0.7 and 0.99" in bad.stderr
