"""The study engine on a big database: queue, answer, open, memory.

A synthetic database (made once with Faker and plain `executemany`, cached in the temp dir keyed by
schema version): one learner with 100,000 cards (10 banks of 3,334 facts × 3 kinds) and 1,000,000
reviews, plus a class of 30 learners with one bank each. Each run studies a fresh copy of it, at a
fixed simulated time, with the real question generation and answer checking. Banks are parsed
before timing (their parsing is measured by the `generate` benchmark) and handed to the session.

    queue_ms            build today's queue (median of 20)
    answer_median_us    answer one card: check, schedule, durable commit, next question ready
    answer_p99_us       the same, 99th percentile (WAL checkpoints land here)
    schedule_commit_median_us   of which: FSRS + card update + review insert + COMMIT
    open_first_card_ms  open the database and have the first question (median of 5)
    peak_rss_mb         peak RSS of a child process that opens a session and answers 300 cards
"""

from __future__ import annotations

import json
import os
import pickle
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from quiz.model import Outcome, Rating
from quiz.scheduling.queue import Slot
from quiz.study.session import Feedback, StudySession

if TYPE_CHECKING:
    from quiz.store import Database

BANKS = 10
FACTS_PER_BANK = 3_334
KINDS = ("date", "unit", "place")
REVIEWS = 1_000_000
CLASS_SIZE = 30
CLASS_REVIEWS_EACH = 5_000
LEARNER = "bench"
NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
DATA_VERSION = 4
ANSWERS = 300

# id, learner_id, bank, fact_id, kind, state, step, stability, difficulty, due, last_review, reps, lapses,
# suspended, buried_until, leech, created
CardRow = tuple[int, int, str, str, str, str, int | None, float | None, float | None, str | None, str | None,
                int, int, int, str | None, int, str]
# id, card_id, learner_id, reviewed_at, rating, mode, wording_id, prompt, given, expected, verdict, duration_ms,
# then each of CARD_STATE_FIELDS before and after: state, step, stability, difficulty, due, last_review, reps,
# lapses, leech, suspended
ReviewRow = tuple[int, int, int, str, int, str, str, str, str, str, str, int,
                  str, str, int | None, int | None, float, float, float, float, str, str, str, str,
                  int, int, int, int, int, int, int, int]


def _cache_dir() -> Path:
    from quiz.library.card_sync import SYNC_VERSION
    from quiz.store import SCHEMA_VERSION

    key = f"s{SCHEMA_VERSION}-y{SYNC_VERSION}-d{DATA_VERSION}"
    return Path(tempfile.gettempdir()) / "quiz-bench-study" / key


