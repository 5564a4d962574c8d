"""Faults found by the attack on issue #19 (item 25): a fit and its cards' memory are written
together or not at all, and a purged bank leaves no statistics rows behind. On both engines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from quiz.cli import main
from quiz.store import open_db
from quiz.study.session import StudySession
from tests.scheduling.simulated import simulated_histories
from tests.support.clock import Clock
from tests.support.history import store_history

EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "examples"
pytestmark = pytest.mark.engines

# A write that fails half way, as a full disk does: the second write of the fit is refused.
FAIL_CARD_WRITES = {
    "sqlite": [
        "CREATE TRIGGER fail_card_writes BEFORE UPDATE OF stability ON cards "
        "BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END"
    ],
    "postgresql": [
        "CREATE FUNCTION fail_card_writes() RETURNS trigger LANGUAGE plpgsql AS "
        "$$ BEGIN RAISE EXCEPTION 'database or disk is full'; END $$",
        "CREATE TRIGGER fail_card_writes BEFORE UPDATE OF stability ON cards "
        "FOR EACH ROW EXECUTE FUNCTION fail_card_writes()",
    ],
}
LET_CARD_WRITES = {
    "sqlite": ["DROP TRIGGER fail_card_writes"],
    "postgresql": ["DROP TRIGGER fail_card_writes ON cards", "DROP FUNCTION fail_card_writes()"],
}


def quiz(db: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["--db", str(db), *args])


def _one_line(text: str) -> bool:
    return len(text.strip().splitlines()) == 1 and "Traceback" not in text


def _rows(db_path: Path, sql: str) -> list:
    db = open_db(db_path)
    try:
        return [tuple(row) for row in db.execute(sql).fetchall()]
    finally:
        db.close()


def _parameters(db_path: Path) -> list[tuple[str, str | None]]:
    return _rows(db_path, "SELECT parameters, previous FROM fsrs_parameters")


def _cards(db_path: Path) -> list[tuple[float, float, str]]:
    return _rows(db_path, "SELECT stability, difficulty, due FROM cards ORDER BY id")


def _sql(db_path: Path, statements: dict[str, list[str]]) -> None:
    db = open_db(db_path)
    try:
        for statement in statements[db.engine]:
            db.execute(statement)
    finally:
        db.close()


def test_a_fit_whose_card_writes_fail_saves_nothing_and_undo_likewise(db_path: Path) -> None:
    store_history(db_path, simulated_histories(300, 200))
    cards_before = _cards(db_path)

    _sql(db_path, FAIL_CARD_WRITES)
    failed = quiz(db_path, "optimize", "--learner", "ann", "--json")
    assert failed.exit_code == 1 and _one_line(failed.stderr) and "disk is full" in failed.stderr
    assert _parameters(db_path) == []  # not new parameters over the old cards' memory
    assert _cards(db_path) == cards_before

    _sql(db_path, LET_CARD_WRITES)
    saved = quiz(db_path, "optimize", "--learner", "ann", "--json")
    assert saved.exit_code == 0 and json.loads(saved.output)["saved"] is True
    ((fitted, previous),) = _parameters(db_path)
    assert previous is None
    cards_fitted = _cards(db_path)
    assert cards_fitted != cards_before

    _sql(db_path, FAIL_CARD_WRITES)
    undo = quiz(db_path, "optimize", "--learner", "ann", "--undo")
    assert undo.exit_code == 1 and _one_line(undo.stderr) and "disk is full" in undo.stderr
    assert _parameters(db_path) == [(fitted, None)] and _cards(db_path) == cards_fitted

    _sql(db_path, LET_CARD_WRITES)
    assert quiz(db_path, "optimize", "--learner", "ann", "--undo").exit_code == 0
    assert _parameters(db_path) == [] and _cards(db_path) != cards_fitted


def _hour_rows(db_path: Path) -> dict[str, int]:
    return dict(_rows(db_path, "SELECT bank, count(*) FROM review_hours GROUP BY bank"))


def _study(db_path: Path, bank: str, clock: Clock, answers: int) -> None:
    with StudySession(db_path, "ann", bank, clock=clock, seed=1) as session:
        for _ in range(answers):
            assert session.current is not None
            session.answer(session.current.question.answer)
            session.advance()
            clock.advance(hours=1)  # a review an hour: one roll-up row each


def test_purging_a_bank_leaves_no_hourly_rows_of_it(db_path: Path, clock: Clock) -> None:
    assert quiz(db_path, "bank", "import", str(EXAMPLES / "civil-war.csv"), "--entities",
                str(EXAMPLES / "civil-war-entities.csv")).exit_code == 0
    _study(db_path, "civil-war", clock, 4)
    _study(db_path, "belgrade-offensive", clock, 2)
    assert _hour_rows(db_path) == {"civil-war": 4, "belgrade-offensive": 2}

    purged = quiz(db_path, "bank", "remove", "civil-war", "--purge", "--yes")
    assert purged.exit_code == 0 and "and 4 reviews" in purged.output
    assert _hour_rows(db_path) == {"belgrade-offensive": 2}  # none left at zero; the other bank's kept
    stats = json.loads(quiz(db_path, "status", "--learner", "ann", "--json").output)
    assert stats["reviews_total"] == 2
