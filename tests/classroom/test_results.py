"""`results`: the worked example of test_analysis, taken through the store by four students."""

from __future__ import annotations

import csv
import io
import math
from datetime import timedelta

import pytest

from quiz.classroom.report import MarkedAnswer
from quiz.model import Kind, Outcome
from tests.classroom.conftest import BANK

pytestmark = pytest.mark.engines

# Ana, Boris, Cvijeta, Dušan answer questions 1-3 so that (1 = right):
#   Ana 1 1 1 (3)   Boris 1 1 0 (2)   Cvijeta 1 0 0 (1)   Dušan 0 0 - (0, question 3 left unanswered)
PATTERN = {"Ana": (1, 1, 1), "Boris": (1, 1, 0), "Cvijeta": (1, 0, 0), "Dušan": (0, 0, None)}


@pytest.fixture
def taken(room, codes, clock):
    paper = room.new_paper(BANK, "Worked", class_name="7B", count=3, seed=11)
    for minutes, (name, marks) in enumerate(PATTERN.items(), start=1):
        view = room.start_attempt(paper.code, name, codes[name])
        for position, mark in enumerate(marks):
            if mark is None:
                continue
            question = paper.questions[position]
            wrong = [o for o in question.options if o != question.answer]
            room.answer(view.attempt_id, position, question.answer if mark else wrong[0])
        clock.advance(minutes=minutes)
        room.submit(view.attempt_id)
    return paper


def test_grades_and_item_analysis_through_the_store(room, taken) -> None:
    report = room.results(taken.code)
    assert [(s.name, s.score, s.max) for s in report.students] == [
        ("Ana", 3.0, 3), ("Boris", 2.0, 3), ("Cvijeta", 1.0, 3), ("Dušan", 0.0, 3),
    ]
    assert [s.seconds for s in report.students] == [60.0, 120.0, 180.0, 240.0]
    assert report.students[3].answers[2] == MarkedAnswer(3, taken.questions[2].prompt, None, Outcome.UNANSWERED,
                                                         None, None)
    assert report.to_dict()["students"][3]["answers"][2] == {
        "question": 3, "prompt": taken.questions[2].prompt, "given": None, "verdict": "unanswered",
        "checker_verdict": None, "override": None,
    }
    # facility and discrimination as worked in test_analysis: .75/.52223, .5/.70711, .25/.52223
    items = report.items
    assert [i.facility for i in items] == [0.75, 0.5, 0.25]
    assert [i.discrimination for i in items] == pytest.approx([0.52223, 1 / math.sqrt(2), 0.52223], abs=1e-5)
    # question 1: the key chosen by Ana, Boris, Cvijeta (r = 0.77460), the first distractor by Dušan
    # (r = -0.77460), the other two by nobody (no spread: null, and flagged)
    first = {o.text: o for o in items[0].options}
    key = first[taken.questions[0].answer]
    assert (key.correct, key.chosen) == (True, 3)
    assert key.point_biserial == pytest.approx(1.5 / math.sqrt(3.75))
    distractors = sorted((o for o in items[0].options if not o.correct), key=lambda o: -o.chosen)
    assert distractors[0].chosen == 1
    assert distractors[0].point_biserial == pytest.approx(-1.5 / math.sqrt(3.75))
    assert [o.point_biserial for o in distractors[1:]] == [None, None]
    assert items[0].flags == ("unchosen_distractor",)
    assert sum(o.chosen for o in items[2].options) == 3  # Dušan left question 3
    summary = report.summary
    assert (summary.mean, summary.median, summary.attempts, summary.max) == (1.5, 1.5, 4, 3)
    assert summary.sd == pytest.approx(math.sqrt(5 / 3))
    assert summary.alpha == pytest.approx(0.75)
    assert summary.histogram == (1, 1, 1, 1)
    assert report.paper.code == taken.code and len(report.paper.questions) == 3


def test_results_csv_has_a_row_per_student_and_answer(room, taken) -> None:
    table = list(csv.DictReader(io.StringIO(room.results_csv(taken.code))))
    assert len(table) == 12
    assert table[0]["student"] == "Ana" and table[0]["verdict"] == "correct"
    assert table[0]["answer"] == taken.questions[0].answer
    assert [r["verdict"] for r in table if r["student"] == "Dušan"] == ["wrong", "wrong", "unanswered"]


def test_an_attempt_in_progress_is_not_counted_until_its_deadline(room, codes, clock) -> None:
    paper = room.new_paper(BANK, "Open", class_name="7B", count=2, time_limit=timedelta(minutes=10), seed=1)
    view = room.start_attempt(paper.code, "Ana", codes["Ana"])
    room.answer(view.attempt_id, 0, paper.questions[0].answer)
    report = room.results(paper.code)
    assert (report.summary.attempts, report.summary.in_progress) == (0, 1)
    clock.advance(minutes=11)
    report = room.results(paper.code)
    assert (report.summary.attempts, report.students[0].score) == (1, 1.0)
    assert report.students[0].seconds == 600.0


def test_with_a_draw_each_item_counts_the_students_who_had_it(room, codes) -> None:
    paper = room.new_paper(BANK, "Drawn", class_name="7B", count=6, kinds=(Kind.DATE, Kind.PLACE), draw=2, seed=5)
    asked: dict[int, int] = {}
    for name in codes:
        view = room.start_attempt(paper.code, name, codes[name])
        for item in view.items:
            asked[item.position] = asked.get(item.position, 0) + 1
            room.answer(view.attempt_id, item.position, paper.questions[item.position].answer)
        room.submit(view.attempt_id)
    report = room.results(paper.code)
    assert [s.max for s in report.students] == [2, 2, 2, 2]
    assert {i.question - 1: i.takers for i in report.items if i.takers} == asked
    assert all(i.facility == 1.0 for i in report.items if i.takers)
    assert all(i.facility is None for i in report.items if not i.takers)
    assert report.summary.alpha is None  # students answered different items


def test_the_teachers_door_hands_out_one_classroom_per_connection(db_path, clock) -> None:
    from quiz.doors.teacher import TeacherDoor

    desk = TeacherDoor(db_path, "teacher", clock=clock)
    room = desk.classroom
    assert desk.classroom is room and room.clock is clock
    room.new_class("7B")
    desk.close()
    assert desk.classroom is not room and [c.name for c in desk.classroom.classes()] == ["7B"]
    desk.close()