def _iso(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S.%f+00:00")


def _bank_names() -> list[str]:
    return [f"synthetic-{i}" for i in range(BANKS)]


def build(cache: Path) -> Path:
    """Make (or reuse) the synthetic database and the pickled banks; returns the database path."""
    db_path = cache / "study.db"
    if (cache / "done").exists():
        return db_path
    from faker import Faker

    from bench.synthetic import synthetic_bank
    from quiz.library.card_sync import sync_fingerprint
    from quiz.store import open_db, save_bank

    shutil.rmtree(cache, ignore_errors=True)
    cache.mkdir(parents=True)
    fake = Faker()
    fake.seed_instance(7)
    rng = random.Random(7)
    db = open_db(db_path)
    for i, name in enumerate(_bank_names()):
        bank = synthetic_bank(FACTS_PER_BANK, seed=i)
        bank = type(bank)(name, f"Synthetic bank {i}", bank.facts, bank.catalog, source="synthetic")
        (cache / f"{name}.pickle").write_bytes(pickle.dumps(bank, protocol=pickle.HIGHEST_PROTOCOL))
        imported = NOW - timedelta(days=800)
        save_bank(db, name, bank.title, "imported", "toml", "", [(f.id, f.statement(), f.date.iso()) for f in bank.facts],
                  clock=lambda imported=imported: imported)
    names = {fake.unique.first_name() for _ in range(CLASS_SIZE)}
    learners = [LEARNER, *sorted(names)[:CLASS_SIZE]]
    db.executemany("INSERT INTO learners (id, name, created) VALUES (?, ?, ?)",
                   [(i + 1, n, _iso(NOW - timedelta(days=800))) for i, n in enumerate(learners)])
    imported_at = {r[0]: r[1] for r in db.execute("SELECT name, imported_at FROM banks")}
    card_id = 0
    review_id = 0
    for learner_id, _name in enumerate(learners, start=1):
        banks = _bank_names() if learner_id == 1 else [_bank_names()[learner_id % BANKS]]
        reviews_wanted = REVIEWS if learner_id == 1 else CLASS_REVIEWS_EACH
        cards: list[CardRow] = []
        reviews: list[ReviewRow] = []
        total_cards = len(banks) * FACTS_PER_BANK * len(KINDS)
        per_card = reviews_wanted / (total_cards * 0.8)
        for bank_name in banks:
            db.execute("INSERT INTO card_sync (learner_id, bank, fingerprint) VALUES (?, ?, ?)",
                       [learner_id, bank_name, sync_fingerprint(imported_at[bank_name])])
            for f in range(FACTS_PER_BANK):
                for kind in KINDS:
                    card_id += 1
                    roll = rng.random()
                    if roll < 0.2:  # new
                        cards.append((card_id, learner_id, bank_name, f"fact-{f}", kind, "new", None, None, None, None,
                                      None, 0, 0, 0, None, 0, _iso(NOW - timedelta(days=800))))
                        continue
                    state = "review" if roll < 0.999 else rng.choice(("learning", "relearning"))
                    stability = rng.uniform(0.5, 400.0)
                    difficulty = rng.uniform(1.0, 10.0)
                    last = NOW - timedelta(days=rng.uniform(0.7, 300))  # nothing answered yet today
                    if state == "review":
                        due = last + timedelta(days=max(1.0, stability * rng.uniform(0.6, 1.1)))
                    else:
                        due = NOW + timedelta(minutes=rng.uniform(-30, 600))
                        last = NOW - timedelta(hours=rng.uniform(0.1, 3))
                    n_reviews = max(1, int(rng.expovariate(1 / per_card)))
                    lapses = rng.randint(0, min(9, n_reviews // 3))
                    step = 0 if state != "review" else None
                    cards.append((card_id, learner_id, bank_name, f"fact-{f}", kind, state, step, stability, difficulty,
                                  _iso(due), _iso(last), n_reviews, lapses, 0, None, int(lapses >= 8),
                                  _iso(NOW - timedelta(days=800))))
                    at = last
                    due_iso, last_iso = _iso(due), _iso(last)
                    for k in range(n_reviews):
                        review_id += 1
                        rating = rng.choice((1, 3, 3, 3, 3, 2, 4))
                        at_iso = _iso(at)
                        reviews.append((review_id, card_id, learner_id, at_iso, rating, "typed" if k % 2 else "mc",
                                        "w", "", "", "", "correct" if rating > 1 else "wrong", 5000,
                                        "new" if k == n_reviews - 1 else "review", state, step, step, stability,
                                        stability, difficulty, difficulty, at_iso, due_iso, at_iso, last_iso,
                                        n_reviews - k - 1, n_reviews - k, lapses, lapses, 0, 0, 0, 0))
                        at -= timedelta(days=rng.uniform(0.5, 30))
                    if len(reviews) >= 100_000:
                        _insert(db, cards, reviews)
                        cards, reviews = [], []
        _insert(db, cards, reviews)
    db.execute("ANALYZE")
    db.checkpoint(truncate=True)
    db.close()
    (cache / "done").write_text("ok")
    return db_path


def _insert(db: Database, cards: list[CardRow], reviews: list[ReviewRow]) -> None:
    from quiz.store.schema import CARD_STATE_FIELDS

    pairs = [f"{c}_before, {c}_after" for c in CARD_STATE_FIELDS]
    columns = ("id, card_id, learner_id, reviewed_at, rating, mode, wording_id, prompt, given, expected, "
               f"verdict, duration_ms, {', '.join(pairs)}")
    with db.write():
        db.executemany(
            "INSERT INTO cards (id, learner_id, bank, fact_id, kind, state, step, stability, difficulty, due, "
            "last_review, reps, lapses, suspended, buried_until, leech, created) VALUES "
            "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            cards,
        )
        db.executemany(f"INSERT INTO reviews ({columns}) VALUES ({', '.join('?' * 32)})", reviews)


class _Banks:
    """Lazy loader of the pickled synthetic banks, as `quiz.banks.get_bank` would parse them."""

    def __init__(self, cache: Path) -> None:
        self.cache = cache
        self.loaded: dict[str, object] = {}

    def __call__(self, db, name: str):
        if name not in self.loaded:
            self.loaded[name] = pickle.loads((self.cache / f"{name}.pickle").read_bytes())
        return self.loaded[name]


class _Clock:
    def __init__(self) -> None:
        self.now = NOW

    def __call__(self) -> datetime:
        return self.now


def _copy(source: Path, target: Path) -> None:
    """Copy the cached database and flush it to disk, so the copy's writeback isn't timed."""
    shutil.copyfile(source, target)
    with open(target, "rb+") as handle:
        os.fsync(handle.fileno())


class _TimedSession(StudySession):
    """A study session that times each schedule-and-commit step (FSRS, card update, review insert, COMMIT)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.commit_seconds: list[float] = []
        super().__init__(*args, **kwargs)

    def _commit(
        self, slot: Slot, rating: Rating, given: str, outcome: Outcome, reason: str, duration_ms: int | None
    ) -> Feedback:
        started = time.perf_counter()
        feedback = super()._commit(slot, rating, given, outcome, reason, duration_ms)
        self.commit_seconds.append(time.perf_counter() - started)
        return feedback


def _session(db_path: Path, banks: _Banks, clock: _Clock, seed: int = 1) -> _TimedSession:
    return _TimedSession(db_path, LEARNER, clock=clock, seed=seed, bank_loader=banks,
                         bank_names=lambda db: _bank_names())


def _answer_loop(session: _TimedSession, clock: _Clock, rng: random.Random, count: int) -> tuple[list[float], list[float]]:
    """Answer `count` cards; per answer, the whole step and the schedule-and-commit part (seconds)."""
    commits_before = len(session.commit_seconds)
    steps: list[float] = []
    for _ in range(count):
        if session.current is None:
            break
        question = session.current.question
        knows = rng.random() < 0.85
        started = time.perf_counter()
        if str(question.mode) == "flip":
            session.rate(3 if knows else 1)
        else:
            session.answer(question.answer if knows else "1 January 1900")  # wrong, yet readable as a date
        session.advance()
        steps.append(time.perf_counter() - started)
        clock.now += timedelta(seconds=20)
    return steps, session.commit_seconds[commits_before:]


def _warm(banks: _Banks) -> None:
    """Parse every bank and build question generation's per-bank indexes and answer checking's
    parsers before timing: a learner pays these once per bank per run, not once per answer."""
    from question_bank.answers import check_question
    from question_bank.questions import Kind, Mode, make_question

    rng = random.Random(0)
    for name in _bank_names():
        bank = banks(None, name)
        for kind in Kind:
            for fact in bank.facts[:3]:
                question = make_question(bank, fact, kind, Mode.MC, rng, 3)
                typed = make_question(bank, fact, kind, Mode.TYPED, rng, 3)
                for q in (question, typed):
                    if q is not None:
                        check_question(q, "no idea")


def _child(db_path: str, cache: str) -> None:
    """Run in a subprocess for peak RSS: open a session and answer cards, like a learner's sitting."""
    clock = _Clock()
    banks = _Banks(Path(cache))
    _warm(banks)
    session = _session(Path(db_path), banks, clock)
    steps, _ = _answer_loop(session, clock, random.Random(2), ANSWERS)
    session.close()
    print(json.dumps({"answered": len(steps)}))


def run() -> dict[str, float]:
    cache = _cache_dir()
    source = build(cache)
    work = Path(tempfile.mkdtemp(prefix="quiz-bench-"))
    try:
        db_path = work / "study.db"
        _copy(source, db_path)
        banks = _Banks(cache)
        _warm(banks)
        clock = _Clock()
        _session(db_path, banks, clock).close()  # warm the OS cache

        opens = []
        for _ in range(5):
            started = time.perf_counter()
            session = _session(db_path, banks, clock)
            assert session.current is not None
            opens.append(time.perf_counter() - started)
            session.close()

        session = _session(db_path, banks, clock)
        queues = []
        for _ in range(20):
            started = time.perf_counter()
            session._build_queue()
            queues.append(time.perf_counter() - started)
        session.close()

        session = _session(db_path, banks, clock)
        steps, commits = _answer_loop(session, clock, random.Random(1), ANSWERS)
        session.close()
        steps.sort()

        child_db = work / "child.db"
        _copy(source, child_db)
        process = subprocess.Popen(
            [sys.executable, "-c", f"from bench.study import _child; _child({str(child_db)!r}, {str(cache)!r})"],
            stdout=subprocess.DEVNULL, cwd=Path(__file__).resolve().parent.parent,  # its one line is not needed
        )
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            raise RuntimeError("the peak-RSS child failed")
        peak_kb = usage.ru_maxrss  # kilobytes on Linux
        return {
            "queue_ms": statistics.median(queues) * 1e3,
            "answer_median_us": statistics.median(steps) * 1e6,
            "answer_p99_us": steps[min(len(steps) - 1, int(len(steps) * 0.99))] * 1e6,
            "schedule_commit_median_us": statistics.median(commits) * 1e6,
            "open_first_card_ms": statistics.median(opens) * 1e3,
            "peak_rss_mb": peak_kb / 1024,
        }
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    print(json.dumps(run(), indent=2))
