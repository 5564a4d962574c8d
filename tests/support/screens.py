"""What the study-app tests share: the test bank, a hand-moved clock, a prepared database, and
ways to read what the learner would see and what was stored."""

from __future__ import annotations

import io
import sqlite3
from pathlib import Path

from rich.console import Console

from tests.support.banks import TUI_BANK, TUI_BANK_FILE
from tests.support.clock import Clock

BANK_FILE = TUI_BANK_FILE
BANK = TUI_BANK
LEARNER = "ann"
SIZE = (100, 30)


def prepare_db(path: Path, clock: Clock, **settings) -> Path:
    """A database with the test bank imported and the learner's day pinned to UTC."""
    from quiz.library.banks import import_bank
    from quiz.library.learners import ensure_learner
    from quiz.library.preferences import save_settings
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
