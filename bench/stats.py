"""Statistics on a big history, and the demo.

A synthetic database (made once with plain `executemany`, cached in the temp dir keyed by schema
version): one learner with 100,000 cards and 1,000,000 reviews over two years, studied in one or
two sittings a day at habitual hours; and a class of 30 students with 3,000 cards and 100,000
reviews each over a year. The roll-up triggers run on every insert, as they do for real answers.

    stats_learner_ms   every statistic of the big learner, last 12 months (median of 5)
    stats_class_ms     the class view and the class's summed statistics (median of 3)
    demo_s             `quiz demo` with 25 students over 60 days, into a fresh file
    *_cpu_*            the same in this process's CPU time (the machine is often shared)
"""

from __future__ import annotations

import json
import random
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from quiz.store import Database

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
LEARNER = "bench"
CARDS, REVIEWS, DAYS = 100_000, 1_000_000, 730
CLASS, CLASS_CARDS, CLASS_REVIEWS, CLASS_DAYS = 30, 3_000, 100_000, 365
DATA_VERSION = 1
KINDS = ("date", "unit", "place")

# id, learner_id, bank, fact_id, kind, state, stability, difficulty, last_review, due, lapses, leech, suspended
CardRow = tuple[int, int, str, str, str, str, float | None, float | None, str | None, str | None, int, int, int]
# card_id, learner_id, reviewed_at, rating, verdict, duration_ms, state_before, due_before, last_review_before
ReviewRow = tuple[int, int, str, int, str, int, str, str | None, str | None]


def _cache_dir() -> Path:
    """Keyed by the data's version only: a cached file made under an older schema is migrated
    when opened (the roll-up's migrations rebuild it from the reviews), not rebuilt."""
    return Path(tempfile.gettempdir()) / "quiz-bench-stats" / f"d{DATA_VERSION}"


