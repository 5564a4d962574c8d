"""`quiz bank …` through click's CliRunner: list, show --json (the documented contract), validate,
import (all or nothing), questions; and where the database lives (--db, $QUIZ_DB, user data dir)."""

from __future__ import annotations

import json
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from platformdirs import user_data_path

from quiz.cli import main

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "docs" / "examples"
BAD_BANK = EXAMPLES / "bad-bank.toml"
TEACHER_CSV = EXAMPLES / "teacher-bank.csv"
BUILTIN = "belgrade-offensive"

DOCUMENTED_KEYS = {"id", "event", "date", "date_precision", "units", "places", "note"}
ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?(/\d{4}(-\d{2}(-\d{2})?)?)?$")
ISO_BY_PRECISION = {
    "day": re.compile(r"^\d{4}-\d{2}-\d{2}$"),
    "month": re.compile(r"^\d{4}-\d{2}$"),
    "year": re.compile(r"^\d{4}$"),
    "range": re.compile(r"^[\d-]+/[\d-]+$"),
}

GOOD_TOML = """\
[bank]
name = "good-bank"
title = "A good bank"
source = "Test source"

[[fact]]
id = "zajecar-taken"
date = "1944-10-07"
subject = "the [64th Rifle Corps]"
verb = "took"
verb_base = "take"
rest = "[Zaječar]"
note = "A note."
"""


@pytest.fixture(autouse=True)
def no_quiz_db_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """A QUIZ_DB in the developer's shell must not leak into these tests."""
    monkeypatch.delenv("QUIZ_DB", raising=False)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "quiz.db"


@pytest.fixture
def quiz(db: Path):
    """Run `quiz --db DB ARGS…` and return click's Result."""
    runner = CliRunner()

    def run(*args: str) -> Result:
        return runner.invoke(main, ["--db", str(db), *map(str, args)])

    return run


def one_error_line(result: Result) -> str:
    """A user error: exit 2, no traceback, one line on stderr and nothing on stdout."""
    assert result.exit_code == 2, result.output
    assert isinstance(result.exception, SystemExit)
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def listed(result: Result) -> dict[str, int]:
    """{bank name: fact count} from `quiz bank list`."""
    assert result.exit_code == 0, result.output
    found = {}
    for line in result.stdout.splitlines():
        match = re.match(r"^(\S+)\s+(\d+) facts?\b", line)
        assert match, line
        found[match.group(1)] = int(match.group(2))
    return found


def stored_rows(db: Path, name: str) -> tuple[int, int]:
    """(banks rows, facts rows) stored under `name`, read straight from SQLite."""
    with sqlite3.connect(db) as conn:
        banks = conn.execute("SELECT count(*) FROM banks WHERE name = ?", [name]).fetchone()[0]
        facts = conn.execute("SELECT count(*) FROM facts WHERE bank = ?", [name]).fetchone()[0]
    return banks, facts


