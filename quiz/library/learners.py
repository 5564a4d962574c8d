"""Named learner profiles, so a class can share one database."""

from __future__ import annotations

import re

from quiz.clock import Clock, utc_iso, utc_now
from quiz.errors import LearnerError
from quiz.store import Database
from quiz.store.app_state import forget_state
from quiz.store.learners import LearnerRow, all_learners, delete_learner, find_learner, insert_learner

MAX_NAME = 64
LAST_LEARNER = "last_learner"  # the app_state key of who studied last (see LearnerDoor.last_learner)
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")  # C0 and C1: ESC sequences would reach the terminal
Learner = LearnerRow

__all__ = [
    "Learner", "LearnerError", "MAX_NAME", "add_learner", "clean_name", "ensure_learner", "get_learner",
    "list_learners", "remove_learner",
]


def has_control_character(text: str) -> bool:
    """Whether `text` holds a C0 or C1 control character (tab and newline too): names, titles and
    signatures are one line, and an escape sequence must never reach a terminal."""
    return _CONTROL.search(text) is not None


def clean_name(name: str) -> str:
    """The name with its spaces tidied; LearnerError if empty, too long or with a control character
    (tab and newline too: a name is one line)."""
    if has_control_character(str(name)):
        raise LearnerError("a learner name cannot contain control characters (such as tab, newline or escape)")
    cleaned = " ".join(str(name).split())
    if not cleaned:
        raise LearnerError("a learner needs a name")
    if len(cleaned) > MAX_NAME:
        raise LearnerError(f"a learner name is at most {MAX_NAME} characters")
    return cleaned


def get_learner(db: Database, name: str) -> Learner | None:
    return find_learner(db, clean_name(name))


def ensure_learner(db: Database, name: str, clock: Clock = utc_now) -> Learner:
    """The learner of that name, created on first use (studying alone never needs `learner add`)."""
    cleaned = clean_name(name)
    found = find_learner(db, cleaned)
    if found:
        return found
    insert_learner(db, cleaned, utc_iso(clock()), if_missing=True)
    found = find_learner(db, cleaned)
    assert found is not None
    return found


def add_learner(db: Database, name: str, clock: Clock = utc_now) -> Learner:
    cleaned = clean_name(name)
    if not insert_learner(db, cleaned, utc_iso(clock())):
        raise LearnerError(f"learner '{cleaned}' already exists")
    found = find_learner(db, cleaned)
    assert found is not None
    return found


def remove_learner(db: Database, name: str) -> int:
    """Delete a learner with their cards, reviews and settings; returns the reviews removed."""
    cleaned = clean_name(name)
    removed = delete_learner(db, cleaned)
    if removed is None:
        raise LearnerError(f"no learner '{cleaned}' (see `quiz learner list`)")
    forget_state(db, LAST_LEARNER, cleaned)  # a removed learner is nobody's default
    return removed


def list_learners(db: Database) -> list[Learner]:
    return all_learners(db)
