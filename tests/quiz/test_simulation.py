"""A scripted learner studies for weeks through the session API, with the real questions and checking."""

from __future__ import annotations

import json
import random

from click.testing import CliRunner

from quiz.cli import main
from quiz.library.banks import BankInfo
from quiz.store import connect
from quiz.store.schema import CARD_STATE_FIELDS


def test_weeks_of_study_with_real_questions(make_session, clock, db_path, monkeypatch):
    rng = random.Random(3)
    modes_seen, kinds_seen = set(), set()
    answered = 0
    for day in range(21):
        session = make_session(settings={"mode_review": "alternate"}, seed=day)
        while session.current is not None:
            question = session.current.question
            modes_seen.add(str(question.mode))
            kinds_seen.add(str(question.kind))
            knows = rng.random() < 0.8
            if str(question.mode) == "flip":
                feedback = session.rate(3 if knows else 1)
            elif str(question.mode) == "mc":
                wrong = [o for o in question.options if o != question.answer]
                feedback = session.answer(question.answer if knows else wrong[0])
            else:
                feedback = session.answer(question.answer if knows else "?")
            assert feedback.correct == knows
            assert feedback.rating == (3 if knows else 1)
            assert feedback.next_due > clock.now
            answered += 1
            clock.advance(seconds=rng.randint(5, 40))
            if session.advance() is None and session.counts().learning:
                clock.advance(minutes=10)
                session.advance()
        summary = session.summary()
        assert summary.reviewed == session.reviewed
        session.close()
        clock.advance(days=1)
        clock.now = clock.now.replace(hour=rng.randint(8, 21))
    assert kinds_seen == {"date", "unit", "place"}
    assert {"mc", "typed"} <= modes_seen

    db = connect(db_path)
    assert db.conn.execute("SELECT count(*) FROM reviews").fetchone()[0] == answered
    # Every card equals its last review's state; nothing new has reviews.
    cols = ", ".join(f"r.{c}_after = c.{c} OR (r.{c}_after IS NULL AND c.{c} IS NULL)" for c in CARD_STATE_FIELDS)
    mismatched = db.conn.execute(
        f"SELECT count(*) FROM cards c JOIN reviews r ON r.id = (SELECT max(id) FROM reviews WHERE card_id = c.id) "
        f"WHERE NOT ({' AND '.join(f'({x})' for x in cols.split(', '))})"
    ).fetchone()[0]
    assert mismatched == 0
    assert db.conn.execute("SELECT count(*) FROM cards WHERE state = 'review'").fetchone()[0] >= 10
    assert db.conn.execute("SELECT count(DISTINCT mode) FROM reviews").fetchone()[0] >= 2

    monkeypatch.setattr("quiz.study.overview.list_banks", lambda db: [BankInfo("sample", "A sample bank for tests", "imported", 6)])
    result = CliRunner().invoke(main, ["--db", str(db_path), "status", "--learner", "ann", "--json"])
    report = json.loads(result.output)
    assert report["reviews_total"] == answered
    assert report["banks"][0]["reviews_total"] == answered


def test_session_queries_are_index_searches(make_session, clock):
    session = make_session()
    statements = []
    session.db.conn.set_trace_callback(statements.append)
    session._build_queue()
    session.db.conn.set_trace_callback(None)
    card_queries = [s for s in statements if s.lstrip().upper().startswith("SELECT") and "FROM cards" in s]
    assert len(card_queries) >= 3
    for sql in card_queries:
        plan = " | ".join(r[3] for r in session.db.conn.execute(f"EXPLAIN QUERY PLAN {sql}"))
        assert "SCAN cards" not in plan, (sql, plan)
        assert "SEARCH cards USING INDEX" in plan, (sql, plan)


def test_the_builtin_bank_through_the_default_doors(db_path, clock):
    """No injection: built-in banks, real questions and checking, then `quiz status --json`."""
    from question_bank.banks.builtin import builtin_bank_names
    from quiz.library.learners import ensure_learner
    from quiz.library.preferences import save_settings
    from quiz.store import open_db
    from quiz.study.session import StudySession

    if not builtin_bank_names():
        import pytest

        pytest.skip("no built-in bank yet")
    db = open_db(db_path)
    save_settings(db, ensure_learner(db, "ann").id, timezone="UTC")
    db.close()
    rng = random.Random(5)
    answered = 0
    for _ in range(4):
        session = StudySession(db_path, "ann", clock=clock, seed=answered)
        while session.current is not None:
            question = session.current.question
            if str(question.mode) == "flip":
                session.rate(3)
            else:
                session.answer(question.answer if rng.random() < 0.9 else "?")
            answered += 1
            clock.advance(seconds=30)
            if session.advance() is None and session.counts().learning:
                clock.advance(minutes=10)
                session.advance()
        session.close()
        clock.advance(days=1)
    assert answered >= 80
    result = CliRunner().invoke(main, ["--db", str(db_path), "status", "--learner", "ann", "--json"])
    report = json.loads(result.output)
    assert report["reviews_total"] == answered
    assert sum(bank["reviews_total"] for bank in report["banks"]) == answered
    db = connect(db_path)
    assert db.conn.execute("SELECT count(*) FROM reviews WHERE stability_after IS NULL").fetchone()[0] == 0