def show_json(quiz, name: str) -> list[dict]:
    result = quiz("bank", "show", name, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


# --- list and show --------------------------------------------------------------------------


def test_list_shows_the_builtin_bank_with_its_fact_count(quiz):
    banks = listed(quiz("bank", "list"))
    assert list(banks) == [BUILTIN]
    assert banks[BUILTIN] == len(show_json(quiz, BUILTIN)) >= 40


def test_list_json(quiz):
    result = quiz("bank", "list", "--json")
    assert result.exit_code == 0, result.output
    (info,) = json.loads(result.stdout)
    assert (info["name"], info["origin"]) == (BUILTIN, "builtin")
    assert info["fact_count"] >= 40


def test_show_json_is_the_documented_contract(quiz):
    facts = show_json(quiz, BUILTIN)
    assert isinstance(facts, list) and facts
    keys = set(facts[0])
    assert DOCUMENTED_KEYS <= keys
    for fact in facts:
        assert set(fact) == keys, fact["id"]
        assert re.fullmatch(r"[a-z0-9][a-z0-9-]*", fact["id"])
        assert ISO_DATE.match(fact["date"]), fact
        assert fact["date_precision"] in ISO_BY_PRECISION, fact
        assert ISO_BY_PRECISION[fact["date_precision"]].match(fact["date"]), fact
        assert isinstance(fact["event"], str) and fact["event"].strip()
        assert "[" not in fact["event"] and "]" not in fact["event"]  # slot markup is rendered
        assert isinstance(fact["note"], str) and fact["note"].strip()
        for key in ("units", "places"):
            assert isinstance(fact[key], list) and all(isinstance(n, str) and n for n in fact[key])
        assert fact["units"] or fact["places"], fact["id"]
    assert len({f["id"] for f in facts}) == len(facts)
    precisions = {f["date_precision"] for f in facts}
    assert {"day", "range"} <= precisions


def test_show_text(quiz):
    result = quiz("bank", "show", BUILTIN)
    assert result.exit_code == 0, result.output
    first_line = result.stdout.splitlines()[0]
    assert re.fullmatch(r".+ \(\d+ facts\)", first_line)
    assert "Source: Wikipedia" in result.stdout


def test_show_unknown_bank_is_one_line(quiz):
    assert one_error_line(quiz("bank", "show", "nosuch")) == (
        "quiz: no bank called 'nosuch' (see `quiz bank list`)"
    )
    assert one_error_line(quiz("bank", "show", "nosuch", "--json")).startswith("quiz: no bank")


# --- validate -------------------------------------------------------------------------------


def test_validate_bad_file_prints_every_problem_and_exits_2(quiz):
    result = quiz("bank", "validate", BAD_BANK)
    assert result.exit_code == 2
    assert isinstance(result.exception, SystemExit)
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines[:5] == [
        f"{BAD_BANK}:9: date: '1944-09-31' is impossible: September 1944 has 30 days",
        f"{BAD_BANK}:19: precision: precision 'day' does not fit '1944-10' (a month)",
        f"{BAD_BANK}:20: subject: unknown unit or place '99th Imaginary Corps'",
        f"{BAD_BANK}:26: note: missing",
        f"{BAD_BANK}:27: id: duplicate id 'september-31' (first at line 8)",
    ]
    # the list of known fields grows with the bank format
    assert lines[5].startswith(f"{BAD_BANK}:33: colour: unknown field (expected: id, date, subject, ")
    assert len(lines) == 6


def test_validate_good_files_exit_0(quiz, tmp_path):
    good = tmp_path / "good-bank.toml"
    good.write_text(GOOD_TOML, encoding="utf-8")
    result = quiz("bank", "validate", good)
    assert result.exit_code == 0, result.output
    assert result.stdout == f"{good}: ok, 1 fact\n"
    result = quiz("bank", "validate", TEACHER_CSV)
    assert result.exit_code == 0, result.output
    assert result.stdout == f"{TEACHER_CSV}: ok, 3 facts\n"


def test_validate_missing_file(quiz, tmp_path):
    missing = tmp_path / "nosuch.toml"
    assert one_error_line(quiz("bank", "validate", missing)) == (
        f"{missing}:0: file: No such file or directory"
    )


def test_validate_does_not_create_a_bank(quiz, db):
    quiz("bank", "validate", TEACHER_CSV)
    assert listed(quiz("bank", "list")).keys() == {BUILTIN}


# --- import ---------------------------------------------------------------------------------


def test_import_csv_then_list_and_show(quiz, db):
    result = quiz("bank", "import", TEACHER_CSV, "--name", "my-class")
    assert result.exit_code == 0, result.output
    assert result.stdout == "imported 'my-class': 3 facts: 3 new\n"
    banks = listed(quiz("bank", "list"))
    assert banks["my-class"] == 3
    assert BUILTIN in banks
    facts = show_json(quiz, "my-class")
    assert [f["id"] for f in facts] == ["nis-freed", "zajecar-taken", "belgrade-freed"]
    assert facts[0]["date"] == "1944-10-14" and facts[0]["date_precision"] == "day"
    assert facts[0]["units"] == ["2nd Bulgarian Army"] and facts[0]["places"] == ["Niš"]
    assert stored_rows(db, "my-class") == (1, 3)


def test_imported_bank_is_usable_for_questions(quiz):
    quiz("bank", "import", TEACHER_CSV, "--name", "my-class")
    result = quiz("bank", "questions", "my-class", "--json")
    assert result.exit_code == 0, result.output
    assert {q["fact_id"] for q in json.loads(result.stdout)} == {
        "nis-freed", "zajecar-taken", "belgrade-freed"
    }


def test_import_toml_uses_its_bank_name(quiz, tmp_path):
    path = tmp_path / "whatever.toml"
    path.write_text(GOOD_TOML, encoding="utf-8")
    result = quiz("bank", "import", path)
    assert result.exit_code == 0, result.output
    assert listed(quiz("bank", "list"))["good-bank"] == 1


def test_import_of_a_broken_file_writes_nothing(quiz, db, tmp_path):
    broken = tmp_path / "broken.csv"
    lines = TEACHER_CSV.read_text(encoding="utf-8").splitlines()
    lines[2] = lines[2].replace("1944-10-07", "1944-09-31")
    broken.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = quiz("bank", "import", broken, "--name", "my-class")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        f"{broken}:3: date: '1944-09-31' is impossible: September 1944 has 30 days"
    ]
    assert "my-class" not in listed(quiz("bank", "list"))
    assert stored_rows(db, "my-class") == (0, 0)
    assert one_error_line(quiz("bank", "show", "my-class")).startswith("quiz: no bank called")


