"""Errors reach the person as one line: `quiz: <message>`, exit 2 for bad input, 1 for a fault.

Commands raise `QuizError`s (the store's engine errors arrive as `StoreError`s) or let `OSError`
through; the group catches them once, here, and turns them into a `UserError` click prints
without a traceback.
"""

from __future__ import annotations

from typing import IO, Any

import click

from quiz.errors import BAD_INPUT, FAULT, BankProblems, QuizError


class UserError(click.ClickException):
    """One line on stderr, `quiz: ` first (several lines for a bank's problems), and an exit code."""

    def __init__(self, message: str, exit_code: int = BAD_INPUT, *, prefix: bool = True) -> None:
        super().__init__(message)
        self.exit_code = exit_code  # type: ignore[misc]  # click declares it on the class
        self.prefix = prefix

    def show(self, file: IO[Any] | None = None) -> None:
        if not self.prefix:  # a bank's problems: one FILE:LINE: FIELD: reason line each, as editors read them
            click.echo(self.message, err=True)
            return
        click.echo(f"quiz: {printable(self.message)}", err=True)


def printable(text: str) -> str:
    """One line a terminal shows as written: a newline or an escape sequence a person typed into a
    name (`--name $'x\\n'`) is shown as `\\n` or `\\x1b`, never acted on."""
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)


FLAGS = {"class_name": "--class", "n_options": "--options"}  # the fields whose option is not `--field-name`


def flag(field: str) -> str:
    """How the CLI spells a feature's field: `time_limit` is `--time-limit`."""
    return FLAGS.get(field, "--" + field.replace("_", "-"))


def as_user_error(error: BaseException) -> UserError:
    """The one-line form of an error the CLI's entry point caught, its fields spelled as flags."""
    if isinstance(error, QuizError):
        return UserError(error.render(flag), error.exit_code, prefix=not isinstance(error, BankProblems))
    if isinstance(error, OSError):
        where = f"{error.filename}: " if error.filename else ""
        return UserError(f"{where}{error.strerror or error}", FAULT)
    raise TypeError(error)
