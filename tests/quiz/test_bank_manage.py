"""Managing imported banks from the command line: rename (history follows), remove (history kept
unless --purge); built-in banks are left alone."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from quiz.cli import main
from quiz.study.session import StudySession
from tests.support.clock import Clock

pytestmark = pytest.mark.engines

EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "examples"


def quiz(db: Path, *args: str, stdin: str | None = None) -> Result:
    return CliRunner().invoke(main, ["--db", str(db), *args], input=stdin)


def _studied(db: Path, clock: Clock) -> int:
    assert quiz(db, "bank", "import", str(EXAMPLES / "civil-war.csv"), "--entities",
                str(EXAMPLES / "civil-war-entities.csv")).exit_code == 0
    with StudySession(db, "ann", "civil-war", clock=clock, seed=1) as session:
        for _ in range(3):
            assert session.current is not None
            session.answer(session.current.question.answer)
            session.advance()
    return 3


def _bank_row(db: Path, name: str) -> dict | None:
    report = json.loads(quiz(db, "status", "--learner", "ann", "--json").output)
    return next((b for b in report["banks"] if b["name"] == name), None)


def test_rename_keeps_every_review_with_the_bank(db_path: Path, clock: Clock) -> None:
    answered = _studied(db_path, clock)
    result = quiz(db_path, "bank", "rename", "civil-war", "acw")
    assert result.exit_code == 0 and result.output.strip() == "renamed 'civil-war' to 'acw'"
    assert _bank_row(db_path, "civil-war") is None
    row = _bank_row(db_path, "acw")
    assert row is not None and row["reviews_total"] == answered
    with StudySession(db_path, "ann", "acw", clock=clock, seed=1) as session:
        assert session.current is not None  # the renamed bank studies on


def test_rename_refuses_what_it_should(db_path: Path, clock: Clock) -> None:
    _studied(db_path, clock)
    for args, expected in [
        (("belgrade-offensive", "x"), "quiz: 'belgrade-offensive' is a built-in bank and cannot be renamed"),
        (("nope", "x"), "quiz: no bank called 'nope' (see `quiz bank list`)"),
        (("civil-war", "belgrade-offensive"), "quiz: there is a bank called 'belgrade-offensive' already"),
        (("civil-war", "Civil War"), "try 'civil-war'"),
        (("civil-war", "civil-war\n"), "not a slug"),
    ]:
        result = quiz(db_path, "bank", "rename", *args)
        assert result.exit_code == 2, result.output
        assert expected in result.stderr.strip() and len(result.stderr.strip().splitlines()) == 1


def test_remove_keeps_history_unless_purged(db_path: Path, clock: Clock) -> None:
    answered = _studied(db_path, clock)
    assert quiz(db_path, "bank", "remove", "civil-war", stdin="n\n").exit_code == 1  # asked, and kept
    assert _bank_row(db_path, "civil-war") is not None
    result = quiz(db_path, "bank", "remove", "civil-war", "--yes")
    assert result.exit_code == 0 and "its reviews are kept" in result.output
    assert _bank_row(db_path, "civil-war") is None
    report = json.loads(quiz(db_path, "status", "--learner", "ann", "--json").output)
    assert report["reviews_total"] == answered  # history kept

    _studied(db_path, clock)  # imported again: the same facts, the old cards come back
    purged = quiz(db_path, "bank", "remove", "civil-war", "--purge", "--yes")
    assert purged.exit_code == 0 and f"and {2 * answered} reviews" in purged.output
    report = json.loads(quiz(db_path, "status", "--learner", "ann", "--json").output)
    assert report["reviews_total"] == 0
    assert quiz(db_path, "bank", "remove", "belgrade-offensive", "--yes").exit_code == 2


def test_a_title_is_checked_like_any_text(db_path: Path) -> None:
    csv, entities = str(EXAMPLES / "civil-war.csv"), str(EXAMPLES / "civil-war-entities.csv")
    for title, reason in [("Evil\x1b[2J\x07", "control characters"), ("x" * 201, "at most 200")]:
        result = quiz(db_path, "bank", "import", csv, "--entities", entities, "--title", title)
        assert result.exit_code == 2 and reason in result.stderr
    assert "civil-war" not in quiz(db_path, "bank", "list").output  # nothing stored
