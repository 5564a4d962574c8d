"""Killed mid-run and crowded by other processes, the database loses no committed answer."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from quiz.store import open_db
from tests.support.integrity import check_consistent

pytestmark = pytest.mark.engines

WORKER = Path(__file__).with_name("worker.py")


def start_worker(db_path, learner, count, start_file=None):
    args = [sys.executable, str(WORKER), str(db_path), learner, str(count)]
    if start_file:
        args.append(str(start_file))
    return subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_sigkill_mid_run_loses_no_acknowledged_answer(db_path):
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


def test_processes_answering_at_once_lose_no_commits(db_path, tmp_path):
    open_db(db_path).close()
    go = tmp_path / "go"
    workers = [start_worker(db_path, f"learner-{i}", 20, go) for i in range(8)]
    time.sleep(0.3)
    go.touch()
    for worker in workers:
        out, err = worker.communicate(timeout=60)
        assert worker.returncode == 0, err
        assert out.count("ok") == 20
    assert check_consistent(db_path) == 160
    db = open_db(db_path)
    per_learner = db.execute(
        "SELECT l.name, count(r.id) FROM learners l JOIN reviews r ON r.learner_id = l.id GROUP BY l.id"
    ).fetchall()
    assert sorted(n for _, n in per_learner) == [20] * 8
