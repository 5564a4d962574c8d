"""The statistics' SQL: aggregates over the review roll-up (`review_hours`), today's reviews and cards.

Everything that counts many rows is a GROUP BY here; the caller maps UTC hours into the learner's
days and hours. Retrievability is FSRS's forgetting curve, R = (1 + factor · t / S) ^ decay with t the
whole days since the last review, computed in SQL so 100,000 cards never cross into Python.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from quiz.store.engine import Database

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

    @property
    def julian(self) -> float:
        """The moment as a Julian day number, so each row parses one date, not two."""
        moment = datetime.fromisoformat(self.now_iso)
        return moment.timestamp() / 86400 + 2440587.5


def _bin(expr: str, edges: Sequence[float]) -> str:
    whens = " ".join(f"WHEN {expr} < {edge!r} THEN {i}" for i, edge in enumerate(edges))
    return f"CASE WHEN {expr} IS NULL THEN NULL {whens} ELSE {len(edges)} END"


def _elapsed(db: Database, card: str = "") -> str:
    """Whole days since the card's last review, at least 0."""
    last_review = db.dialect.card_julianday(f"{card}last_review")
    return f"{db.dialect.greatest}(0, {db.dialect.as_int(f':now - {last_review}')})"


def _r(db: Database, card: str = "") -> str:
    """Retrievability of a card (`card` a table alias and a dot, or nothing)."""
    return f"pow(1 + :factor * {_elapsed(db, card)} / {card}stability, :decay)"


_BANK = " AND bank = :bank"


def hour_rows(
    db: Database, learner_ids: Sequence[int], bank: str | None = None
) -> list[tuple[int, str, str, int, int, int]]:
    """(learner id, UTC hour 'YYYY-MM-DDTHH', type, reviews, passed, time ms), every hour ever studied."""
    marks = ", ".join("?" * len(learner_ids))
    where = f"learner_id IN ({marks})" + (" AND bank = ?" if bank is not None else "")
    params: list[object] = [*learner_ids, *([bank] if bank is not None else [])]
    return db.execute(
        "SELECT learner_id, hour, category, sum(reviews), sum(passed), sum(time_ms) FROM review_hours "
        f"WHERE {where} GROUP BY learner_id, hour, category HAVING sum(reviews) > 0",
        params,
    ).fetchall()


def today_rows(
    db: Database, learner_id: int, since_iso: str, bank: str | None = None
) -> list[tuple[str, int, int, int]]:
    """(state before the answer, reviews, passed, time ms) of the reviews since `since_iso`."""
    join, where = "", ""
    params: list[object] = [learner_id, since_iso]
    if bank is not None:
        join, where = " JOIN cards c ON c.id = r.card_id", " AND c.bank = ?"
        params.append(bank)
    return db.execute(
        f"SELECT r.state_before, count(*), count(CASE WHEN r.rating > 1 THEN 1 END), sum(coalesce(r.duration_ms, 0)) "
        f"FROM reviews r{join} "
        f"WHERE r.learner_id = ? AND r.reviewed_at >= ?{where} GROUP BY r.state_before",
        params,
    ).fetchall()


def due_rows(
    db: Database, learner_id: int, until_iso: str, bank: str | None = None
) -> list[tuple[str, int]]:
    """(UTC hour, cards due) for unsuspended answered cards due before `until_iso` (overdue too)."""
    extra = _BANK if bank is not None else ""
    return db.execute(
        "SELECT substr(due, 1, 13), count(*) FROM cards WHERE learner_id = :learner "
        "AND state IN ('learning', 'review', 'relearning') AND suspended = 0 "
        f"AND due < :until{extra} GROUP BY 1",
        {"learner": learner_id, "until": until_iso, "bank": bank},
    ).fetchall()


@dataclass(frozen=True)
class CardGroup:
    """One bank × kind of a learner's cards (suspended ones count only as leeches)."""

    bank: str
    kind: str
    cards: int
    answered: int
    known: float  # sum of retrievability
    mastered: int  # cards with R >= the desired retention
    load: float  # sum of 1 / interval (Anki's daily load)
    leeches: int


_LIVE = "suspended = 0 AND state != 'new' AND stability IS NOT NULL AND last_review IS NOT NULL"


