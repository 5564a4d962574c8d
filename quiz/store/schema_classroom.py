"""The classroom's tables: classes and their members' hashed codes, frozen papers, attempts and
answers. `quiz.store.migrations` lists `classroom_v1` after the study tables."""

from __future__ import annotations

from quiz.store.engine import Database

CLASSROOM_V1 = """
CREATE TABLE classes (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    created TEXT NOT NULL
);
CREATE TABLE class_members (
    class_id INTEGER NOT NULL REFERENCES classes(id) ON DELETE CASCADE,
    learner_id INTEGER NOT NULL REFERENCES learners(id) ON DELETE CASCADE,
    code_hash TEXT NOT NULL,
    code_salt TEXT NOT NULL,
    PRIMARY KEY (class_id, learner_id)
);
CREATE INDEX class_members_learner ON class_members (learner_id);
CREATE TABLE papers (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    bank TEXT NOT NULL,
    class_id INTEGER REFERENCES classes(id) ON DELETE SET NULL,
    settings_json TEXT NOT NULL,
    questions_json TEXT NOT NULL,
    created TEXT NOT NULL
);
CREATE TABLE attempts (
    id INTEGER PRIMARY KEY,
    paper_id INTEGER NOT NULL REFERENCES papers(id) ON DELETE CASCADE,
    learner_id INTEGER NOT NULL REFERENCES learners(id) ON DELETE CASCADE,
    number INTEGER NOT NULL,
    started TEXT NOT NULL,
    deadline TEXT,
    submitted TEXT,
    UNIQUE (paper_id, learner_id, number)
);
CREATE TABLE attempt_answers (
    attempt_id INTEGER NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    given TEXT NOT NULL,
    answered_at TEXT NOT NULL,
    verdict TEXT,
    override_verdict TEXT,
    override_by TEXT,
    override_at TEXT,
    PRIMARY KEY (attempt_id, position)
);
"""


def classroom_v1(db: Database) -> None:
    """Classes, members with salted code hashes, frozen papers, attempts and their answers."""
    for statement in CLASSROOM_V1.split(";"):
        if statement.strip():
            db.execute(statement)
