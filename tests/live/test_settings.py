"""A game's settings: each bad one is a one-line LiveError naming its field; the bank defaults to the
class's active homework's, else the only bank; a teacher reaches only their own classes, papers
and games."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from quiz.classroom import teachers
from quiz.doors.teacher import TeacherDoor
from quiz.errors import LiveError
from quiz.library.banks import import_bank
from quiz.live.model import GameSettings
from tests.live.conftest import BANK, Room

pytestmark = pytest.mark.engines
EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "examples"

BAD = [
    (dict(questions=0), "questions", "between 1 and 50"),
    (dict(questions=51), "questions", "between 1 and 50"),
    (dict(questions="10"), "questions", "a whole number"),
    (dict(questions=True), "questions", "a whole number"),
    (dict(seconds=4), "seconds", "between 5 and 300"),
    (dict(seconds=301), "seconds", "between 5 and 300"),
    (dict(source="random"), "source", "'random' is not one of weak, due, paper"),
    (dict(source="paper"), "paper", "give the paper's code with source paper"),
    (dict(source="weak", paper="ABCDEF"), "paper", "given only with source paper"),
    (dict(source="paper", paper="NOSUCH"), "paper", "no paper 'NOSUCH'"),
    (dict(class_name="9z"), "class_name", "no class '9z'"),
    (dict(class_name="  "), "class_name", "a class needs a name"),
    (dict(class_name="empty"), "class_name", "class 'empty' has no students"),
    (dict(bank="no-such-bank"), "bank", "no bank called 'no-such-bank'"),
]


@pytest.mark.parametrize(("settings", "field", "message"), BAD, ids=[f"{f}-{i}" for i, (_, f, _) in enumerate(BAD)])
def test_a_bad_setting_is_one_line_naming_its_field(room: Room, settings: dict, field: str, message: str) -> None:
    room.teacher.classroom.new_class("empty")
    with pytest.raises(LiveError) as raised:
        room.host.create(GameSettings(**{"class_name": "7b", **settings}), seed=1)
    error = raised.value
    assert error.field == field and message in str(error) and "\n" not in str(error)
    assert str(error).startswith(field.replace("_", " ") + ": ")
    assert error.exit_code == 2
    assert room.host.games() == []


def test_the_bank_is_the_homeworks_else_the_only_one(room: Room) -> None:
    assert room.host.create(GameSettings("7b", questions=1), seed=1).bank == BANK  # the only bank
    import_bank(room.db, EXAMPLES / "teacher-bank.csv", name="my-class")
    with pytest.raises(LiveError, match="bank: class '7b' has no homework to take a bank from: give bank"):
        room.host.create(GameSettings("7b", questions=1), seed=1)
    assert room.host.create(GameSettings("7b", bank="my-class", questions=1), seed=1).bank == "my-class"
    room.teacher.homework.set("7b", "my-class", exam=room.clock().date() + timedelta(days=9))
    assert room.host.create(GameSettings("7b", questions=1), seed=1).bank == "my-class"
    made = room.teacher.classroom.new_paper(BANK, "Check", class_name="7b", count=2, seed=1)
    with pytest.raises(LiveError, match=f"bank: paper {made.code} is on bank '{BANK}'"):
        room.host.create(GameSettings("7b", source="paper", paper=made.code, bank="my-class"))


@pytest.fixture
def two_teachers(db_path, clock, monkeypatch: pytest.MonkeyPatch):
    """Ana's and Ben's doors, each with a class 7b of their own students."""
    monkeypatch.setattr(teachers, "PASSWORD_N", 2**10)
    admin = TeacherDoor(db_path, None, clock=clock)
    for name in ("Ana", "Ben"):
        admin.accounts.add(name, f"{name}-secret-1")
    admin.close()
    ana, ben = TeacherDoor(db_path, "Ana", clock=clock), TeacherDoor(db_path, "Ben", clock=clock)
    for door, students in ((ana, ["Ivo"]), (ben, ["Mila"])):
        door.classroom.new_class("7b")
        door.classroom.add_students("7b", students)
    yield ana, ben
    ana.close()
    ben.close()


def test_a_teacher_reaches_only_their_own_classes_papers_and_games(two_teachers) -> None:
    ana, ben = two_teachers
    paper = ben.classroom.new_paper(BANK, "Ben's", class_name="7b", count=2, seed=1).code
    with pytest.raises(LiveError, match=f"no paper '{paper}'"):
        ana.live.create(GameSettings("7b", source="paper", paper=paper))
    game = ana.live.create(GameSettings("7b", questions=2), seed=1)
    assert game.class_name == "7b" and [g.code for g in ana.live.games()] == [game.code] and ben.live.games() == []
    for move in (ben.live.view, ben.live.open_next, ben.live.reveal, ben.live.tick, ben.live.end, ben.live.report):
        with pytest.raises(LiveError, match=f"no live game {game.code}"):
            move(game.code)


def test_a_game_follows_its_class_to_another_teacher(db_path, clock, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(teachers, "PASSWORD_N", 2**10)
    admin = TeacherDoor(db_path, None, clock=clock)
    admin.accounts.add("Ana", "ana-secret-1")
    admin.accounts.add("Ben", "ben-secret-1")
    ana, ben = TeacherDoor(db_path, "Ana", clock=clock), TeacherDoor(db_path, "Ben", clock=clock)
    ana.classroom.new_class("8b")
    ana.classroom.add_students("8b", ["Ivo"])
    code = ana.live.create(GameSettings("8b", questions=1), seed=1).code
    admin.accounts.remove("Ana", to="Ben")
    assert [g.code for g in ben.live.games()] == [code] and ben.live.view(code).class_name == "8b"
    for door in (admin, ana, ben):
        door.close()
