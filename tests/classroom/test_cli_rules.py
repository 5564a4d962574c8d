"""QA findings on `quiz class` and `quiz paper`: a safe --by, no paper closed on arrival, the rules
shown, overrides and absentees in the results text, a missing roster as bad input, plurals."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from quiz.classroom import Classroom
from quiz.cli import main
from quiz.store import open_db
from tests.classroom.conftest import BANK


@pytest.fixture
def run(db_path: Path, monkeypatch):
    monkeypatch.setenv("QUIZ_LEARNER", "teacher")

    def invoke(*args: str, input: str | None = None) -> Result:
        return CliRunner().invoke(main, ["--db", str(db_path), *args], input=input)

    return invoke


def _one_line_exit_2(result: Result, *words: str) -> None:
    lines = result.output.strip().splitlines()
    assert result.exit_code == 2, result.output
    assert len(lines) == 1 and lines[0].startswith("quiz: "), result.output
    assert all(word in lines[0] for word in words), result.output


def _class_paper(run, db_path: Path, *more: str) -> str:
    """Class 7B (Ana, Boris, Cvijeta) and a 3-question paper for it that Ana and Boris have taken."""
    run("class", "new", "7B")
    codes = {r["name"]: r["code"] for r in json.loads(run("class", "add", "7B", "Ana", "Boris", "Cvijeta",
                                                          "--json").output)}
    made = run("paper", "new", "--bank", BANK, "--title", "T", "--class", "7B", "--count", "3", "--seed", "4",
               *more, "--json")
    assert made.exit_code == 0, made.output
    code = json.loads(made.output)["code"]
    db = open_db(db_path)
    room = Classroom(db)
    paper = room.paper(code)
    for name in ("Ana", "Boris"):
        view = room.start_attempt(code, name, codes[name])
        room.answer(view.attempt_id, 0, paper.questions[0].answer)
        room.submit(view.attempt_id)
    db.close()
    return code


@pytest.mark.parametrize("by", ["x\x1b[2J", "Ms\x9bP", "x" * 65])
def test_override_by_refuses_control_characters_and_long_names(run, db_path: Path, by: str) -> None:
    code = _class_paper(run, db_path)
    _one_line_exit_2(run("paper", "override", code, "Boris", "2", "correct", "--by", by), "--by")
    report = json.loads(run("paper", "results", code, "--json").output)
    assert all(a["override"] is None for s in report["students"] for a in s["answers"])


def test_a_closing_time_in_the_past_is_refused(run) -> None:
    _one_line_exit_2(run("paper", "new", "--bank", BANK, "--title", "T", "--closes", "2020-01-01"),
                     "--closes", "past")
    _one_line_exit_2(run("paper", "new", "--bank", BANK, "--title", "T", "--opens", "2099-01-02",
                         "--closes", "2099-01-01"), "--closes")
    assert json.loads(run("paper", "list", "--json").output) == []


def test_a_closing_time_before_the_clock_is_refused(room, clock) -> None:
    from quiz.errors import ClassroomError

    with pytest.raises(ClassroomError, match="already past"):
        room.new_paper(BANK, "Late", count=2, closes=clock.now - timedelta(minutes=1))
    assert room.new_paper(BANK, "Soon", count=2, closes=clock.now + timedelta(minutes=1)).closes


def test_show_prints_the_rules(run) -> None:
    run("class", "new", "7B")
    closes = (datetime.now(UTC) + timedelta(days=30)).replace(second=0, microsecond=0)
    made = run("paper", "new", "--bank", BANK, "--title", "Week 3", "--class", "7B", "--count", "4",
               "--practice", "--draw", "2", "--opens", "2026-12-01T14:00Z", "--closes", closes.isoformat(),
               "--time-limit", "1h30m", "--attempts", "3", "--show-key", "--json")
    assert made.exit_code == 0, made.output
    text = run("paper", "show", json.loads(made.output)["code"]).output
    assert "class: 7B" in text and "practice: yes" in text and "each student gets 2 of the questions" in text
    assert "opens: 2026-12-01 14:00 UTC" in text and f"closes: {closes:%Y-%m-%d %H:%M} UTC" in text
    assert "time limit: 1h30m" in text and "attempts: 3" in text and "show key: yes" in text
    assert "attempt(s)" not in text
    plain = run("paper", "show", json.loads(run("paper", "new", "--bank", BANK, "--title", "P", "--count", "1",
                                                 "--json").output)["code"]).output
    assert "practice: no" in plain and "draw: no" in plain and "time limit: none" in plain
    assert "attempts: 1" in plain and "show key: no" in plain and "(belgrade-offensive, 1 question)" in plain


def test_results_text_marks_overrides_and_lists_who_has_not_taken_it(run, db_path: Path) -> None:
    code = _class_paper(run, db_path)
    assert run("paper", "override", code, "Boris", "2", "correct", "--by", "Ms P").exit_code == 0
    text = run("paper", "results", code).output
    assert "question 2: correct (override by Ms P; marked " in text
    assert "not taken: Cvijeta" in text and "Ana," not in text.split("not taken:")[1].splitlines()[0]


def test_a_missing_roster_is_bad_input_naming_the_file(run, tmp_path: Path) -> None:
    run("class", "new", "8a")
    missing = tmp_path / "nonexist.csv"
    _one_line_exit_2(run("class", "add", "8a", "--roster", str(missing)), f"{missing}: ")


def test_declining_to_delete_says_so(run) -> None:
    code = json.loads(run("paper", "new", "--bank", BANK, "--title", "T", "--count", "1", "--json").output)["code"]
    kept = run("paper", "delete", code, input="n\n")
    assert kept.exit_code == 1 and "not deleted" in kept.output
    assert len(json.loads(run("paper", "list", "--json").output)) == 1


def test_counts_are_singular_for_one(run) -> None:
    run("class", "new", "8a")
    run("class", "add", "8a", "Ana")
    assert "(1 student)" in run("class", "list").output
    assert "8a: 1 student" in run("class", "show", "8a").output
    made = run("paper", "new", "--bank", BANK, "--title", "One", "--count", "1")
    assert "(1 question from" in made.output
    assert "  1 question  " in run("paper", "list").output


def test_a_roster_with_two_bad_rows_counts_one_more(run, tmp_path: Path) -> None:
    run("class", "new", "8a")
    roster = tmp_path / "r.csv"
    roster.write_text("name\nAna\nAna\nAna\n", encoding="utf-8")
    line = run("class", "add", "8a", "--roster", str(roster)).output
    assert "(and 1 more bad row)" in line
