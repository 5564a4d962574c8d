"""The health check's query: the cheapest statement that proves the database answers and holds
quiz's tables (a served class's `/healthz` asks it every few seconds)."""

from __future__ import annotations

from quiz.store.engine import Database
from quiz.store.migrations import TABLE


def ping(db: Database) -> None:
    """Return when the database answers; an engine's failure leaves as a `StoreError`."""
    db.execute(f"SELECT count(*) FROM {TABLE}").fetchone()
