"""`quiz homework …` through click's CliRunner: set, list, show, stop, and bad input as one line, exit 2."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner, Result

from quiz.cli import main
from tests.homework.conftest import BANK


@pytest.fixture
def run(db_path, monkeypatch):
    monkeypatch.setenv("QUIZ_LEARNER", "teacher")

    def invoke(*args: str) -> Result:
        return CliRunner().invoke(main, ["--db", str(db_path), *args])

    assert invoke("class", "new", "7b").exit_code == 0
    assert invoke("class", "add", "7b", "Ana", "Boris").exit_code == 0
    return invoke


def test_set_list_show_stop(run) -> None:
    made = run("homework", "set", "--class", "7b", "--bank", BANK, "--kinds", "date,place", "--daily", "5",
               "--exam", "2099-06-01", "--json")
    assert made.exit_code == 0, made.output
    info = json.loads(made.output)
    assert {k: info[k] for k in ("id", "class", "bank", "kinds", "daily", "exam", "active")} == {
        "id": 1, "class": "7b", "bank": BANK, "kinds": ["date", "place"], "daily": 5, "exam": "2099-06-01",
        "active": True}
    assert info["cards_made"] > 0
    listed = run("homework", "list")
    assert listed.exit_code == 0 and "#1  7b  belgrade-offensive  [date,place]  5 new a day  exam 2099-06-01" in listed.output
    assert "active" in listed.output
    shown = json.loads(run("homework", "show", "1", "--json").output)
    (report,) = shown
    total = info["cards_made"] // 2
    assert report["students"] == [
        {"name": "Ana", "started": 0, "total": total, "due_today": 0},
        {"name": "Boris", "started": 0, "total": total, "due_today": 0}]
    text = run("homework", "show", "--class", "7b").output
    assert f"Ana    0/{total} started  0 due today" in text
    stopped = run("homework", "stop", "1")
    assert stopped.exit_code == 0 and "stopped" in stopped.output
    assert json.loads(run("homework", "list", "--json").output)[0]["active"] is False
    plain = run("homework", "set", "--class", "7b", "--bank", BANK)
    assert plain.exit_code == 0 and "[date,unit,place]  own pace  no exam" in plain.output


@pytest.mark.parametrize(("args", "field"), [
    (("set", "--class", "9z", "--bank", BANK), "quiz: --class: no class '9z'"),
    (("set", "--class", "7b", "--bank", "nope"), "quiz: --bank: no bank called 'nope'"),
    (("set", "--class", "7b", "--bank", BANK, "--kinds", "date,colour"), "--kinds"),
    (("set", "--class", "7b", "--bank", BANK, "--exam", "2001-01-01"), "quiz: --exam: 2001-01-01 is in the past"),
    (("set", "--class", "7b", "--bank", BANK, "--exam", "1 June"), "--exam"),
    (("set", "--class", "7b", "--bank", BANK, "--daily", "-1"), "quiz: --daily: new cards a day must be 0 or more"),
    (("set", "--class", "7b", "--bank", BANK, "--retention", "0.95"), "quiz: --retention: is the recall wanted"),
    (("show",), "give a homework ID or --class"),
    (("show", "7"), "no homework 7"),
    (("stop", "7"), "no homework 7"),
])
def test_bad_input_is_one_line_naming_the_field(run, args, field) -> None:
    result = run("homework", *args)
    assert result.exit_code == 2, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("quiz: ") and field in lines[0], lines
    assert json.loads(run("homework", "list", "--json").output) == []
