"""A class 7b of Ana, Boris and Cvijeta (learners pinned to UTC), a class 8a of Dragan, and Eve in
no class, on the test clock; the teacher's door and each student's door signed in to 7b."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from question_bank.questions import Question
from quiz.doors.student import StudentDoor
from quiz.doors.teacher import TeacherDoor
from quiz.library.learners import ensure_learner
from quiz.library.preferences import save_settings
from quiz.live.game import Games
from quiz.live.model import AskedQuestion, GameSettings, HostView
from quiz.live.service import LiveHost
from quiz.model import Kind, Mode
from quiz.store import Database, open_db
from tests.support.clock import Clock

BANK = "belgrade-offensive"  # the built-in bank
STUDENTS = ("Ana", "Boris", "Cvijeta")


@dataclass
class Room:
    db_path: Path | str
    clock: Clock
    teacher: TeacherDoor
    codes: dict[str, str]  # student -> personal code (7b and 8a)
    doors: dict[str, StudentDoor] = field(default_factory=dict)

    @property
    def host(self) -> LiveHost:
        return self.teacher.live

    @property
    def db(self) -> Database:
        return self.teacher.db

    def start(self, **settings: object) -> HostView:
        """A new game of 7b (seed 1, unless given) with every student of 7b signed in and joined."""
        seed = settings.pop("seed", 1)
        view = self.host.create(GameSettings("7b", **settings), seed=seed)  # type: ignore[arg-type]
        for name in STUDENTS:
            self.student(name, view.code).live_join(view.code)
        return view

    def student(self, name: str, code: str) -> StudentDoor:
        """The student's door, signed in to the class of live game `code`."""
        door = self.doors.get(name)
        if door is None:
            door = self.doors[name] = StudentDoor(self.db_path, clock=self.clock)
            door.live_sign_in(code, name, self.codes[name])
        return door

    def learner_id(self, name: str) -> int:
        return int(self.db.execute("SELECT id FROM learners WHERE name = ?", [name]).fetchone()[0])

    def key(self, code: str, index: int) -> Question:
        """The question behind a game's question (its key): read as the host's service reads it."""
        return Games(self.db).need(code).questions[index]

    def right(self, code: str, index: int) -> str:
        return self.key(code, index).answer

    def wrong(self, code: str, index: int) -> str:
        key = self.key(code, index)
        return next(option for option in key.options if option != key.answer)

    def dated_paper(self, count: int) -> str:
        """The code of a paper of `count` typed date questions for 7b whose first key is a whole day
        ("16 October 2014": without its day, a near miss), whatever the bank's dates are."""
        for seed in range(1, 100):
            made = self.teacher.classroom.new_paper(BANK, "Dates", class_name="7b", count=count, seed=seed,
                                                    kinds=(Kind.DATE,), modes=(Mode.TYPED,))
            if re.fullmatch(r"\d{1,2} [A-Z][a-z]+ \d{4}", made.questions[0].answer):
                return made.code
        raise AssertionError("no paper seed gives a whole day first")

    def close(self) -> None:
        for door in self.doors.values():
            door.close()
        self.teacher.close()


def pin_to_utc(db_path: Path | str, clock: Clock, *names: str) -> None:
    db = open_db(db_path)
    try:
        for name in names:
            save_settings(db, ensure_learner(db, name, clock).id, timezone="UTC")
    finally:
        db.close()


@pytest.fixture
def room(db_path: Path | str, clock: Clock):
    pin_to_utc(db_path, clock, *STUDENTS, "Dragan", "Eve")
    teacher = TeacherDoor(db_path, "teacher", clock=clock)
    teacher.classroom.new_class("7b")
    codes = dict(teacher.classroom.add_students("7b", list(STUDENTS)))
    teacher.classroom.new_class("8a")
    codes |= dict(teacher.classroom.add_students("8a", ["Dragan"]))
    made = Room(db_path, clock, teacher, codes)
    yield made
    made.close()


def option_number(question: AskedQuestion, text: str) -> str:
    return str(question.options.index(text) + 1)
