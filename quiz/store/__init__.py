"""The progress store: SQLite through sqlite-utils. Small functions; no scheduling, no text for screens."""

from quiz.store.banks import (
    BankConflict,
    SavedBank,
    delete_bank,
    save_bank,
    saved_bank_source,
    saved_banks,
)
from quiz.store.cards import set_buried, set_suspended
from quiz.store.db import connect, immediate, open_db, parse_utc, utc_iso, utc_now
from quiz.store.schema import SCHEMA_VERSION, schema_version

__all__ = [
    "BankConflict", "SavedBank", "delete_bank", "save_bank", "saved_bank_source", "saved_banks",
    "connect", "immediate", "open_db", "parse_utc", "utc_iso", "utc_now",
    "SCHEMA_VERSION", "schema_version", "set_suspended", "set_buried",
]
