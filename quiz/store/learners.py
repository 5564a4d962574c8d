"""Learner rows: who studies in this database."""

from __future__ import annotations

from dataclasses import dataclass

from quiz.store.engine import Database


@dataclass(frozen=True)
class LearnerRow:
    id: int
    name: str
    created: str
    reviews: int = 0


def find_learner(db: Database, name: str) -> LearnerRow | None:
    row = db.execute("SELECT id, name, created FROM learners WHERE name = ?", [name]).fetchone()
    return LearnerRow(*row) if row else None


def insert_learner(db: Database, name: str, created: str, *, if_missing: bool = False) -> bool:
    """Add a learner (own transaction); False when the name is taken."""
    with db.write():
        taken = db.execute("SELECT 1 FROM learners WHERE name = ?", [name]).fetchone()
        if not taken:
            db.execute("INSERT INTO learners (name, created) VALUES (?, ?)", [name, created])
    return not taken or if_missing


def delete_learner(db: Database, name: str) -> int | None:
    """Delete a learner with their cards, reviews and settings; the reviews removed, None if absent."""
    with db.write():
        row = db.execute("SELECT id FROM learners WHERE name = ?", [name]).fetchone()
        if row is None:
            return None
        count: int = db.execute("SELECT count(*) FROM reviews WHERE learner_id = ?", [row[0]]).fetchone()[0]
        db.execute("DELETE FROM learners WHERE id = ?", [row[0]])
    return count


def all_learners(db: Database) -> list[LearnerRow]:
    rows = db.execute(
        "SELECT l.id, l.name, l.created, "
        "(SELECT count(*) FROM reviews r WHERE r.learner_id = l.id) "
        f"FROM learners l ORDER BY {db.dialect.order_nocase('l.name')}"
    ).fetchall()
    return [LearnerRow(*row) for row in rows]


def learner_exists(db: Database, learner_id: int) -> bool:
    return db.execute("SELECT 1 FROM learners WHERE id = ?", [learner_id]).fetchone() is not None
