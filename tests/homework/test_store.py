"""Homework's rows on both engines: set, listed, shown per student, stopped, gone with its class."""

from __future__ import annotations

from datetime import date

import pytest

from quiz.errors import HomeworkError
from quiz.model import Kind
from quiz.store import homework as rows
from tests.homework.conftest import BANK

pytestmark = pytest.mark.engines


def test_set_gives_each_student_the_cards_of_its_kinds(homework, db, clock) -> None:
    info, made = homework.set("7b", BANK, (Kind.DATE, Kind.PLACE,), 5, date(2026, 3, 12))
    assert (info.class_name, info.bank, info.kinds, info.daily, info.exam) == ("7b", BANK, ("date", "place"), 5,
                                                                                date(2026, 3, 12))
    assert info.active and info.created == clock()
    report = homework.report(info.id)
    assert [s.name for s in report.students] == ["Ana", "Boris"]
    total = report.students[0].total
    assert made == 2 * total > 0
    assert all((s.started, s.total, s.due_today) == (0, total, 0) for s in report.students)
    ana = rows.class_learners(db, info_class_id(db, info.id))[0][0]
    assert rows.homework_cards(db, ana, BANK, ["unit"], clock())[1] == 0  # no unit cards were made
    again, made_again = homework.set("7b", BANK, (Kind.PLACE,))  # a second homework: its cards exist already
    assert made_again == 0 and again.daily is None and again.exam is None
    assert [h.id for h in homework.all("7b")] == [info.id, again.id]


def info_class_id(db, homework_id: int) -> int:
    row = rows.homework_row(db, homework_id)
    assert row is not None
    return row.class_id


def test_stop_keeps_the_row_and_the_cards(homework, db, clock) -> None:
    info, _ = homework.set("7b", BANK, (Kind.DATE,))
    clock.advance(days=1)
    stopped = homework.stop(info.id)
    assert not stopped.active and stopped.stopped == clock()
    assert homework.report(info.id).students[0].total > 0
    with pytest.raises(HomeworkError, match="^homework .* stopped already"):
        homework.stop(info.id)
    assert rows.learner_homework(db, rows.class_learners(db, info_class_id(db, info.id))[0][0]) == []


def test_active_homework_of_a_learner_and_the_cascade_with_its_class(homework, db, clock) -> None:
    info, _ = homework.set("7b", BANK, (Kind.UNIT, Kind.PLACE,), 3, date(2026, 4, 1))
    class_id = info_class_id(db, info.id)
    ana = rows.class_learners(db, class_id)[0][0]
    (row,) = rows.learner_homework(db, ana)
    assert (row.bank, row.kinds, row.daily, row.exam) == (BANK, ("unit", "place"), 3, "2026-04-01")
    assert rows.new_started_since(db, ana, BANK, ["unit", "place"], clock()) == 0
    with db.write():
        db.execute("DELETE FROM classes WHERE id = ?", [class_id])
    assert rows.homework_rows(db) == [] and rows.learner_homework(db, ana) == []


BAD = [
    (("9z", BANK), "class name"), (("7b", "nope"), "bank"), (("7b", BANK, ()), "kinds"),
    (("7b", BANK, None, -1), "daily"),
    (("7b", BANK, None, None, date(2026, 3, 1)), "exam"),  # the day before the test clock's
    (("7b", BANK, None, None, None, 0.95), "retention"),  # a retention for no exam
    (("7b", BANK, None, None, date(2026, 4, 1), 0.999), "retention"),
]


def test_bad_input_names_its_field_and_writes_nothing(homework, db) -> None:
    for args, field in BAD:  # one database for all: a PostgreSQL schema costs a few tenths of a second
        with pytest.raises(HomeworkError, match=f"^{field}: "):
            homework.set(*args)
    assert rows.homework_rows(db) == []
