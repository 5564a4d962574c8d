"""The SQLite engine: pragmas on every connection, the write lock, checkpoints.

The one module with SQLite-only pragmas and tricks (WAL, busy timeout, BEGIN IMMEDIATE);
`quiz.store.postgres` stands beside it behind the same `Database` proxy.
"""

from __future__ import annotations

import random
import sqlite3
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, TypeVar

from quiz.errors import StoreError
from quiz.store.engine import SQLITE, Params

BUSY_TIMEOUT_MS = 5000
BUSY_RETRIES = 6  # after the busy timeout, try this many more times, waiting longer each time
_BACKOFF = random.Random()  # jitter, so writers that timed out together do not retry together
T = TypeVar("T")


def is_busy(error: BaseException) -> bool:
    """Whether an error is SQLite's "database is locked" / "busy" (another writer holds the lock)."""
    return isinstance(error, sqlite3.OperationalError) and (
        "locked" in str(error) or "busy" in str(error)
    )


def retry_busy(action: Callable[[], T], *, retries: int = BUSY_RETRIES, pause: Callable[[float], None] = time.sleep) -> T:
    """`action()`, tried again with exponential backoff while the database is busy.

    Each try already waits up to the busy timeout; past the last one the user sees one line
    (StoreError), never an OperationalError.
    """
    for attempt in range(retries + 1):
        try:
            return action()
        except sqlite3.OperationalError as error:
            if not is_busy(error):
                raise
            if attempt == retries:
                raise StoreError(
                    "the database is busy: other quiz windows kept it locked too long; try again"
                ) from None
            pause(min(2.0, 0.05 * 2**attempt) * (0.5 + _BACKOFF.random()))
    raise AssertionError("unreachable")


class SqliteDatabase:
    """A SQLite file (or `:memory:`) behind the store's `Database` proxy.

    `conn` is the sqlite3 connection, for SQLite's own tools and tests; the store uses `execute`.
    The connection may be handed to another thread (a screen's writer), one thread at a time.
    """

    engine = "sqlite"
    dialect = SQLITE

    def __init__(self, conn: sqlite3.Connection, location: str) -> None:
        self.conn = conn
        self.location = location

    def execute(self, sql: str, params: Params = ()) -> sqlite3.Cursor:
        return self.conn.execute(sql, params)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> int:
        before = self.conn.total_changes
        self.conn.executemany(sql, rows)
        return self.conn.total_changes - before

    def write(self) -> immediate:
        return immediate(self)

    @property
    def in_transaction(self) -> bool:
        return self.conn.in_transaction

    def defer_foreign_keys(self) -> None:
        self.conn.execute("PRAGMA defer_foreign_keys = ON")

    def pause_autocheckpoint(self) -> None:
        """No automatic WAL checkpoint on this connection: on a large file one costs up to a second
        after some unlucky answer. The caller checkpoints at quiet moments."""
        self.conn.execute("PRAGMA wal_autocheckpoint=0")

    def checkpoint(self, *, truncate: bool = False) -> None:
        """Copy the WAL into the database file if no one is busy; skipped when another connection
        is. `truncate` also empties the WAL file (before copying a database file)."""
        mode = "TRUNCATE" if truncate else "PASSIVE"
        try:
            self.conn.execute(f"PRAGMA wal_checkpoint({mode})").fetchall()
        except sqlite3.OperationalError:  # busy: another connection will do it
            pass

    def close(self) -> None:
        self.conn.close()


def connect(path: str | Path, *, create_folder: bool = True) -> SqliteDatabase:
    """A connection with the pragmas every connection needs, without running migrations.

    Raises StoreError with one line when the file cannot be opened as a quiz database.
    """
    if str(path) != ":memory:":
        _check_folder(Path(path), create_folder)
    try:
        return retry_busy(lambda: _connect(path))
    except sqlite3.DatabaseError as error:
        raise StoreError(f"cannot open {path}: {reason(error)}") from None


def _check_folder(path: Path, create: bool) -> None:
    folder = path.parent
    if folder.is_dir():
        return
    for parent in (folder, *folder.parents):
        if parent.exists() and not parent.is_dir():
            raise StoreError(f"cannot create {path}: {parent} is a file, not a folder")
    if not create:
        raise StoreError(f"cannot open {path}: the folder {folder} does not exist")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StoreError(f"cannot create the folder {folder}: {error.strerror or error}") from None


