"""Opening the database: pragmas on every connection, migrations, and write transactions."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import sqlite_utils

BUSY_TIMEOUT_MS = 5000


def connect(path: str | Path) -> sqlite_utils.Database:
    """A connection with the pragmas every connection needs, without running migrations."""
    if str(path) != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    db = sqlite_utils.Database(str(path), execute_plugins=False)
    conn = db.conn
    conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys=ON")
    if str(path) != ":memory:" and db.journal_mode != "wal":
        db.enable_wal()
    # WAL + NORMAL: a commit survives a killed process (the WAL is in the OS cache); only a
    # power cut can lose the last commits. FULL fsyncs every answer.
    conn.execute("PRAGMA synchronous=NORMAL")
    # A bigger page cache than the 2 MB default: a study session touches cards, reviews and their
    # indexes all over a large file. Memory is only used as pages are read.
    conn.execute("PRAGMA cache_size=-32000")
    return db


def open_db(path: str | Path) -> sqlite_utils.Database:
    """Open (creating parent directories and the file) and bring the schema up to date."""
    from quiz.store.schema import migrate

    db = connect(path)
    migrate(db)
    return db


class immediate:
    """A write transaction that takes the write lock at once (`BEGIN IMMEDIATE`).

    A deferred transaction that reads and then writes fails with SQLITE_BUSY_SNAPSHOT when another
    process wrote in between, whatever the busy timeout; an immediate one waits its turn instead.
    A class rather than a generator: it runs once per answer, and this costs a third as much.
    """

    __slots__ = ("db", "conn")

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db
        self.conn = db.conn

    def __enter__(self) -> sqlite_utils.Database:
        conn = self.conn
        if conn.in_transaction:
            raise sqlite3.ProgrammingError("immediate(): a transaction is already open")
        conn.execute("BEGIN IMMEDIATE")
        return self.db

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        conn = self.conn
        if exc_type is not None:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            return
        try:
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise


def utc_iso(moment: datetime) -> str:
    """Fixed-width UTC ISO text, so text order is time order and an index on it is a time index."""
    if moment.tzinfo is not UTC:
        if moment.tzinfo is None:
            raise ValueError("datetime must be timezone-aware")
        moment = moment.astimezone(UTC)
    return moment.isoformat(timespec="microseconds")


def parse_utc(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def utc_now() -> datetime:
    return datetime.now(UTC)
