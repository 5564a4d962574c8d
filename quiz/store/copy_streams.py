"""`quiz db copy`'s tables and its two ends: a reader streaming the source in batches from one
snapshot, and a writer putting them into the target in one transaction, one of each per engine."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any
from urllib.parse import quote

from quiz.errors import QuizError, StoreError
from quiz.locations import is_url
from quiz.store.engine import Database
from quiz.store.faults import EngineError
from quiz.store.migrations import TABLE as MIGRATIONS_TABLE
from quiz.store.sqlite.connection import SqliteDatabase, immediate
from quiz.store.sqlite.faults import reason as sqlite_reason
from quiz.store.sqlite.faults import store_error

BATCH = 5000  # rows read and written at a time: a million reviews never sit in memory at once


@dataclass(frozen=True)
class Table:
    name: str
    key: tuple[str, ...]  # the order rows are read in
    identity: str | None = None  # a column PostgreSQL numbers from a sequence


# Every table but the migrations', parents before children (foreign keys are checked per row).
# The roll-up (`review_hours`) is copied as it is, with the reviews' triggers paused meanwhile.
TABLES: tuple[Table, ...] = (
    Table("learners", ("id",), "id"),
    Table("banks", ("name",)),
    Table("facts", ("bank", "fact_id")),
    Table("cards", ("id",), "id"),
    Table("reviews", ("id",), "id"),
    Table("review_hours", ("learner_id", "hour", "category", "bank")),
    Table("settings", ("learner_id", "key")),
    Table("card_sync", ("learner_id", "bank")),
    Table("teachers", ("id",), "id"),
    Table("teacher_sign_in_failures", ("id",), "id"),
    Table("classes", ("id",), "id"),
    # Members keep the order they joined in: SQLite's implicit rowid, PostgreSQL's explicit one.
    Table("class_members", ("rowid",), "rowid"),
    Table("papers", ("id",), "id"),
    Table("attempts", ("id",), "id"),
    Table("attempt_answers", ("attempt_id", "position")),
    Table("fsrs_parameters", ("learner_id",)),
    Table("app_state", ("key",)),
    Table("extra_new", ("learner_id", "day")),
    Table("homework", ("id",), "id"),
    Table("sign_in_failures", ("id",), "id"),
    Table("sign_in_locks", ("kind", "subject")),
    Table("live_games", ("id",), "id"),
    Table("live_players", ("id",), "id"),
    Table("live_answers", ("game_id", "question_index", "learner_id")),
)



def first_with_rows(tables: list[str], any_row: Callable[[str], bool]) -> str | None:
    """The first of `tables` (the migrations' aside) that has a row, by `any_row(sql)`."""
    for name in tables:
        if name != MIGRATIONS_TABLE and any_row(f"SELECT 1 FROM {name} LIMIT 1"):
            return name
    return None


class CopyRefused(QuizError):
    """A copy that cannot start: a missing source, an unreachable server, a target not empty."""



# --- reading the source -------------------------------------------------------------------------


class _Reader(AbstractContextManager["_Reader"]):
    db: Database

    def count(self, table: str) -> int:
        (count,) = self.db.execute(f"SELECT count(*) FROM {table}").fetchone()
        return int(count)

    def batches(self, table: Table, names: Sequence[str]) -> Iterator[list[Any]]:
        raise NotImplementedError

    @staticmethod
    def select(table: Table, names: Sequence[str]) -> str:
        return f"SELECT {', '.join(names)} FROM {table.name} ORDER BY {', '.join(table.key)}"


def reader(source: str | Path) -> _Reader:
    if is_url(source):
        refuse_unreachable(str(source))
        return _PostgresReader(str(source))
    return _SqliteReader(Path(source))


class _SqliteReader(_Reader):
    """A read-only connection in one read transaction (a snapshot, even while others write)."""

    def __init__(self, path: Path) -> None:
        if not path.is_file():
            raise CopyRefused(f"{path}: no such database file" if not path.exists() else f"{path} is not a file")
        try:
            conn = sqlite3.connect(f"file:{quote(str(path.resolve()))}?mode=ro", uri=True, isolation_level=None)
            conn.execute("PRAGMA busy_timeout=5000")
            conn.execute("BEGIN")
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # the snapshot starts here
        except sqlite3.DatabaseError as error:
            raise CopyRefused(f"cannot read {path}: {sqlite_reason(error)}") from None
        self.conn = conn
        self.db = SqliteDatabase(conn, str(path))

    def batches(self, table: Table, names: Sequence[str]) -> Iterator[list[Any]]:
        try:
            cursor = self.conn.execute(self.select(table, names))
        except sqlite3.Error as error:
            raise self._unreadable(error) from error
        try:
            while True:
                try:
                    batch = cursor.fetchmany(BATCH)
                except sqlite3.Error as error:  # a damaged page met half way
                    raise self._unreadable(error) from error
                if not batch:
                    return
                yield batch
        finally:
            cursor.close()

    def _unreadable(self, error: sqlite3.Error) -> StoreError:
        return store_error(error, self.db.location).reworded(f"cannot read {self.db.location}")

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.conn.close()


class _PostgresReader(_Reader):
    """One repeatable-read, read-only transaction; each table streams through a server-side cursor."""

    def __init__(self, url: str) -> None:
        from quiz.store.postgres.connection import PostgresDatabase, pool_for

        self.db = PostgresDatabase(url)
        self.pool = pool_for(url)
        self.conn = self.pool.getconn()
        self.conn.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")

    def count(self, table: str) -> int:
        (count,) = self.conn.execute(f"SELECT count(*) FROM {table}").fetchone() or (0,)
        return int(count)

    def batches(self, table: Table, names: Sequence[str]) -> Iterator[list[Any]]:
        import psycopg

        try:
            with self.conn.cursor(name=f"quiz_copy_{table.name}") as cursor:
                cursor.itersize = BATCH
                cursor.execute(self.select(table, names))
                while batch := cursor.fetchmany(BATCH):
                    yield batch
        except psycopg.Error as error:
            raise StoreError(f"cannot read {self.db.location}: {_pg_reason(error)}") from error

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        import psycopg

        try:
            self.conn.execute("ROLLBACK")
        except psycopg.Error:
            self.conn.close()
        self.pool.putconn(self.conn)


# --- writing the target -------------------------------------------------------------------------


class _Writer(AbstractContextManager["_Writer"]):
    db: Database

    def refuse_rows(self) -> None:
        """Inside the write transaction, so nothing can slip in between the check and the copy."""
        table = first_with_rows([t.name for t in TABLES], self.any_row)
        if table is not None:
            raise CopyRefused(f"{self.db.location} is not empty (the table {table} has rows): "
                              "copy only into a new database")

    def any_row(self, sql: str) -> bool:
        return self.db.execute(sql).fetchone() is not None

    def pause_triggers(self) -> None:
        raise NotImplementedError

    def resume_triggers(self) -> None:
        raise NotImplementedError

    def insert(self, table: str, names: Sequence[str], rows: list[Any]) -> None:
        raise NotImplementedError

    def set_sequences(self) -> None:
        """SQLite numbers a new row past the largest id by itself."""

    def after_commit(self) -> None:
        """Statistics for the planner (PostgreSQL)."""


def writer(db: Database) -> _Writer:
    return _PostgresWriter(db) if db.engine == "postgresql" else _SqliteWriter(db)


class _SqliteWriter(_Writer):
    def __init__(self, db: Database) -> None:
        assert isinstance(db, SqliteDatabase)
        self.db = db
        self.unit = immediate(db)

    def __enter__(self) -> _SqliteWriter:
        self.unit.__enter__()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        try:
            self.unit.__exit__(exc_type, exc, tb)
        except EngineError as error:
            raise error.reworded(f"not copied into {self.db.location}") from error
        if isinstance(exc, EngineError):  # the engine refused a statement of the copy
            raise exc.reworded(f"not copied into {self.db.location}") from exc

    def pause_triggers(self) -> None:
        """Dropped inside the transaction and made again from their own text before it commits."""
        self.triggers = [sql for (sql,) in self.db.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'reviews' ORDER BY name")]
        for (name,) in self.db.execute(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'reviews'").fetchall():
            self.db.execute(f"DROP TRIGGER {name}")

    def resume_triggers(self) -> None:
        for sql in self.triggers:
            self.db.execute(sql)

    def insert(self, table: str, names: Sequence[str], rows: list[Any]) -> None:
        marks = ", ".join("?" * len(names))
        self.db.executemany(f"INSERT INTO {table} ({', '.join(names)}) VALUES ({marks})", rows)


class _PostgresWriter(_Writer):
    """One connection, BEGIN and the store's write lock (as every PostgreSQL write takes), COPY."""

    def __init__(self, db: Database) -> None:
        from quiz.store.postgres.connection import PostgresDatabase, pool_for

        assert isinstance(db, PostgresDatabase)
        self.db = db
        self.pool = pool_for(db.url)
        self.conn: Any = None

    def __enter__(self) -> _PostgresWriter:
        from quiz.store.postgres.connection import WRITE_LOCK

        self.conn = self.pool.getconn()
        self.conn.execute("BEGIN")
        self.conn.execute("SELECT pg_advisory_xact_lock(%s)", [WRITE_LOCK])
        return self

    def any_row(self, sql: str) -> bool:
        return self.conn.execute(sql).fetchone() is not None

    def pause_triggers(self) -> None:
        """Off inside the transaction only (the target is empty, and locked until the commit)."""
        self.conn.execute("ALTER TABLE reviews DISABLE TRIGGER USER")

    def resume_triggers(self) -> None:
        self.conn.execute("ALTER TABLE reviews ENABLE TRIGGER USER")

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        import psycopg

        try:
            self.conn.execute("ROLLBACK" if exc_type is not None else "COMMIT")
        except psycopg.Error as error:
            self.conn.close()
            self.pool.putconn(self.conn)
            if exc_type is None:
                raise StoreError(f"not copied into {self.db.location}: {_pg_reason(error)}") from error
            return
        self.pool.putconn(self.conn)
        if isinstance(exc, psycopg.Error):
            raise StoreError(f"not copied into {self.db.location}: {_pg_reason(exc)}") from exc

    def insert(self, table: str, names: Sequence[str], rows: list[Any]) -> None:
        with self.conn.cursor() as cursor, cursor.copy(f"COPY {table} ({', '.join(names)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)

    def set_sequences(self) -> None:
        for table in TABLES:
            if table.identity is not None:
                self.conn.execute(
                    f"SELECT setval(pg_get_serial_sequence(%s, %s), coalesce(max({table.identity}), 0) + 1, false) "
                    f"FROM {table.name}", [table.name, table.identity])

    def after_commit(self) -> None:
        self.db.execute(f"ANALYZE {', '.join(table.name for table in TABLES)}")  # these tables, not the server's


def _pg_reason(error: BaseException) -> str:
    from quiz.store.postgres.connection import reason

    return reason(error)


def refuse_unreachable(url: str) -> None:
    """An unreachable server or a bad URL is one line now (CopyRefused), not a pool's long wait."""
    from quiz.store.postgres.connection import safe_location, unreachable

    why = unreachable(url)
    if why is not None:
        raise CopyRefused(f"cannot reach {safe_location(url)}: {why}")
