"""sqlite3's errors in the store's shape (`quiz.store.faults`): no `sqlite3.Error` leaves the store.

SQLite says what went wrong only in its message ("database is locked", "database or disk is full",
"file is not a database"), so the kind is read from the text, whatever the exception's class (a
trigger's RAISE(ABORT, 'database or disk is full') arrives as an IntegrityError).
"""

from __future__ import annotations

import sqlite3

from quiz.store.faults import DatabaseBusy, EngineError, damaged, failed, not_saved, refused

WRITE_FAULTS = ("database or disk is full", "disk I/O error", "readonly database")
DAMAGE = ("file is not a database", "database disk image is malformed")


def is_busy(error: BaseException) -> bool:
    """Whether an error is SQLite's "database is locked" / "busy" (another writer holds the lock)."""
    return isinstance(error, sqlite3.OperationalError) and (
        "locked" in str(error) or "busy" in str(error)
    )


def is_write_fault(error: BaseException) -> bool:
    """A write the machine refused (a full disk, an I/O error, a read-only file): nothing was
    saved, and the same write may succeed once the cause is gone, so callers say so and keep it."""
    return isinstance(error, sqlite3.Error) and any(fault in str(error) for fault in WRITE_FAULTS)


def reason(error: BaseException) -> str:
    """SQLite's message in a person's words, where it has better ones."""
    text = str(error)
    if "file is not a database" in text:
        return "not a quiz database (the file is damaged or of another kind)"
    if "malformed" in text:
        return "the file is damaged (database disk image is malformed)"
    if "readonly" in text or "read-only" in text:
        return "read-only file"
    if "unable to open" in text:
        return "cannot open the file (check its folder and permissions)"
    if "disk is full" in text:
        return "the disk is full"
    if "disk I/O error" in text:
        return "the disk failed to read or write (disk I/O error)"
    return text.strip().splitlines()[0] if text.strip() else type(error).__name__


def store_error(error: sqlite3.Error, location: str) -> EngineError:
    """The one-line `StoreError` for a sqlite3 error met on the database at `location`."""
    if is_busy(error):
        return DatabaseBusy()
    if is_write_fault(error):
        return not_saved(reason(error))
    if any(sign in str(error) for sign in DAMAGE):
        return damaged(location, reason(error))
    if isinstance(error, sqlite3.OperationalError):
        return failed(location, reason(error))
    return refused(reason(error))
