"""`quiz db copy`: a whole database moved between engines (SQLite file <-> PostgreSQL URL), ids kept.

The source is only read, in one snapshot (a read transaction; on PostgreSQL a repeatable-read one
with server-side cursors, so a million reviews stream in batches). The target is brought up to
date first, must be empty, and gets everything in one write transaction: a failure leaves it empty.
On PostgreSQL rows go in with COPY and each identity sequence is set past the copied ids. The
roll-up (`review_hours`) is copied row for row, so it ends exactly as the source's; the reviews'
triggers that keep it are paused for the copy (inside its transaction), which is what makes a
million reviews cheap to move. The tables and the two ends are in `quiz.store.copy_streams`.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from quiz.errors import NewerDatabase, StoreError
from quiz.locations import is_url
from quiz.store.copy_streams import TABLES, CopyRefused, Table, first_with_rows, reader, refuse_unreachable, writer
from quiz.store.engine import Database
from quiz.store.migrations import TABLE as MIGRATIONS_TABLE
from quiz.store.migrations import applied_names, known_migrations, schema_version
from quiz.store.opening import open_db

__all__ = ["TABLES", "CopyProgress", "CopyRefused", "CopyResult", "Table", "copy_database", "first_table_with_rows"]


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
    with reader(source) as source_reader:
        _check_version(source_reader.db)
        target_db = _open_target(target)
        try:
            columns = {table.name: _columns(target_db, table.name) for table in TABLES}
            _check_tables(target_db, source_reader.db, columns)
            counts = {table.name: source_reader.count(table.name) for table in TABLES}
            total, done = sum(counts.values()), 0
            if progress is not None:
                progress(TABLES[0].name, 0, total)
            with writer(target_db) as target_writer:
                target_writer.refuse_rows()
                target_writer.pause_triggers()  # the roll-up is copied as it is, not rebuilt review by review
                for table in TABLES:
                    names = columns[table.name]
                    for batch in source_reader.batches(table, names):
                        target_writer.insert(table.name, names, batch)
                        done += len(batch)
                        if progress is not None:
                            progress(table.name, done, total)
                target_writer.resume_triggers()
                target_writer.set_sequences()
            target_writer.after_commit()
        finally:
            target_db.close()
    return CopyResult(str(source_reader.db.location), str(target_db.location), counts, time.perf_counter() - started)


def first_table_with_rows(db: Database) -> str | None:
    """The first table (but the migrations') holding a row, or None when the database is empty."""
    tables = [t.name for t in TABLES]
    tables += sorted(set(_tables(db)) - set(tables))
    return first_with_rows(tables, lambda sql: db.execute(sql).fetchone() is not None)


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
        refuse_unreachable(str(target))
        return open_db(str(target))
    path = Path(target)
    if path.is_dir():
        raise CopyRefused(f"{path} is a folder: name a database file to copy into")
    if not path.parent.is_dir():
        raise CopyRefused(f"cannot create {path}: the folder {path.parent} does not exist")
    return open_db(path, create_folder=False)




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
    """A table's columns in order; `class_members` with its `rowid` on both engines. PostgreSQL's
    generated columns (the cards' `*_jd`) are left out: it computes them as the rows go in."""
    if db.engine == "sqlite":
        names = [row[1] for row in db.execute(f"PRAGMA table_info({table})")]
    else:
        names = [name for (name,) in db.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() "
            "AND table_name = ? AND is_generated = 'NEVER' ORDER BY ordinal_position", [table])]
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
