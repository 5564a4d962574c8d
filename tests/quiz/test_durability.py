"""Killed mid-run and crowded by other processes, the database loses no committed answer."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from quiz.store import connect
from quiz.store.schema import CARD_STATE_FIELDS

WORKER = Path(__file__).with_name("worker.py")


def start_worker(db_path, learner, count, start_file=None):
    args = [sys.executable, str(WORKER), str(db_path), learner, str(count)]
    if start_file:
        args.append(str(start_file))
    return subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def check_consistent(db_path, ignore: tuple[str, ...] = ()) -> int:
    """Every card equals its last review's state after; each review's 'before' is the previous 'after'.

    `ignore` names fields changed outside reviews (suspending a card is not a review).
    """
    fields = [c for c in CARD_STATE_FIELDS if c not in ignore]
    db = connect(db_path)
    try:
        assert db.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert db.conn.execute("PRAGMA foreign_key_check").fetchall() == []
        before = ", ".join(f"r.{c}_before" for c in fields)
        after = ", ".join(f"r.{c}_after" for c in fields)
        current = ", ".join(f"c.{c}" for c in fields)
        rows = db.conn.execute(
            f"SELECT r.card_id, {before}, {after}, {current} FROM reviews r "
            "JOIN cards c ON c.id = r.card_id ORDER BY r.card_id, r.id"
        ).fetchall()
        n = len(fields)
        last: dict[int, tuple] = {}
        for row in rows:
            card_id, was, became, now = row[0], row[1 : 1 + n], row[1 + n : 1 + 2 * n], row[1 + 2 * n :]
            if card_id in last:
                assert was == last[card_id][0], f"card {card_id}: review chain broken"
            last[card_id] = (became, now)
        for card_id, (became, now) in last.items():
            assert became == now, f"card {card_id} differs from its last review"
        # A card with no review is still new.
        assert db.conn.execute(
            "SELECT count(*) FROM cards WHERE id NOT IN (SELECT card_id FROM reviews) AND state != 'new'"
        ).fetchone()[0] == 0
        return len(rows)
    finally:
        db.close()


def test_sigkill_mid_run_loses_no_acknowledged_answer(tmp_path):
    db_path = tmp_path / "quiz.db"
    rng = random.Random(7)
    acknowledged = 0
    for round_ in range(4):
        worker = start_worker(db_path, "ann", 10_000)
        seen = 0
        target = rng.randint(5, 60)
        for line in worker.stdout:  # wait for some answers, then kill at an arbitrary moment
            seen += line.startswith("ok")
            if seen >= target:
                time.sleep(rng.random() * 0.01)
                break
        os.kill(worker.pid, signal.SIGKILL)
        worker.wait()
        assert worker.returncode == -signal.SIGKILL, worker.stderr.read()
        acknowledged += seen
        reviews = check_consistent(db_path)
        assert reviews >= acknowledged, f"round {round_}: {acknowledged - reviews} acknowledged answers lost"
        acknowledged = reviews  # answers committed after the last printed line count too


def test_processes_answering_at_once_lose_no_commits(tmp_path):
    db_path = tmp_path / "quiz.db"
    connect(db_path).close()
    go = tmp_path / "go"
    workers = [start_worker(db_path, f"learner-{i}", 20, go) for i in range(8)]
    time.sleep(0.3)
    go.touch()
    for worker in workers:
        out, err = worker.communicate(timeout=60)
        assert worker.returncode == 0, err
        assert out.count("ok") == 20
    assert check_consistent(db_path) == 160
    db = connect(db_path)
    per_learner = db.conn.execute(
        "SELECT l.name, count(r.id) FROM learners l JOIN reviews r ON r.learner_id = l.id GROUP BY l.id"
    ).fetchall()
    assert sorted(n for _, n in per_learner) == [20] * 8
