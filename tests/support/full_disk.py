"""A store whose writes fail as SQLite's do when the disk is full, until the test frees space."""

from __future__ import annotations

import sqlite3
from typing import Any

from quiz.store.sqlite.connection import SqliteDatabase

WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE")


class FullDisk:
    """Stands in for a `sqlite3.Connection`: while `full`, every write statement raises SQLite's
    own "database or disk is full"; reads and everything else go to the real connection."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        self.full = True

    def execute(self, sql: str, *args: Any) -> sqlite3.Cursor:
        if self.full and sql.lstrip().upper().startswith(WRITES):
            raise sqlite3.OperationalError("database or disk is full")
        return self._conn.execute(sql, *args)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._conn, name)


def fill_disk(db: SqliteDatabase) -> FullDisk:
    """Make `db`'s writes fail from now on; `.full = False` frees the space again."""
    disk = FullDisk(db.conn)
    db.conn = disk  # type: ignore[assignment]
    return disk
