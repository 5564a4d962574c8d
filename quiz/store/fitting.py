"""What fitting FSRS to a learner reads and writes: their review history, their parameters, and
the memory state of their cards recomputed with new parameters."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from quiz.store.engine import Database


@dataclass(frozen=True)
class CardMemory:
    """A card's memory recomputed under new parameters, and the review it was computed from."""

    card_id: int
    stability: float
    difficulty: float
    due: str
    last_review: str | None


@dataclass(frozen=True)
class StoredParameters:
    parameters: tuple[float, ...]
    previous: tuple[float, ...] | None
    fitted_at: str
    reviews: int
    log_loss: tuple[float, float]  # default, fitted
    rmse: tuple[float, float]


def review_history(db: Database, learner_id: int) -> Iterator[tuple[int, str, int, str]]:
    """(card_id, reviewed_at, rating, state_before) of every review, by card then time."""
    yield from db.execute(
        "SELECT card_id, reviewed_at, rating, state_before FROM reviews WHERE learner_id = ? "
        "ORDER BY card_id, reviewed_at, id",
        [learner_id],
    )


def review_count(db: Database, learner_id: int) -> int:
    count: int = db.execute("SELECT count(*) FROM reviews WHERE learner_id = ?", [learner_id]).fetchone()[0]
    return count


def load_parameters(db: Database, learner_id: int) -> StoredParameters | None:
    row = db.execute(
        "SELECT parameters, previous, fitted_at, reviews, log_loss_default, log_loss_fitted, rmse_default, "
        "rmse_fitted FROM fsrs_parameters WHERE learner_id = ?",
        [learner_id],
    ).fetchone()
    if row is None:
        return None
    previous = tuple(json.loads(row[1])) if row[1] else None
    return StoredParameters(tuple(json.loads(row[0])), previous, row[2], row[3], (row[4], row[5]), (row[6], row[7]))


def learner_parameters(db: Database, learner_id: int) -> tuple[float, ...] | None:
    """The learner's fitted parameters for the scheduler; None means FSRS's defaults."""
    row = db.execute("SELECT parameters FROM fsrs_parameters WHERE learner_id = ?", [learner_id]).fetchone()
    return tuple(json.loads(row[0])) if row else None


def save_fit(
    db: Database, learner_id: int, fitted: StoredParameters, states: Sequence[CardMemory]
) -> None:
    """Store a learner's new parameters (keeping the ones they replace as `previous`) and their
    cards' memory recomputed under them, in one transaction: a kill or a failed write leaves both
    as they were, never new parameters over old memory."""
    with db.write():
        db.execute(
            "INSERT INTO fsrs_parameters (learner_id, parameters, previous, fitted_at, reviews, log_loss_default, "
            "log_loss_fitted, rmse_default, rmse_fitted) VALUES (?, ?, NULL, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (learner_id) DO UPDATE SET previous = fsrs_parameters.parameters, "
            "parameters = excluded.parameters, fitted_at = excluded.fitted_at, reviews = excluded.reviews, "
            "log_loss_default = excluded.log_loss_default, log_loss_fitted = excluded.log_loss_fitted, "
            "rmse_default = excluded.rmse_default, rmse_fitted = excluded.rmse_fitted",
            [learner_id, json.dumps(list(fitted.parameters)), fitted.fitted_at, fitted.reviews, *fitted.log_loss,
             *fitted.rmse],
        )
        _set_memory_states(db, states)


def restore_previous(
    db: Database, learner_id: int, undone: tuple[float, ...], states: Sequence[CardMemory]
) -> bool:
    """Go back to the parameters before the last fit (the defaults if there were none), with the
    cards' memory recomputed under them, in one transaction. False, and nothing changed, when the
    parameters in use are no longer `undone` (another window fitted or undid meanwhile)."""
    with db.write():
        row = db.execute("SELECT parameters, previous FROM fsrs_parameters WHERE learner_id = ?",
                              [learner_id]).fetchone()
        if row is None or tuple(json.loads(row[0])) != undone:
            return False
        if row[1] is None:
            db.execute("DELETE FROM fsrs_parameters WHERE learner_id = ?", [learner_id])
        else:
            db.execute(
                "UPDATE fsrs_parameters SET parameters = previous, previous = NULL WHERE learner_id = ?", [learner_id]
            )
        _set_memory_states(db, states)
    return True


def review_cards(db: Database, learner_id: int) -> dict[int, tuple[str, str | None]]:
    """card_id -> (state, last_review) of the learner's answered cards."""
    rows = db.execute(
        "SELECT id, state, last_review FROM cards WHERE learner_id = ? AND state != 'new'", [learner_id]
    )
    return {card_id: (state, last) for card_id, state, last in rows}


def _set_memory_states(db: Database, states: Sequence[CardMemory]) -> None:
    """Each card's recomputed memory, inside the caller's transaction; a card answered since it was
    read (its last review moved) keeps what that answer gave it. 10,000 cards hold the write lock
    about 0.1 s (measured here), a wait other windows ride out."""
    db.executemany(
        "UPDATE cards SET stability = ?, difficulty = ?, due = ? WHERE id = ? AND last_review IS NOT DISTINCT FROM ?",
        [(m.stability, m.difficulty, m.due, m.card_id, m.last_review) for m in states],
    )
