from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from quiz.doors.teacher import TeacherDoor
from quiz.exports import ExportSet


@pytest.fixture
def desk(tmp_path: Path) -> Iterator[TeacherDoor]:
    made = TeacherDoor(tmp_path / "quiz.db", "teacher")
    yield made
    made.close()


@pytest.fixture
def builtin_set(desk: TeacherDoor) -> ExportSet:
    """The built-in bank, multiple choice and typed: what a teacher exports first."""
    from quiz.model import Mode

    return desk.exports.bank_set("belgrade-offensive", modes=(Mode.MC, Mode.TYPED))
