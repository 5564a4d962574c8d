"""The progress store: SQLite through sqlite-utils, and the only place with SQL.

Small functions over a `sqlite_utils.Database`; no scheduling, no text for screens. SQLite-only
pragmas and tricks live in `db.py`.
"""

from quiz.store.banks import SavedBank, delete_bank, save_bank, saved_bank_source, saved_banks
from quiz.store.cards import set_buried, set_suspended
from quiz.store.db import connect, immediate
from quiz.store.opening import open_db
from quiz.store.schema import SCHEMA_VERSION, schema_version

__all__ = [
    "SCHEMA_VERSION", "SavedBank", "connect", "delete_bank", "immediate", "open_db", "save_bank",
    "saved_bank_source", "saved_banks", "schema_version", "set_buried", "set_suspended",
]
