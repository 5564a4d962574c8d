"""A small hand-made history in Europe/Belgrade (day rolling over at 4 am) across the autumn DST change.

Times are written as local wall-clock text and converted here, so each review's study day and
hour can be read off by eye. Cards: 1 b1/date, 2 b1/unit, 3 b2/place, 4 b2/date (never answered).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from quiz.clock import utc_iso
from quiz.library.learners import ensure_learner
from quiz.library.preferences import save_settings
from quiz.store import open_db

ZONE = ZoneInfo("Europe/Belgrade")
LEARNER = "ana"
NOW = datetime(2026, 10, 27, 11, 0, tzinfo=UTC)  # 12:00 local (CET)


def local(text: str, fold: int = 0) -> str:
    """Local wall-clock 'YYYY-MM-DD HH:MM' as the store's UTC text."""
    return utc_iso(datetime.fromisoformat(text).replace(tzinfo=ZONE, fold=fold).astimezone(UTC))


# (card, local time, fold, state before, days of interval before (None: none), rating)
REVIEWS = [
    (3, "2026-10-20 12:00", 0, "new", None, 3),        # day 10-20, learning, passed
    (1, "2026-10-24 22:30", 0, "new", None, 3),        # day 10-24 (CEST), learning, passed
    (2, "2026-10-25 02:30", 1, "new", None, 1),        # the repeated hour, second time (CET): day 10-24, failed
    (1, "2026-10-25 04:30", 0, "review", 10, 3),       # day 10-25, young, passed
    (3, "2026-10-26 23:59", 0, "review", 30, 1),       # day 10-26 at 23:59, mature, failed
    (3, "2026-10-27 00:30", 0, "relearning", None, 3),  # before the rollover: day 10-26, relearning
    (2, "2026-10-27 10:00", 0, "review", 25, 2),       # today, mature, passed (Hard passes)
]

CARDS = [  # id, bank, fact, kind, state, stability, difficulty, last review (UTC), due (UTC), lapses
    (1, "b1", "f1", "date", "review", 10.0, 5.0, "2026-10-25T03:30:00", "2026-11-04T03:30:00", 0),
    (2, "b1", "f2", "unit", "review", 25.0, 7.5, "2026-10-27T09:00:00", "2026-11-21T09:00:00", 0),
    (3, "b2", "f3", "place", "relearning", 2.0, 9.0, "2026-10-26T23:30:00", "2026-10-27T00:00:00", 1),
    (4, "b2", "f4", "date", "new", None, None, None, None, 0),
]


def _utc(text: str | None) -> str | None:
    return utc_iso(datetime.fromisoformat(text).replace(tzinfo=UTC)) if text else None


def build(path: Path, reviews: list = REVIEWS, timezone: str = "Europe/Belgrade", rollover: int = 4) -> Path:
    db = open_db(path)
    learner = ensure_learner(db, LEARNER, lambda: NOW)
    save_settings(db, learner.id, timezone=timezone, rollover_hour=rollover)
    conn = db.conn
    with conn:
        for bank in ("b1", "b2"):
            conn.execute("INSERT INTO banks (name, title, origin, format, source_text, imported_at) "
                         "VALUES (?, ?, 'imported', 'toml', '', ?)", [bank, bank.upper(), utc_iso(NOW)])
        for cid, bank, fact, kind, state, s, d, last, due, lapses in CARDS:
            conn.execute("INSERT INTO facts (bank, fact_id, statement, date_iso) VALUES (?, ?, ?, '1944')", [bank, fact, f"Fact {fact}"])
            conn.execute(
                "INSERT INTO cards (id, learner_id, bank, fact_id, kind, state, stability, difficulty, last_review, "
                "due, reps, lapses, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)",
                [cid, learner.id, bank, fact, kind, state, s, d, _utc(last), _utc(due), lapses, utc_iso(NOW)],
            )
        for cid, when, fold, before, interval, rating in reviews:
            at = local(when, fold)
            last = due = None
            if interval is not None:
                moment = datetime.fromisoformat(at)
                last = utc_iso(moment.replace(day=1))
                due = utc_iso(moment.replace(day=1) + timedelta(days=interval))
            conn.execute(
                "INSERT INTO reviews (card_id, learner_id, reviewed_at, rating, mode, verdict, duration_ms, "
                "state_before, state_after, due_before, last_review_before, reps_before, reps_after, "
                "lapses_before, lapses_after, leech_before, leech_after, suspended_before, suspended_after) "
                "VALUES (?, ?, ?, ?, 'mc', ?, 5000, ?, 'review', ?, ?, 0, 1, 0, 0, 0, 0, 0, 0)",
                [cid, learner.id, at, rating, "correct" if rating > 1 else "wrong", before, due, last],
            )
    db.close()
    return path
