"""Fixtures every test folder shares: a hand-moved clock and a temporary database path."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.clock import Clock
from tests.support.engines import engines, fresh_postgres


@pytest.fixture
def clock() -> Clock:
    """10:00 UTC on 2 March 2026; tests pin the learner's zone to UTC so "today" is predictable."""
    return Clock()


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Tests marked `engines` run once per engine (see tests/support/engines.py)."""
    if "db_path" in metafunc.fixturenames and metafunc.definition.get_closest_marker("engines"):
        metafunc.parametrize("db_path", engines(), indirect=True)


@pytest.fixture
def db_path(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Path | str]:
    """A SQLite file; under the `engines` mark, a PostgreSQL URL too (a fresh schema)."""
    if getattr(request, "param", "sqlite") == "postgresql":
        yield from fresh_postgres()
    else:
        yield tmp_path / "quiz.db"
