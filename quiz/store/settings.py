"""Settings rows: a learner's stored values by key, as JSON text."""

from __future__ import annotations

import sqlite_utils

from quiz.store.db import immediate


def stored_settings(db: sqlite_utils.Database, learner_id: int) -> dict[str, str]:
    rows = db.conn.execute("SELECT key, value FROM settings WHERE learner_id = ?", [learner_id])
    return {key: value for key, value in rows}


def write_settings(db: sqlite_utils.Database, learner_id: int, values: dict[str, str]) -> None:
    """Store some values (own transaction)."""
    with immediate(db):
        db.conn.executemany(
            "INSERT INTO settings (learner_id, key, value) VALUES (?, ?, ?) "
            "ON CONFLICT (learner_id, key) DO UPDATE SET value = excluded.value",
            [(learner_id, key, value) for key, value in values.items()],
        )
