"""A class 7B of three students (one named like Rich markup) on a SQLite file, games made through
the teacher's door, and ways to wait on the live screens, which ask the game a few times a second."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from quiz.doors.student import StudentDoor
from quiz.doors.teacher import TeacherDoor
from quiz.library.learners import ensure_learner
from quiz.library.preferences import save_settings
from quiz.live.model import GameSettings, HostView, PlayerView, State
from quiz.model import Mode
from quiz.store import open_db
from tests.support.clock import Clock

BANK = "belgrade-offensive"  # the built-in bank: no import needed
STUDENTS = ("Ana", "Boris", "[b]x")
SIZE = (80, 24)


@dataclass
class Room:
    db_path: Path
    clock: Clock
    codes: dict[str, str]

    def teacher(self) -> TeacherDoor:
        return TeacherDoor(self.db_path, "teacher", clock=self.clock)

    def game(self, **settings: Any) -> HostView:
        """A new game in the lobby (3 questions of 20 s from the class's weakest facts unless said)."""
        options: dict[str, Any] = {"class_name": "7B", "bank": BANK, "questions": 3, "seconds": 20}
        options.update(settings)
        door = self.teacher()
        try:
            return door.live.create(GameSettings(**options), seed=1)
        finally:
            door.close()

    def paper(self, modes: tuple[Mode, ...] = (Mode.TYPED,), count: int = 2) -> str:
        door = self.teacher()
        try:
            return door.classroom.new_paper(BANK, "Live check", class_name="7B", count=count, modes=modes, seed=3).code
        finally:
            door.close()

    def door(self) -> StudentDoor:
        """A student's door signed in to no one: what `quiz live join` and a served tab get."""
        return StudentDoor(self.db_path, clock=self.clock)

    def paper_keys(self, code: str) -> list[str]:
        door = self.teacher()
        try:
            return [question.answer for question in door.classroom.paper(code).questions]
        finally:
            door.close()

    def student(self, name: str, code: str) -> StudentDoor:
        """A student's door signed in to game `code`'s class (not joined yet)."""
        door = self.door()
        door.live_sign_in(code, name, self.codes[name])
        return door

    def join(self, name: str, code: str) -> tuple[StudentDoor, PlayerView]:
        door = self.student(name, code)
        return door, door.live_join(code)

    def host_view(self, code: str) -> HostView:
        door = self.teacher()
        try:
            return door.live.view(code)
        finally:
            door.close()


@pytest.fixture(autouse=True)
def quick_polls(monkeypatch: pytest.MonkeyPatch) -> None:
    """The screens ask the game every 20 ms instead of 250: the tests wait on their answers."""
    monkeypatch.setattr("quiz.tui.screens.live_host.POLL_S", 0.05)
    monkeypatch.setattr("quiz.tui.screens.live_play.POLL_S", 0.05)


def make_room(path: Path, clock: Clock) -> Room:
    db = open_db(path)
    for name in STUDENTS:
        save_settings(db, ensure_learner(db, name, clock).id, timezone="UTC")
    db.close()
    desk = TeacherDoor(path, "teacher", clock=clock)
    desk.classroom.new_class("7B")
    codes = dict(desk.classroom.add_students("7B", list(STUDENTS)))
    desk.close()
    return Room(path, clock, codes)


@pytest.fixture
def room(tmp_path: Path, clock: Clock) -> Room:
    return make_room(tmp_path / "quiz.db", clock)


async def polled(pilot: Any, screen: Any, times: int = 2) -> None:
    """Until the screen has had `times` more views of the game (each after what the test did); an
    ended game is asked no more, so there one view is enough."""
    start = screen.polls
    for _ in range(400):
        await pilot.pause(0.02)
        if screen.polls >= start + times or screen.view.state is State.ENDED:
            await pilot.pause()
            return
    raise AssertionError("the screen never heard from the game")
