"""Read-only views of a learner's progress: per-bank counts, streaks, the card browser's rows.

The TUI's home and browse screens and `quiz status` read through here; nothing here writes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlite_utils

from question_bank.questions.generate import kinds_for
from quiz.banks import get_bank, list_banks
from quiz.learners import get_learner
from quiz.scheduler import CardState, Scheduler
from quiz.settings import Settings, day_start, load_settings
from quiz.store.db import parse_utc, utc_iso, utc_now
from quiz.store.reviews import ReviewRow, card_history
from quiz.store.reviews import learner_stats as _learner_stats

__all__ = [
    "BankCounts", "CardRow", "ReviewRow", "bank_overview", "card_history", "learner_stats",
    "list_cards", "status_report",
]


@dataclass(frozen=True)
class BankCounts:
    """One bank for one learner. new/learning/review count cards in that state (not suspended);
    `due` is learning and review cards due now; `new_available` is new cards today's limit allows."""

    name: str
    title: str
    new: int
    learning: int
    review: int
    due: int
    suspended: int
    new_available: int = 0
    reviewed_today: int = 0
    reviews_total: int = 0
    cards: int = 0


@dataclass(frozen=True)
class CardRow:
    card_id: int
    bank: str
    fact_id: str
    kind: str
    state: str
    due: datetime | None
    last_review: datetime | None
    stability: float | None
    difficulty: float | None
    reps: int
    lapses: int
    suspended: bool
    leech: bool
    statement: str
    date_iso: str
    retrievability: float | None
    step: int | None = None


def _learner_context(db: sqlite_utils.Database, learner: str) -> tuple[int, Settings] | None:
    found = get_learner(db, learner)
    if found is None:
        return None
    return found.id, load_settings(db, found.id)


def _known_banks(db: sqlite_utils.Database) -> list[tuple[str, str]]:
    """(name, title) of every bank the application knows, built-in and imported."""
    return [(info.name, info.title) for info in list_banks(db)]


def _unsynced_new(db: sqlite_utils.Database, name: str) -> int:
    """New cards a bank will give a learner who has not opened it yet (facts × kinds)."""
    try:
        return sum(len(kinds_for(fact)) for fact in get_bank(db, name).facts)
    except Exception:  # an unreadable bank shows no new cards rather than breaking the screen
        return 0


def bank_overview(db: sqlite_utils.Database, learner: str, now: datetime) -> list[BankCounts]:
    """Every known bank with this learner's card counts (banks they never opened show their new cards)."""
    context = _learner_context(db, learner)
    learner_id, settings = context if context else (0, Settings())
    now_iso = utc_iso(now)
    start_iso = utc_iso(day_start(now, settings))
    counts: dict[str, dict[str, int]] = {}
    # A card's `reps` is its number of reviews (undo puts it back), so a bank's review total is a
    # sum over its cards rather than a join over every review.
    for bank, state, suspended, number, due, reps in db.conn.execute(
        "SELECT bank, state, suspended, count(*), count(CASE WHEN due <= ? THEN 1 END), sum(reps) "
        "FROM cards WHERE learner_id = ? GROUP BY bank, state, suspended",
        [now_iso, learner_id],
    ):
        c = counts.setdefault(bank, dict.fromkeys(("new", "learning", "review", "due", "suspended", "cards", "reps"), 0))
        c["cards"] += number
        c["reps"] += reps or 0
        if suspended:
            c["suspended"] += number
            continue
        c["learning" if state == "relearning" else state] += number
        c["due"] += due if state != "new" else 0
    today_by_bank = dict(
        db.conn.execute(
            "SELECT c.bank, count(*) FROM reviews r JOIN cards c ON c.id = r.card_id "
            "WHERE r.learner_id = ? AND r.reviewed_at >= ? GROUP BY c.bank",
            [learner_id, start_iso],
        ).fetchall()
    )
    new_done = db.conn.execute(
        "SELECT count(*) FROM reviews WHERE learner_id = ? AND reviewed_at >= ? AND state_before = 'new'",
        [learner_id, start_iso],
    ).fetchone()[0]
    new_left = max(0, settings.new_per_day - new_done)
    synced = {
        row[0] for row in db.conn.execute("SELECT bank FROM card_sync WHERE learner_id = ?", [learner_id])
    }
    overview = []
    for name, title in _known_banks(db):
        c = counts.get(name, dict.fromkeys(("new", "learning", "review", "due", "suspended", "cards", "reps"), 0))
        new = c["new"] if name in synced else max(c["new"], _unsynced_new(db, name))
        overview.append(
            BankCounts(name, title, new, c["learning"], c["review"], c["due"], c["suspended"],
                       min(new, new_left), today_by_bank.get(name, 0), c["reps"], max(c["cards"], new))
        )
    return overview


