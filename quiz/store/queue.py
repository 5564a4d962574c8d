"""The queries behind a study queue: due learning cards, due reviews, new cards, what is due next.

Every query names `cards_queue` (learner_id, state, suspended, due): given ANALYZE statistics the
planner would sometimes rather walk another index and filter, which is slower on a big file.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

from quiz.clock import parse_utc, utc_iso
from quiz.store.cards import CARD_SELECT, CardRecord, ensure_cards, load_cards, record_from_row
from quiz.store.engine import Database

UNBURIED = "(buried_until IS NULL OR buried_until <= ?)"


@dataclass(frozen=True)
class Scope:
    """A learner's cards in some banks, limited to facts the stored banks still have."""

    learner_id: int
    banks: tuple[str, ...]
    kinds: tuple[tuple[str, str], ...] | None = None  # (bank, kind) pairs allowed; None: every kind

    def where(self) -> tuple[str, list]:
        marks = ", ".join("?" * len(self.banks)) or "NULL"
        sql = (f"learner_id = ? AND bank IN ({marks}) AND EXISTS "
               "(SELECT 1 FROM facts f WHERE f.bank = cards.bank AND f.fact_id = cards.fact_id)")
        params: list = [self.learner_id, *self.banks]
        if self.kinds is not None:
            sql += " AND (" + (" OR ".join("(bank = ? AND kind = ?)" for _ in self.kinds) or "0 = 1") + ")"
            params += [value for pair in self.kinds for value in pair]
        return sql, params


def due_learning(db: Database, scope: Scope, before: datetime, now: datetime) -> list[CardRecord]:
    """Learning and relearning cards due before `before` (the day's end), soonest first."""
    where, params = scope.where()
    return load_cards(
        db,
        f"{where} AND state IN ('learning', 'relearning') AND suspended = 0 AND due < ? AND {UNBURIED} "
        "ORDER BY due",
        [*params, utc_iso(before), utc_iso(now)],
        index="cards_queue",
    )


def due_reviews(
    db: Database, scope: Scope, before: datetime, now: datetime, limit: int
) -> list[CardRecord]:
    """Review cards due before `before`, most overdue first, at most `limit`."""
    where, params = scope.where()
    return load_cards(
        db,
        f"{where} AND state = 'review' AND suspended = 0 AND due < ? AND {UNBURIED} ORDER BY due LIMIT ?",
        [*params, utc_iso(before), utc_iso(now), limit],
        index="cards_queue",
    )


def new_cards(db: Database, scope: Scope, now: datetime) -> Iterator[CardRecord]:
    """New cards in bank order, read lazily: the caller stops at its daily limit."""
    where, params = scope.where()
    cursor = db.execute(
        f"{CARD_SELECT}{db.dialect.indexed_by('cards_queue')} WHERE {where} AND state = 'new' AND suspended = 0 "
        f"AND due IS NULL AND {UNBURIED} ORDER BY id",
        [*params, utc_iso(now)],
    )
    try:
        for row in cursor:
            yield record_from_row(row)
    finally:
        cursor.close()


def next_due(db: Database, scope: Scope, before: datetime) -> tuple[datetime | None, int]:
    """(When the next card falls due, how many are due before `before`), suspended cards aside."""
    where, params = scope.where()
    dues, count = [], 0
    for state in ("learning", "relearning", "review"):  # each one range of cards_queue
        sql = f"FROM cards{db.dialect.indexed_by('cards_queue')} WHERE {where} AND state = ? AND suspended = 0"
        first = db.execute(f"SELECT due {sql} AND due IS NOT NULL ORDER BY due LIMIT 1", [*params, state]).fetchone()
        dues += [first[0]] if first else []
        count += db.execute(f"SELECT count(*) {sql} AND due < ?", [*params, state, utc_iso(before)]).fetchone()[0]
    return (parse_utc(min(dues)) if dues else None), count


def cards_in_step(db: Database, learner_id: int, bank: str, fingerprint: str) -> bool:
    """Whether the learner's cards were made from the bank as it is stored now."""
    row = db.execute(
        "SELECT fingerprint FROM card_sync WHERE learner_id = ? AND bank = ?", [learner_id, bank]
    ).fetchone()
    return bool(row) and row[0] == fingerprint


SYNC_BATCH = 500  # cards a write transaction creates: a class opening a big bank takes turns quickly


def sync_cards(
    db: Database, learner_id: int, bank: str, keys: list[tuple[str, str]], fingerprint: str, at: datetime
) -> int:
    """Create the missing (fact_id, kind) cards and remember the fingerprint; the cards created.

    In small transactions of SYNC_BATCH cards, so thirty learners opening a 10,000-fact bank at
    once each hold the write lock for milliseconds; the fingerprint is written with the last
    batch, so an interrupted sync is finished next time (the inserts are idempotent).
    """
    created = 0
    for start in range(0, max(len(keys), 1), SYNC_BATCH):
        with db.write():
            created += ensure_cards(db, learner_id, bank, keys[start:start + SYNC_BATCH], at)
            if start + SYNC_BATCH >= len(keys):
                db.execute(
                    "INSERT INTO card_sync (learner_id, bank, fingerprint) VALUES (?, ?, ?) "
                    "ON CONFLICT (learner_id, bank) DO UPDATE SET fingerprint = excluded.fingerprint",
                    [learner_id, bank, fingerprint],
                )
    return created


def new_card_counts(db: Database, scope: Scope, now: datetime, since: datetime) -> tuple[int, int]:
    """(New cards that could be introduced, of which a sibling of their fact was answered since
    `since`): the second are buried today when one card a fact a day is the rule."""
    where, params = scope.where()
    row = db.execute(
        "SELECT count(*), count(CASE WHEN EXISTS (SELECT 1 FROM cards s JOIN reviews r ON r.card_id = s.id "
        "WHERE s.learner_id = cards.learner_id AND s.bank = cards.bank AND s.fact_id = cards.fact_id "
        f"AND r.reviewed_at >= ?) THEN 1 END) FROM cards WHERE {where} AND state = 'new' AND suspended = 0 "
        f"AND {UNBURIED}",
        [utc_iso(since), *params, utc_iso(now)],
    ).fetchone()
    return int(row[0]), int(row[1])
