"""Opening a database for use: connect, bring the schema up to date, and prove it can be written."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import sqlite_utils

from quiz.errors import StoreError
from quiz.store.db import connect, probe_writable, reason
from quiz.store.schema import migrate


def open_db(path: str | Path, *, create_folder: bool = True) -> sqlite_utils.Database:
    """Open (creating the file, and its folder unless told not to) and bring the schema up to date.

    A database from a newer `quiz` is refused (NewerDatabase) and never written; a file that cannot
    be written is reported now (StoreError), not at the first answer.
    """
    db = connect(path, create_folder=create_folder)
    try:
        try:
            migrate(db)
        except sqlite3.DatabaseError as error:
            raise StoreError(f"cannot use {path}: {reason(error)}") from None
        try:
            probe_writable(db)
        except sqlite3.DatabaseError as error:
            raise StoreError(f"cannot write {path}: {reason(error)}") from None
    except BaseException:
        db.close()
        raise
    return db
