"""The PostgreSQL engine: psycopg 3 over a small per-process connection pool.

A connection is held only for one statement, or for one unit of work (`write()`), then goes back
to the pool, and the pool closes connections idle for `IDLE_S`: a class of served tabs (a process
each) holds connections only while it writes, so 300 clients fit in the server's default 100.
When the server refuses a connection (too many clients) the pool keeps trying for `WAIT_S` before
the user is told. Every write transaction takes one advisory lock first, as SQLite's
BEGIN IMMEDIATE takes its write lock: each read-then-write (an attempt's count before the next
attempt, an undo's compare-and-set) runs alone, so no update is lost; reads never wait.
"""

from __future__ import annotations

import logging
import os
import threading
import uuid
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from types import TracebackType
from typing import Any
from urllib.parse import quote, urlsplit, urlunsplit

import psycopg
from psycopg.types.numeric import FloatLoader
from psycopg_pool import ConnectionPool, PoolTimeout

from quiz.errors import StoreError
from quiz.store.engine import POSTGRES, Params
from quiz.store.postgres.sql import to_psycopg

POOL_SIZE = 4  # per process: the UI thread, a screen's writer, a worker or two
IDLE_S = 2.0  # a served tab answers every few seconds: an idle process gives its connection back
WAIT_S = 30.0
PROBE_S = 10  # connect timeout of the first connection a process makes
WRITE_LOCK = 0x717569  # the advisory lock every write transaction takes ("qui")

_pools: dict[str, ConnectionPool] = {}
_pools_lock = threading.Lock()


def _forget_pools_in_child() -> None:
    """A forked child must not use its parent's connections (or its dead pool threads)."""
    global _pools_lock
    _pools.clear()
    _pools_lock = threading.Lock()


os.register_at_fork(after_in_child=_forget_pools_in_child)
# The pool logs each refused connection while it retries; the user gets one line from the store.
logging.getLogger("psycopg.pool").addHandler(logging.NullHandler())


def _configure(conn: psycopg.Connection[Any]) -> None:
    # SQLite gives floats for averages; PostgreSQL's numeric would come back as Decimal.
    conn.adapters.register_loader("numeric", FloatLoader)


def unreachable(url: str) -> str | None:
    """Why the server at `url` cannot be used, in one line, or None. One connection, made before a
    pool is: a server that is down, a wrong host, port, database or password is told at once, not
    after the pool's 30 s of retries. A server with no connection free is None: the pool waits."""
    try:
        psycopg.connect(url, connect_timeout=PROBE_S).close()
    except psycopg.OperationalError as error:
        text = str(error)
        if "too many" in text or "remaining connection slots" in text:
            return None
        return reason(error)
    except (psycopg.Error, ValueError) as error:  # a URL psycopg cannot read
        return reason(error)
    return None


def pool_for(url: str) -> ConnectionPool:
    """This process's pool for a database URL (made on first use, after one probing connection)."""
    with _pools_lock:
        pool = _pools.get(url)
        if pool is None:
            why = unreachable(url)
            if why is not None:
                raise StoreError(f"cannot reach the database server at {safe_location(url)}: {why}")
            pool = ConnectionPool(
                url, min_size=0, max_size=POOL_SIZE, max_idle=IDLE_S, timeout=WAIT_S,
                kwargs={"autocommit": True}, configure=_configure, open=True, name="quiz",
            )
            _pools[url] = pool
        return pool


def drop_pool(url: str) -> None:
    """Close this process's pool for a URL (a test's schema is about to go)."""
    with _pools_lock:
        pool = _pools.pop(url, None)
    if pool is not None:
        pool.close()


def close_pools() -> None:
    with _pools_lock:
        for pool in _pools.values():
            pool.close()
        _pools.clear()


def safe_location(url: str) -> str:
    """The URL without its password, for messages."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
    return urlunsplit(parts._replace(netloc=netloc))


def reason(error: BaseException) -> str:
    text = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    return text


class PgRows:
    """A statement's rows, read whole before the connection goes back to the pool."""

    __slots__ = ("_rows", "rowcount")

    def __init__(self, rows: list[Any], rowcount: int) -> None:
        self._rows = rows
        self.rowcount = rowcount

    def fetchone(self) -> Any:
        return self._rows.pop(0) if self._rows else None

    def fetchall(self) -> list[Any]:
        rows, self._rows = self._rows, []
        return rows

    def __iter__(self) -> Iterator[Any]:
        return iter(self.fetchall())

    def close(self) -> None:
        self._rows = []