def test_import_of_a_broken_file_keeps_the_earlier_version(quiz, db):
    assert quiz("bank", "import", TEACHER_CSV, "--name", "my-class").exit_code == 0
    result = quiz("bank", "import", BAD_BANK, "--name", "my-class")
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 6
    assert stored_rows(db, "my-class") == (1, 3)
    assert len(show_json(quiz, "my-class")) == 3


def test_import_under_the_builtin_name_fails(quiz, db):
    line = one_error_line(quiz("bank", "import", TEACHER_CSV, "--name", BUILTIN))
    assert line == f"quiz: '{BUILTIN}' is a built-in bank; import it under another name"
    assert listed(quiz("bank", "list"))[BUILTIN] == len(show_json(quiz, BUILTIN))


def test_import_toml_named_like_the_builtin_bank_fails(quiz, tmp_path):
    path = tmp_path / "mine.toml"
    path.write_text(GOOD_TOML.replace('"good-bank"', f'"{BUILTIN}"'), encoding="utf-8")
    assert one_error_line(quiz("bank", "import", path)) == (
        f"quiz: '{BUILTIN}' is a built-in bank; import it under another name"
    )


def test_import_under_a_name_that_is_not_a_slug(quiz, db):
    line = one_error_line(quiz("bank", "import", TEACHER_CSV, "--name", "My Class"))
    assert line.startswith(
        f"{TEACHER_CSV}:1: name: bank name 'My Class' is not a slug (lowercase letters, digits and '-')"
    )
    assert stored_rows(db, "My Class") == (0, 0)


def test_import_missing_file_says_so(quiz, tmp_path):
    missing = tmp_path / "nosuch.csv"
    line = one_error_line(quiz("bank", "import", missing, "--name", "my-class"))
    assert line == f"{missing}:0: file: No such file or directory"


# --- questions ------------------------------------------------------------------------------


