"""The store's clock: the one time a paper's rules (opening, closing, deadline) are judged by.

Every rule is judged inside the write transaction that applies it, with the time read there: an
answer that waited for the write lock is stamped and judged when it is written, not when it was
typed. This is the only place that time comes from, so a store on a server can answer it with the
server's `now()` (PostgreSQL: `SELECT clock_timestamp()`), which a student's machine cannot move.

A SQLite file lives on the machine that opens it, so its clock is that machine's: the `local`
clock (the process's, or a test's hand-moved one). A terminal take on the student's own machine
therefore trusts that machine's clock; a served tab runs on the teacher's.
"""

from __future__ import annotations

from datetime import datetime

from quiz.clock import Clock
from quiz.store.engine import Database


def store_now(db: Database, local: Clock) -> datetime:
    """Now, as the store judges time rules (timezone-aware UTC). `db` is for a server store to ask;
    a SQLite file is on this machine, so its clock is this machine's."""
    return local()
