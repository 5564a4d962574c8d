"""Fixtures for the take and results screens: a class with known personal codes on a temporary
database, papers made from the built-in bank, and the apps on a hand-moved clock."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from quiz.doors.learner import LearnerDoor
from quiz.doors.student import StudentDoor
from quiz.doors.teacher import TeacherDoor
from quiz.model import Mode
from tests.support.clock import Clock

BANK = "belgrade-offensive"  # the built-in bank: no import needed
STUDENTS = ("Ana", "Boris", "Cvijeta")
SIZE = (80, 24)  # a student's terminal, as small as it gets


@dataclass
class Room:
    db_path: Path
    clock: Clock
    codes: dict[str, str]

    def desk(self, teacher: str = "teacher") -> TeacherDoor:
        """The teacher's door (papers, classes, results)."""
        return TeacherDoor(self.db_path, teacher, clock=self.clock)

    def learner_door(self, learner: str = "teacher") -> LearnerDoor:
        return LearnerDoor(self.db_path, learner, clock=self.clock, seed=1)

    def student_door(self) -> StudentDoor:
        """What a take app gets: the student's door and no other."""
        return StudentDoor(self.db_path, clock=self.clock)

    def paper(self, **settings: Any) -> str:
        """A paper for the class (6 questions, mc and typed, key shown unless said); its code."""
        options: dict[str, Any] = {"class_name": "7B", "count": 6, "modes": (Mode.MC, Mode.TYPED), "seed": 3, "show_key": True}
        options.update(settings)
        desk = self.desk()
        try:
            return desk.classroom.new_paper(BANK, "Belgrade check", **options).code
        finally:
            desk.close()

    def key(self, code: str) -> dict[int, str]:
        """Position -> right answer, read on the teacher's side."""
        desk = self.desk()
        try:
            return {n: q.answer for n, q in enumerate(desk.classroom.paper(code).questions)}
        finally:
            desk.close()

    def take_app(self, code: str | None, student: str | None = None):  # type: ignore[no-untyped-def]
        from quiz.tui.take_app import TakeApp

        return TakeApp(self.student_door(), paper_code=code, student=student)


@pytest.fixture
def room(tmp_path: Path, clock: Clock) -> Room:
    path = tmp_path / "quiz.db"
    desk = TeacherDoor(path, "teacher", clock=clock)
    desk.classroom.new_class("7B")
    codes = dict(desk.classroom.add_students("7B", list(STUDENTS)))
    desk.close()
    return Room(path, clock, codes)
