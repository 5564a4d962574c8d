"""Fixtures every test folder shares: a hand-moved clock and a temporary database path."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.clock import Clock


@pytest.fixture
def clock() -> Clock:
    """10:00 UTC on 2 March 2026; tests pin the learner's zone to UTC so "today" is predictable."""
    return Clock()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "quiz.db"
