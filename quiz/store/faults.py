"""The one shape an engine's error takes when it leaves the store: a `StoreError` of one line.

Each engine maps its driver's errors (sqlite3's, psycopg's) to these kinds, so nothing above the
store names an engine, and a caller that must tell the kinds apart (wait and retry, or free some
space, or give up on the file) can. `reason` is the cause alone ("the disk is full"), for a caller
that words its own sentence around it ("cannot write quiz.db: ...").
"""

from __future__ import annotations

from typing import TypeVar

from quiz.errors import StoreError

E = TypeVar("E", bound="EngineError")

BUSY_REASON = "the database is busy: other quiz windows kept it locked too long; try again"


class EngineError(StoreError):
    """The engine failed (a file it cannot open, a server gone); subclasses name the kinds."""

    def __init__(self, message: str, reason: str | None = None) -> None:
        super().__init__(message)
        self.reason = message if reason is None else reason

    def reworded(self: E, prefix: str) -> E:
        """The same kind and reason after the caller's words: `cannot use quiz.db: <reason>`."""
        return type(self)(f"{prefix}: {self.reason}", self.reason)


class DatabaseBusy(EngineError):
    """Another writer held the lock past every wait: the same action may work in a moment."""

    def __init__(self, message: str = BUSY_REASON, reason: str | None = None) -> None:
        super().__init__(message, reason)


class NotSaved(EngineError):
    """The machine refused a write (a full disk, an I/O error, a read-only file): nothing was
    saved, and the same write may succeed once the cause is gone."""


class DatabaseDamaged(EngineError):
    """The file is not a quiz database, or no longer a whole one."""


class StatementRefused(EngineError):
    """The database refused a statement (a constraint, a misuse): the store's own fault, not the
    machine's; retrying will not help."""


def not_saved(reason: str) -> NotSaved:
    return NotSaved(f"not saved: {reason}", reason)


def damaged(location: str, reason: str) -> DatabaseDamaged:
    return DatabaseDamaged(f"cannot use {location}: {reason}", reason)


def failed(location: str, reason: str) -> EngineError:
    return EngineError(f"the database at {location} failed: {reason}", reason)


def refused(reason: str) -> StatementRefused:
    return StatementRefused(f"the database refused a statement: {reason}", reason)
