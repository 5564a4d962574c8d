"""`quiz teacher …` and `--teacher` / QUIZ_TEACHER through click's CliRunner; refused without a
teacher once there are teachers (one line, exit 2); a database without teachers as before."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner, Result

from quiz.cli import main


@pytest.fixture
def run(db_path, monkeypatch):
    monkeypatch.delenv("QUIZ_TEACHER", raising=False)

    def invoke(*args: str, input: str | None = None, env: dict[str, str] | None = None) -> Result:
        return CliRunner().invoke(main, ["--db", str(db_path), *args], input=input, env=env)

    return invoke


def test_teachers_each_see_their_own_classes(run) -> None:
    assert run("class", "new", "old").exit_code == 0  # before teachers: as today
    added = run("teacher", "add", "Ana", "--password-stdin", input="ana-secret-1\n")
    assert added.exit_code == 0, added.output
    assert "quiz --teacher 'Ana'" in added.output and "1 class and 0 papers made before" in added.output
    hidden = run("teacher", "add", "Ben", input="ben-secret-2\nben-secret-2\n")  # asked twice, hidden
    assert hidden.exit_code == 0, hidden.output
    assert "ben-secret-2" not in hidden.output

    refused = run("class", "list")
    assert refused.exit_code == 2
    assert refused.output.count("\n") == 1 and "--teacher NAME" in refused.output and "QUIZ_TEACHER" in refused.output
    unknown = run("--teacher", "Eve", "class", "list")
    assert unknown.exit_code == 2 and "no teacher 'Eve'" in unknown.output

    assert run("--teacher", "Ana", "class", "new", "7b").exit_code == 0
    assert run("class", "new", "7b", env={"QUIZ_TEACHER": "Ben"}).exit_code == 0
    assert run("class", "add", "7b", "Mila", env={"QUIZ_TEACHER": "Ben"}).exit_code == 0
    ana = json.loads(run("--teacher", "Ana", "class", "list", "--json").output)
    ben = json.loads(run("class", "list", "--json", env={"QUIZ_TEACHER": "Ben"}).output)
    assert ana == [{"name": "7b", "students": 0}] and ben == [{"name": "7b", "students": 1}]
    made = run("--teacher", "Ana", "paper", "new", "--bank", "belgrade-offensive", "--title", "T", "--count", "1",
               "--json")
    assert made.exit_code == 0, made.output
    code = json.loads(made.output)["code"]
    other = run("--teacher", "Ben", "paper", "results", code)
    assert other.exit_code == 2 and f"no paper '{code}'" in other.output
    assert json.loads(run("--teacher", "Ben", "paper", "list", "--json").output) == []
    homework = run("--teacher", "Ben", "homework", "set", "--class", "7b", "--bank", "belgrade-offensive")
    assert homework.exit_code == 0, homework.output
    assert "No homework" in run("--teacher", "Ana", "homework", "list").output

    listed = run("teacher", "list")  # the host's own command: no teacher needed
    assert listed.exit_code == 0 and "Ana  (1 class, 1 paper)" in listed.output
    assert "Ben  (1 class, 0 papers)" in listed.output


def test_password_remove_and_bad_input(run) -> None:
    assert run("teacher", "add", "Ana", "--password-stdin", input="ana-secret-1\n").exit_code == 0
    short = run("teacher", "add", "Ben", "--password-stdin", input="short\n")
    assert short.exit_code == 2 and "at least 8 characters" in short.output
    changed = run("teacher", "password", "Ana", "--password-stdin", input="a-new-password\n")
    assert changed.exit_code == 0 and "changed" in changed.output
    missing = run("teacher", "password", "Eve", "--password-stdin", input="whatever-1\n")
    assert missing.exit_code == 2 and "no teacher 'Eve'" in missing.output
    assert run("--teacher", "Ana", "class", "new", "7b").exit_code == 0
    kept = run("teacher", "remove", "Ana")
    assert kept.exit_code == 2 and "still has 1 class and 0 papers" in kept.output
    assert run("teacher", "add", "Ben", "--password-stdin", input="ben-secret-2\n").exit_code == 0
    gone = run("teacher", "remove", "Ana", "--to", "Ben")
    assert gone.exit_code == 0 and "1 class and 0 papers given to 'Ben'" in gone.output
    assert "7b" in run("--teacher", "Ben", "class", "list").output
    assert run("teacher", "remove", "Ben", "--to", "Ben").exit_code == 2


def test_without_teachers_the_teacher_option_only_signs(run) -> None:
    assert "No teachers" in run("teacher", "list").output
    assert run("--teacher", "Ms Smith", "class", "new", "7b").exit_code == 0
    assert "7b" in run("class", "list").output


def test_a_teacher_added_later_adopts_the_classes_nobody_owns(run) -> None:
    """`quiz demo`'s class, or one made before there were teachers, is not stranded once a teacher
    was added without --adopt: `quiz teacher adopt NAME` gives it to them, a class of a name they
    already have excepted."""
    assert run("class", "new", "demo").exit_code == 0
    assert run("class", "new", "7b").exit_code == 0
    added = run("teacher", "add", "Ana", "--password-stdin", input="ana-secret-1\n")
    assert "`quiz teacher adopt NAME`" in added.output
    assert run("--teacher", "Ana", "class", "new", "7b").exit_code == 0
    assert json.loads(run("--teacher", "Ana", "class", "list", "--json").output) == [{"name": "7b", "students": 0}]
    adopted = run("teacher", "adopt", "Ana")
    assert adopted.exit_code == 0, adopted.output
    assert adopted.output == "'Ana' adopted 1 class and 0 papers.\n1 class left unowned: 'Ana' already has classes of the same names.\n"
    names = [c["name"] for c in json.loads(run("--teacher", "Ana", "class", "list", "--json").output)]
    assert sorted(names) == ["7b", "demo"]
    unknown = run("teacher", "adopt", "Eve")
    assert unknown.exit_code == 2 and unknown.output.count("\n") == 1 and "no teacher 'Eve'" in unknown.output
