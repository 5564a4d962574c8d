"""The statistics' SQL: aggregates over the review roll-up (`review_hours`), today's reviews and cards.

Everything that counts many rows is a GROUP BY here; the caller maps UTC hours into the learner's
days and hours. Retrievability is FSRS's forgetting curve, R = (1 + factor · t / S) ^ decay with t the
whole days since the last review, computed in SQL so 100,000 cards never cross into Python.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import sqlite_utils

# Bins' upper bounds (exclusive): stability in days, difficulty (1..10), retrievability (0..1).
STABILITY_EDGES = (1, 3, 7, 14, 30, 90, 180, 365)
DIFFICULTY_EDGES = (2, 3, 4, 5, 6, 7, 8, 9)
RETRIEVABILITY_EDGES = (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)


@dataclass(frozen=True)
class Curve:
    """What retrievability needs: the moment, FSRS's decay and factor, and the desired retention."""

    now_iso: str
    decay: float
    factor: float
    desired: float


def _bin(expr: str, edges: Sequence[float]) -> str:
    whens = " ".join(f"WHEN {expr} < {edge!r} THEN {i}" for i, edge in enumerate(edges))
    return f"CASE WHEN {expr} IS NULL THEN NULL {whens} ELSE {len(edges)} END"


_R = ("pow(1 + :factor * max(0, CAST(julianday(:now) - julianday(last_review) AS INTEGER)) / stability, :decay)")
_BANK = " AND bank = :bank"


def hour_rows(
    db: sqlite_utils.Database, learner_ids: Sequence[int], bank: str | None = None
) -> list[tuple[int, str, str, int, int, int]]:
    """(learner id, UTC hour 'YYYY-MM-DDTHH', type, reviews, passed, time ms), every hour ever studied."""
    marks = ", ".join("?" * len(learner_ids))
    where = f"learner_id IN ({marks})" + (" AND bank = ?" if bank is not None else "")
    params: list[object] = [*learner_ids, *([bank] if bank is not None else [])]
    return db.conn.execute(
        "SELECT learner_id, hour, category, sum(reviews), sum(passed), sum(time_ms) FROM review_hours "
        f"WHERE {where} GROUP BY learner_id, hour, category HAVING sum(reviews) > 0",
        params,
    ).fetchall()


def today_rows(
    db: sqlite_utils.Database, learner_id: int, since_iso: str, bank: str | None = None
) -> list[tuple[str, int, int, int]]:
    """(state before the answer, reviews, passed, time ms) of the reviews since `since_iso`."""
    join, where = "", ""
    params: list[object] = [learner_id, since_iso]
    if bank is not None:
        join, where = " JOIN cards c ON c.id = r.card_id", " AND c.bank = ?"
        params.append(bank)
    return db.conn.execute(
        f"SELECT r.state_before, count(*), sum(r.rating > 1), sum(coalesce(r.duration_ms, 0)) FROM reviews r{join} "
        f"WHERE r.learner_id = ? AND r.reviewed_at >= ?{where} GROUP BY r.state_before",
        params,
    ).fetchall()


def due_rows(
    db: sqlite_utils.Database, learner_id: int, until_iso: str, bank: str | None = None
) -> list[tuple[str, int]]:
    """(UTC hour, cards due) for unsuspended answered cards due before `until_iso` (overdue too)."""
    extra = _BANK if bank is not None else ""
    return db.conn.execute(
        "SELECT substr(due, 1, 13), count(*) FROM cards WHERE learner_id = :learner "
        "AND state IN ('learning', 'review', 'relearning') AND suspended = 0 "
        f"AND due < :until{extra} GROUP BY 1",
        {"learner": learner_id, "until": until_iso, "bank": bank},
    ).fetchall()


