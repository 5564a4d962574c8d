"""Fixtures for the study app: a temporary database holding a small bank, a fixed clock, an app."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.clock import Clock
from tests.support.screens import BANK, LEARNER, prepare_db


@pytest.fixture
def db_path(tmp_path: Path, clock: Clock) -> Path:
    """A database holding the app tests' bank, the learner's day pinned to UTC."""
    return prepare_db(tmp_path / "quiz.db", clock)


@pytest.fixture
def make_app(db_path: Path, clock: Clock):
    """`make_app(bank=BANK, **settings)`: the app on the temp database with the fixed clock and seed."""
    from quiz.doors.learner import LearnerDoor
    from quiz.library.learners import ensure_learner
    from quiz.library.preferences import save_settings
    from quiz.store import open_db
    from quiz.tui.app import QuizApp

    def make(bank: str | None = BANK, **settings) -> QuizApp:
        if settings:
            db = open_db(db_path)
            save_settings(db, ensure_learner(db, LEARNER, clock).id, **settings)
            db.close()
        return QuizApp(LearnerDoor(db_path, LEARNER, clock=clock, seed=1), bank=bank)

    return make
