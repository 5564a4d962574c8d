"""What fitting FSRS to a learner reads and writes: their review history, their parameters, and
the memory state of their cards recomputed with new parameters."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import sqlite_utils

from quiz.store.db import immediate

BATCH = 500  # cards updated per transaction, so other windows never wait long for the lock


@dataclass(frozen=True)
class StoredParameters:
    parameters: tuple[float, ...]
    previous: tuple[float, ...] | None
    fitted_at: str
    reviews: int
    log_loss: tuple[float, float]  # default, fitted
    rmse: tuple[float, float]


def review_history(db: sqlite_utils.Database, learner_id: int) -> Iterator[tuple[int, str, int, str]]:
    """(card_id, reviewed_at, rating, state_before) of every review, by card then time."""
    yield from db.conn.execute(
        "SELECT card_id, reviewed_at, rating, state_before FROM reviews WHERE learner_id = ? "
        "ORDER BY card_id, reviewed_at, id",
        [learner_id],
    )


def review_count(db: sqlite_utils.Database, learner_id: int) -> int:
    count: int = db.conn.execute("SELECT count(*) FROM reviews WHERE learner_id = ?", [learner_id]).fetchone()[0]
    return count


def load_parameters(db: sqlite_utils.Database, learner_id: int) -> StoredParameters | None:
    row = db.conn.execute(
        "SELECT parameters, previous, fitted_at, reviews, log_loss_default, log_loss_fitted, rmse_default, "
        "rmse_fitted FROM fsrs_parameters WHERE learner_id = ?",
        [learner_id],
    ).fetchone()
    if row is None:
        return None
    previous = tuple(json.loads(row[1])) if row[1] else None
    return StoredParameters(tuple(json.loads(row[0])), previous, row[2], row[3], (row[4], row[5]), (row[6], row[7]))


def learner_parameters(db: sqlite_utils.Database, learner_id: int) -> tuple[float, ...] | None:
    """The learner's fitted parameters for the scheduler; None means FSRS's defaults."""
    row = db.conn.execute("SELECT parameters FROM fsrs_parameters WHERE learner_id = ?", [learner_id]).fetchone()
    return tuple(json.loads(row[0])) if row else None


def save_parameters(db: sqlite_utils.Database, learner_id: int, fitted: StoredParameters) -> None:
    """Store a learner's new parameters, keeping the ones they replace as `previous`."""
    with immediate(db):
        db.conn.execute(
            "INSERT INTO fsrs_parameters (learner_id, parameters, previous, fitted_at, reviews, log_loss_default, "
            "log_loss_fitted, rmse_default, rmse_fitted) VALUES (?, ?, NULL, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (learner_id) DO UPDATE SET previous = fsrs_parameters.parameters, "
            "parameters = excluded.parameters, fitted_at = excluded.fitted_at, reviews = excluded.reviews, "
            "log_loss_default = excluded.log_loss_default, log_loss_fitted = excluded.log_loss_fitted, "
            "rmse_default = excluded.rmse_default, rmse_fitted = excluded.rmse_fitted",
            [learner_id, json.dumps(list(fitted.parameters)), fitted.fitted_at, fitted.reviews, *fitted.log_loss,
             *fitted.rmse],
        )


def restore_previous(db: sqlite_utils.Database, learner_id: int) -> bool:
    """Go back to the parameters before the last fit (the defaults if there were none); False if no fit."""
    with immediate(db):
        row = db.conn.execute("SELECT previous FROM fsrs_parameters WHERE learner_id = ?", [learner_id]).fetchone()
        if row is None:
            return False
        if row[0] is None:
            db.conn.execute("DELETE FROM fsrs_parameters WHERE learner_id = ?", [learner_id])
        else:
            db.conn.execute(
                "UPDATE fsrs_parameters SET parameters = previous, previous = NULL WHERE learner_id = ?", [learner_id]
            )
    return True


def review_cards(db: sqlite_utils.Database, learner_id: int) -> dict[int, tuple[str, str | None]]:
    """card_id -> (state, last_review) of the learner's answered cards."""
    rows = db.conn.execute(
        "SELECT id, state, last_review FROM cards WHERE learner_id = ? AND state != 'new'", [learner_id]
    )
    return {card_id: (state, last) for card_id, state, last in rows}


def set_memory_states(db: sqlite_utils.Database, rows: Sequence[tuple[int, float, float, str]]) -> None:
    """(card_id, stability, difficulty, due) for cards whose memory state was recomputed."""
    for start in range(0, len(rows), BATCH):
        with immediate(db):
            db.conn.executemany(
                "UPDATE cards SET stability = ?, difficulty = ?, due = ? WHERE id = ?",
                [(s, d, due, card_id) for card_id, s, d, due in rows[start : start + BATCH]],
            )
