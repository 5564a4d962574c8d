"""`quiz class …` and `quiz paper …` through click's CliRunner: codes printed once, the documented
JSON, and every bad input as one line with exit 2."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from quiz.classroom import Classroom
from quiz.cli import main
from quiz.errors import ClassroomError
from quiz.store import open_db
from tests.classroom.conftest import BANK


@pytest.fixture
def run(db_path: Path, monkeypatch):
    monkeypatch.setenv("QUIZ_LEARNER", "teacher")

    def invoke(*args: str, input: str | None = None) -> Result:
        return CliRunner().invoke(main, ["--db", str(db_path), *args], input=input)

    return invoke


def test_a_class_with_codes_printed_once(run) -> None:
    assert run("class", "new", "7B").exit_code == 0
    added = run("class", "add", "7B", "Ana", "Boris", "--json")
    assert added.exit_code == 0, added.output
    rows = json.loads(added.output)
    assert [r["name"] for r in rows] == ["Ana", "Boris"] and all(len(r["code"]) == 6 for r in rows)
    shown = run("class", "show", "7B", "--json")
    assert json.loads(shown.output) == {"name": "7B", "students": ["Ana", "Boris"]}
    assert rows[0]["code"] not in run("class", "show", "7B").output
    assert json.loads(run("class", "list", "--json").output) == [{"name": "7B", "students": 2}]
    fresh = json.loads(run("class", "reset-code", "7B", "Ana", "--json").output)
    assert fresh[0]["name"] == "Ana" and fresh[0]["code"] != rows[0]["code"]


def test_paper_new_list_show_delete(run) -> None:
    made = run("paper", "new", "--bank", BANK, "--title", "Week 3", "--count", "5", "--time-limit", "15m",
               "--attempts", "2", "--opens", "2026-12-01 14:00", "--json")
    assert made.exit_code == 0, made.output
    paper = json.loads(made.output)
    assert set(paper) == {"code", "title", "questions"} and paper["questions"] == 5
    listed = json.loads(run("paper", "list", "--json").output)
    assert [p["code"] for p in listed] == [paper["code"]] and listed[0]["time_limit_s"] == 900
    shown = json.loads(run("paper", "show", paper["code"], "--json").output)
    assert "answer" not in shown["questions"][0]
    keyed = json.loads(run("paper", "show", paper["code"], "--key", "--json").output)
    assert keyed["questions"][0]["answer"]
    text = run("paper", "show", paper["code"], "--copy", "1").output
    assert "1. " in text and "a) " in text
    assert run("paper", "delete", paper["code"], input="n\n").exit_code == 1
    deleted = run("paper", "delete", paper["code"], "--yes")
    assert deleted.exit_code == 0 and json.loads(run("paper", "list", "--json").output) == []


def test_results_json_csv_and_override(run, db_path: Path) -> None:
    run("class", "new", "7B")
    codes = {r["name"]: r["code"] for r in json.loads(run("class", "add", "7B", "Ana", "Boris", "--json").output)}
    code = json.loads(run("paper", "new", "--bank", BANK, "--title", "T", "--class", "7B", "--count", "3",
                          "--seed", "4", "--json").output)["code"]
    db = open_db(db_path)
    room = Classroom(db)
    paper = room.paper(code)
    for name in codes:
        view = room.start_attempt(code, name, codes[name])
        room.answer(view.attempt_id, 0, paper.questions[0].answer)
        room.submit(view.attempt_id)
    db.close()
    report = json.loads(run("paper", "results", code, "--json").output)
    assert set(report) == {"paper", "students", "items", "summary"}
    assert set(report["students"][0]) >= {"name", "score", "max", "seconds", "answers"}
    assert set(report["students"][0]["answers"][0]) >= {"question", "given", "verdict"}
    assert set(report["items"][0]) >= {"question", "facility", "discrimination", "options"}
    assert set(report["items"][0]["options"][0]) == {"text", "correct", "chosen", "point_biserial"}
    assert set(report["summary"]) >= {"mean", "median", "sd", "alpha", "attempts"}
    table = list(csv.DictReader(io.StringIO(run("paper", "results", code, "--csv").output)))
    assert len(table) == 6
    assert "facility" in run("paper", "results", code).output
    overridden = run("paper", "override", code, "Boris", "2", "correct", "--by", "Ms P")
    assert overridden.exit_code == 0, overridden.output
    boris = json.loads(run("paper", "results", code, "--json").output)["students"][1]
    assert boris["score"] == 2.0 and boris["answers"][1]["override"]["by"] == "Ms P"
    assert "facility" in run("paper", "results", "--help").output  # the contract is documented


@pytest.mark.parametrize(
    "args",
    [
        ("class", "add", "nope", "Ana"),
        ("class", "add", "7B"),
        ("class", "add", "7B", "Ana", "Ana"),
        ("class", "add", "7B", "--roster", "missing.csv"),
        ("class", "new", "   "),
        ("class", "show", "8C"),
        ("class", "reset-code", "7B", "Zoran"),
        ("paper", "new", "--title", "T"),
        ("paper", "new", "--bank", BANK),
        ("paper", "new", "--bank", "no-such-bank", "--title", "T"),
        ("paper", "new", "--bank", BANK, "--title", "T", "--count", "x"),
        ("paper", "new", "--bank", BANK, "--title", "T", "--time-limit", "soon"),
        ("paper", "new", "--bank", BANK, "--title", "T", "--opens", "2026-13-01 14:00"),
        ("paper", "new", "--bank", BANK, "--title", "T", "--kinds", "ships"),
        ("paper", "new", "--bank", BANK, "--title", "T", "--options", "12"),
        ("paper", "new", "--bank", BANK, "--title", "T", "--class", "9Z"),
        ("paper", "show", "NOPE00"),
        ("paper", "show", "NOPE00", "--copy", "-1"),
        ("paper", "results", "NOPE00"),
        ("paper", "results", "NOPE00", "--json", "--csv"),
        ("paper", "override", "NOPE00", "Ana", "1", "correct"),
        ("paper", "override", "NOPE00", "Ana", "one", "correct"),
        ("paper", "delete", "NOPE00", "--yes"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(run, args: tuple[str, ...]) -> None:
    run("class", "new", "7B")
    result = run(*args)
    lines = result.output.strip().splitlines()
    assert result.exit_code in (1, 2), result.output
    assert len(lines) == 1 and lines[0].startswith("quiz: "), result.output
    assert "Traceback" not in result.output
    assert result.exit_code == 2  # a roster that is not there is bad input too


def test_results_csv_never_plants_a_formula(run, db_path: Path) -> None:
    """A student who types a formula as an answer gets it shown as text in the teacher's sheet."""
    run("class", "new", "7C")
    codes = {r["name"]: r["code"] for r in json.loads(run("class", "add", "7C", "Eve", "--json").output)}
    code = json.loads(run("paper", "new", "--bank", BANK, "--title", "T", "--class", "7C", "--count", "2",
                          "--modes", "typed", "--seed", "4", "--json").output)["code"]
    db = open_db(db_path)
    room = Classroom(db)
    view = room.start_attempt(code, "Eve", codes["Eve"])
    room.answer(view.attempt_id, 0, '=HYPERLINK("http://evil.example","click")')
    room.submit(view.attempt_id)
    db.close()
    rows = list(csv.DictReader(io.StringIO(run("paper", "results", code, "--csv").output)))
    given = [row["given"] for row in rows if row["given"]]
    assert given == ['\'=HYPERLINK("http://evil.example","click")']


