"""The study session through its public API, with an injected clock and predictable questions."""

from __future__ import annotations

from datetime import timedelta

import pytest

from quiz.store import open_db, set_suspended
from tests.support.fakes import answer_right

pytestmark = pytest.mark.engines


def card_row(db_path, card_id):
    db = open_db(db_path)
    try:
        columns = ("state", "step", "stability", "difficulty", "due", "last_review", "reps", "lapses",
                   "suspended", "buried_until", "leech", "learner_id", "bank", "fact_id", "kind")
        row = db.execute(f"SELECT {', '.join(columns)} FROM cards WHERE id = ?", [card_id]).fetchone()
        return dict(zip(columns, row, strict=True))
    finally:
        db.close()


def count(db_path, sql, params=()):
    db = open_db(db_path)
    try:
        return db.execute(sql, params).fetchone()[0]
    finally:
        db.close()


def study_all(session, clock, answer=answer_right, step_minutes=1):
    """Answer until the queue is empty; returns the (bank, fact_id, kind) shown, in order."""
    shown = []
    while session.current is not None or session.waiting_until() is not None:
        if session.current is None:  # a learning card comes back later today: wait for it
            clock.now = session.waiting_until()
            session.advance()
            continue
        item = session.current
        shown.append((item.question.fact_id, str(item.question.kind)))
        answer(session)
        clock.advance(minutes=step_minutes)
        session.advance()
        assert len(shown) < 500, "session does not end"
    return shown


def test_first_day_offers_one_new_card_per_fact(fake_session):
    session = fake_session()
    facts = [session.current.question.fact_id] + [slot.card.fact_id for slot in session.queue.new]
    assert session.counts().new == 6 == len(set(facts))
    assert session.current.state == "new"
    assert session.progress() == (0, 6)


def test_new_siblings_come_on_later_days_and_a_first_day_mixes_kinds(fake_session, clock):
    session = fake_session()
    shown = study_all(session, clock)
    first_day = {}
    for fact, kind in shown:
        first_day.setdefault(fact, kind)
    assert len(set(first_day.values())) > 1, "a first day should not be all date cards"
    session.close()
    clock.advance(days=1)
    session = fake_session()
    assert session.counts().new > 0
    for slot in session.queue.new:
        assert slot.card.kind != first_day.get(slot.card.fact_id)


def test_daily_new_limit_holds_across_sessions(fake_session, clock, db_path):
    session = fake_session(settings={"new_per_day": 2})
    assert session.counts().new == 2
    study_all(session, clock)
    session.close()
    again = fake_session(settings={"new_per_day": 2})
    assert again.counts().new == 0
    again.close()
    clock.advance(days=1)
    tomorrow = fake_session(settings={"new_per_day": 2})
    assert tomorrow.counts().new == 2


def test_daily_review_limit(fake_session, clock):
    session = fake_session(settings={"bury_new_siblings": False, "new_per_day": 50})
    study_all(session, clock)  # every card learned today
    session.close()
    clock.advance(days=40)  # everything due
    session = fake_session(settings={"reviews_per_day": 5, "new_per_day": 0})
    assert session.counts() .review == 5
    study_all(session, clock)
    session.close()
    assert fake_session(settings={"reviews_per_day": 5, "new_per_day": 0}).counts().review == 0


def test_rollover_hour_starts_a_new_day(fake_session, clock):
    clock.now = clock.now.replace(hour=3)  # 03:00: still "yesterday" (rollover 4 am, UTC)
    session = fake_session(settings={"new_per_day": 1})
    study_all(session, clock)
    session.close()
    clock.now = clock.now.replace(hour=3, minute=50)
    assert fake_session(settings={"new_per_day": 1}).counts().new == 0
    clock.now = clock.now.replace(hour=4, minute=1)
    assert fake_session(settings={"new_per_day": 1}).counts().new == 1


def test_ratings_by_mode(fake_session):
    session = fake_session(settings={"mode_new": "mc"})
    assert str(session.current.question.mode) == "mc"
    assert session.answer(session.current.question.answer).rating == 3
    session.advance()
    assert session.answer("wrong-1").rating == 1
    session.advance()
    typed = fake_session(learner="bo", settings={"mode_new": "typed"})
    assert typed.answer("near").rating == 2
    typed.advance()
    feedback = typed.answer("nonsense")
    assert (feedback.rating, feedback.correct, feedback.outcome) == (1, False, "wrong")
    typed.advance()
    right = answer_right(typed)
    assert (right.rating, right.correct) == (3, True)
    flip = fake_session(learner="cy", settings={"mode_new": "flip"})
    with pytest.raises(ValueError):
        flip.answer("anything")
    for rating in (4, 1, 2):
        assert flip.rate(rating).rating == rating
        flip.advance()


