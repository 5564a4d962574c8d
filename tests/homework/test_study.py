"""A student studies homework through the real StudySession: its new cards first at its pace, a
card reviewed before the exam, a late joiner's cards, and the usual queue once stopped."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from quiz.classroom import Classroom
from quiz.clock import utc_iso
from quiz.model import Kind
from quiz.scheduling.fsrs import Scheduler
from quiz.study.session import StudySession
from tests.homework.conftest import BANK, pin_to_utc

EXAM_START = datetime(2026, 3, 12, 4, tzinfo=UTC)  # 12 March's study day starts at 4 am (UTC learners)


def _new_kinds(session: StudySession) -> list[tuple[str, str]]:
    """(bank, kind) of today's new cards in the order the session gives them, the one shown first."""
    current = session._current
    shown = [current] if current is not None and current.origin == "new" else []
    return [(slot.card.bank, slot.card.kind) for slot in (*shown, *session.queue.new)]


def _answer_only(session: StudySession, card_id: int):
    """Answer the card `card_id` (a due review) right, as a Good; the feedback (checked against the
    interval the session previewed before the answer)."""
    session.queue.reviews = [s for s in session.queue.reviews if s.card.id == card_id]
    session.queue.new = []
    session._current = session._pick()
    item = session.current
    assert item is not None and item.card_id == card_id
    preview = session.preview()[3]
    feedback = session.rate(3) if item.question.mode == "flip" else session.answer(item.question.answer)
    assert feedback.rating == 3 and feedback.interval == preview
    return feedback


def test_homework_new_cards_come_first_at_the_daily_pace(homework, db_path, clock) -> None:
    homework.set("7b", BANK, (Kind.PLACE,), 3, date(2026, 3, 12))
    with StudySession(db_path, "Ana", clock=clock, seed=1) as session:
        kinds = _new_kinds(session)
        assert kinds[:3] == [(BANK, "place")] * 3
        assert (BANK, "place") not in kinds[3:]  # at most 3 homework cards today
        assert len(kinds) == session.settings.new_per_day  # the rest: Ana's own new cards
        for _ in range(3):
            item = session.current
            assert item is not None
            session.rate(3) if item.question.mode == "flip" else session.answer(item.question.answer)
            session.advance()
    with StudySession(db_path, "Ana", clock=clock, seed=1) as again:  # the same day: none left
        assert (BANK, "place") not in _new_kinds(again)
    clock.advance(days=1)
    with StudySession(db_path, "Ana", clock=clock, seed=1) as tomorrow:
        assert _new_kinds(tomorrow)[:3] == [(BANK, "place")] * 3
    assert homework.report(1).students[0].started == 3


def _make_review_card(db, learner: str, kind: str, clock) -> int:
    """Ana's card of the first fact with a place and a unit: reviewed 2 days ago, 2-day stability, due now."""
    row = db.execute(
        "SELECT c.id FROM cards c JOIN learners l ON l.id = c.learner_id WHERE l.name = ? AND c.bank = ? "
        "AND c.kind = ? AND EXISTS (SELECT 1 FROM cards o WHERE o.learner_id = c.learner_id AND o.bank = c.bank "
        "AND o.fact_id = c.fact_id AND o.kind = 'unit') ORDER BY c.id LIMIT 1",
        [learner, BANK, kind],
    ).fetchone()
    with db.write():
        db.execute(
            "UPDATE cards SET state = 'review', step = NULL, stability = 2.0, difficulty = 5.0, due = ?, "
            "last_review = ?, reps = 3 WHERE id = ?",
            [utc_iso(clock()), utc_iso(clock() - timedelta(days=2)), row[0]],
        )
    return int(row[0])


def test_a_homework_card_is_reviewed_before_the_exam(homework, db, db_path, clock) -> None:
    """Scheduled for 70% retention (as under other parameters), a Good answer would put the card 72
    days out; its recall on the exam would be 0.88 < Ana's 0.9, so it is due the day before the exam.
    The same card of a kind the homework does not cover keeps FSRS's date."""
    homework.set("7b", BANK, (Kind.PLACE,), 20, date(2026, 3, 12))
    StudySession(db_path, "Ana", clock=clock, seed=1).close()  # every kind's cards
    due: dict[str, datetime] = {}
    for kind in ("place", "unit"):
        card_id = _make_review_card(db, "Ana", kind, clock)
        with StudySession(db_path, "Ana", BANK, clock=clock, seed=1) as session:
            session.scheduler = Scheduler(replace(session.settings, desired_retention=0.7))
            due[kind] = _answer_only(session, card_id).next_due
    assert due["place"] == EXAM_START - timedelta(days=1)
    assert due["unit"] == clock() + timedelta(days=72)


def test_after_the_exam_the_card_keeps_its_usual_date(homework, db, db_path, clock) -> None:
    homework.set("7b", BANK, (Kind.PLACE,), 20, date(2026, 3, 3))
    StudySession(db_path, "Ana", clock=clock, seed=1).close()
    clock.advance(days=2)  # 4 March: the exam is over
    card_id = _make_review_card(db, "Ana", "place", clock)
    with StudySession(db_path, "Ana", BANK, clock=clock, seed=1) as session:
        session.scheduler = Scheduler(replace(session.settings, desired_retention=0.7))
        feedback = _answer_only(session, card_id)
        assert feedback.next_due == clock() + timedelta(days=72)


def test_a_student_who_joins_later_gets_the_cards_when_studying(homework, db, db_path, clock) -> None:
    info, _ = homework.set("7b", BANK, (Kind.DATE,), 4)
    Classroom(db, clock).add_students("7b", ["Vesna"])
    pin_to_utc(db, "Vesna", clock)
    total = homework.report(info.id).students[0].total
    vesna = homework.report(info.id).students[2]
    assert (vesna.name, vesna.started) == ("Vesna", 0)
    with StudySession(db_path, "Vesna", clock=clock, seed=1) as session:
        assert _new_kinds(session)[:4] == [(BANK, "date")] * 4
    counted = {s.name: s.total for s in homework.report(info.id).students}
    assert counted == {"Ana": total, "Boris": total, "Vesna": total}


def test_stopped_homework_leaves_the_usual_queue(homework, db_path, clock) -> None:
    info, _ = homework.set("7b", BANK, (Kind.PLACE,), 2)
    homework.stop(info.id)
    with StudySession(db_path, "Ana", clock=clock, seed=1) as session:
        assert session.homework == ()  # no pace, no exam
        kinds = _new_kinds(session)
    # Ana's own limit (20), not the homework's 2. New cards come in the order they were made, and
    # the homework made its place cards first: they still lead.
    assert kinds == [(BANK, "place")] * session.settings.new_per_day
