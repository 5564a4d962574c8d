"""`quiz db copy`: a whole database moved between engines (SQLite file <-> PostgreSQL URL), ids kept.

The source is only read, in one snapshot (a read transaction; on PostgreSQL a repeatable-read one
with server-side cursors, so a million reviews stream in batches). The target is brought up to
date first, must be empty, and gets everything in one write transaction: a failure leaves it empty.
On PostgreSQL rows go in with COPY and each identity sequence is set past the copied ids. The
roll-up (`review_hours`) is copied row for row, so it ends exactly as the source's; the reviews'
triggers that keep it are paused for the copy (inside its transaction), which is what makes a
million reviews cheap to move.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any, Protocol
from urllib.parse import quote

from quiz.errors import NewerDatabase, QuizError, StoreError
from quiz.locations import is_url
from quiz.store.engine import Database
from quiz.store.faults import EngineError
from quiz.store.migrations import TABLE as MIGRATIONS_TABLE
from quiz.store.migrations import applied_names, known_migrations, schema_version
from quiz.store.opening import open_db
from quiz.store.sqlite.connection import SqliteDatabase, immediate
from quiz.store.sqlite.faults import reason as sqlite_reason
from quiz.store.sqlite.faults import store_error

BATCH = 5000  # rows read and written at a time: a million reviews never sit in memory at once
CONNECT_TIMEOUT_S = 5  # an unreachable server is reported after this, not after the pool's wait


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
)


class CopyRefused(QuizError):
    """A copy that cannot start: a missing source, an unreachable server, a target not empty."""


class CopyProgress(Protocol):
    """Told after each batch: the table being copied, rows copied so far (all tables), rows in all."""

    def __call__(self, table: str, done: int, total: int) -> None: ...


@dataclass(frozen=True)
class CopyResult:
    source: str
    target: str
    rows: dict[str, int] = field(default_factory=dict)  # rows copied, by table
    seconds: float = 0.0

    @property
    def total(self) -> int:
        return sum(self.rows.values())


def copy_database(source: str | Path, target: str | Path, progress: CopyProgress | None = None) -> CopyResult:
    """Copy every table of `source` into the empty `target` (made and brought up to date first)."""
    started = time.perf_counter()
    _refuse_same(source, target)
    with _reader(source) as reader:
        _check_version(reader.db)
        target_db = _open_target(target)
        try:
            columns = {table.name: _columns(target_db, table.name) for table in TABLES}
            _check_tables(target_db, reader.db, columns)
            counts = {table.name: reader.count(table.name) for table in TABLES}
            total, done = sum(counts.values()), 0
            if progress is not None:
                progress(TABLES[0].name, 0, total)
            with _writer(target_db) as writer:
                writer.refuse_rows()
                writer.pause_triggers()  # the roll-up is copied as it is, not rebuilt review by review
                for table in TABLES:
                    names = columns[table.name]
                    for batch in reader.batches(table, names):
                        writer.insert(table.name, names, batch)
                        done += len(batch)
                        if progress is not None:
                            progress(table.name, done, total)
                writer.resume_triggers()
                writer.set_sequences()
            writer.after_commit()
        finally:
            target_db.close()
    return CopyResult(str(reader.db.location), str(target_db.location), counts, time.perf_counter() - started)


def first_table_with_rows(db: Database) -> str | None:
    """The first table (but the migrations') holding a row, or None when the database is empty."""
    tables = [t.name for t in TABLES]
    tables += sorted(set(_tables(db)) - set(tables))
    return _first_with_rows(tables, lambda sql: db.execute(sql).fetchone() is not None)


def _first_with_rows(tables: list[str], any_row: Callable[[str], bool]) -> str | None:
    for name in tables:
        if name != MIGRATIONS_TABLE and any_row(f"SELECT 1 FROM {name} LIMIT 1"):
            return name
    return None


# --- opening both sides -------------------------------------------------------------------------


def _refuse_same(source: str | Path, target: str | Path) -> None:
    if is_url(source) or is_url(target):
        same = str(source) == str(target)
    else:
        same = Path(source).resolve() == Path(target).resolve()
    if same:
        raise CopyRefused(f"the source and the target are the same database: {source}")


def _open_target(target: str | Path) -> Database:
    if is_url(target):
        _probe_server(str(target))
        return open_db(str(target))
    path = Path(target)
    if path.is_dir():
        raise CopyRefused(f"{path} is a folder: name a database file to copy into")
    if not path.parent.is_dir():
        raise CopyRefused(f"cannot create {path}: the folder {path.parent} does not exist")
    return open_db(path, create_folder=False)


def _probe_server(url: str) -> None:
    """Connect once, briefly: an unreachable server or a bad URL is one line now, not a pool's long wait."""
    import psycopg

    from quiz.store.postgres.connection import reason, safe_location

    try:
        psycopg.connect(url, connect_timeout=CONNECT_TIMEOUT_S).close()
    except (psycopg.Error, ValueError) as error:
        raise CopyRefused(f"cannot reach {safe_location(url)}: {reason(error)}") from None


def _check_version(db: Database) -> None:
    """The source as this quiz writes it: newer is refused (never read), older must be opened first."""
    known = known_migrations()
    applied = applied_names(db)
    if applied - set(known) or (db.engine == "sqlite" and schema_version(db) > len(known)):
        raise NewerDatabase(f"{db.location} was made by a newer version of quiz; upgrade quiz to copy it")
    if not applied:
        raise CopyRefused(f"{db.location} is not a quiz database")
    if applied != set(known):
        raise CopyRefused(f"{db.location} was made by an older quiz: open it once with this one "
                          f"(quiz --db {db.location} status), then copy it")


def _tables(db: Database) -> list[str]:
    if db.engine == "sqlite":
        sql = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' ORDER BY name"
    else:
        sql = ("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() "
               "AND table_type = 'BASE TABLE' ORDER BY table_name")
    return [name for (name,) in db.execute(sql)]


def _columns(db: Database, table: str) -> list[str]:
    """A table's columns in order; `class_members` with its `rowid` on both engines."""
    if db.engine == "sqlite":
        names = [row[1] for row in db.execute(f"PRAGMA table_info({table})")]
    else:
        names = [name for (name,) in db.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() "
            "AND table_name = ? ORDER BY ordinal_position", [table])]
    if table == "class_members" and "rowid" not in names:
        names.insert(0, "rowid")
    return names


def _check_tables(target: Database, source: Database, columns: dict[str, list[str]]) -> None:
    """Both sides have exactly the tables this copy knows, with the same columns."""
    known = {table.name for table in TABLES} | {MIGRATIONS_TABLE}
    for db in (target, source):
        unknown = set(_tables(db)) - known
        if unknown:
            raise StoreError(f"{db.location} has tables quiz db copy does not know: {', '.join(sorted(unknown))}")
    for table in TABLES:
        theirs = _columns(source, table.name)
        if sorted(theirs) != sorted(columns[table.name]):
            raise StoreError(f"{source.location}: the table {table.name} has other columns than {target.location}'s")


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


def _reader(source: str | Path) -> _Reader:
    if is_url(source):
        _probe_server(str(source))
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
        table = _first_with_rows([t.name for t in TABLES], self.any_row)
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


def _writer(db: Database) -> _Writer:
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
