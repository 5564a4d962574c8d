"""The homework table (issue #21): a bank's cards set to a class, with a daily pace and an exam date.
`quiz.store.migrations` lists `homework-1` after the one-runner step."""

from __future__ import annotations

from quiz.store.engine import Database

HOMEWORK_1 = """
CREATE TABLE homework (
    id INTEGER PRIMARY KEY,
    class_id INTEGER NOT NULL REFERENCES classes(id) ON DELETE CASCADE,
    bank TEXT NOT NULL,
    kinds TEXT NOT NULL,
    daily INTEGER CHECK (daily IS NULL OR daily >= 0),
    exam TEXT,
    retention REAL CHECK (retention IS NULL OR (retention > 0 AND retention < 1)),
    created TEXT NOT NULL,
    stopped TEXT
);
CREATE INDEX homework_class ON homework (class_id)
"""


def homework_1(db: Database) -> None:
    """homework: `kinds` a comma-separated list, `daily` NULL for the learner's own new-card
    setting, `exam` an ISO date or NULL, `retention` the predicted recall wanted on the exam day (NULL:
    each learner's own desired retention), `stopped` NULL while active."""
    for statement in HOMEWORK_1.split(";"):
        if statement.strip():
            db.execute(statement)
