"""Read-only questions about reviews: today's counts, facts touched today, history, streaks."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from quiz.clock import parse_utc, utc_iso
from quiz.model import Outcome
from quiz.settings import Settings, day_start, next_day_start
from quiz.store.engine import Database


@dataclass(frozen=True)
class ReviewRow:
    id: int
    reviewed_at: datetime
    rating: int
    mode: str
    wording_id: str
    prompt: str
    given: str
    expected: str
    verdict: Outcome
    duration_ms: int | None
    state_before: str
    state_after: str
    interval: timedelta | None  # due_after - reviewed_at
    stability_after: float | None
    difficulty_after: float | None


def today_counts(db: Database, learner_id: int, now: datetime, settings: Settings) -> tuple[int, int]:
    """(new cards introduced, review cards answered) today, for the daily limits."""
    new, reviews = db.execute(
        "SELECT count(CASE WHEN state_before = 'new' THEN 1 END), "
        "count(CASE WHEN state_before = 'review' THEN 1 END) "
        "FROM reviews WHERE learner_id = ? AND reviewed_at >= ?",
        [learner_id, utc_iso(day_start(now, settings))],
    ).fetchone()
    return new, reviews


def touched_facts_today(
    db: Database, learner_id: int, now: datetime, settings: Settings
) -> set[tuple[str, str]]:
    """(bank, fact_id) of every fact answered today: their new siblings stay buried until tomorrow."""
    rows = db.execute(
        "SELECT DISTINCT c.bank, c.fact_id FROM reviews r JOIN cards c ON c.id = r.card_id "
        "WHERE r.learner_id = ? AND r.reviewed_at >= ?",
        [learner_id, utc_iso(day_start(now, settings))],
    )
    return {(bank, fact_id) for bank, fact_id in rows}


def card_history(db: Database, card_id: int) -> list[ReviewRow]:
    """A card's reviews, oldest first."""
    rows = db.execute(
        "SELECT id, reviewed_at, rating, mode, wording_id, prompt, given, expected, verdict, "
        "duration_ms, state_before, state_after, due_after, stability_after, difficulty_after "
        "FROM reviews WHERE card_id = ? ORDER BY id",
        [card_id],
    ).fetchall()
    history = []
    for row in rows:
        at, due = datetime.fromisoformat(row[1]), parse_utc(row[12])
        history.append(ReviewRow(
            row[0], at, row[2], row[3], row[4], row[5], row[6], row[7], Outcome(row[8]), row[9], row[10], row[11],
            due - at if due else None, row[13], row[14],
        ))
    return history


def learner_stats(
    db: Database, learner_id: int, now: datetime, settings: Settings
) -> tuple[int, int, int]:
    """(reviews today, streak of study days ending today or yesterday, reviews in all)."""
    conn = db
    start = day_start(now, settings)
    today = conn.execute(
        "SELECT count(*) FROM reviews WHERE learner_id = ? AND reviewed_at >= ?",
        [learner_id, utc_iso(start)],
    ).fetchone()[0]
    total = conn.execute("SELECT count(*) FROM reviews WHERE learner_id = ?", [learner_id]).fetchone()[0]
    # Walk back a study day at a time: each step is one index probe on (learner_id, reviewed_at).
    if today:
        day_from, day_to = start, next_day_start(now, settings)
    else:
        day_from, day_to = day_start(start - timedelta(hours=1), settings), start
    streak = 0
    while streak < 36500 and conn.execute(
        "SELECT 1 FROM reviews WHERE learner_id = ? AND reviewed_at >= ? AND reviewed_at < ? LIMIT 1",
        [learner_id, utc_iso(day_from), utc_iso(day_to)],
    ).fetchone():
        streak += 1
        day_from, day_to = day_start(day_from - timedelta(hours=1), settings), day_from
    return today, streak, total


def reviews_since(db: Database, learner_id: int, since: datetime) -> int:
    """How many answers the learner gave since `since`."""
    row = db.execute(
        "SELECT count(*) FROM reviews WHERE learner_id = ? AND reviewed_at >= ?", [learner_id, utc_iso(since)]
    ).fetchone()
    return int(row[0])
