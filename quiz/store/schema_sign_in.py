"""Tables for issue #21 (sign-in limits): wrong personal codes, and the locks they lead to.

A failure is a row per wrong try, keyed by what it counts against (`kind`: a student or a network
address; `subject`: who or which); a lock is one row per subject with the time it ends. Both live
in the store, so the limit holds across tabs, processes and hosts sharing one database.
"""

from __future__ import annotations

from quiz.store.engine import Database

SIGN_IN_1 = """
CREATE TABLE sign_in_failures (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    subject TEXT NOT NULL,
    failed_at TEXT NOT NULL
);
CREATE INDEX sign_in_failures_subject ON sign_in_failures (kind, subject, failed_at);
CREATE TABLE sign_in_locks (
    kind TEXT NOT NULL,
    subject TEXT NOT NULL,
    locked_until TEXT NOT NULL,
    PRIMARY KEY (kind, subject)
)
"""


def sign_in_1(db: Database) -> None:
    """sign_in_failures (one row per wrong try) and sign_in_locks (one row per locked subject)."""
    for statement in SIGN_IN_1.split(";"):
        if statement.strip():
            db.execute(statement)
