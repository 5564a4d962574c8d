"""The same work on both engines: an answer, a class answering at once, and statistics.

PostgreSQL runs on loopback: QUIZ_BENCH_POSTGRES (or QUIZ_TEST_POSTGRES) names a server whose
role may create schemas; without one, a throwaway server is started from Debian's packages
(`.ci/postgres`) and stopped after. Each figure is measured in a fresh schema.

    pg_answer_median_us / sqlite_answer_median_us   one answer (check, schedule, commit), fresh
                                                     database, the built-in bank, 300 answers
    pg_concurrent_takers_s, pg_concurrent_answer_p99_ms, pg_concurrent_answers_lost
                                                     30 processes taking a 40-question paper at once
    pg_stats_learner_ms, pg_stats_class_ms, pg_stats_vs_sqlite
                                                     `bench.stats`' database (1M reviews), copied to
                                                     PostgreSQL; the ratio is the larger of the two
                                                     (PostgreSQL / SQLite) medians
"""

from __future__ import annotations

import os
import random
import shutil
import statistics
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ANSWERS = 300


@contextmanager
def server() -> Iterator[str]:
    url = os.environ.get("QUIZ_BENCH_POSTGRES") or os.environ.get("QUIZ_TEST_POSTGRES")
    if url:
        yield url
        return
    folder = tempfile.mkdtemp(prefix="quiz-bench-pg-")
    url = subprocess.run([str(ROOT / ".ci/postgres"), folder], check=True, capture_output=True, text=True).stdout.strip()
    try:
        yield url
    finally:
        subprocess.run([str(ROOT / ".ci/postgres"), "stop", folder], check=False, capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)


class _Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


def answer_median_us(location: str | Path) -> float:
    """Median time of one answer (check, schedule, commit) over ANSWERS answers, fresh database."""
    from quiz.library.learners import ensure_learner
    from quiz.library.preferences import save_settings
    from quiz.store import open_db
    from quiz.study.session import StudySession

    clock = _Clock()
    db = open_db(location)
    learner = ensure_learner(db, "bench", clock)
    save_settings(db, learner.id, timezone="UTC", new_per_day=1000, reviews_per_day=5000)
    db.close()
    rng = random.Random(1)
    session = StudySession(location, "bench", "belgrade-offensive", clock=clock, seed=1)
    steps: list[float] = []
    for _ in range(20):  # warm the bank's parsers and question indexes
        if session.current is None:
            break
        session.answer(session.current.question.answer)
        session.advance()
    while len(steps) < ANSWERS and session.current is not None:
        question = session.current.question
        started = time.perf_counter()
        if str(question.mode) == "flip":
            session.rate(3)
        else:
            session.answer(question.answer if rng.random() < 0.85 else "1 January 1900")
        session.advance()
        steps.append(time.perf_counter() - started)
        clock.now += timedelta(seconds=20)
    session.close()
    return statistics.median(steps) * 1e6


def _stats_ms(location: str | Path) -> tuple[float, float]:
    from bench.stats import LEARNER, NOW, _median_ms
    from quiz.doors.teacher import TeacherDoor

    door = TeacherDoor(location, LEARNER, clock=lambda: NOW)
    stats = door.statistics
    stats.learner()
    learner_ms, _ = _median_ms(stats.learner, 5)
    stats.class_report("bench")
    class_ms, _ = _median_ms(lambda: stats.class_report("bench"), 3)
    door.close()
    return learner_ms, class_ms


def _copy(source: Path, target: str) -> bool:
    """Copy with `quiz db copy`; False when this version has no such command."""
    try:
        from quiz.store.copying import copy_database
    except ImportError:
        return False
    copy_database(source, target)
    return True


def run() -> dict[str, float]:
    from bench import classroom
    from bench.stats import _cache_dir
    from bench.stats import build as build_stats
    from quiz.store.postgres.connection import scratch_schema

    figures: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="quiz-bench-sqlite-") as folder:
        figures["sqlite_answer_median_us"] = answer_median_us(Path(folder) / "answer.db")
    with server() as base:
        with scratch_schema(base, "bench") as url:
            figures["pg_answer_median_us"] = answer_median_us(url)
        with scratch_schema(base, "bench") as url:
            code, codes = classroom._setup(url)
            concurrent = classroom._concurrent(url, code, codes)
            figures.update({f"pg_{key}": value for key, value in concurrent.items()})
        source = build_stats(_cache_dir())
        with scratch_schema(base, "bench") as url:
            if _copy(source, url):
                sqlite_learner, sqlite_class = _stats_ms(source)
                pg_learner, pg_class = _stats_ms(url)
                figures.update({
                    "pg_stats_learner_ms": pg_learner, "pg_stats_class_ms": pg_class,
                    "pg_stats_vs_sqlite": max(pg_learner / sqlite_learner, pg_class / sqlite_class),
                })
    return figures


if __name__ == "__main__":
    print(run())
