"""Issue #9, engine side: undo is compare-and-set and undoes the last action; "I don't know";
unreadable dates ask again; what is left, when a card comes back, what was missed; a learner
removed mid-session."""

from __future__ import annotations

from datetime import timedelta

import pytest

from quiz.errors import SessionError, UnreadableAnswer
from quiz.model import Kind, Mode
from quiz.store import open_db
from tests.support.fakes import answer_right

pytestmark = pytest.mark.engines


def rows(db_path, sql, params=()):
    db = open_db(db_path)
    try:
        return db.execute(sql, params).fetchall()
    finally:
        db.close()


def test_undo_refuses_when_another_window_answered_since(fake_session, db_path):
    first = fake_session(seed=1)
    second = fake_session(seed=1)  # the same learner in a second window
    card_id = first.current.card_id
    assert second.current.card_id == card_id
    answer_right(first)
    answer_right(second)  # B's answer comes after A's
    after_b = rows(db_path, "SELECT state, step, due, reps FROM cards WHERE id = ?", [card_id])
    with pytest.raises(SessionError, match="changed in another window"):
        first.undo()
    assert rows(db_path, "SELECT state, step, due, reps FROM cards WHERE id = ?", [card_id]) == after_b
    chain = rows(db_path, "SELECT reps_before, reps_after FROM reviews WHERE card_id = ? ORDER BY id", [card_id])
    assert chain == [(0, 1), (1, 2)]  # nothing orphaned, nothing erased
    assert second.undo()  # B's own answer is still the last: it can be taken back
    assert rows(db_path, "SELECT reps FROM cards WHERE id = ?", [card_id]) == [(1,)]


def test_undo_after_suspend_undoes_the_suspension_not_the_answer(fake_session, db_path):
    session = fake_session()
    card_id = session.current.card_id
    feedback = answer_right(session)
    session.suspend_current()
    assert rows(db_path, "SELECT suspended FROM cards WHERE id = ?", [card_id]) == [(1,)]
    assert session.undo()
    assert rows(db_path, "SELECT suspended, reps FROM cards WHERE id = ?", [card_id]) == [(0, 1)]
    assert session.current.card_id == card_id and session.feedback == feedback
    assert rows(db_path, "SELECT count(*) FROM reviews") == [(1,)]
    assert session.undo()  # and then the answer before it
    assert rows(db_path, "SELECT count(*) FROM reviews") == [(0,)]
    assert session.current.card_id == card_id and session.feedback is None


def test_undo_a_suspension_of_an_unanswered_card(fake_session, db_path):
    session = fake_session()
    card_id = session.current.card_id
    session.suspend_current()
    other = session.current.card_id
    assert session.undo()
    assert session.current.card_id == card_id and session.feedback is None
    assert rows(db_path, "SELECT suspended FROM cards WHERE id = ?", [card_id]) == [(0,)]
    answer_right(session)
    session.advance()
    assert session.current.card_id == other  # the card shown meanwhile went back to its queue


@pytest.mark.parametrize("given", ["", "?", "  ?  "])
def test_empty_or_question_mark_means_i_dont_know(fake_session, given):
    session = fake_session(settings={"mode_new": "typed"})
    answer = session.current.question.answer
    feedback = session.answer(given)
    assert (feedback.correct, feedback.outcome, feedback.rating) == (False, "wrong", 1)
    assert feedback.reason == f"Not known: the answer is {answer}"


def test_an_unreadable_date_asks_again_and_records_nothing(make_session, db_path):
    session = make_session(settings={"mode_new": "typed", "bury_new_siblings": False, "new_per_day": 50})
    while session.current.question.kind != Kind.DATE or session.current.question.mode != Mode.TYPED:
        session.suspend_current()
    item = session.current
    with pytest.raises(UnreadableAnswer) as caught:
        session.answer("13/13/1944")
    assert str(caught.value) == "Cannot read '13/13/1944' as a date; try e.g. 'August 1944'"
    assert isinstance(caught.value, SessionError)
    assert rows(db_path, "SELECT count(*) FROM reviews") == [(0,)]
    assert session.current == item and session.feedback is None
    assert session.answer(item.question.answer).correct


def test_left_counts_down_and_never_grows(fake_session, clock):
    session = fake_session(settings={"new_per_day": 3})
    assert session.left() == 3
    seen = [session.left()]
    while session.current is not None or session.waiting_until() is not None:
        if session.current is None:
            clock.now = session.waiting_until()
            session.advance()
            continue
        session.answer("wrong-1") if session.reviewed < 2 else answer_right(session)
        clock.advance(seconds=20)
        session.advance()
        seen.append(session.left())
    assert seen == sorted(seen, reverse=True) and seen[-1] == 0


def test_a_card_comes_back_when_its_feedback_said(fake_session, clock):
    """Issue 19 (item 11) lets a learning card come early when nothing else is left, as Anki's
    learn-ahead limit (20 minutes) does; one due later than that still waits."""
    session = fake_session(settings={"new_per_day": 1, "learning_steps": "30 60"})
    card_id = session.current.card_id
    feedback = session.answer("wrong-1")
    assert feedback.interval == timedelta(minutes=30)
    assert session.advance() is None  # not before the learn-ahead limit, though nothing else is left
    assert session.waiting_until() == feedback.next_due - timedelta(minutes=20)
    assert session.left() == 0 and session.summary().due_today == 1
    clock.advance(minutes=9)
    assert session.advance() is None
    clock.now = feedback.next_due - timedelta(minutes=20)
    assert session.advance().card_id == card_id


def test_summary_lists_the_missed_and_says_whether_complete(fake_session, clock):
    session = fake_session(settings={"new_per_day": 2})
    missed = session.current.question
    session.answer("wrong-1")
    session.advance()
    answer_right(session)
    session.advance()
    summary = session.summary()
    assert summary.missed == ((missed.prompt, missed.answer),)
    assert summary.complete is False  # two learning cards come back today
    while session.current is not None or session.waiting_until() is not None:
        if session.current is None:
            clock.now = session.waiting_until()
            session.advance()
            continue
        answer_right(session)
        session.advance()
    summary = session.summary()
    assert summary.complete is True and summary.missed == ((missed.prompt, missed.answer),)


def test_undoing_a_miss_takes_it_off_the_summary(fake_session):
    session = fake_session()
    session.answer("wrong-1")
    assert session.undo()
    assert session.summary().missed == ()


def test_a_learner_removed_mid_session_gets_a_clear_error(fake_session, db_path):
    from quiz.library.learners import remove_learner

    session = fake_session()
    db = open_db(db_path)
    remove_learner(db, "ann")  # another window
    db.close()
    with pytest.raises(SessionError, match="learner 'ann' was removed"):
        answer_right(session)
    with pytest.raises(SessionError, match="was removed"):
        session.suspend_current()
