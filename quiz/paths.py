"""Where the database lives: --db, then $QUIZ_DB, then the platform's user data dir."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_path

APP_NAME = "quiz"


def default_db_path() -> Path:
    env = os.environ.get("QUIZ_DB")
    if env:
        return Path(env).expanduser()
    return user_data_path(APP_NAME, appauthor=False) / "quiz.db"


def crash_log_path() -> Path:
    """Where the app writes the traceback of a crash (the screen shows one line)."""
    return user_data_path(APP_NAME, appauthor=False) / "crash.log"


def default_learner() -> str:
    """The OS user name, so a person studying alone never has to name themselves."""
    import getpass

    try:
        return getpass.getuser() or "learner"
    except (OSError, KeyError):  # no user name in a bare container
        return "learner"
