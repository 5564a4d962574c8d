"""One error tree: every failure a user can cause or meet is a `QuizError` with a one-line message.

The CLI catches `QuizError` (the store turns each engine's errors into `StoreError`s) and
`OSError` once, at its entry point, prints the line and exits with `exit_code`: 2 for bad input, 1 for a fault.

Features speak domain terms: an error about one value names its `field` ("time_limit"), and a
message may mention other fields as `{attempts}`. Each front end spells them its own way (the CLI
as `--attempts`, a screen as "attempts"): `error.render(spell)`; `str(error)` is the human form.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

BAD_INPUT, FAULT = 2, 1

Spelling = Callable[[str], str]


def human_name(field: str) -> str:
    """A field as a person reads it: `time_limit` is "time limit"."""
    return field.replace("_", " ")


def spelled(template: str, mentions: Iterable[str], spell: Spelling) -> str:
    """`template` with each mentioned `{field}` spelled (only those: any other brace is text)."""
    for name in mentions:
        template = template.replace("{" + name + "}", spell(name))
    return template


@dataclass(frozen=True)
class Wording:
    """A feature's line of text that mentions fields (advice, a note), for a front end to spell."""

    template: str
    mentions: tuple[str, ...] = ()

    def render(self, spell: Spelling = human_name) -> str:
        return spelled(self.template, self.mentions, spell)

    def __str__(self) -> str:
        return self.render()


class QuizError(Exception):
    """Base of every error `quiz` reports to a person. `str(error)` is the whole message, with the
    fields in human names; `render(spell)` is the message as a front end spells its fields."""

    exit_code = BAD_INPUT

    def __init__(self, message: str = "", field: str | None = None, *, mentions: Iterable[str] = ()) -> None:
        self.message, self.field, self.mentions = message, field, tuple(mentions)
        super().__init__(self.render())

    def render(self, spell: Spelling = human_name) -> str:
        """The one line: `field: message` when it is about one field, each mention spelled."""
        text = spelled(self.message, self.mentions, spell)
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


class NewerDatabase(StoreError):
    """The database was written by a newer `quiz`: it is never written by this one."""


class ClassroomError(QuizError, ValueError):
    """A class, paper or attempt action that cannot be done: wrong code, closed paper, past the deadline."""


class ExportError(QuizError, ValueError):
    """An export that cannot be written as asked (unknown format, a question over a format's limits)."""