def learner_stats(db: sqlite_utils.Database, learner: str, now: datetime) -> tuple[int, int, int]:
    """(reviews today, streak in study days, reviews in all); zeros for an unknown learner."""
    context = _learner_context(db, learner)
    if context is None:
        return 0, 0, 0
    return _learner_stats(db, context[0], now, context[1])


def list_cards(
    db: sqlite_utils.Database,
    learner: str,
    bank: str | None = None,
    search: str = "",
    kind: str | None = None,
    state: str | None = None,
    due_only: bool = False,
    suspended: bool | None = None,
    leech: bool | None = None,
    *,
    now: datetime | None = None,
    limit: int | None = None,
    card_id: int | None = None,
) -> list[CardRow]:
    """The learner's cards with their fact's statement, filtered; ordered by bank and fact.

    On a large collection (100,000 cards take ~2 s) pass `limit`, or `card_id` for one card.
    """
    context = _learner_context(db, learner)
    if context is None:
        return []
    learner_id, settings = context
    now = now or utc_now()
    where, params = ["c.learner_id = ?"], [learner_id]
    if card_id is not None:
        where.append("c.id = ?")
        params.append(card_id)
    if bank:
        where.append("c.bank = ?")
        params.append(bank)
    if search.strip():
        where.append("(f.statement LIKE ? OR c.fact_id LIKE ?)")
        pattern = f"%{search.strip()}%"
        params += [pattern, pattern]
    if kind:
        where.append("c.kind = ?")
        params.append(kind)
    if state:
        states = ("learning", "relearning") if state == "learning" else (state,)
        where.append(f"c.state IN ({', '.join('?' * len(states))})")
        params += list(states)
    if due_only:
        where.append("c.due <= ? AND c.suspended = 0")
        params.append(utc_iso(now))
    if suspended is not None:
        where.append("c.suspended = ?")
        params.append(int(suspended))
    if leech is not None:
        where.append("c.leech = ?")
        params.append(int(leech))
    sql = (
        "SELECT c.id, c.bank, c.fact_id, c.kind, c.state, c.due, c.last_review, c.stability, "
        "c.difficulty, c.reps, c.lapses, c.suspended, c.leech, coalesce(f.statement, ''), "
        "coalesce(f.date_iso, ''), c.step FROM cards c "
        "LEFT JOIN facts f ON f.bank = c.bank AND f.fact_id = c.fact_id "
        f"WHERE {' AND '.join(where)} ORDER BY c.bank, c.id"
    )
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    scheduler = Scheduler(settings)
    rows = []
    for r in db.conn.execute(sql, params):
        due, last = parse_utc(r[5]), parse_utc(r[6])
        recall = None
        if r[4] != "new" and r[7] is not None and last is not None:
            recall = scheduler.retrievability(CardState(r[4], r[15], r[7], r[8], due, last), now)
        rows.append(CardRow(
            r[0], r[1], r[2], r[3], r[4], due, last, r[7], r[8], r[9], r[10], bool(r[11]), bool(r[12]),
            r[13], r[14], recall, r[15],
        ))
    return rows


def status_report(db: sqlite_utils.Database, learner: str, now: datetime) -> dict[str, Any]:
    """The documented `quiz status --json` contract (see `quiz status --help`)."""
    banks = bank_overview(db, learner, now)
    today, streak, total = learner_stats(db, learner, now)
    context = _learner_context(db, learner)
    settings = context[1] if context else Settings()
    new_left = _new_left(db, context, now, settings)
    return {
        "learner": learner,
        "known_learner": context is not None,
        "reviews_total": total,
        "reviews_today": today,
        "streak_days": streak,
        "due_now": sum(b.due for b in banks),
        "new_available": min(new_left, sum(b.new for b in banks)),
        "banks": [
            {
                "name": b.name,
                "title": b.title,
                "new": b.new,
                "learning": b.learning,
                "review": b.review,
                "suspended": b.suspended,
                "due_now": b.due,
                "new_available": b.new_available,
                "reviewed_today": b.reviewed_today,
                "reviews_total": b.reviews_total,
            }
            for b in banks
        ],
    }


def _new_left(db: sqlite_utils.Database, context: tuple[int, Settings] | None, now: datetime, settings: Settings) -> int:
    if context is None:
        return settings.new_per_day
    done = db.conn.execute(
        "SELECT count(*) FROM reviews WHERE learner_id = ? AND reviewed_at >= ? AND state_before = 'new'",
        [context[0], utc_iso(day_start(now, settings))],
    ).fetchone()[0]
    return max(0, settings.new_per_day - done)

