"""Tables for live review (issue #22): a game asked to a whole class, who joined it, and their
answers. `quiz.store.migrations` lists `live-1` after `pg-julian-1`.

A game's questions are frozen as JSON when it is made (as a paper's), its settings too (seconds,
points, seed). One answer per (game, question, student): the primary key makes a second one a no-op.
An answer points at the review it counted as (`review_id`; NULL once that review is undone or purged).
"""

from __future__ import annotations

from quiz.store.engine import Database

LIVE_1 = """
CREATE TABLE live_games (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    class_id INTEGER NOT NULL REFERENCES classes(id) ON DELETE CASCADE,
    teacher_id INTEGER REFERENCES teachers(id) ON DELETE CASCADE,
    bank TEXT NOT NULL,
    source TEXT NOT NULL,
    settings_json TEXT NOT NULL,
    questions_json TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('lobby', 'open', 'revealed', 'ended')),
    current_index INTEGER,
    opened_at TEXT,
    closes_at TEXT,
    created TEXT NOT NULL,
    ended TEXT
);
CREATE INDEX live_games_teacher ON live_games (teacher_id, created);
CREATE INDEX live_games_class ON live_games (class_id);
CREATE TABLE live_players (
    id INTEGER PRIMARY KEY,
    game_id INTEGER NOT NULL REFERENCES live_games(id) ON DELETE CASCADE,
    learner_id INTEGER NOT NULL REFERENCES learners(id) ON DELETE CASCADE,
    joined_at TEXT NOT NULL,
    UNIQUE (game_id, learner_id)
);
CREATE INDEX live_players_learner ON live_players (learner_id);
CREATE TABLE live_answers (
    game_id INTEGER NOT NULL REFERENCES live_games(id) ON DELETE CASCADE,
    question_index INTEGER NOT NULL,
    learner_id INTEGER NOT NULL REFERENCES learners(id) ON DELETE CASCADE,
    given TEXT NOT NULL,
    verdict TEXT NOT NULL,
    points INTEGER NOT NULL,
    answered_at TEXT NOT NULL,
    elapsed_ms INTEGER NOT NULL,
    review_id INTEGER REFERENCES reviews(id) ON DELETE SET NULL,
    PRIMARY KEY (game_id, question_index, learner_id)
);
CREATE INDEX live_answers_learner ON live_answers (learner_id);
CREATE INDEX live_answers_review ON live_answers (review_id)
"""


def live_1(db: Database) -> None:
    """live_games (state: lobby, open, revealed, ended; `current_index` None in the lobby),
    live_players (one row per student and game, in the order they joined) and live_answers."""
    for statement in LIVE_1.split(";"):
        if statement.strip():
            db.execute(statement)