def card_groups(db: Database, learner_id: int, curve: Curve, bank: str | None = None) -> list[CardGroup]:
    """Cards, answered, known, mastered, daily load and leeches by bank and kind: one pass that
    streams in the covering index's (bank, kind) order. R ≥ desired is tested as elapsed days ≤
    S · (desired^(1/decay) − 1) / factor, which needs no power."""
    extra = _BANK if bank is not None else ""
    reach = (curve.desired ** (1 / curve.decay) - 1) / curve.factor
    d = db.dialect
    interval = f"{d.card_julianday('due')} - {d.card_julianday('last_review')}"
    rows = db.execute(
        f"SELECT bank, kind, count(CASE WHEN suspended = 0 THEN 1 END), count(CASE WHEN {_LIVE} THEN 1 END), "
        f"coalesce(sum(CASE WHEN {_LIVE} THEN {_r(db)} END), 0.0), "
        f"count(CASE WHEN {_LIVE} AND {_elapsed(db)} <= stability * :reach THEN 1 END), "
        f"coalesce(sum(CASE WHEN {_LIVE} THEN 1.0 / {d.greatest}(1.0, {interval}) END), 0.0), "
        "sum(leech) "
        f"FROM cards WHERE learner_id = :learner{extra} GROUP BY bank, kind",
        {"learner": learner_id, "now": curve.julian, "decay": curve.decay, "factor": curve.factor,
         "reach": reach, "bank": bank},
    ).fetchall()
    return [CardGroup(b, k, n, answered, known, mastered, load, leeches or 0)
            for b, k, n, answered, known, mastered, load, leeches in rows]


def histograms(
    db: Database, learner_id: int, curve: Curve, bank: str | None = None
) -> list[tuple[int, int, int, int]]:
    """(stability bin, difficulty bin, retrievability bin, cards) of the answered unsuspended cards,
    grouped on one small integer so the sort is cheap."""
    extra = _BANK if bank is not None else ""
    d = db.dialect
    key = (f"{_bin('stability', STABILITY_EDGES)} * 100 + {d.least}(8, {d.greatest}(0, {d.as_int('difficulty')} - 1)) * 10 "
           f"+ {d.least}(9, {d.as_int(f'{_r(db)} * 10')})")
    rows = db.execute(
        f"SELECT {key} AS k, count(*) FROM cards WHERE learner_id = :learner AND {_LIVE}{extra} GROUP BY k",
        {"learner": learner_id, "now": curve.julian, "decay": curve.decay, "factor": curve.factor, "bank": bank},
    ).fetchall()
    return [(k // 100, k // 10 % 10, k % 10, n) for k, n in rows]


def hardest_rows(
    db: Database, learner_id: int, curve: Curve, limit: int, bank: str | None = None
) -> list[tuple[str, str, str, int, float | None, int]]:
    """(bank, fact id, statement, lapses, lowest R of its cards, leech) for the facts with the most
    lapses, then the lowest retrievability; facts never forgotten are left out. The facts come from
    the cards with the most lapses (a bounded sort, no grouping of every card), then are summed."""
    extra = _BANK if bank is not None else ""
    params = {"learner": learner_id, "now": curve.julian, "decay": curve.decay, "factor": curve.factor,
              "limit": limit * 3, "bank": bank}
    return db.execute(
        "WITH top AS (SELECT DISTINCT bank, fact_id FROM (SELECT bank, fact_id FROM cards "
        f"WHERE learner_id = :learner AND lapses > 0{extra} ORDER BY lapses DESC, id LIMIT :limit) AS worst) "
        f"SELECT c.bank, c.fact_id, coalesce(f.statement, c.fact_id), sum(c.lapses), min({_r(db, 'c.')}), max(c.leech) "
        "FROM top JOIN cards c ON c.learner_id = :learner AND c.bank = top.bank AND c.fact_id = top.fact_id "
        "LEFT JOIN facts f ON f.bank = c.bank AND f.fact_id = c.fact_id "
        "GROUP BY c.bank, c.fact_id, f.statement ORDER BY 4 DESC, 5 ASC NULLS FIRST, 1, 2 LIMIT :limit / 3",
        params,
    ).fetchall()


def learner_row(db: Database, name: str) -> int | None:
    row = db.execute("SELECT id FROM learners WHERE name = ?", [name]).fetchone()
    return int(row[0]) if row else None


def class_students(db: Database, class_name: str, owner: int | None = None) -> list[tuple[int, str]] | None:
    """(learner id, name) of a class's students by name; None if its teacher (`owner`) has no such class."""
    found = db.execute(
        "SELECT id FROM classes WHERE name = ? AND teacher_id IS NOT DISTINCT FROM ?", [class_name, owner]
    ).fetchone()
    if found is None:
        return None
    return db.execute(
        "SELECT l.id, l.name FROM class_members m JOIN learners l ON l.id = m.learner_id "
        "WHERE m.class_id = ? ORDER BY l.name",
        [found[0]],
    ).fetchall()
