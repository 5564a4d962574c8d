"""Cards and reviews: reading a card's state, writing an answer and undoing it, suspending.

Functions that write expect to run inside the caller's `db.write()` transaction unless they
say otherwise, so an answer's card update and review row commit together or not at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from quiz.clock import parse_utc, utc_iso
from quiz.model import STATES, CardState, Outcome
from quiz.store.engine import Database
from quiz.store.schema import CARD_STATE_FIELDS

SCHED_COLUMNS = CARD_STATE_FIELDS  # in this order everywhere: state_values / state_from_values
CARD_SELECT = "SELECT id, learner_id, bank, fact_id, kind, " + ", ".join(SCHED_COLUMNS) + ", buried_until FROM cards"


@dataclass(frozen=True)
class CardRecord:
    id: int
    learner_id: int
    bank: str
    fact_id: str
    kind: str
    sched: CardState
    buried_until: datetime | None = None

    @property
    def fact_key(self) -> tuple[str, str]:
        return (self.bank, self.fact_id)


def record_from_row(row: tuple) -> CardRecord:
    cid, learner_id, bank, fact_id, kind = row[:5]
    return CardRecord(cid, learner_id, bank, fact_id, kind, state_from_values(row[5:15]), parse_utc(row[15]))


def state_from_values(values: tuple) -> CardState:
    state, step, stability, difficulty, due, last_review, reps, lapses, leech, suspended = values
    return CardState(
        STATES[state], step, stability, difficulty, parse_utc(due), parse_utc(last_review),
        reps, lapses, bool(leech), bool(suspended),
    )


def state_values(card: CardState) -> tuple:
    due, last = card.due, card.last_review
    return (
        card.state, card.step, card.stability, card.difficulty,
        utc_iso(due) if due else None, utc_iso(last) if last else None,
        card.reps, card.lapses, int(card.leech), int(card.suspended),
    )


def load_card(db: Database, card_id: int) -> CardRecord | None:
    row = db.execute(CARD_SELECT + " WHERE id = ?", [card_id]).fetchone()
    return record_from_row(row) if row else None


def load_cards(
    db: Database, where: str, params: list, index: str | None = None
) -> list[CardRecord]:
    indexed = db.dialect.indexed_by(index)
    return [record_from_row(r) for r in db.execute(f"{CARD_SELECT}{indexed} WHERE {where}", params)]


_UPDATE = "UPDATE cards SET " + ", ".join(f"{c} = ?" for c in SCHED_COLUMNS) + " WHERE id = ?"
# Compare-and-set: update only if the card is still exactly as the caller read it.
_UPDATE_IF = _UPDATE + "".join(f" AND {c} IS NOT DISTINCT FROM ?" for c in SCHED_COLUMNS)
_REVIEW_COLUMNS = (
    "card_id", "learner_id", "reviewed_at", "rating", "mode", "wording_id", "prompt", "given",
    "expected", "verdict", "duration_ms",
    *(f"{c}_before" for c in SCHED_COLUMNS), *(f"{c}_after" for c in SCHED_COLUMNS),
)
_INSERT_REVIEW = (
    f"INSERT INTO reviews ({', '.join(_REVIEW_COLUMNS)}) VALUES ({', '.join('?' * len(_REVIEW_COLUMNS))}) "
    "RETURNING id"
)


@dataclass(frozen=True)
class Answer:
    """What a review row records about the question and the answer, besides the card's state."""

    rating: int
    mode: str
    verdict: Outcome
    wording_id: str = ""
    prompt: str = ""
    given: str = ""
    expected: str = ""
    duration_ms: int | None = None


def write_answer(
    db: Database, card: CardRecord, after: CardState, answer: Answer, at: datetime
) -> int | None:
    """Update the card and insert its review (inside the caller's transaction); the review id.

    None, writing nothing, if the stored card is no longer `card` (another window answered or
    suspended it): the caller reloads it and schedules again. This saves reading the card first.
    """
    conn = db
    before, now = state_values(card.sched), state_values(after)
    if conn.execute(_UPDATE_IF, (*now, card.id, *before)).rowcount != 1:
        return None
    (review_id,) = conn.execute(
        _INSERT_REVIEW,
        (
            card.id, card.learner_id, utc_iso(at), answer.rating, answer.mode, answer.wording_id,
            answer.prompt, answer.given, answer.expected, answer.verdict.value, answer.duration_ms,
            *before, *now,
        ),
    ).fetchall()[0]
    return int(review_id)


class UndoRefused(Exception):
    """The card is no longer as the review left it (another window answered or changed it)."""


def undo_review(db: Database, review_id: int) -> int | None:
    """Put the card back exactly as it was before the review, and delete the review.

    Compare-and-set: only while the card is still exactly in the review's "after" state, so an
    undo never erases a later answer from another window (UndoRefused otherwise, nothing written).
    Own transaction. Returns the card id, or None if the review is gone already.
    """
    before_cols = ", ".join(f"{c}_before" for c in SCHED_COLUMNS)
    after_cols = ", ".join(f"{c}_after" for c in SCHED_COLUMNS)
    width = len(SCHED_COLUMNS)
    with db.write():
        row = db.execute(
            f"SELECT card_id, {before_cols}, {after_cols} FROM reviews WHERE id = ?", [review_id]
        ).fetchone()
        if row is None:
            return None
        card_id, before, after = row[0], row[1:1 + width], row[1 + width:]
        later = db.execute("SELECT 1 FROM reviews WHERE card_id = ? AND id > ? LIMIT 1", [card_id, review_id])
        if later.fetchone() is not None or db.execute(_UPDATE_IF, (*before, card_id, *after)).rowcount != 1:
            raise UndoRefused(card_id)
        db.execute("DELETE FROM reviews WHERE id = ?", [review_id])
    return int(card_id)


def set_suspended(db: Database, card_id: int, suspended: bool) -> bool:
    """Suspend or unsuspend a card (own transaction); False if it is gone or was so already."""
    with db.write():
        cursor = db.execute(
            "UPDATE cards SET suspended = ? WHERE id = ? AND suspended = ?", [int(suspended), card_id, int(not suspended)]
        )
    return cursor.rowcount == 1


def set_buried(db: Database, card_id: int, until: datetime | None) -> None:
    """Hide a card until a moment (None: unbury)."""
    with db.write():
        db.execute(
            "UPDATE cards SET buried_until = ? WHERE id = ?", [utc_iso(until) if until else None, card_id]
        )


def ensure_cards(
    db: Database, learner_id: int, bank: str, keys: list[tuple[str, str]], at: datetime
) -> int:
    """Create the missing new cards for (fact_id, kind) keys (inside the caller's transaction)."""
    return db.executemany(
        "INSERT INTO cards (learner_id, bank, fact_id, kind, created) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
        [(learner_id, bank, fact_id, kind, utc_iso(at)) for fact_id, kind in keys],
    )

