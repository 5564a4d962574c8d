"""QA findings on `quiz bank export` / `quiz paper export`: options that do not apply are refused,
a path that cannot be written is named, and Kahoot's advice is one a paper can follow."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from quiz.cli import main
from quiz.doors.teacher import TeacherDoor
from quiz.model import Mode


@pytest.fixture
def run(tmp_path: Path):
    def invoke(*args: str) -> Result:
        return CliRunner().invoke(main, ["--db", str(tmp_path / "quiz.db"), *args])

    return invoke


def _one_line_exit_2(result: Result, *words: str) -> str:
    lines = result.output.strip().splitlines()
    assert result.exit_code == 2, result.output
    assert len(lines) == 1 and lines[0].startswith("quiz: "), result.output
    assert all(word in lines[0] for word in words), result.output
    return lines[0]


@pytest.mark.parametrize("fmt", ["csv", "gift", "pdf"])
def test_skip_too_long_is_for_kahoot_only(run, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / "x.out"
    _one_line_exit_2(run("bank", "export", "belgrade-offensive", "-f", fmt, "--skip-too-long", "-o", str(out)),
                     "--skip-too-long", "kahoot")
    assert not out.exists()


def test_print_options_refused_in_one_line(run, tmp_path: Path) -> None:
    _one_line_exit_2(run("bank", "export", "belgrade-offensive", "-f", "gift", "--key", "-o", str(tmp_path / "x")),
                     "--key")


def test_an_output_folder_that_does_not_exist_is_named(run, tmp_path: Path) -> None:
    target = tmp_path / "nonexistent" / "dir" / "x.csv"
    _one_line_exit_2(run("bank", "export", "belgrade-offensive", "-f", "csv", "-o", str(target)), str(target))


def test_kahoot_advice_for_a_typed_paper_is_one_a_paper_can_follow(run, tmp_path: Path) -> None:
    desk = TeacherDoor(tmp_path / "quiz.db", "teacher")
    code = desk.classroom.new_paper("belgrade-offensive", "Typed", count=3, modes=(Mode.TYPED,), seed=1).code
    desk.close()
    line = _one_line_exit_2(run("paper", "export", code, "-f", "kahoot", "-o", str(tmp_path / "k.xlsx")),
                            "not multiple choice", "--modes mc", "--skip-too-long")
    assert "--mode mc" not in line.replace("--modes mc", "")
    bank = _one_line_exit_2(run("bank", "export", "belgrade-offensive", "-f", "kahoot", "--mode", "typed",
                                "-o", str(tmp_path / "k.xlsx")), "--mode mc")
    assert "--modes" not in bank


def test_one_question_is_singular(run, tmp_path: Path) -> None:
    desk = TeacherDoor(tmp_path / "quiz.db", "teacher")
    code = desk.classroom.new_paper("belgrade-offensive", "One", count=1, seed=1).code
    desk.close()
    out = tmp_path / "one.csv"
    result = run("paper", "export", code, "-f", "csv", "-o", str(out))
    assert result.exit_code == 0 and f"wrote {out}: 1 question (" in result.output
