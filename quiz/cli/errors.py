"""Errors reach the person as one line: `quiz: <message>`, exit 2 for bad input, 1 for a fault.

Commands raise `QuizError`s (the store's engine errors arrive as `StoreError`s) or let `OSError`
through; the group catches them once, here, and turns them into a `UserError` click prints
without a traceback. The wording itself is quiz.console's, which a served tab's entry shares.
"""

from __future__ import annotations

from typing import IO, Any

import click

from quiz.console import described, shown
from quiz.errors import BAD_INPUT, QuizError


class UserError(click.ClickException):
    """One line on stderr, `quiz: ` first (several lines for a bank's problems), and an exit code."""

    def __init__(self, message: str, exit_code: int = BAD_INPUT, *, prefix: bool = True) -> None:
        super().__init__(message)
        self.exit_code = exit_code  # type: ignore[misc]  # click declares it on the class
        self.prefix = prefix

    def show(self, file: IO[Any] | None = None) -> None:
        click.echo(shown(self.message, self.prefix), err=True)


def as_user_error(error: BaseException) -> UserError:
    """The one-line form of an error the CLI's entry point caught, its fields spelled as flags."""
    if not isinstance(error, QuizError | OSError):
        raise TypeError(error)
    message, exit_code, prefix = described(error)
    return UserError(message, exit_code, prefix=prefix)