def reason(error: BaseException) -> str:
    text = str(error)
    if "file is not a database" in text:
        return "not a quiz database (the file is damaged or of another kind)"
    if "readonly" in text or "read-only" in text:
        return "read-only file"
    if "unable to open" in text:
        return "cannot open the file (check its folder and permissions)"
    if "disk is full" in text or "database or disk is full" in text:
        return "the disk is full"
    return text


def _connect(path: str | Path) -> SqliteDatabase:
    conn = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None)  # autocommit outside write()
    try:
        _set_up(conn, path)
    except BaseException:
        conn.close()
        raise
    return SqliteDatabase(conn, str(path))


def _set_up(conn: sqlite3.Connection, path: str | Path) -> None:
    conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys=ON")
    if str(path) != ":memory:" and conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
        conn.execute("PRAGMA journal_mode=wal")
    # WAL + NORMAL: a commit survives a killed process (the WAL is in the OS cache); only a
    # power cut can lose the last commits. FULL fsyncs every answer.
    conn.execute("PRAGMA synchronous=NORMAL")
    # A bigger page cache than the 2 MB default: a study session touches cards, reviews and their
    # indexes all over a large file. Memory is only used as pages are read.
    conn.execute("PRAGMA cache_size=-32000")


def probe_writable(db: SqliteDatabase) -> None:
    """Write the database header and take it back, so a read-only file or folder fails here."""
    conn = db.conn
    retry_busy(lambda: conn.execute("BEGIN IMMEDIATE"))
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        conn.execute(f"PRAGMA user_version={int(version)}")
    finally:
        conn.execute("ROLLBACK")


_NO_WAIT = "PRAGMA busy_timeout=0"
_WAIT = f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}"
WRITE_WAIT_S = 30.0  # how long a write waits its turn before the user is told the database is busy


def _begin_fairly(conn: sqlite3.Connection, clock: Callable[[], float] = time.monotonic) -> None:
    """BEGIN IMMEDIATE, trying every few milliseconds (jittered, the same for every waiter, so the
    lock goes round a class fairly) until WRITE_WAIT_S; then StoreError, never OperationalError."""
    deadline = clock() + WRITE_WAIT_S
    while True:
        time.sleep(0.001 + 0.009 * _BACKOFF.random())
        try:
            conn.execute("BEGIN IMMEDIATE")
            return
        except sqlite3.OperationalError as error:
            if not is_busy(error):
                raise
            if clock() > deadline:
                raise StoreError(
                    "the database is busy: other quiz windows kept it locked too long; try again"
                ) from None


class immediate:
    """A write transaction that takes the write lock at once (`BEGIN IMMEDIATE`).

    A deferred transaction that reads and then writes fails with SQLITE_BUSY_SNAPSHOT when another
    process wrote in between, whatever the busy timeout; an immediate one waits its turn instead.
    A class rather than a generator: it runs once per answer, and this costs a third as much.
    """

    __slots__ = ("db", "conn")

    def __init__(self, db: SqliteDatabase) -> None:
        self.db = db
        self.conn = db.conn

    def __enter__(self) -> SqliteDatabase:
        conn = self.conn
        if conn.in_transaction:
            raise sqlite3.ProgrammingError("immediate(): a transaction is already open")
        conn.execute(_NO_WAIT)  # SQLite's own wait backs off to 100 ms sleeps: a writer waiting
        try:  # long loses to newcomers (one waited 10 s in a class of 30); `_begin_fairly` does not
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as error:
            if not is_busy(error):
                raise
            _begin_fairly(conn)
        finally:
            conn.execute(_WAIT)
        return self.db

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        conn = self.conn
        if exc_type is not None:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.OperationalError) and is_write_fault(exc):
                raise StoreError(f"not saved: {reason(exc)}") from exc
            return
        try:
            conn.execute("COMMIT")
        except BaseException as error:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            if isinstance(error, sqlite3.OperationalError) and is_write_fault(error):
                raise StoreError(f"not saved: {reason(error)}") from error
            raise


WRITE_FAULTS = ("database or disk is full", "disk I/O error", "readonly database")


def is_write_fault(error: sqlite3.OperationalError) -> bool:
    """A write the machine refused (a full disk, an I/O error, a read-only file): nothing was
    saved, and the same write may succeed once the cause is gone, so callers say so and keep it."""
    return any(fault in str(error) for fault in WRITE_FAULTS)
