"""Fixtures for the study app: a temporary database holding a small bank, a fixed clock, an app."""

from __future__ import annotations

import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))  # screen_text helper

BANK_FILE = Path(__file__).with_name("tui_bank.toml")
BANK = "tui-sample"
LEARNER = "ann"
START = datetime(2026, 3, 2, 10, 0, tzinfo=timezone.utc)
SIZE = (100, 30)


class Clock:
    """A clock a test moves by hand: tz-aware UTC, never the real time."""

    def __init__(self, start: datetime = START) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kwargs: float) -> datetime:
        self.now += timedelta(**kwargs)
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


def prepare_db(path: Path, clock: Clock, **settings) -> Path:
    """A database with the test bank imported and the learner's day pinned to UTC."""
    from quiz.banks import import_bank
    from quiz.learners import ensure_learner
    from quiz.settings import save_settings
    from quiz.store import open_db

    db = open_db(path)
    import_bank(db, BANK_FILE)
    learner = ensure_learner(db, LEARNER, clock)
    save_settings(db, learner.id, timezone="UTC", **settings)
    db.close()
    return path


@pytest.fixture
def db_path(tmp_path: Path, clock: Clock) -> Path:
    return prepare_db(tmp_path / "quiz.db", clock)


@pytest.fixture
def make_app(db_path: Path, clock: Clock):
    """`make_app(bank=BANK, **settings)`: the app on the temp database with the fixed clock and seed."""
    from quiz.learners import ensure_learner
    from quiz.settings import save_settings
    from quiz.store import open_db
    from quiz.tui.app import QuizApp

    def make(bank: str | None = BANK, **settings) -> QuizApp:
        if settings:
            db = open_db(db_path)
            save_settings(db, ensure_learner(db, LEARNER, clock).id, **settings)
            db.close()
        return QuizApp(db_path, LEARNER, bank=bank, clock=clock, seed=1)

    return make


def reviews(db_path: Path) -> list[tuple]:
    """(card_id, rating, mode, verdict) of every stored review, oldest first."""
    import sqlite3

    with sqlite3.connect(db_path) as conn:
        return conn.execute("SELECT card_id, rating, mode, verdict FROM reviews ORDER BY id").fetchall()


def suspended(db_path: Path) -> list[int]:
    import sqlite3

    with sqlite3.connect(db_path) as conn:
        return [r[0] for r in conn.execute("SELECT id FROM cards WHERE suspended = 1")]
