"""Managing imported banks: renaming one (its history follows) and removing one (its history kept
unless purged). Built-in banks are neither renamed nor removed."""

from __future__ import annotations

from question_bank.banks.builtin import builtin_bank_names
from question_bank.banks.records import check_bank_name, slugify
from quiz.errors import BankConflict, BankNotFound, QuizError
from quiz.store import Database
from quiz.store.bank_admin import bank_origin, remove_bank, rename_bank


def _imported(db: Database, name: str, doing: str) -> None:
    origin = "builtin" if name in builtin_bank_names() else bank_origin(db, name)
    if origin is None:
        raise BankNotFound(f"no bank called '{name}' (see `quiz bank list`)")
    if origin == "builtin":
        raise BankConflict(f"'{name}' is a built-in bank and cannot be {doing}")


def rename(db: Database, old: str, new: str) -> None:
    _imported(db, old, "renamed")
    problem = check_bank_name(new)
    if problem:
        reason = problem.split("; use --name ")[0]
        raise QuizError(f"{reason}; try '{slugify(new)}'" if slugify(new) else reason)
    if new in builtin_bank_names() or bank_origin(db, new) is not None:
        raise BankConflict(f"there is a bank called '{new}' already")
    rename_bank(db, old, new)


def remove(db: Database, name: str, *, purge: bool = False) -> int:
    """The reviews removed (0 unless `purge`)."""
    _imported(db, name, "removed")
    return remove_bank(db, name, purge=purge)
