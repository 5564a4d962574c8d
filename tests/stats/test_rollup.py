"""The review roll-up: filled from the reviews a database already has when it is upgraded, and kept
equal to a GROUP BY over the reviews as answers come and go."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from quiz.store.migrations import migrate
from quiz.store.sqlite.connection import connect
from tests.stats import history

FROM_REVIEWS = (
    "SELECT r.learner_id, substr(r.reviewed_at, 1, 13), c.bank, "
    "CASE r.state_before WHEN 'review' THEN CASE WHEN julianday(r.due_before) - julianday(r.last_review_before) >= 21 "
    "THEN 'mature' ELSE 'young' END WHEN 'relearning' THEN 'relearning' ELSE 'learning' END, "
    "count(*), sum(r.rating > 1), sum(r.duration_ms) FROM reviews r JOIN cards c ON c.id = r.card_id "
    "GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4"
)
ROLL_UP = ("SELECT learner_id, hour, bank, category, reviews, passed, time_ms FROM review_hours "
           "WHERE reviews > 0 ORDER BY 1, 2, 3, 4")


def rows(path: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(path) as conn:
        return conn.execute(sql).fetchall()


def test_a_database_made_before_the_roll_up_gets_its_old_reviews(tmp_path: Path) -> None:
    fresh = history.build(tmp_path / "fresh.db")
    old = tmp_path / "old.db"
    with sqlite3.connect(fresh) as source, sqlite3.connect(old) as target:
        source.backup(target)
    with sqlite3.connect(old) as conn:  # as if the roll-up had never been there
        conn.execute("DROP TRIGGER review_hours_add")
        conn.execute("DROP TRIGGER review_hours_remove")
        conn.execute("DROP TABLE review_hours")
        conn.execute("DROP INDEX cards_stats")
        conn.execute("DELETE FROM quiz_migrations WHERE name IN ('stats_v1', 'stats_v2')")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        conn.execute(f"PRAGMA user_version={version - 2}")
    db = connect(old)
    migrate(db)
    db.close()
    assert rows(old, ROLL_UP) == rows(fresh, ROLL_UP) == rows(old, FROM_REVIEWS)
    assert len(rows(old, ROLL_UP)) == 7


def test_answers_and_undo_through_the_session_keep_the_roll_up_exact(tmp_path: Path) -> None:
    from quiz.study.session import StudySession
    from tests.support.clock import Clock
    from tests.support.screens import BANK, LEARNER, prepare_db

    clock = Clock()
    path = prepare_db(tmp_path / "quiz.db", clock)
    with StudySession(path, LEARNER, BANK, clock=clock, seed=1) as session:
        for _ in range(4):
            item = session.current
            assert item is not None
            session.answer(item.question.answer if item.question.options else "no idea", 4000)
            session.advance()
            clock.advance(minutes=40)
        assert session.undo()
    assert sum(r[4] for r in rows(path, ROLL_UP)) == 3
    assert rows(path, ROLL_UP) == rows(path, FROM_REVIEWS)
