"""The homework view's SQL: a class's cards as they stand, the banks they study, and the backlog
as it stood a week ago (rebuilt from the reviews, which keep each card's state after the answer).

Review counts per day come from the statistics' roll-up (`quiz.store.stats.hour_rows`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from quiz.store.engine import Database


@dataclass(frozen=True)
class CardRow:
    """One student's card: enough for FSRS's retrievability and for what is due."""

    learner_id: int
    bank: str
    fact_id: str
    kind: str
    state: str
    stability: float | None
    difficulty: float | None
    due: str | None
    last_review: str | None
    suspended: bool


def _in(ids: Sequence[object]) -> str:
    return ", ".join("?" * len(ids))


def class_cards(db: Database, learner_ids: Sequence[int], banks: Sequence[str]) -> list[CardRow]:
    """Every card of these students in these banks (new and suspended ones too)."""
    if not learner_ids or not banks:
        return []
    rows = db.execute(
        "SELECT learner_id, bank, fact_id, kind, state, stability, difficulty, due, last_review, suspended "
        f"FROM cards WHERE learner_id IN ({_in(learner_ids)}) AND bank IN ({_in(banks)})",
        [*learner_ids, *banks],
    ).fetchall()
    return [CardRow(int(r[0]), r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], bool(r[9])) for r in rows]


def studied_banks(db: Database, learner_ids: Sequence[int]) -> list[str]:
    """The banks these students have cards in, by name."""
    if not learner_ids:
        return []
    return [r[0] for r in db.execute(
        f"SELECT DISTINCT bank FROM cards WHERE learner_id IN ({_in(learner_ids)}) ORDER BY bank", list(learner_ids),
    ).fetchall()]


def backlog_at(db: Database, learner_ids: Sequence[int], banks: Sequence[str], moments: dict[int, str]) -> dict[int, int]:
    """Per student, the cards that were overdue at their moment (UTC ISO; a student's day start a week
    ago): the last review before it left the card due before it, answered and not suspended."""
    found = dict.fromkeys(learner_ids, 0)
    if not banks:
        return found
    for learner_id in learner_ids:
        moment = moments[learner_id]
        row = db.execute(
            "SELECT count(*) FROM (SELECT r.due_after, r.state_after, r.suspended_after, "
            "row_number() OVER (PARTITION BY r.card_id ORDER BY r.reviewed_at DESC, r.id DESC) AS n "
            "FROM reviews r JOIN cards c ON c.id = r.card_id "
            f"WHERE r.learner_id = ? AND c.bank IN ({_in(banks)}) AND r.reviewed_at < ?) AS last_review "
            "WHERE n = 1 AND state_after != 'new' AND suspended_after = 0 AND due_after < ?",
            [learner_id, *banks, moment, moment],
        ).fetchone()
        found[learner_id] = int(row[0]) if row else 0
    return found
