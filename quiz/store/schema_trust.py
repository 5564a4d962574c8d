"""Tables for issue #9 (sessions a learner can trust): app state, today's extra new cards, and a
folded copy of each fact's statement for searching without accents or case."""

from __future__ import annotations

from quiz.store.engine import Database

TRUST_1 = """
CREATE TABLE app_state (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE extra_new (
    learner_id INTEGER NOT NULL REFERENCES learners(id) ON DELETE CASCADE,
    day TEXT NOT NULL,
    extra INTEGER NOT NULL CHECK (extra >= 0),
    PRIMARY KEY (learner_id, day)
);
ALTER TABLE facts ADD COLUMN folded TEXT
"""


def trust_1(db: Database) -> None:
    """app_state (the last learner), extra_new (a learner's "study more today"), facts.folded
    (NULL until the application fills it: folding is the domain's, not the store's)."""
    for statement in TRUST_1.split(";"):
        if statement.strip():
            db.execute(statement)