def questions(quiz, *args: str) -> list[dict]:
    result = quiz("bank", "questions", BUILTIN, "--json", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.mark.parametrize("n_options", [None, 5])
def test_mc_questions_cover_every_fact_with_one_right_option(quiz, n_options):
    args = ("--mode", "mc") + (("--options", str(n_options)) if n_options else ())
    generated = questions(quiz, *args)
    fact_ids = {f["id"] for f in show_json(quiz, BUILTIN)}
    report = json.loads(quiz("bank", "questions", BUILTIN, "--report", "--json").output)
    withheld = {s["fact_id"] for s in report["slots"] if not s["multiple_choice"]}
    asked = {q["fact_id"] for q in generated}
    # What the gate withheld from multiple choice is in the report, and is still asked typed
    # (unless it reads only with options and no options hide the key's shape: the 1st Proletarian
    # Corps, the one Yugoslav corps with a name). Three in four facts or more are asked with options
    # (33 of 42 at seed 0: the gate's echo and shape rules leave some only typed).
    assert fact_ids - asked <= withheld and len(asked) >= 0.75 * len(fact_ids)
    assert all(s["typed"] or "odd-shape" in s["withheld"]
               for s in report["slots"] if s["asked"] and not s["multiple_choice"])
    expected = n_options or 3
    for q in generated:
        assert q["mode"] == "mc"
        assert len(q["options"]) == expected, q
        assert len(set(q["options"])) == expected, q
        assert q["options"].count(q["answer"]) == 1, q
        assert q["prompt"].strip() and "[" not in q["prompt"]


def test_kind_place_gives_only_place_questions(quiz):
    generated = questions(quiz, "--kind", "place")
    assert generated
    assert {q["kind"] for q in generated} == {"place"}
    assert len({q["mode"] for q in generated}) > 1


def test_same_seed_same_questions_and_other_seeds_differ(quiz):
    first = quiz("bank", "questions", BUILTIN, "--mode", "mc", "--json", "--seed", "7")
    again = quiz("bank", "questions", BUILTIN, "--mode", "mc", "--json", "--seed", "7")
    other = quiz("bank", "questions", BUILTIN, "--mode", "mc", "--json", "--seed", "8")
    assert first.exit_code == again.exit_code == other.exit_code == 0
    assert first.stdout == again.stdout
    assert first.stdout != other.stdout
    text = quiz("bank", "questions", BUILTIN, "--seed", "7")
    assert text.stdout == quiz("bank", "questions", BUILTIN, "--seed", "7").stdout


@pytest.mark.parametrize("bad", [["--options", "2"], ["--options", "6"], ["--kind", "colour"]])
def test_questions_bad_options_are_usage_errors(quiz, bad):
    result = quiz("bank", "questions", BUILTIN, *bad)
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_questions_of_unknown_bank(quiz):
    assert one_error_line(quiz("bank", "questions", "nosuch")).startswith("quiz: no bank called")


# --- where the database lives ---------------------------------------------------------------


def test_db_option_chooses_the_file(quiz, db):
    assert not db.exists()
    listed(quiz("bank", "list"))
    assert db.is_file()


def test_quiz_db_env_var_is_honoured(tmp_path, monkeypatch):
    target = tmp_path / "from-env" / "env.db"
    monkeypatch.setenv("QUIZ_DB", str(target))
    result = CliRunner().invoke(main, ["bank", "import", str(TEACHER_CSV), "--name", "my-class"])
    assert result.exit_code == 0, result.output
    assert target.is_file()
    assert stored_rows(target, "my-class") == (1, 3)


def test_db_option_wins_over_the_env_var(tmp_path, monkeypatch):
    env_db, option_db = tmp_path / "env.db", tmp_path / "option.db"
    monkeypatch.setenv("QUIZ_DB", str(env_db))
    result = CliRunner().invoke(main, ["--db", str(option_db), "bank", "list"])
    assert result.exit_code == 0, result.output
    assert option_db.is_file() and not env_db.exists()


def test_default_db_is_in_the_user_data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    expected = user_data_path("quiz", appauthor=False) / "quiz.db"
    assert tmp_path in expected.parents  # the real home is never touched
    result = CliRunner().invoke(main, ["bank", "list"])
    assert result.exit_code == 0, result.output
    assert expected.is_file()


# --- entry point ----------------------------------------------------------------------------


def test_python_m_quiz_help(tmp_path):
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "QUIZ_DB": str(tmp_path / "q.db")}
    out = subprocess.run(
        [sys.executable, "-m", "quiz", "--help"], cwd=REPO, env=env, capture_output=True, text=True,
        timeout=60,
    )
    assert out.returncode == 0, out.stderr
    assert "Usage:" in out.stdout and "bank" in out.stdout
    assert not (tmp_path / "q.db").exists()
