"""The study tables, as the first two migrations wrote them (SQLite's words; `quiz.store.postgres`
translates them). Never edit a released migration: add the next one (`quiz.store.migrations`).

Times are fixed-width UTC ISO text (see `quiz.model.utc_iso`), so they sort and index as
times on both engines. Card states: 'new' (never answered, `due` NULL), 'learning', 'review',
'relearning'.
"""

from __future__ import annotations

from quiz.store.engine import Database

# Card fields an answer changes; reviews keep each one before and after, so undo is exact.
CARD_STATE_FIELDS = (
    "state", "step", "stability", "difficulty", "due", "last_review",
    "reps", "lapses", "leech", "suspended",
)

V1 = """
CREATE TABLE learners (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    created TEXT NOT NULL
);
CREATE TABLE banks (
    name TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    origin TEXT NOT NULL CHECK (origin IN ('builtin', 'imported')),
    format TEXT NOT NULL CHECK (format IN ('toml', 'csv')),
    source_text TEXT NOT NULL,
    imported_at TEXT NOT NULL
);
CREATE TABLE facts (
    bank TEXT NOT NULL REFERENCES banks(name) ON DELETE CASCADE,
    fact_id TEXT NOT NULL,
    statement TEXT NOT NULL,
    date_iso TEXT NOT NULL,
    PRIMARY KEY (bank, fact_id)
);
CREATE TABLE cards (
    id INTEGER PRIMARY KEY,
    learner_id INTEGER NOT NULL REFERENCES learners(id) ON DELETE CASCADE,
    bank TEXT NOT NULL,
    fact_id TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('date', 'unit', 'place')),
    state TEXT NOT NULL DEFAULT 'new'
        CHECK (state IN ('new', 'learning', 'review', 'relearning')),
    step INTEGER,
    stability REAL,
    difficulty REAL,
    due TEXT,
    last_review TEXT,
    reps INTEGER NOT NULL DEFAULT 0,
    lapses INTEGER NOT NULL DEFAULT 0,
    suspended INTEGER NOT NULL DEFAULT 0,
    buried_until TEXT,
    leech INTEGER NOT NULL DEFAULT 0,
    created TEXT NOT NULL,
    UNIQUE (learner_id, bank, fact_id, kind)
);
CREATE INDEX cards_queue ON cards (learner_id, state, suspended, due);
CREATE TABLE reviews (
    id INTEGER PRIMARY KEY,
    card_id INTEGER NOT NULL REFERENCES cards(id) ON DELETE CASCADE,
    learner_id INTEGER NOT NULL REFERENCES learners(id) ON DELETE CASCADE,
    reviewed_at TEXT NOT NULL,
    rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
    mode TEXT NOT NULL,
    wording_id TEXT NOT NULL DEFAULT '',
    prompt TEXT NOT NULL DEFAULT '',
    given TEXT NOT NULL DEFAULT '',
    expected TEXT NOT NULL DEFAULT '',
    verdict TEXT NOT NULL,
    duration_ms INTEGER,
    state_before TEXT NOT NULL, state_after TEXT NOT NULL,
    step_before INTEGER, step_after INTEGER,
    stability_before REAL, stability_after REAL,
    difficulty_before REAL, difficulty_after REAL,
    due_before TEXT, due_after TEXT,
    last_review_before TEXT, last_review_after TEXT,
    reps_before INTEGER NOT NULL, reps_after INTEGER NOT NULL,
    lapses_before INTEGER NOT NULL, lapses_after INTEGER NOT NULL,
    leech_before INTEGER NOT NULL, leech_after INTEGER NOT NULL,
    suspended_before INTEGER NOT NULL, suspended_after INTEGER NOT NULL
);
CREATE INDEX reviews_card ON reviews (card_id, id);
CREATE TABLE settings (
    learner_id INTEGER NOT NULL REFERENCES learners(id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (learner_id, key)
);
"""

V2 = """
CREATE INDEX reviews_learner_time ON reviews (learner_id, reviewed_at, state_before);
CREATE TABLE card_sync (
    learner_id INTEGER NOT NULL REFERENCES learners(id) ON DELETE CASCADE,
    bank TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    PRIMARY KEY (learner_id, bank)
);
"""


def run_script(db: Database, script: str) -> None:
    """Run a migration's statements (inside the migration's transaction)."""
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)


def v1(db: Database) -> None:
    """Learners, banks and facts, cards with FSRS state, reviews with state before/after, settings."""
    run_script(db, V1)


def v2(db: Database) -> None:
    """Reviews by learner and time (today's count, streaks); which banks' cards are in step."""
    run_script(db, V2)