def daily_load(db: sqlite_utils.Database, learner_id: int, bank: str | None = None) -> float:
    """Reviews a day the current cards ask for on average: the sum of 1 / interval (Anki's daily load)."""
    extra = _BANK if bank is not None else ""
    (load,) = db.conn.execute(
        "SELECT total(1.0 / max(1.0, julianday(due) - julianday(last_review))) FROM cards "
        "WHERE learner_id = :learner AND state IN ('learning', 'review', 'relearning') AND suspended = 0"
        f"{extra}",
        {"learner": learner_id, "bank": bank},
    ).fetchone()
    return float(load)


def card_groups(
    db: sqlite_utils.Database, learner_id: int, curve: Curve, bank: str | None = None
) -> list[tuple[str, str, int | None, int | None, int | None, int, float, int]]:
    """(bank, kind, stability bin, difficulty bin, retrievability bin, cards, sum of R, cards with
    R ≥ desired retention), over unsuspended cards; a new card's bins are NULL."""
    extra = _BANK if bank is not None else ""
    r_now = f"(CASE WHEN state = 'new' OR stability IS NULL OR last_review IS NULL THEN NULL ELSE {_R} END)"
    return db.conn.execute(
        f"SELECT bank, kind, {_bin('stability', STABILITY_EDGES)}, {_bin('difficulty', DIFFICULTY_EDGES)}, "
        f"{_bin('r', RETRIEVABILITY_EDGES)}, count(*), total(r), count(CASE WHEN r >= :desired THEN 1 END) "
        f"FROM (SELECT bank, kind, stability, difficulty, {r_now} AS r FROM cards "
        f"WHERE learner_id = :learner AND suspended = 0{extra}) GROUP BY 1, 2, 3, 4, 5",
        {"learner": learner_id, "now": curve.now_iso, "decay": curve.decay, "factor": curve.factor,
         "desired": curve.desired, "bank": bank},
    ).fetchall()


def hardest_rows(
    db: sqlite_utils.Database, learner_id: int, curve: Curve, limit: int, bank: str | None = None
) -> list[tuple[str, str, str, int, float | None, int]]:
    """(bank, fact id, statement, lapses, lowest R of its cards, leech) for the facts with the most
    lapses, then the lowest retrievability; facts never forgotten are left out."""
    extra = " AND c.bank = :bank" if bank is not None else ""
    r_now = _R.replace("last_review", "c.last_review").replace("/ stability", "/ c.stability")
    return db.conn.execute(
        f"SELECT c.bank, c.fact_id, coalesce(f.statement, c.fact_id), sum(c.lapses), min({r_now}), max(c.leech) "
        "FROM cards c LEFT JOIN facts f ON f.bank = c.bank AND f.fact_id = c.fact_id "
        f"WHERE c.learner_id = :learner AND c.lapses > 0{extra} GROUP BY c.bank, c.fact_id "
        "ORDER BY 4 DESC, 5 ASC, 1, 2 LIMIT :limit",
        {"learner": learner_id, "now": curve.now_iso, "decay": curve.decay, "factor": curve.factor,
         "limit": limit, "bank": bank},
    ).fetchall()


def leech_count(db: sqlite_utils.Database, learner_id: int, bank: str | None = None) -> int:
    extra = _BANK if bank is not None else ""
    (count,) = db.conn.execute(
        f"SELECT count(*) FROM cards WHERE learner_id = :learner AND leech = 1{extra}",
        {"learner": learner_id, "bank": bank},
    ).fetchone()
    return int(count)


def learner_row(db: sqlite_utils.Database, name: str) -> int | None:
    row = db.conn.execute("SELECT id FROM learners WHERE name = ?", [name]).fetchone()
    return int(row[0]) if row else None


def class_students(db: sqlite_utils.Database, class_name: str) -> list[tuple[int, str]] | None:
    """(learner id, name) of a class's students by name; None if there is no such class."""
    found = db.conn.execute("SELECT id FROM classes WHERE name = ?", [class_name]).fetchone()
    if found is None:
        return None
    return db.conn.execute(
        "SELECT l.id, l.name FROM class_members m JOIN learners l ON l.id = m.learner_id "
        "WHERE m.class_id = ? ORDER BY l.name",
        [found[0]],
    ).fetchall()
