"""The schema, as sqlite-utils migrations. Never edit a released migration: add the next one.

Times are fixed-width UTC ISO text (see `db.utc_iso`), so they sort and index as times.
Card states: 'new' (never answered, `due` NULL), 'learning', 'review', 'relearning'.
"""

from __future__ import annotations

import sqlite_utils
from sqlite_utils import Migrations

from quiz.errors import NewerDatabase
from quiz.store.db import immediate

migrations = Migrations("quiz")

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


def run_script(db: sqlite_utils.Database, script: str) -> None:
    """Run a migration's statements (inside the migration's transaction)."""
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)


@migrations(name="v1")
def v1(db: sqlite_utils.Database) -> None:
    """Learners, banks and facts, cards with FSRS state, reviews with state before/after, settings."""
    run_script(db, V1)


@migrations(name="v2")
def v2(db: sqlite_utils.Database) -> None:
    """Reviews by learner and time (today's count, streaks); which banks' cards are in step."""
    run_script(db, V2)


def known_migrations() -> list[str]:
    return [m.name for m in migrations._migrations]


def migrate(db: sqlite_utils.Database, stop_before: str | None = None) -> None:
    """Apply pending migrations under the write lock, so processes opening at once don't race.

    `user_version` counts the migrations applied, so an up-to-date file costs one pragma read. A
    file with more, or with migrations this version does not know, came from a newer `quiz`: it is
    refused before anything is written.
    """
    known = known_migrations()
    version = schema_version(db)
    if version == len(known) and stop_before is None:
        return
    if version > len(known) or _unknown_migrations(db, known):
        raise NewerDatabase(
            f"{db.conn.execute('PRAGMA database_list').fetchone()[2] or 'the database'} was made by a newer "
            "version of quiz; upgrade quiz to open it"
        )
    with immediate(db):
        migrations.apply(db, stop_before=stop_before)
        applied = {m.name for m in migrations.applied(db)}
        db.execute(f"PRAGMA user_version={sum(1 for name in known if name in applied)}")


def _unknown_migrations(db: sqlite_utils.Database, known: list[str]) -> list[str]:
    if not db[Migrations.migrations_table].exists():
        return []
    rows = db.conn.execute(f"SELECT name FROM {Migrations.migrations_table} WHERE migration_set = ?", [migrations.name])
    return [name for (name,) in rows if name not in known]


def schema_version(db: sqlite_utils.Database) -> int:
    version: int = db.conn.execute("PRAGMA user_version").fetchone()[0]
    return version


# Each feature's tables come in a module of their own, registered here in a fixed order (the order
# a new database is made in). Never reorder: add at the end.
from quiz.store.schema_classroom import classroom_v1  # noqa: E402  classes, papers, attempts (issue #11)

migrations(name="classroom_v1")(classroom_v1)

from quiz.store.schema_fsrs import fsrs_v1  # noqa: E402  fitted FSRS parameters (issue #15)

migrations(name="fsrs_v1")(fsrs_v1)

from quiz.store.schema_stats import stats_v1, stats_v2  # noqa: E402  the review roll-up for statistics (issue #13)

migrations(name="stats_v1")(stats_v1)
migrations(name="stats_v2")(stats_v2)

from quiz.store.schema_trust import trust_1  # noqa: E402  app state, extra new cards, folded facts (#9)

migrations(name="trust-1")(trust_1)

SCHEMA_VERSION = len(known_migrations())  # what `user_version` says once every migration is applied
