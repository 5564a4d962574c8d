"""Small values the application remembers between runs (the last learner), and a learner's extra
new cards for one study day."""

from __future__ import annotations

from quiz.store.engine import Database


def get_state(db: Database, key: str) -> str | None:
    row = db.execute("SELECT value FROM app_state WHERE key = ?", [key]).fetchone()
    return str(row[0]) if row else None


def set_state(db: Database, key: str, value: str) -> None:
    """Remember a value (own transaction)."""
    with db.write():
        db.execute(
            "INSERT INTO app_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [key, value],
        )


def forget_state(db: Database, key: str, value: str) -> None:
    """Drop a remembered value if it is still `value` (own transaction)."""
    with db.write():
        db.execute("DELETE FROM app_state WHERE key = ? AND value = ?", [key, value])


def extra_new(db: Database, learner_id: int, day: str) -> int:
    """New cards added to the learner's daily limit for the study day `day` (ISO date)."""
    row = db.execute("SELECT extra FROM extra_new WHERE learner_id = ? AND day = ?", [learner_id, day]).fetchone()
    return int(row[0]) if row else 0


def add_extra_new(db: Database, learner_id: int, day: str, extra: int) -> None:
    """Raise the learner's new-card allowance for `day` by `extra` (own transaction); older days go."""
    with db.write():
        db.execute("DELETE FROM extra_new WHERE learner_id = ? AND day < ?", [learner_id, day])
        db.execute(
            "INSERT INTO extra_new (learner_id, day, extra) VALUES (?, ?, ?) "
            "ON CONFLICT (learner_id, day) DO UPDATE SET extra = extra + excluded.extra",
            [learner_id, day, extra],
        )