def test_multiple_choice_by_number(fake_session):
    session = fake_session()
    options = session.current.question.options
    number = options.index(session.current.question.answer) + 1
    feedback = session.answer(str(number))
    assert feedback.correct and feedback.given == session.current.question.answer


def test_answer_is_committed_before_the_next_question(fake_session, db_path):
    session = fake_session()
    card_id = session.current.card_id
    feedback = answer_right(session)
    # A second connection (another process, in effect) sees the review and the card already.
    assert count(db_path, "SELECT count(*) FROM reviews WHERE card_id = ?", [card_id]) == 1
    row = card_row(db_path, card_id)
    assert row["state"] == "learning" and row["reps"] == 1
    assert row["due"] == feedback.next_due.strftime("%Y-%m-%dT%H:%M:%S.%f+00:00")


def test_preview_is_the_interval_the_answer_gives(fake_session):
    session = fake_session(settings={"mode_new": "flip"})
    for rating in (1, 2, 3, 4):
        preview = session.preview()
        assert set(preview) == {1, 2, 3, 4}
        assert session.rate(rating).interval == preview[rating]
        session.advance()


def test_learning_card_returns_in_the_same_session(fake_session, clock):
    session = fake_session(settings={"new_per_day": 2})
    first = session.current.card_id
    session.answer("wrong-1")  # Again: back in a minute
    session.advance()
    answer_right(session)
    clock.advance(minutes=2)
    assert session.advance().card_id == first
    assert session.current.state == "learning"


def test_same_fact_never_twice_in_a_row(fake_session, clock):
    session = fake_session(settings={"bury_new_siblings": False, "new_per_day": 50})
    last = None
    for turn in range(1000):
        if session.current is None:
            if session.waiting_until() is None:
                break
            clock.now = session.waiting_until()
            session.advance()
            continue
        fact = session.current.question.fact_id
        if fact == last:  # only when no card of another fact can be asked now
            queue = session.queue
            assert not queue.new and not queue.reviews
            assert all(slot.card.fact_id == fact or slot.card.sched.due > clock.now for slot in queue.learning)
        last = fact
        session.answer("wrong-1") if turn % 3 == 0 and turn < 60 else answer_right(session)
        clock.advance(minutes=1)
        session.advance()
    assert session.current is None and session.waiting_until() is None


def test_undo_restores_the_card_field_by_field(fake_session, db_path):
    session = fake_session()
    item = session.current
    before = card_row(db_path, item.card_id)
    session.answer("wrong-1")
    assert card_row(db_path, item.card_id) != before
    assert session.undo()
    assert card_row(db_path, item.card_id) == before
    assert count(db_path, "SELECT count(*) FROM reviews") == 0
    assert session.current == item  # the same question again
    assert session.reviewed == 0


def test_undo_ten_answers_after_advancing(fake_session, clock, db_path):
    session = fake_session(settings={"bury_new_siblings": False, "new_per_day": 50})
    snapshots = []
    for _ in range(12):
        snapshots.append((session.current, card_row(db_path, session.current.card_id)))
        session.answer("wrong-1") if len(snapshots) % 2 else answer_right(session)
        clock.advance(seconds=30)
        session.advance()
    for item, row in reversed(snapshots[2:]):
        assert session.undo()
        assert session.current == item
        assert card_row(db_path, item.card_id) == row
    assert count(db_path, "SELECT count(*) FROM reviews") == 2
    assert session.progress()[0] == 2


def test_undo_with_nothing_to_undo(fake_session):
    assert fake_session().undo() is False


def test_suspend_and_unsuspend(fake_session, clock, db_path):
    session = fake_session()
    card_id = session.current.card_id
    new_before = session.counts().new
    session.suspend_current()
    assert session.current.card_id != card_id
    assert session.counts().new == new_before - 1
    assert card_row(db_path, card_id)["suspended"] == 1
    session.close()
    assert card_id not in [s.card.id for s in fake_session().queue.new]
    db = open_db(db_path)
    set_suspended(db, card_id, False)
    db.close()
    back = fake_session(learner="ann")
    assert card_id in [back.current.card_id] + [s.card.id for s in back.queue.new]


