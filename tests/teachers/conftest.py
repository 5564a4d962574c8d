"""Two teachers, Ana and Ben, on one database (each with a class '7b' of their own students), as
teacher's doors on the test clock. Passwords are hashed at a lower cost here, to keep tests fast."""

from __future__ import annotations

import pytest

from quiz.classroom import teachers
from quiz.doors.teacher import TeacherDoor

BANK = "belgrade-offensive"  # the built-in bank
PASSWORDS = {"Ana": "ana-secret-1", "Ben": "ben-secret-2"}


@pytest.fixture(autouse=True)
def cheap_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(teachers, "PASSWORD_N", 2**10)


def door(db_path, clock, name: str | None) -> TeacherDoor:
    return TeacherDoor(db_path, name, clock=clock)


@pytest.fixture
def pair(db_path, clock):
    """(Ana's door, Ben's door), each with class 7b: Ana's of Ivo and Jana, Ben's of Mila."""
    admin = door(db_path, clock, None)
    for name, password in PASSWORDS.items():
        admin.accounts.add(name, password)
    admin.close()
    ana, ben = door(db_path, clock, "Ana"), door(db_path, clock, "Ben")
    ana.classroom.new_class("7b")
    ana.classroom.add_students("7b", ["Ivo", "Jana"])
    ben.classroom.new_class("7b")
    ben.classroom.add_students("7b", ["Mila"])
    yield ana, ben
    ana.close()
    ben.close()
