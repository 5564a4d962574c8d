"""`quiz paper new` reads its flags ("15m", "2026-12-01 14:00", "mc,typed") in the CLI: a bad one is
click's one line naming the flag, exit 2; a broken classroom rule comes back spelled as a flag too."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from quiz.cli import main
from quiz.cli.params import parse_choices, parse_duration, parse_when
from quiz.model import Kind, Mode
from tests.classroom.conftest import BANK


@pytest.fixture
def run(db_path: Path, monkeypatch):
    monkeypatch.setenv("QUIZ_LEARNER", "teacher")

    def invoke(*args: str) -> Result:
        return CliRunner().invoke(main, ["--db", str(db_path), *args])

    return invoke


def test_durations_moments_and_lists_are_read() -> None:
    assert parse_duration("15m") == timedelta(minutes=15)
    assert parse_duration("1h30m") == timedelta(hours=1, minutes=30)
    assert parse_duration(" 90s ") == timedelta(seconds=90) and parse_duration("20") == timedelta(minutes=20)
    assert parse_duration("") is None
    assert parse_when("2026-12-01T14:00+01:00") == datetime(2026, 12, 1, 13, 0, tzinfo=UTC)
    assert parse_when("2026-12-01 14:00", timezone(timedelta(hours=2))) == datetime(2026, 12, 1, 12, tzinfo=UTC)
    assert parse_choices("mc, typed,mc", Mode) == (Mode.MC, Mode.TYPED)
    assert parse_choices("place,DATE", Kind) == (Kind.PLACE, Kind.DATE)
    for bad in ("15x", "soon", "h"):
        with pytest.raises(ValueError, match="is not a duration"):
            parse_duration(bad)
    with pytest.raises(ValueError, match="is not a date and time"):
        parse_when("next tuesday")
    with pytest.raises(ValueError, match="'ship' is not one of date, unit, place"):
        parse_choices("date,ship", Kind)
    with pytest.raises(ValueError, match="give at least one"):
        parse_choices(",", Mode)


@pytest.mark.parametrize(
    ("flags", "words"),
    [
        (("--time-limit", "15x"), ("Invalid value for '--time-limit'", "'15x' is not a duration")),
        (("--opens", "next tuesday"), ("'--opens'", "'next tuesday' is not a date and time")),
        (("--kinds", "date,ship"), ("'--kinds'", "'ship' is not one of date, unit, place")),
        (("--count", "many"), ("'--count'", "'many' is not a valid integer")),
        (("--modes", "flip"), ("--modes: 'flip' cannot be on a paper",)),
        (("--time-limit", "0m"), ("--time-limit: a time limit is between",)),
        (("--options", "9"), ("--options: at most 5",)),
        (("--options", "2"), ("--options: must be at least 3",)),
        (("--count", "0"), ("--count: must be at least 1",)),
        (("--attempts", "0"), ("--attempts: must be at least 1",)),
        (("--count", "3", "--draw", "4"), ("--draw: the paper has only 3 questions",)),
        (("--opens", "2099-01-02", "--closes", "2099-01-01"), ("--closes: must come after --opens",)),
        (("--title", "\x07"), ("--title: no control characters",)),
    ],
)
def test_a_bad_flag_is_one_line_naming_it(run, flags: tuple[str, ...], words: tuple[str, ...]) -> None:
    result = run("paper", "new", "--bank", BANK, "--title", "T", *flags)
    lines = result.output.strip().splitlines()
    assert result.exit_code == 2, result.output
    assert len(lines) == 1 and lines[0].startswith("quiz: "), result.output
    assert all(word in lines[0] for word in words), result.output


def test_typed_flags_reach_the_paper(run) -> None:
    made = run("paper", "new", "--bank", BANK, "--title", "T", "--count", "4", "--modes", "mc,typed", "--kinds",
               "date", "--time-limit", "1h30m", "--opens", "2026-12-01T14:00Z", "--seed", "3", "--json")
    assert made.exit_code == 0, made.output
    shown = run("paper", "show", made.output.split('"code": "')[1][:6])
    assert "time limit: 1h30m" in shown.output and "opens: 2026-12-01 14:00 UTC" in shown.output
