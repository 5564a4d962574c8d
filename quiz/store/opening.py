"""Opening a database for use: pick the engine from the location, connect, bring the schema up to
date, and prove it can be written. A location is a SQLite file path or a `postgresql://` URL."""

from __future__ import annotations

from pathlib import Path

from quiz.locations import is_url
from quiz.store.engine import Database
from quiz.store.faults import DatabaseBusy, EngineError
from quiz.store.migrations import migrate
from quiz.store.sqlite.connection import SqliteDatabase, connect, probe_writable


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
        except DatabaseBusy:  # its own line says it all
            raise
        except EngineError as error:  # NewerDatabase and other QuizErrors pass as they are
            raise error.reworded(f"cannot use {location}") from None
        try:
            probe_writable(db)
        except DatabaseBusy:
            raise
        except EngineError as error:
            raise error.reworded(f"cannot write {location}") from None
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
