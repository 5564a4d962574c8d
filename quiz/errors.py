"""One error tree: every failure a user can cause or meet is a `QuizError` with a one-line message.

The CLI catches `QuizError` (the store turns each engine's errors into `StoreError`s) and
`OSError` once, at its entry point, prints the line and exits with `exit_code`: 2 for bad input, 1 for a fault.
"""

from __future__ import annotations

BAD_INPUT, FAULT = 2, 1


class QuizError(Exception):
    """Base of every error `quiz` reports to a person. `str(error)` is the whole message."""

    exit_code = BAD_INPUT


class BankNotFound(QuizError, LookupError):
    """No built-in or imported bank has that name."""


class BankConflict(QuizError, ValueError):
    """Saving would overwrite or delete a bank that may not be (a built-in one)."""


class BankProblems(QuizError):
    """A bank file has problems: the message is one `FILE:LINE: FIELD: reason` line each."""


class LearnerError(QuizError, ValueError):
    """A learner name that is empty, too long, taken, or unknown."""


class SettingsError(QuizError, ValueError):
    """A setting value that is out of range or of the wrong kind; names the setting.

    `field` is the setting's key (`reviews_per_day`), so a screen can mark that one field.
    """

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class SessionError(QuizError, ValueError):
    """A study action that cannot be done now (nothing to answer, answered already...)."""


class UnreadableAnswer(SessionError):
    """A typed answer that cannot be read (a date in no known form): nothing is recorded, ask again."""


class StoreError(QuizError):
    """The database cannot be used: missing folder, read-only, full, corrupt."""

    exit_code = FAULT


class NewerDatabase(StoreError):
    """The database was written by a newer `quiz`: it is never written by this one."""


class ClassroomError(QuizError, ValueError):
    """A class, paper or attempt action that cannot be done: wrong code, closed paper, past the deadline."""


class ExportError(QuizError, ValueError):
    """An export that cannot be written as asked (unknown format, a question over a format's limits)."""
