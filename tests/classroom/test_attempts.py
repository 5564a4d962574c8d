"""Taking a paper: deadlines the store enforces, resuming, attempts and the open/close window,
marks, overrides, and a normal paper never touching the study schedule."""

from __future__ import annotations

from datetime import timedelta

import pytest

from quiz.classroom.report import Override
from quiz.errors import ClassroomError
from quiz.model import Kind, Mode, Outcome
from quiz.store import classroom as rows
from tests.classroom.conftest import BANK

pytestmark = pytest.mark.engines


def right(room, paper, position: int) -> str:
    return paper.questions[position].answer


def wrong(room, paper, position: int) -> str:
    return next(o for o in paper.questions[position].options if o != paper.questions[position].answer)


def test_take_and_submit(room, codes, clock) -> None:
    paper = room.new_paper(BANK, "Take", class_name="7B", count=4, time_limit=timedelta(minutes=15), seed=1)
    view = room.start_attempt(paper.code, "Ana", codes["Ana"])
    assert view.deadline == clock.now + timedelta(minutes=15)
    assert not view.submitted and view.answers == {}
    assert {item.position for item in view.items} == {0, 1, 2, 3}
    assert not any(hasattr(item, "answer") for item in view.items)  # the screen never gets the key
    room.answer(view.attempt_id, 0, right(room, paper, 0))
    room.answer(view.attempt_id, 1, wrong(room, paper, 1))
    room.answer(view.attempt_id, 1, right(room, paper, 1))  # changed before submitting
    room.answer(view.attempt_id, 2, wrong(room, paper, 2))
    clock.advance(minutes=5)
    result = room.submit(view.attempt_id)
    assert (result.score, result.max, result.key_shown) == (2.0, 4, False)
    assert {i.position: i.verdict for i in result.items} == {0: "correct", 1: "correct", 2: "wrong", 3: "unanswered"}
    assert all(i.answer is None for i in result.items)
    with pytest.raises(ClassroomError, match="submitted"):
        room.answer(view.attempt_id, 3, right(room, paper, 3))
    assert room.submit(view.attempt_id) == result  # submitting twice changes nothing
    assert room.attempts_for("Ana") == [(paper.code, "Take", 2.0, 4, clock.now)]


def test_an_answer_after_the_deadline_is_refused_by_the_store(room, codes, clock) -> None:
    paper = room.new_paper(BANK, "Timed", class_name="7B", count=3, time_limit=timedelta(minutes=10), seed=1)
    view = room.start_attempt(paper.code, "Ana", codes["Ana"])
    clock.advance(minutes=9, seconds=59)
    room.answer(view.attempt_id, 0, right(room, paper, 0))
    clock.advance(seconds=1)  # exactly at the deadline: too late
    with pytest.raises(ClassroomError, match="time is up"):
        room.answer(view.attempt_id, 1, right(room, paper, 1))
    # The store itself refuses, whatever the caller checked before.
    late = rows.record_answer(room.db, view.attempt_id, 1, "x", Outcome.CORRECT, lambda: clock.now + timedelta(microseconds=1))
    assert late == "late"
    result = room.submit(view.attempt_id)
    assert result.score == 1.0
    submitted = room.db.execute("SELECT submitted FROM attempts").fetchone()[0]
    assert submitted == "2026-03-02T10:10:00.000000+00:00"  # at the deadline, not when asked


def test_resume_keeps_the_deadline_and_answers(room, codes, clock) -> None:
    paper = room.new_paper(BANK, "Resume", class_name="7B", count=3, time_limit=timedelta(minutes=15), seed=1)
    first = room.start_attempt(paper.code, "Boris", codes["Boris"])
    room.answer(first.attempt_id, 2, right(room, paper, 2))
    clock.advance(minutes=6)
    again = room.start_attempt(paper.code, "Boris", codes["Boris"])
    assert again.attempt_id == first.attempt_id
    assert again.deadline == first.deadline
    assert again.answers == {2: right(room, paper, 2)}
    assert again.items == first.items


def test_the_deadline_never_passes_the_closing_time(room, codes, clock) -> None:
    closes = clock.now + timedelta(minutes=5)
    paper = room.new_paper(BANK, "Closing", class_name="7B", count=2, time_limit=timedelta(hours=1), closes=closes, seed=1)
    view = room.start_attempt(paper.code, "Ana", codes["Ana"])
    assert view.deadline == closes
    clock.advance(minutes=5)
    with pytest.raises(ClassroomError, match="closed at"):
        room.start_attempt(paper.code, "Cvijeta", codes["Cvijeta"])


