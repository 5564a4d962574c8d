"""Learner rows: who studies in this database."""

from __future__ import annotations

from dataclasses import dataclass

import sqlite_utils

from quiz.store.db import immediate


@dataclass(frozen=True)
class LearnerRow:
    id: int
    name: str
    created: str
    reviews: int = 0


def find_learner(db: sqlite_utils.Database, name: str) -> LearnerRow | None:
    row = db.conn.execute("SELECT id, name, created FROM learners WHERE name = ?", [name]).fetchone()
    return LearnerRow(*row) if row else None


def insert_learner(db: sqlite_utils.Database, name: str, created: str, *, if_missing: bool = False) -> bool:
    """Add a learner (own transaction); False when the name is taken."""
    with immediate(db):
        taken = db.conn.execute("SELECT 1 FROM learners WHERE name = ?", [name]).fetchone()
        if not taken:
            db.conn.execute("INSERT INTO learners (name, created) VALUES (?, ?)", [name, created])
    return not taken or if_missing


def delete_learner(db: sqlite_utils.Database, name: str) -> int | None:
    """Delete a learner with their cards, reviews and settings; the reviews removed, None if absent."""
    with immediate(db):
        row = db.conn.execute("SELECT id FROM learners WHERE name = ?", [name]).fetchone()
        if row is None:
            return None
        count: int = db.conn.execute("SELECT count(*) FROM reviews WHERE learner_id = ?", [row[0]]).fetchone()[0]
        db.conn.execute("DELETE FROM learners WHERE id = ?", [row[0]])
    return count


def all_learners(db: sqlite_utils.Database) -> list[LearnerRow]:
    rows = db.conn.execute(
        "SELECT l.id, l.name, l.created, "
        "(SELECT count(*) FROM reviews r WHERE r.learner_id = l.id) "
        "FROM learners l ORDER BY l.name COLLATE NOCASE"
    ).fetchall()
    return [LearnerRow(*row) for row in rows]


def learner_exists(db: sqlite_utils.Database, learner_id: int) -> bool:
    return db.conn.execute("SELECT 1 FROM learners WHERE id = ?", [learner_id]).fetchone() is not None
