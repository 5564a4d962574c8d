"""`quiz --db postgresql://... demo` then `stats --class demo --json` equals the same demo on SQLite."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from quiz.cli import main
from tests.support.engines import fresh_postgres

pytestmark = pytest.mark.postgres
DEMO = ["demo", "--students", "5", "--days", "10", "--seed", "3"]


@pytest.fixture
def pg_url() -> Iterator[str]:
    yield from fresh_postgres()


@pytest.fixture
def pg_url_2() -> Iterator[str]:
    yield from fresh_postgres()


def run(location: str | Path, *args: str) -> str:
    result = CliRunner().invoke(main, ["--db", str(location), *args])
    assert result.exit_code == 0, result.output
    return result.output


def masked(text: str, codes: list[str]) -> str:
    """Paper codes are drawn from `secrets` (never from the seed): the same demo gets other codes."""
    for number, code in enumerate(codes):
        text = text.replace(code, f"PAPER{number}")
    return text


def teacher_reads(location: str | Path) -> list[str]:
    """The class's statistics, each student's, and each paper's results, paper codes masked."""
    papers = [p["code"] for p in json.loads(run(location, "paper", "list", "--json"))]
    texts = [run(location, "stats", "--class", "demo", "--json")]
    names = [s["name"] for s in json.loads(texts[0])["students"]]
    texts += [run(location, "stats", "--learner", name, "--json") for name in names]
    texts += [run(location, "paper", "results", code, "--json") for code in papers]
    assert len(papers) == 2 and len(names) == 5
    return [masked(text, papers) for text in texts]


def test_demo_on_postgresql_reads_as_on_sqlite(pg_url: str, pg_url_2: str, tmp_path: Path) -> None:
    for url in (pg_url, pg_url_2):  # the demo ends at this hour: again if the hour turned meanwhile
        hour = datetime.now(UTC).replace(minute=0, second=0, microsecond=0)
        said = run(url, *DEMO)
        sqlite_path = tmp_path / f"demo-{hour:%H}.db"
        run(sqlite_path, *DEMO)
        if datetime.now(UTC).replace(minute=0, second=0, microsecond=0) == hour:
            break
    assert "class 'demo' in postgresql://" in said
    assert re.search(r"\d+ reviews", said)
    assert teacher_reads(url) == teacher_reads(sqlite_path)


def test_demo_refuses_a_postgresql_database_with_rows(pg_url: str) -> None:
    run(pg_url, *DEMO)
    result = CliRunner().invoke(main, ["--db", pg_url, *DEMO])
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "is not empty (the table learners has rows)" in lines[0]
    assert "the demo goes only into an empty PostgreSQL database" in lines[0]