def test_attempts_limit_and_opening_time(room, codes, clock) -> None:
    paper = room.new_paper(BANK, "Twice", class_name="7B", count=2, attempts=2, time_limit=timedelta(minutes=5),
                           opens=clock.now + timedelta(hours=1), seed=1)
    with pytest.raises(ClassroomError, match="opens at"):
        room.start_attempt(paper.code, "Ana", codes["Ana"])
    clock.advance(hours=1)
    one = room.start_attempt(paper.code, "Ana", codes["Ana"])
    room.submit(one.attempt_id)
    two = room.start_attempt(paper.code, "Ana", codes["Ana"])
    assert two.attempt_id != one.attempt_id
    clock.advance(minutes=6)  # the second one runs out unsubmitted: it counts as used
    with pytest.raises(ClassroomError, match="used all 2 attempt"):
        room.start_attempt(paper.code, "Ana", codes["Ana"])


def test_bad_answers(room, codes) -> None:
    paper = room.new_paper(BANK, "Bad", class_name="7B", count=2, seed=1, draw=1)
    view = room.start_attempt(paper.code, "Ana", codes["Ana"])
    (item,) = view.items
    other = 1 - item.position
    with pytest.raises(ClassroomError, match="not on this student's paper"):
        room.answer(view.attempt_id, other, "x")
    with pytest.raises(ClassroomError, match="is not one of its options"):
        room.answer(view.attempt_id, item.position, "[/] not an option")
    with pytest.raises(ClassroomError, match="no attempt"):
        room.answer(9999, 0, "x")


def test_typed_answers_are_checked_and_a_teacher_can_override(room, codes, clock) -> None:
    paper = room.new_paper(BANK, "Typed", class_name="7B", count=2, kinds=(Kind.PLACE,), modes=(Mode.TYPED,), seed=3)
    view = room.start_attempt(paper.code, "Dušan", codes["Dušan"])
    room.answer(view.attempt_id, 0, paper.questions[0].answer.upper())
    room.answer(view.attempt_id, 1, "Somewhere else entirely")
    assert room.submit(view.attempt_id).score == 1.0
    clock.advance(hours=1)
    room.override(paper.code, "Dušan", 1, Outcome.CORRECT, by="Ms Petrović")
    student = room.results(paper.code).students[0]
    assert student.score == 2.0
    second = student.answers[1]
    assert second.verdict is Outcome.CORRECT and second.checker_verdict is Outcome.WRONG
    assert second.override == Override(Outcome.CORRECT, "Ms Petrović", clock.now)
    assert second.to_dict()["override"] == {"verdict": "correct", "by": "Ms Petrović",
                                            "at": "2026-03-02T11:00:00.000000+00:00"}
    with pytest.raises(ClassroomError, match="a verdict is one of"):
        room.override(paper.code, "Dušan", 1, Outcome.UNANSWERED, by="Ms Petrović")
    with pytest.raises(ClassroomError, match="no finished attempt"):
        room.override(paper.code, "Ana", 1, Outcome.CORRECT, by="Ms Petrović")


def test_a_normal_paper_never_touches_the_study_schedule(room, codes) -> None:
    paper = room.new_paper(BANK, "Exam", class_name="7B", count=3, seed=1)
    view = room.start_attempt(paper.code, "Ana", codes["Ana"])
    for position in range(3):
        room.answer(view.attempt_id, position, right(room, paper, position))
    room.submit(view.attempt_id)
    counts = [room.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in ("cards", "reviews")]
    assert counts == [0, 0]


def test_the_key_is_shown_only_when_the_paper_allows(room, codes) -> None:
    paper = room.new_paper(BANK, "Key", class_name="7B", count=2, seed=1, show_key=True)
    view = room.start_attempt(paper.code, "Ana", codes["Ana"])
    result = room.submit(view.attempt_id)
    assert result.key_shown and [i.answer for i in result.items] == [paper.questions[i.position].answer
                                                                      for i in result.items]


def test_a_practice_paper_reviews_the_students_cards_once(room, codes, clock) -> None:
    paper = room.new_paper(BANK, "Practice", class_name="7B", count=3, seed=1, practice=True)
    view = room.start_attempt(paper.code, "Ana", codes["Ana"])
    room.answer(view.attempt_id, 0, right(room, paper, 0))
    room.answer(view.attempt_id, 1, wrong(room, paper, 1))  # question 3 left: not reviewed
    room.submit(view.attempt_id)
    room.submit(view.attempt_id)  # a second submit reviews nothing again
    reviews = room.db.execute(
        "SELECT c.fact_id, c.kind, r.rating, r.verdict, c.state FROM reviews r JOIN cards c ON c.id = r.card_id "
        "JOIN learners l ON l.id = r.learner_id WHERE l.name = 'Ana' ORDER BY r.rating DESC"
    ).fetchall()
    first, second = paper.questions[0], paper.questions[1]
    assert reviews == [
        (first.fact_id, first.kind.value, 3, "correct", "learning"),
        (second.fact_id, second.kind.value, 1, "wrong", "learning"),
    ]
