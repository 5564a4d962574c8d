"""A learner's settings as stored: read over the defaults, changed with every value checked."""

from __future__ import annotations

from typing import Any

from quiz.settings import Settings, apply_changes, from_stored
from quiz.store import Database
from quiz.store.settings import stored_settings, write_settings


def load_settings(db: Database, learner_id: int) -> Settings:
    """The learner's settings over the defaults (a stored value this machine cannot use is left out)."""
    return from_stored(stored_settings(db, learner_id))[0]


def settings_problems(db: Database, learner_id: int) -> list[str]:
    """One line per stored value that `load_settings` had to leave out."""
    return from_stored(stored_settings(db, learner_id))[1]


def save_settings(db: Database, learner_id: int, **changes: Any) -> Settings:
    """Validate and store some settings; the learner's settings after the change.
    Raises SettingsError naming the field for a bad value."""
    updated, values = apply_changes(load_settings(db, learner_id), changes)
    write_settings(db, learner_id, values)
    return updated
