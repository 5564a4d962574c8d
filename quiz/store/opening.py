"""Opening a database for use: pick the engine from the location, connect, bring the schema up to
date, and prove it can be written. A location is a SQLite file path or a `postgresql://` URL."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from quiz.errors import StoreError
from quiz.locations import is_url
from quiz.store.engine import Database
from quiz.store.migrations import migrate
from quiz.store.sqlite.connection import SqliteDatabase, connect, probe_writable, reason


def open_db(location: str | Path, *, create_folder: bool = True) -> Database:
    """Open (creating a SQLite file, and its folder unless told not to) and bring the schema up to date.

    A database from a newer `quiz` is refused (NewerDatabase) and never written; a database that
    cannot be written is reported now (StoreError), not at the first answer.
    """
    if is_url(location):
        return _open_postgres(str(location))
    db = connect(location, create_folder=create_folder)
    try:
        try:
            migrate(db)
        except sqlite3.DatabaseError as error:
            raise StoreError(f"cannot use {location}: {reason(error)}") from None
        try:
            probe_writable(db)
        except sqlite3.DatabaseError as error:
            raise StoreError(f"cannot write {location}: {reason(error)}") from None
    except BaseException:
        db.close()
        raise
    return db


def _open_postgres(url: str) -> Database:
    from quiz.store.postgres.connection import PostgresDatabase  # psycopg only when a URL is given

    db = PostgresDatabase(url)
    migrate(db)
    return db


__all__ = ["SqliteDatabase", "open_db"]
