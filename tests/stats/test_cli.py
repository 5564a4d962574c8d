"""`quiz stats`: the JSON schema, the CSV columns, the tables, and one clear line for bad input."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from quiz.cli import main
from tests.stats import history

KEYS = ["learner", "period", "today", "reviews_per_day", "true_retention", "forecast", "calendar", "hourly",
        "fsrs", "mastery", "hardest", "papers"]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return history.build(tmp_path / "quiz.db")


def run(db: Path, *args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, ["--db", str(db), "stats", *args])


def test_json_has_the_documented_keys(db: Path) -> None:
    result = run(db, "--learner", "ana", "--since", "2026-10-20", "--until", "2026-10-27", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert list(data) == KEYS
    assert data["period"] == {"since": "2026-10-20", "until": "2026-10-27", "bank": None, "timezone": "Europe/Belgrade"}
    assert set(data["today"]) == {"date", "reviews", "passed", "pass_rate", "time_s", "new", "learning", "review",
                                  "relearning"}
    assert data["reviews_per_day"][4] == {"date": "2026-10-24", "learning": 2, "young": 0, "mature": 0,
                                          "relearning": 0, "reviews": 2, "passed": 1, "time_s": 10.0,
                                          "true_retention": None}
    assert [r["period"] for r in data["true_retention"]] == ["today", "yesterday", "week", "month", "year", "all"]
    assert data["true_retention"][5]["total"] == {"reviews": 3, "passed": 2, "rate": 0.6667}
    assert set(data["forecast"]) == {"days", "daily_load"} and len(data["forecast"]["days"]) == 30
    assert data["calendar"]["longest_streak"] == 4 and data["calendar"]["study_days"] == 5
    assert [h["hour"] for h in data["hourly"]] == list(range(24))
    assert set(data["fsrs"]) == {"stability", "difficulty", "retrievability", "known", "known_by_bank", "known_by_kind"}
    assert set(data["mastery"]) == {"desired_retention", "share", "by_kind", "by_bank"}
    assert set(data["mastery"]["by_kind"][0]) == {"name", "cards", "answered", "known", "mastered", "share"}
    assert data["hardest"] == {"facts": [{"bank": "b2", "fact_id": "f3", "statement": "Fact f3", "lapses": 1,
                                          "retrievability": data["hardest"]["facts"][0]["retrievability"],
                                          "leech": False}], "leeches": 0}


def test_csv_is_the_per_day_series(db: Path) -> None:
    result = run(db, "--learner", "ana", "--since", "2026-10-24", "--until", "2026-10-27", "--csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.output)))
    assert rows[0] == ["date", "reviews", "learning", "young", "mature", "relearning", "passed", "time_s",
                       "true_retention"]
    assert rows[1:] == [
        ["2026-10-24", "2", "2", "0", "0", "0", "1", "10.0", ""],
        ["2026-10-25", "1", "0", "1", "0", "0", "1", "5.0", "1.0"],
        ["2026-10-26", "2", "0", "0", "1", "1", "1", "10.0", "0.0"],
        ["2026-10-27", "1", "0", "0", "1", "0", "1", "5.0", "1.0"],
    ]


def test_tables_show_the_numbers(db: Path) -> None:
    result = run(db, "--learner", "ana", "--since", "2026-10-20", "--until", "2026-10-27")
    assert result.exit_code == 0, result.output
    assert "True retention" in result.output and "66.7%" in result.output
    assert "Fact f3" in result.output


@pytest.mark.parametrize(("args", "message"), [
    (["--learner", "nobody"], "quiz: no learner named 'nobody' yet: study first (`quiz study`), or name one "
                              "with --learner (see `quiz learner list`)"),
    (["--learner", "ana", "--bank", "nope"], "quiz: no bank named 'nope'"),
    (["--learner", "ana", "--class", "x"], "quiz: --learner and --class cannot be given together"),
    (["--learner", "ana", "--json", "--csv"], "quiz: --json and --csv cannot be given together"),
    (["--learner", "ana", "--since", "2026-10-27", "--until", "2026-10-01"], "quiz: --since 2026-10-27 is after --until 2026-10-01"),
    (["--class", "nope"], "quiz: no class named 'nope'"),
])
def test_bad_input_is_one_line_and_exit_2(db: Path, args: list[str], message: str) -> None:
    result = run(db, *args)
    assert result.exit_code == 2
    assert result.output.strip().splitlines()[-1] == message
    assert "Traceback" not in result.output


def test_a_bad_date_is_refused_by_click(db: Path) -> None:
    result = run(db, "--learner", "ana", "--since", "yesterday")
    assert result.exit_code == 2
    assert "Invalid value for '--since'" in result.output and "Traceback" not in result.output