def test_leech_is_tagged_and_suspended_when_chosen(fake_session, clock, db_path):
    settings = {"leech_threshold": 1, "leech_action": "suspend", "new_per_day": 1}
    session = fake_session(settings=settings)
    card_id = session.current.card_id
    study_all(session, clock)  # learned
    session.close()
    clock.advance(days=30)
    session = fake_session(settings=settings)
    assert session.current.card_id == card_id and session.current.state == "review"
    feedback = session.answer("wrong-1")
    assert feedback.leech and feedback.rating == 1
    row = card_row(db_path, card_id)
    assert (row["lapses"], row["leech"], row["suspended"]) == (1, 1, 1)
    assert card_id not in [s.card.id for s in session.queue.learning]  # suspended: not relearned today
    session.advance()
    assert session.undo()
    row = card_row(db_path, card_id)
    assert (row["lapses"], row["leech"], row["suspended"]) == (0, 0, 0)


def test_leech_tag_only_by_default_threshold(fake_session, clock, db_path):
    session = fake_session(settings={"new_per_day": 1})
    card_id = session.current.card_id
    study_all(session, clock)
    for _ in range(8):  # eight lapses: review -> forgotten -> relearned
        session.close()
        clock.advance(days=60)
        session = fake_session(settings={"new_per_day": 0})
        assert session.current.card_id == card_id
        session.answer("wrong-1")
        clock.advance(minutes=11)
        session.advance()
        study_all(session, clock, step_minutes=11)
    row = card_row(db_path, card_id)
    assert (row["lapses"], row["leech"], row["suspended"]) == (8, 1, 0)


def test_summary(fake_session, clock):
    session = fake_session(settings={"new_per_day": 3})
    session.answer("wrong-1")
    clock.advance(minutes=1)
    session.advance()
    study_all(session, clock)
    summary = session.summary()
    assert summary.reviewed == session.reviewed >= 4
    assert summary.correct == summary.reviewed - 1
    assert summary.seconds == pytest.approx((clock.now - session.started).total_seconds())
    assert summary.next_due is not None and summary.next_due > clock.now
    assert 1 <= summary.due_tomorrow <= 3


def test_counts_and_progress_move_together(fake_session, clock):
    session = fake_session(settings={"new_per_day": 3})
    assert session.counts().new == 3 and session.progress() == (0, 3)
    session.answer("wrong-1")
    assert session.counts().learning == 1 and session.progress() == (1, 4)
    session.advance()
    assert session.counts().new == 2


def test_one_bank_or_all(fake_session, bank):
    assert fake_session(bank="sample").counts().new == 6
    with pytest.raises(LookupError):
        fake_session(learner="x", bank="nope", bank_loader=lambda db, name: (_ for _ in ()).throw(LookupError(name)))


def test_time_must_be_aware(fake_session, clock):
    session = fake_session()
    clock.now = clock.now.replace(tzinfo=None)
    with pytest.raises(ValueError):
        answer_right(session)
    clock.now = clock.now.replace(tzinfo=__import__("datetime").timezone.utc)
    assert answer_right(session).correct
    assert session.preview()[1] == timedelta(minutes=1)


def test_two_windows_on_one_card_keep_the_review_chain(fake_session, db_path):
    first = fake_session(seed=1)
    second = fake_session(seed=1)  # same learner, same queue, stale copy of the same card
    card_id = first.current.card_id
    assert second.current.card_id == card_id
    answer_right(first)
    answer_right(second)  # schedules the card as stored now, not as it was read
    db = open_db(db_path)
    rows = db.execute(
        "SELECT reps_before, reps_after, state_before, due_before FROM reviews WHERE card_id = ? ORDER BY id", [card_id]
    ).fetchall()
    after_first = db.execute("SELECT due_after FROM reviews WHERE card_id = ? ORDER BY id", [card_id]).fetchone()[0]
    assert [(r[0], r[1]) for r in rows] == [(0, 1), (1, 2)]
    assert rows[1][2] == "learning" and rows[1][3] == after_first
    assert card_row(db_path, card_id)["reps"] == 2


def test_answer_keeps_a_suspension_made_elsewhere(fake_session, db_path):
    session = fake_session()
    card_id = session.current.card_id
    db = open_db(db_path)
    set_suspended(db, card_id, True)  # the browse screen, in another connection
    answer_right(session)
    assert card_row(db_path, card_id)["suspended"] == 1


def test_a_buried_card_waits_until_its_time(fake_session, clock, db_path):
    from quiz.store import set_buried

    session = fake_session()
    card_id = session.current.card_id
    session.close()
    db = open_db(db_path)
    set_buried(db, card_id, clock.now + timedelta(days=1))
    db.close()
    later = fake_session()
    assert card_id not in [later.current.card_id] + [s.card.id for s in later.queue.new]
    later.close()
    clock.advance(days=1, hours=1)
    assert fake_session().current.card_id == card_id
