"""The classroom: making a paper, a paper's results, and a class answering at once.

On a fresh database in a temp dir, at a fixed simulated time, with the built-in bank:

    paper_new_ms             make and store a 40-question paper (median of 7)
    results_ms               grades and item analysis of 30 students × 40 questions (median of 15)
    concurrent_takers_s      30 processes start, answer 40 questions each and submit, all at once
    concurrent_answer_p99_ms the slowest 1% of those answers (each one a commit)
    concurrent_answers_lost  answers given but not stored (must be 0)
"""

from __future__ import annotations

import multiprocessing
import os
import random
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from multiprocessing.queues import Queue
    from multiprocessing.synchronize import Event

BANK = "belgrade-offensive"
STUDENTS = 30
QUESTIONS = 40
NOW = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)


def _clock() -> datetime:
    return NOW


def _setup(location: str | Path) -> tuple[str, list[tuple[str, str]]]:
    """A class of STUDENTS and a paper for it, in a SQLite file or a PostgreSQL schema; (code, students)."""
    from quiz.classroom import Classroom
    from quiz.store import open_db

    db = open_db(location)
    room = Classroom(db, _clock)
    room.new_class("bench")
    codes = room.add_students("bench", [f"Student {i:02d}" for i in range(STUDENTS)])
    code = room.new_paper(BANK, "Bench", class_name="bench", count=QUESTIONS, time_limit=timedelta(minutes=45), seed=1).code
    db.close()
    return code, codes


def _paper_new_ms(db_path: Path) -> float:
    from quiz.classroom import Classroom
    from quiz.store import open_db

    db = open_db(db_path)
    room = Classroom(db, _clock)
    room.new_paper(BANK, "warm-up", count=QUESTIONS, seed=0)  # the bank parsed once, as in a teacher's session
    times = []
    for seed in range(7):
        started = time.perf_counter()
        room.new_paper(BANK, f"Paper {seed}", count=QUESTIONS, seed=seed)
        times.append(time.perf_counter() - started)
    db.close()
    return statistics.median(times) * 1000


def _take(location: str, code: str, name: str, personal: str, go: Event, out: Queue[tuple[int, list[float]]]) -> None:
    """One student in a forked process; sends back (answers given, answer times)."""
    from quiz.classroom import Classroom
    from quiz.store import open_db

    go.wait()
    rng = random.Random(name)
    db = open_db(location)
    room = Classroom(db, _clock)
    view = room.start_attempt(code, name, personal)
    paper = room.paper(code)
    times = []
    for item in view.items:  # right about two times in three, so the statistics have spread
        question = paper.questions[item.position]
        given = question.answer if rng.random() < 0.67 else rng.choice(item.options)
        started = time.perf_counter()
        room.answer(view.attempt_id, item.position, given)
        times.append(time.perf_counter() - started)
    room.submit(view.attempt_id)
    db.close()
    out.put((len(times), times))
    out.close()
    out.join_thread()  # the queue's feeder thread must hand the figures over before _exit
    os._exit(0)


def _concurrent(location: str | Path, code: str, codes: list[tuple[str, str]]) -> dict[str, float]:
    from quiz.store import open_db

    fork = multiprocessing.get_context("fork")
    go, out = fork.Event(), fork.Queue()
    takers = [fork.Process(target=_take, args=(str(location), code, name, personal, go, out)) for name, personal in codes]
    for taker in takers:
        taker.start()
    started = time.perf_counter()
    go.set()
    given, times = 0, []
    for _ in takers:
        count, answered = out.get(timeout=60)
        given += count
        times.extend(answered)
    for taker in takers:
        taker.join(30)
    wall = time.perf_counter() - started
    db = open_db(location)
    stored = db.execute("SELECT count(*) FROM attempt_answers").fetchone()[0]
    db.close()
    times.sort()
    return {
        "concurrent_takers_s": wall,
        "concurrent_answer_p99_ms": times[int(len(times) * 0.99)] * 1000,
        "concurrent_answers_lost": float(STUDENTS * QUESTIONS - stored) + float(STUDENTS * QUESTIONS - given),
    }


def _results_ms(db_path: Path, code: str) -> float:
    from quiz.classroom import Classroom
    from quiz.store import open_db

    db = open_db(db_path)
    report = Classroom(db, _clock).results(code)
    assert len(report.students) == STUDENTS and len(report.items) == QUESTIONS
    times = []
    for _ in range(15):
        room = Classroom(db, _clock)  # nothing cached between runs
        started = time.perf_counter()
        room.results(code)
        times.append(time.perf_counter() - started)
    db.close()
    return statistics.median(times) * 1000


def run() -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="quiz-bench-classroom-") as folder:
        db_path = Path(folder) / "classroom.db"
        code, codes = _setup(db_path)
        figures = {"paper_new_ms": _paper_new_ms(db_path)}
        figures.update(_concurrent(db_path, code, codes))
        figures["results_ms"] = _results_ms(db_path, code)
    return figures


if __name__ == "__main__":
    print(run())
