"""Classes: personal codes printed once and stored salted and hashed; rosters; wrong codes refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.errors import ClassroomError
from tests.classroom.conftest import BANK

pytestmark = pytest.mark.engines


def test_codes_are_short_distinct_and_never_stored(room, codes) -> None:
    assert sorted(codes) == ["Ana", "Boris", "Cvijeta", "Dušan"]
    assert all(len(code) == 6 and code.isalnum() for code in codes.values())
    assert len(set(codes.values())) == 4
    stored = room.db.execute("SELECT code_hash, code_salt FROM class_members").fetchall()
    every_cell = " ".join(hashed + salt for hashed, salt in stored)
    assert not any(code in every_cell or code.lower() in every_cell for code in codes.values())
    assert len({salt for _, salt in stored}) == 4  # a salt each
    assert room.class_info("7B").students == ["Ana", "Boris", "Cvijeta", "Dušan"]  # roster order


def test_wrong_personal_code_is_refused(room, codes) -> None:
    paper = room.new_paper(BANK, "Quiz", class_name="7B", count=3, seed=1)
    with pytest.raises(ClassroomError, match="^name or personal code not recognised"):
        room.start_attempt(paper.code, "Ana", codes["Boris"])
    with pytest.raises(ClassroomError, match="^name or personal code not recognised"):  # the same: no probing names
        room.start_attempt(paper.code, "Zoran", codes["Ana"])
    view = room.start_attempt(paper.code, "Ana", f" {codes['Ana'][:3].lower()}-{codes['Ana'][3:]} ")  # as typed
    assert view.student == "Ana"


def test_reset_code_replaces_the_old_one(room, codes) -> None:
    paper = room.new_paper(BANK, "Quiz", class_name="7B", count=3, seed=1)
    fresh = room.reset_code("7B", "Boris")
    assert fresh != codes["Boris"]
    with pytest.raises(ClassroomError, match="not recognised"):
        room.start_attempt(paper.code, "Boris", codes["Boris"])
    assert room.start_attempt(paper.code, "Boris", fresh).student == "Boris"
    with pytest.raises(ClassroomError, match="not in class"):
        room.reset_code("7B", "Zoran")


def test_students_are_learners_and_a_member_is_added_once(room, codes) -> None:
    names = [n for (n,) in room.db.execute("SELECT name FROM learners ORDER BY name")]
    assert names == ["Ana", "Boris", "Cvijeta", "Dušan"]
    with pytest.raises(ClassroomError, match="'Ana' is already in the class; nothing added"):
        room.add_students("7B", ["Ana", "Eva"])
    assert "Eva" not in room.class_info("7B").students
    with pytest.raises(ClassroomError, match="already exists"):
        room.new_class(" 7B ")
    with pytest.raises(ClassroomError, match="no class '8C'"):
        room.add_students("8C", ["Eva"])


def test_roster_csv(room, tmp_path: Path) -> None:
    room.new_class("8C")
    roster = tmp_path / "roster.csv"
    roster.write_text("surname,name\nPetrović,Eva\n\nJovanović,Goran\n", encoding="utf-8")
    added = room.add_roster("8C", roster)
    assert [name for name, _ in added] == ["Eva", "Goran"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("name,surname\nEva,Ilić\n\n,Petrović\n", "roster.csv:4: name: a learner needs a name"),
        ("Eva\nGoran\nEva\n", "roster.csv:3: name: 'Eva' is already on line 1"),
        ("name\nEva\nIv\x07a\n", "roster.csv:3: name: a "),
        ("name\n", "roster.csv: no student names"),
    ],
)
def test_a_bad_roster_row_is_named_by_line_and_nothing_is_added(room, tmp_path: Path, text: str, message: str) -> None:
    room.new_class("8C")
    roster = tmp_path / "roster.csv"
    roster.write_text(text, encoding="utf-8")
    with pytest.raises(ClassroomError) as caught:
        room.add_roster("8C", roster)
    assert str(caught.value).startswith(f"{roster.parent}/{message}")  # the reason after FILE:LINE: FIELD:
    assert "\n" not in str(caught.value)
    assert room.class_info("8C").students == []
