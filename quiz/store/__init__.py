"""The progress store, and the only place with SQL.

Small typed functions (the repositories) over one narrow proxy, `Database` (see `engine.py`), with
`db.write()` as the unit of work; no scheduling, no text for screens. Behind the proxy: `sqlite/`
(the embedded default) and `postgres/` (a school's server), chosen by the location `open_db` is
given: a file path or a `postgresql://` URL.
"""

from quiz.store.banks import SavedBank, delete_bank, save_bank, saved_bank_source, saved_banks
from quiz.store.cards import set_buried, set_suspended
from quiz.store.engine import Database
from quiz.store.migrations import SCHEMA_VERSION, schema_version
from quiz.store.opening import open_db
from quiz.store.sqlite.connection import connect

__all__ = [
    "SCHEMA_VERSION", "Database", "SavedBank", "connect", "delete_bank", "open_db", "save_bank",
    "saved_bank_source", "saved_banks", "schema_version", "set_buried", "set_suspended",
]