def _iso(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S.%f+00:00")


def _learner(db: Database, rng: random.Random, learner_id: int, first_card: int, cards: int, reviews: int, days: int) -> None:
    banks = [f"bank-{i}" for i in range(10)]
    card_rows: list[CardRow] = []
    for n in range(cards):
        cid = first_card + n
        bank, kind = banks[n % 10], KINDS[n % 3]
        if rng.random() < 0.15:
            card_rows.append((cid, learner_id, bank, f"f{n // 3}", kind, "new", None, None, None, None, 0, 0, 0))
            continue
        stability = rng.uniform(0.5, 400)
        last = NOW - timedelta(days=rng.uniform(0.2, 200))
        due = last + timedelta(days=max(1.0, stability * rng.uniform(0.6, 1.1)))
        lapses = min(12, int(rng.expovariate(1.2)))
        card_rows.append((cid, learner_id, bank, f"f{n // 3}", kind, "review", stability, rng.uniform(1, 10),
                          _iso(last), _iso(due), lapses, int(lapses >= 8), rng.random() < 0.01))
    db.executemany(
        "INSERT INTO cards (id, learner_id, bank, fact_id, kind, state, stability, difficulty, last_review, due, "
        "lapses, leech, suspended, reps, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, '')",
        card_rows,
    )
    per_day = reviews / (days * 0.9)
    start = NOW - timedelta(days=days)
    made = 0
    batch: list[ReviewRow] = []
    habit = rng.choice((7, 12, 18, 20))
    for day in range(days):
        if rng.random() > 0.9 and made + per_day < reviews:
            continue
        count = min(reviews - made, int(rng.gauss(per_day, per_day / 4)) if day < days - 1 else reviews - made)
        sittings = (habit, habit + rng.choice((2, 3))) if count > 300 else (habit,)
        for s, hour in enumerate(sittings):
            at = start + timedelta(days=day, hours=hour, minutes=rng.randint(0, 40))
            for _ in range(count // len(sittings) + (count % len(sittings) if s == 0 else 0)):
                cid = first_card + rng.randrange(cards)
                roll = rng.random()
                state = "new" if roll < 0.08 else "learning" if roll < 0.2 else "relearning" if roll < 0.25 else "review"
                rating = 1 if rng.random() < 0.12 else rng.choice((2, 3, 3, 3, 4))
                last_before: str | None = None
                due_before: str | None = None
                if state == "review":
                    interval = rng.choice((1, 3, 7, 15, 30, 60, 120))
                    last_before, due_before = _iso(at - timedelta(days=interval)), _iso(at)
                batch.append((cid, learner_id, _iso(at), rating, "correct" if rating > 1 else "wrong",
                              rng.randint(2000, 15000), state, due_before, last_before))
                at += timedelta(seconds=rng.uniform(2, 6))
                made += 1
        if len(batch) > 50_000:
            _reviews(db, batch)
            batch = []
    _reviews(db, batch)


def _reviews(db: Database, rows: list[ReviewRow]) -> None:
    db.executemany(
        "INSERT INTO reviews (card_id, learner_id, reviewed_at, rating, mode, verdict, duration_ms, state_before, "
        "state_after, due_before, last_review_before, reps_before, reps_after, lapses_before, lapses_after, "
        "leech_before, leech_after, suspended_before, suspended_after) "
        "VALUES (?, ?, ?, ?, 'mc', ?, ?, ?, 'review', ?, ?, 0, 1, 0, 0, 0, 0, 0, 0)",
        rows,
    )


def build(cache: Path) -> Path:
    from quiz.store import open_db

    db_path = cache / "stats.db"
    if (cache / "done").exists():
        open_db(db_path).close()  # bring an older cache up to date once
        return db_path

    shutil.rmtree(cache, ignore_errors=True)
    cache.mkdir(parents=True)
    rng = random.Random(13)
    db = open_db(db_path)
    with db.write():
        names = [LEARNER, *(f"student-{i:02d}" for i in range(CLASS))]
        db.executemany("INSERT INTO learners (id, name, created) VALUES (?, ?, ?)",
                       [(i + 1, n, _iso(NOW)) for i, n in enumerate(names)])
        db.executemany("INSERT INTO settings (learner_id, key, value) VALUES (?, 'timezone', '\"Europe/Belgrade\"')",
                       [(i + 1,) for i in range(len(names))])
        db.execute("INSERT INTO classes (id, name, created) VALUES (1, 'bench', ?)", [_iso(NOW)])
        db.executemany("INSERT INTO class_members (class_id, learner_id, code_hash, code_salt) VALUES (1, ?, '', '')",
                       [(i + 2,) for i in range(CLASS)])
        _learner(db, rng, 1, 1, CARDS, REVIEWS, DAYS)
        for i in range(CLASS):
            _learner(db, rng, i + 2, CARDS + 1 + i * CLASS_CARDS, CLASS_CARDS, CLASS_REVIEWS, CLASS_DAYS)
    db.execute("ANALYZE")
    db.checkpoint(truncate=True)
    db.close()
    (cache / "done").write_text("ok")
    return db_path


def _median_ms(action: Callable[[], object], runs: int) -> tuple[float, float]:
    """(wall, CPU) medians in ms: on a shared machine the CPU time says what the code costs."""
    walls, cpus = [], []
    for _ in range(runs):
        started, cpu = time.perf_counter(), time.process_time()
        action()
        walls.append(time.perf_counter() - started)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls) * 1e3, statistics.median(cpus) * 1e3


def run() -> dict[str, float]:
    from quiz.demo import run_demo
    from quiz.doors.teacher import TeacherDoor

    source = build(_cache_dir())
    door = TeacherDoor(source, LEARNER, clock=lambda: NOW)
    stats = door.statistics
    report = stats.learner()  # warm the page cache
    assert report.reviews > 0
    learner_ms, learner_cpu = _median_ms(stats.learner, 5)
    stats.class_report("bench")
    class_ms, class_cpu = _median_ms(lambda: stats.class_report("bench"), 3)
    door.close()
    work = Path(tempfile.mkdtemp(prefix="quiz-bench-demo-"))
    try:
        started, cpu = time.perf_counter(), time.process_time()
        run_demo(work / "demo.db", students=25, days=60, seed=1, end=NOW)
        demo_s, demo_cpu = time.perf_counter() - started, time.process_time() - cpu
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return {"stats_learner_ms": learner_ms, "stats_learner_cpu_ms": learner_cpu, "stats_class_ms": class_ms,
            "stats_class_cpu_ms": class_cpu, "demo_s": demo_s, "demo_cpu_s": demo_cpu}


if __name__ == "__main__":
    print(json.dumps(run(), indent=2))
