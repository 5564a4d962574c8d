"""A class 7B with homework on the built-in bank and an open paper, for the student's home."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest

from quiz.doors.student import StudentDoor
from quiz.doors.teacher import TeacherDoor
from quiz.library.learners import ensure_learner
from quiz.library.preferences import save_settings
from quiz.model import Mode
from quiz.store import open_db
from tests.support.clock import Clock

BANK = "belgrade-offensive"


def _cards_of(bank: str) -> int:
    """The homework's cards: one per fact and kind the built-in bank asks (its data changes)."""
    from question_bank.banks.builtin import load_builtin_bank
    from question_bank.questions import kinds_for

    return sum(len(kinds_for(fact)) for fact in load_builtin_bank(bank).facts)


CARDS = _cards_of(BANK)
STUDENTS = ("Mila Petrović", "Boris")
SIZE = (80, 24)


@dataclass
class Home:
    db_path: Path | str
    clock: Clock
    codes: dict[str, str]
    paper: str

    def door(self, address: str | None = None) -> StudentDoor:
        return StudentDoor(self.db_path, clock=self.clock, address=address)

    def teacher(self) -> TeacherDoor:
        return TeacherDoor(self.db_path, "teacher", clock=self.clock)


def make_home(db_path: Path | str, clock: Clock) -> Home:
    db = open_db(db_path)
    for name in STUDENTS:  # "today" is the test clock's UTC day
        save_settings(db, ensure_learner(db, name, clock).id, timezone="UTC")
    db.close()
    desk = TeacherDoor(db_path, "teacher", clock=clock)
    desk.classroom.new_class("7B")
    codes = dict(desk.classroom.add_students("7B", list(STUDENTS)))
    desk.homework.set("7B", BANK, daily=10, exam=clock().date() + timedelta(days=18))
    paper = desk.classroom.new_paper(BANK, "Belgrade check", class_name="7B", count=3, modes=(Mode.MC,),
                                     seed=3, show_key=True).code
    desk.close()
    return Home(db_path, clock, codes, paper)


@pytest.fixture
def home(db_path: Path | str, clock: Clock) -> Home:
    return make_home(db_path, clock)


def set_modes(home: Home, name: str, **modes: str) -> None:
    """The student's own study settings (mode_new, mode_review), as their learner app would save them."""
    db = open_db(home.db_path)
    try:
        save_settings(db, ensure_learner(db, name, home.clock).id, **modes)
    finally:
        db.close()
