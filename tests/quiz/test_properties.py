"""Any mix of answers, undos, suspensions and passing time leaves the store consistent."""

from __future__ import annotations

import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.support.integrity import check_consistent

ACTIONS = st.lists(
    st.sampled_from(["right", "wrong", "near", "undo", "suspend", "minutes", "day"]), min_size=1, max_size=40
)
_runs = itertools.count()


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(actions=ACTIONS)
def test_any_sequence_keeps_cards_and_reviews_in_step(fake_session, clock, actions):
    learner = f"learner-{next(_runs)}"  # one database for all examples; a learner each
    session = fake_session(learner=learner, settings={"mode_new": "typed", "mode_review": "typed"})
    answered = 0
    done: list[str] = []  # the session's undoable actions: "answer" or "suspend"
    for action in actions:
        if action == "day":
            done.clear()
            session.close()
            clock.advance(days=1)
            session = fake_session(learner=learner)
            continue
        if action == "minutes":
            clock.advance(minutes=11)
            session.advance()
            continue
        if action == "undo":
            if session.undo():
                answered -= done.pop() == "answer"
            continue
        if session.current is None:
            session.advance()
            continue
        if action == "suspend":
            session.suspend_current()
            done.append("suspend")
            continue
        if session.feedback is not None:
            session.advance()
            if session.current is None:
                continue
        given = {"right": session.current.question.answer, "wrong": "nope", "near": "near"}[action]
        if str(session.current.question.mode) == "flip":
            session.rate({"right": 3, "wrong": 1, "near": 2}[action])
        else:
            session.answer(given)
        answered += 1
        done.append("answer")
        clock.advance(seconds=20)
    path = session.db.conn.execute("PRAGMA database_list").fetchone()[2]
    reviews = session.db.conn.execute(
        "SELECT count(*) FROM reviews r JOIN learners l ON l.id = r.learner_id WHERE l.name = ?", [learner]
    ).fetchone()[0]
    session.close()
    assert reviews == answered
    check_consistent(path, ignore=("suspended",))
