"""What the study-app tests share: the test bank, a hand-moved clock, a prepared database, and
ways to read what the learner would see and what was stored."""

from __future__ import annotations

import io
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from rich.console import Console

BANK_FILE = Path(__file__).with_name("tui_bank.toml")
BANK = "tui-sample"
LEARNER = "ann"
START = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)
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


def reviews(db_path: Path) -> list[tuple]:
    """(card_id, rating, mode, verdict) of every stored review, oldest first."""
    with sqlite3.connect(db_path) as conn:
        return conn.execute("SELECT card_id, rating, mode, verdict FROM reviews ORDER BY id").fetchall()


def suspended(db_path: Path) -> list[int]:
    with sqlite3.connect(db_path) as conn:
        return [r[0] for r in conn.execute("SELECT id FROM cards WHERE suspended = 1")]


def screen_text(app) -> str:
    """The current screen as plain text, for assertions on what a learner would read."""
    width, height = app.size
    console = Console(width=width, height=height, file=io.StringIO(), force_terminal=True,
                      color_system="truecolor", record=True, legacy_windows=False, safe_box=False)
    console.print(app.screen._compositor.render_update(full=True, screen_stack=app._background_screens))
    return console.export_text(styles=False)