def test_class_unlock_lets_a_locked_student_sign_in_again(run, db_path: Path) -> None:
    run("class", "new", "8S")
    code = json.loads(run("class", "add", "8S", "Mila Petrović", "--json").output)[0]["code"]
    paper = json.loads(run("paper", "new", "--bank", BANK, "--title", "T", "--class", "8S", "--count", "3",
                           "--json").output)["code"]
    db = open_db(db_path)
    room = Classroom(db)
    try:
        for _ in range(5):
            with pytest.raises(ClassroomError):
                room.start_attempt(paper, "mila petrovic", "AAAAAA")
        with pytest.raises(ClassroomError, match="too many wrong codes for Mila Petrović"):
            room.start_attempt(paper, "Mila Petrović", code)
        unlocked = run("class", "unlock", "8S", "mila petrovic")
        assert unlocked.exit_code == 0 and unlocked.output == "Mila Petrović can sign in again.\n"
        assert room.start_attempt(paper, "Mila Petrović", code).student == "Mila Petrović"
        assert "was not locked" in run("class", "unlock", "8S", "Mila Petrović").output
        refused = run("class", "unlock", "8S", "Zoran")
        assert refused.exit_code == 2 and refused.output.count("\n") == 1 and "not in class '8S'" in refused.output
        assert "was not locked" in run("class", "unlock-address", "10.0.0.7").output
    finally:
        db.close()
