"""One error tree: every failure a user can cause or meet is a `QuizError` with a one-line message.

The CLI catches `QuizError` (the store turns each engine's errors into `StoreError`s) and
`OSError` once, at its entry point, prints the line and exits with `exit_code`: 2 for bad input, 1 for a fault.

Features speak domain terms: an error about one value names its `field` ("time_limit"), and a
message may mention other fields with `mention("attempts")`. Each front end spells them its own way
(the CLI as `--attempts`, a screen as "attempts"): `error.render(spell)`; `str(error)` is the human
form. A mention is a marker no user text carries (NUL-delimited; names, titles and bank text refuse
control characters), so a title or name holding "{attempts}" is shown as it is, never spelled.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

BAD_INPUT, FAULT = 2, 1

Spelling = Callable[[str], str]


def human_name(field: str) -> str:
    """A field as a person reads it: `time_limit` is "time limit"."""
    return field.replace("_", " ")


_MENTION = re.compile("\x00([a-z_]+)\x00")


def mention(field: str) -> str:
    """A field named inside a message, for each front end to spell its own way."""
    return f"\x00{field}\x00"


def spelled(text: str, spell: Spelling) -> str:
    """`text` with each `mention(...)` spelled; nothing else in it is touched."""
    return _MENTION.sub(lambda m: spell(m.group(1)), text)


@dataclass(frozen=True)
class Wording:
    """A feature's line of text that mentions fields (advice, a note), for a front end to spell."""

    template: str

    def render(self, spell: Spelling = human_name) -> str:
        return spelled(self.template, spell)

    def __str__(self) -> str:
        return self.render()


class QuizError(Exception):
    """Base of every error `quiz` reports to a person. `str(error)` is the whole message, with the
    fields in human names; `render(spell)` is the message as a front end spells its fields."""

    exit_code = BAD_INPUT

    def __init__(self, message: str = "", field: str | None = None) -> None:
        self.message, self.field = message, field
        super().__init__(self.render())

    def render(self, spell: Spelling = human_name) -> str:
        """The one line: `field: message` when it is about one field, each mention spelled."""
        text = spelled(self.message, spell)
        return f"{spell(self.field)}: {text}" if self.field else text


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

    def render(self, spell: Spelling = human_name) -> str:
        return self.message  # the message names the setting by its label already


class SessionError(QuizError, ValueError):
    """A study action that cannot be done now (nothing to answer, answered already...)."""


class UnreadableAnswer(SessionError):
    """A typed answer that cannot be read (a date in no known form): nothing is recorded, ask again."""


class StoreError(QuizError):
    """The database cannot be used: missing folder, read-only, full, corrupt."""

    exit_code = FAULT


class CheckUnavailable(StoreError):
    """A personal code or password could not be checked (the process that hashes it did not run):
    nothing was wrong with what was typed, so a screen keeps it and offers to try again."""


class NewerDatabase(StoreError):
    """The database was written by a newer `quiz`: it is never written by this one."""


class ClassroomError(QuizError, ValueError):
    """A class, paper or attempt action that cannot be done: wrong code, closed paper, past the deadline."""


class ExportError(QuizError, ValueError):
    """An export that cannot be written as asked (unknown format, a question over a format's limits)."""


class HomeworkError(QuizError, ValueError):
    """Homework that cannot be set, shown or stopped as asked; the message names the field."""


class TeacherError(QuizError, ValueError):
    """A teacher account that cannot be added, changed or used as asked, or no teacher chosen where one must be."""


class SignInRefused(TeacherError):
    """A teacher's sign-in refused: a wrong name or password, or locked after too many."""


class LiveError(QuizError, ValueError):
    """A live game that cannot be made, run, joined or answered as asked: a bad setting (named by its
    field), an unknown code, a question not open. One line, as the others."""
