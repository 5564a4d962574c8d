"""The SQLite engine: pragmas on every connection, the write lock, checkpoints.

The one module with SQLite-only pragmas and tricks (WAL, busy timeout, BEGIN IMMEDIATE);
`quiz.store.postgres` stands beside it behind the same `Database` proxy. Every sqlite3 error a
statement, its rows or a unit of work meets leaves as a one-line `StoreError` (`faults.py`).
"""

from __future__ import annotations

import random
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, TypeVar

from quiz.errors import StoreError
from quiz.store.engine import SQLITE, Params
from quiz.store.faults import DatabaseBusy
from quiz.store.sqlite.faults import WRITE_FAULTS, is_busy, is_write_fault, reason, store_error

BUSY_TIMEOUT_MS = 5000
BUSY_RETRIES = 6  # after the busy timeout, try this many more times, waiting longer each time
_BACKOFF = random.Random()  # jitter, so writers that timed out together do not retry together
T = TypeVar("T")


__all__ = [
    "WRITE_FAULTS", "SqliteDatabase", "connect", "immediate", "is_busy", "is_write_fault",
    "probe_writable", "reason", "retry_busy",
]


def retry_busy(action: Callable[[], T], *, retries: int | None = None, pause: Callable[[float], None] = time.sleep) -> T:
    """`action()`, tried again with exponential backoff while the database is busy.

    Each try already waits up to the busy timeout; past the last one (`BUSY_RETRIES` unless told)
    the user sees one line (DatabaseBusy, a StoreError), never an OperationalError.
    """
    retries = BUSY_RETRIES if retries is None else retries
    for attempt in range(retries + 1):
        try:
            return action()
        except sqlite3.OperationalError as error:
            if not is_busy(error):
                raise
            if attempt == retries:
                raise DatabaseBusy() from None
            pause(min(2.0, 0.05 * 2**attempt) * (0.5 + _BACKOFF.random()))
    raise AssertionError("unreachable")


class SqliteRows:
    """A statement's rows, read lazily as sqlite3 reads them; an error met while reading (a damaged
    page) is a StoreError too."""

    __slots__ = ("_cursor", "_location")

    def __init__(self, cursor: sqlite3.Cursor, location: str) -> None:
        self._cursor = cursor
        self._location = location

    @property
    def rowcount(self) -> int:
        return self._cursor.rowcount

    def fetchone(self) -> Any:
        try:
            return self._cursor.fetchone()
        except sqlite3.Error as error:
            raise store_error(error, self._location) from error

    def fetchall(self) -> list[Any]:
        try:
            return self._cursor.fetchall()
        except sqlite3.Error as error:
            raise store_error(error, self._location) from error

    def __iter__(self) -> Iterator[Any]:
        try:
            yield from self._cursor
        except sqlite3.Error as error:
            raise store_error(error, self._location) from error

    def close(self) -> None:
        self._cursor.close()


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

    def execute(self, sql: str, params: Params = ()) -> SqliteRows:
        try:
            return SqliteRows(self.conn.execute(sql, params), self.location)
        except sqlite3.Error as error:
            raise store_error(error, self.location) from error

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> int:
        before = self.conn.total_changes
        try:
            self.conn.executemany(sql, rows)
        except sqlite3.Error as error:
            raise store_error(error, self.location) from error
        return self.conn.total_changes - before

    def write(self) -> immediate:
        return immediate(self)

    @property
    def in_transaction(self) -> bool:
        return self.conn.in_transaction

    def defer_foreign_keys(self) -> None:
        self.execute("PRAGMA defer_foreign_keys = ON")

    def pause_autocheckpoint(self) -> None:
        """No automatic WAL checkpoint on this connection: on a large file one costs up to a second
        after some unlucky answer. The caller checkpoints at quiet moments."""
        self.execute("PRAGMA wal_autocheckpoint=0")

    def checkpoint(self, *, truncate: bool = False) -> None:
        """Copy the WAL into the database file if no one is busy; skipped when another connection
        is. `truncate` also empties the WAL file (before copying a database file)."""
        mode = "TRUNCATE" if truncate else "PASSIVE"
        try:
            self.conn.execute(f"PRAGMA wal_checkpoint({mode})").fetchall()
        except sqlite3.Error as error:
            if not is_busy(error):
                raise store_error(error, self.location) from error
            # busy: another connection will do it

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
    except sqlite3.Error as error:
        raise store_error(error, str(path)).reworded(f"cannot open {path}") from None


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
    """Write the database header and take it back, so a read-only file or folder fails here
    (a StoreError; DatabaseBusy when other writers kept the lock past every retry)."""
    conn = db.conn
    try:
        retry_busy(lambda: conn.execute("BEGIN IMMEDIATE"))
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            conn.execute(f"PRAGMA user_version={int(version)}")
        finally:
            conn.execute("ROLLBACK")
    except sqlite3.Error as error:
        raise store_error(error, db.location) from error


_NO_WAIT = "PRAGMA busy_timeout=0"
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
                raise DatabaseBusy() from None


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
            raise StoreError("a write is already open on this connection")
        try:
            conn.execute(_NO_WAIT)  # SQLite's own wait backs off to 100 ms sleeps: a writer waiting
            try:  # long loses to newcomers (one waited 10 s in a class of 30); `_begin_fairly` does not
                conn.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as error:
                if not is_busy(error):
                    raise
                _begin_fairly(conn)
            finally:
                conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        except sqlite3.Error as error:
            raise store_error(error, self.db.location) from error
        return self.db

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        """Commit, or roll back on an exception; a sqlite3 error on the way out is a StoreError
        (NotSaved for a write the machine refused: a full disk, a read-only file)."""
        conn = self.conn
        if exc_type is not None:
            self._roll_back()
            if isinstance(exc, sqlite3.Error):  # the body used the connection itself
                raise store_error(exc, self.db.location) from exc
            return
        try:
            conn.execute("COMMIT")
        except BaseException as error:
            self._roll_back()
            if isinstance(error, sqlite3.Error):
                raise store_error(error, self.db.location) from error
            raise

    def _roll_back(self) -> None:
        """ROLLBACK, unless SQLite already rolled back by itself (it does after a full disk)."""
        try:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
        except sqlite3.Error as error:
            raise store_error(error, self.db.location) from error