class PostgresDatabase:
    """A PostgreSQL database behind the store's `Database` proxy. One object per thread, as with
    SQLite; the pool behind it is shared by the whole process."""

    engine = "postgresql"
    dialect = POSTGRES

    def __init__(self, url: str) -> None:
        self.url = url
        self.location = safe_location(url)
        self._pool = pool_for(url)
        self._tx: psycopg.Connection[Any] | None = None

    def _run(self, conn: psycopg.Connection[Any], sql: str, params: Params, many: bool = False) -> PgRows:
        try:
            with conn.cursor() as cursor:
                if many:
                    cursor.executemany(to_psycopg(sql), params)
                    return PgRows([], cursor.rowcount)
                cursor.execute(to_psycopg(sql), params)
                rows = cursor.fetchall() if cursor.description is not None else []
                return PgRows(rows, cursor.rowcount)
        except psycopg.OperationalError as error:
            raise StoreError(f"the database server at {self.location} failed: {reason(error)}") from error
        except psycopg.Error as error:
            raise StoreError(f"the database refused a statement: {reason(error)}") from error

    def _with_connection(self, sql: str, params: Params, many: bool = False) -> PgRows:
        if self._tx is not None:
            return self._run(self._tx, sql, params, many)
        try:
            with self._pool.connection() as conn:
                return self._run(conn, sql, params, many)
        except PoolTimeout:
            raise StoreError(f"cannot reach the database server at {self.location} (busy or down); try again") from None

    def execute(self, sql: str, params: Params = ()) -> PgRows:
        return self._with_connection(sql, params)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> int:
        rows = list(rows)
        if not rows:
            return 0
        return self._with_connection(sql, rows, many=True).rowcount

    def write(self) -> _Write:
        return _Write(self)

    @property
    def in_transaction(self) -> bool:
        return self._tx is not None

    def defer_foreign_keys(self) -> None:
        self.execute("SET CONSTRAINTS ALL DEFERRED")

    def pause_autocheckpoint(self) -> None:
        """Nothing to do: the server checkpoints on its own."""

    def checkpoint(self, *, truncate: bool = False) -> None:
        """Nothing to do: the server checkpoints on its own."""

    def close(self) -> None:
        """Nothing held: the pool lives as long as the process (connections close when idle)."""


class _Write:
    """One write transaction: a pooled connection, BEGIN, the write lock; COMMIT or ROLLBACK."""

    __slots__ = ("db", "conn")

    def __init__(self, db: PostgresDatabase) -> None:
        self.db = db
        self.conn: psycopg.Connection[Any] | None = None

    def __enter__(self) -> PostgresDatabase:
        if self.db._tx is not None:
            raise StoreError("a write is already open on this connection")
        try:
            conn = self.db._pool.getconn()
        except PoolTimeout:
            raise StoreError(f"cannot reach the database server at {self.db.location} (busy or down); try again") from None
        try:
            conn.execute("BEGIN")
            conn.execute("SELECT pg_advisory_xact_lock(%s)", [WRITE_LOCK])
        except BaseException:
            self._give_back(conn, broken=True)
            raise
        self.conn = conn
        self.db._tx = conn
        return self.db

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        conn = self.conn
        assert conn is not None
        self.db._tx = None
        try:
            conn.execute("ROLLBACK" if exc_type is not None else "COMMIT")
        except psycopg.Error as error:
            self._give_back(conn, broken=True)
            if exc_type is None:
                raise StoreError(f"not saved: {reason(error)}") from error
            return
        self._give_back(conn)
        if isinstance(exc, psycopg.Error) and not isinstance(exc, psycopg.OperationalError):
            return  # a statement error propagates as it is
        if isinstance(exc, psycopg.OperationalError):
            raise StoreError(f"not saved: {reason(exc)}") from exc

    def _give_back(self, conn: psycopg.Connection[Any], broken: bool = False) -> None:
        if broken and not conn.closed:
            try:
                conn.execute("ROLLBACK")
            except psycopg.Error:
                conn.close()
        self.db._pool.putconn(conn)


@contextmanager
def scratch_schema(base: str, prefix: str) -> Iterator[str]:
    """A URL on `base` whose tables live in a new schema of their own, dropped (with this
    process's pool for it) on leaving: for tests and benchmarks on a shared server."""
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {name}")
    url = f"{base}{'&' if '?' in base else '?'}options={quote(f'-csearch_path={name}')}"
    try:
        yield url
    finally:
        drop_pool(url)
        with psycopg.connect(base, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {name} CASCADE")
