"""A class opening a big bank at once: 30 processes, 30 new learners, one 10,000-fact bank; and
busy retries that never let an OperationalError reach the learner."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from quiz.errors import StoreError
from quiz.store import open_db, save_bank
from quiz.store.sqlite.connection import retry_busy

WORKER = Path(__file__).with_name("class_worker.py")
FACTS = 10_000
LEARNERS = 30


@pytest.mark.engines
def test_thirty_new_learners_open_a_ten_thousand_fact_bank_together(db_path, tmp_path):
    db = open_db(db_path)
    save_bank(db, "big", "Big", "imported", "toml", "", [(f"fact-{i}", f"Fact {i}.", "1944-10-07") for i in range(FACTS)])
    db.close()
    start = tmp_path / "go"
    workers = [
        subprocess.Popen(
            [sys.executable, str(WORKER), str(db_path), "big", str(FACTS), f"student-{n}", str(start)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        for n in range(LEARNERS)
    ]
    start.touch()
    results = [worker.communicate(timeout=120) for worker in workers]
    failures = [(w.returncode, out, err[-500:]) for w, (out, err) in zip(workers, results, strict=True) if w.returncode]
    assert failures == []
    assert all(out.strip() == f"ok {FACTS}" for out, _ in results), [out for out, _ in results]
    assert not any("OperationalError" in err or "Traceback" in err for _, err in results)
    db = open_db(db_path)
    assert db.execute("SELECT count(*) FROM cards").fetchone()[0] == FACTS * LEARNERS
    assert db.execute("SELECT count(*) FROM card_sync").fetchone()[0] == LEARNERS
    db.close()


def test_busy_is_retried_with_growing_pauses_then_one_line():
    pauses: list[float] = []
    calls = iter([sqlite3.OperationalError("database is locked")] * 2 + ["done"])

    def action() -> str:
        value = next(calls)
        if isinstance(value, Exception):
            raise value
        return value

    assert retry_busy(action, pause=pauses.append) == "done"
    assert len(pauses) == 2 and pauses[1] > pauses[0] * 0.6

    def always_busy() -> None:
        raise sqlite3.OperationalError("database is locked")

    with pytest.raises(StoreError, match="the database is busy"):
        retry_busy(always_busy, retries=3, pause=lambda _: None)

    def other_error() -> None:
        raise sqlite3.OperationalError("no such table: x")

    with pytest.raises(sqlite3.OperationalError, match="no such table"):
        retry_busy(other_error, pause=lambda _: None)
