"""Fixtures for the classroom: a `Classroom` on a temporary database with the test clock, and a
class of students whose personal codes the tests know."""

from __future__ import annotations

import pytest

from quiz.classroom import Classroom
from quiz.store import open_db

BANK = "belgrade-offensive"  # the built-in bank


@pytest.fixture
def room(db_path, clock):
    db = open_db(db_path)
    yield Classroom(db, clock)
    db.close()


@pytest.fixture
def codes(room) -> dict[str, str]:
    """Class '7B' with Ana, Boris, Cvijeta and Dušan: name -> personal code."""
    room.new_class("7B")
    return dict(room.add_students("7B", ["Ana", "Boris", "Cvijeta", "Dušan"]))
