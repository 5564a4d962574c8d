"""Homework fixtures: a class 7b of Ana and Boris (learners pinned to UTC) on the test clock."""

from __future__ import annotations

import pytest

from quiz.classroom import Classroom
from quiz.homework.service import Homework
from quiz.library.learners import ensure_learner
from quiz.library.preferences import save_settings
from quiz.store import open_db

BANK = "belgrade-offensive"  # the built-in bank


def pin_to_utc(db, name: str, clock, **settings) -> None:
    save_settings(db, ensure_learner(db, name, clock).id, timezone="UTC", **settings)


@pytest.fixture
def db(db_path, clock):
    opened = open_db(db_path)
    yield opened
    opened.close()


@pytest.fixture
def homework(db, clock) -> Homework:
    """Class 7b with Ana and Boris; the homework service on it."""
    room = Classroom(db, clock)
    room.new_class("7b")
    room.add_students("7b", ["Ana", "Boris"])
    for name in ("Ana", "Boris"):
        pin_to_utc(db, name, clock)
    return Homework(db, clock)
