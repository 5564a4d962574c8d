"""What a process's entry point prints for an error it caught: one line a terminal shows as
written, `quiz: ` first, the error's fields spelled as the CLI's flags, and an exit code (2 for bad
input, 1 for a fault). Without click, so that a served tab's entry (quiz.tab) prints exactly what
the CLI's (quiz.cli.errors) does without loading it."""

from __future__ import annotations

from quiz.errors import FAULT, BankProblems, QuizError

FLAGS = {"class_name": "--class", "n_options": "--options"}  # the fields whose option is not `--field-name`


def flag(field: str) -> str:
    """How the CLI spells a feature's field: `time_limit` is `--time-limit`."""
    return FLAGS.get(field, "--" + field.replace("_", "-"))


def printable(text: str) -> str:
    """One line a terminal shows as written: a newline or an escape sequence a person typed into a
    name (`--name $'x\\n'`) is shown as `\\n` or `\\x1b`, never acted on."""
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)


def described(error: QuizError | OSError) -> tuple[str, int, bool]:
    """(message, exit code, whether it is shown as `quiz: ` and one line) for a caught error; a
    bank's problems are not (one FILE:LINE: FIELD: reason line each, as editors read them)."""
    if isinstance(error, QuizError):
        return error.render(flag), error.exit_code, not isinstance(error, BankProblems)
    where = f"{error.filename}: " if error.filename else ""
    return f"{where}{error.strerror or error}", FAULT, True


def shown(message: str, prefix: bool = True) -> str:
    """The text printed on stderr for a `described` error."""
    return f"quiz: {printable(message)}" if prefix else message
