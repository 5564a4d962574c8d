"""Settings rows: a learner's stored values by key, as JSON text."""

from __future__ import annotations

from quiz.store.engine import Database


def stored_settings(db: Database, learner_id: int) -> dict[str, str]:
    rows = db.execute("SELECT key, value FROM settings WHERE learner_id = ?", [learner_id])
    return {key: value for key, value in rows}


def write_settings(db: Database, learner_id: int, values: dict[str, str]) -> None:
    """Store some values (own transaction)."""
    with db.write():
        db.executemany(
            "INSERT INTO settings (learner_id, key, value) VALUES (?, ?, ?) "
            "ON CONFLICT (learner_id, key) DO UPDATE SET value = excluded.value",
            [(learner_id, key, value) for key, value in values.items()],
        )
