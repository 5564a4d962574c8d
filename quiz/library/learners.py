"""Named learner profiles, so a class can share one database."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

import sqlite_utils

from quiz.store.db import immediate, utc_iso, utc_now

MAX_NAME = 64


class LearnerError(ValueError):
    """A learner name that is empty, too long, taken, or unknown."""


@dataclass(frozen=True)
class Learner:
    id: int
    name: str
    created: str
    reviews: int = 0


def clean_name(name: str) -> str:
    cleaned = " ".join(str(name).split())
    if not cleaned:
        raise LearnerError("a learner needs a name")
    if len(cleaned) > MAX_NAME:
        raise LearnerError(f"a learner name is at most {MAX_NAME} characters")
    return cleaned


def get_learner(db: sqlite_utils.Database, name: str) -> Learner | None:
    row = db.conn.execute(
        "SELECT id, name, created FROM learners WHERE name = ?", [clean_name(name)]
    ).fetchone()
    return Learner(*row) if row else None


def ensure_learner(
    db: sqlite_utils.Database, name: str, clock: Callable[[], datetime] = utc_now
) -> Learner:
    """The learner of that name, created on first use (studying alone never needs `learner add`)."""
    found = get_learner(db, name)
    if found:
        return found
    with immediate(db):
        db.conn.execute(
            "INSERT OR IGNORE INTO learners (name, created) VALUES (?, ?)",
            [clean_name(name), utc_iso(clock())],
        )
    found = get_learner(db, name)
    assert found is not None
    return found


def add_learner(
    db: sqlite_utils.Database, name: str, clock: Callable[[], datetime] = utc_now
) -> Learner:
    cleaned = clean_name(name)
    with immediate(db):
        if db.conn.execute("SELECT 1 FROM learners WHERE name = ?", [cleaned]).fetchone():
            raise LearnerError(f"learner '{cleaned}' already exists")
        db.conn.execute(
            "INSERT INTO learners (name, created) VALUES (?, ?)", [cleaned, utc_iso(clock())]
        )
    found = get_learner(db, cleaned)
    assert found is not None
    return found


def remove_learner(db: sqlite_utils.Database, name: str) -> int:
    """Delete a learner with their cards, reviews and settings; returns the reviews removed."""
    cleaned = clean_name(name)
    with immediate(db):
        row = db.conn.execute("SELECT id FROM learners WHERE name = ?", [cleaned]).fetchone()
        if row is None:
            raise LearnerError(f"no learner '{cleaned}'")
        count = db.conn.execute(
            "SELECT count(*) FROM reviews WHERE learner_id = ?", [row[0]]
        ).fetchone()[0]
        db.conn.execute("DELETE FROM learners WHERE id = ?", [row[0]])
    return count


def list_learners(db: sqlite_utils.Database) -> list[Learner]:
    rows = db.conn.execute(
        "SELECT l.id, l.name, l.created, "
        "(SELECT count(*) FROM reviews r WHERE r.learner_id = l.id) "
        "FROM learners l ORDER BY l.name COLLATE NOCASE"
    ).fetchall()
    return [Learner(*row) for row in rows]
