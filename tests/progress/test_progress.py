"""The homework view on real simulated histories (`quiz demo`, every review through the study
session): what a teacher would check, on both engines."""

from __future__ import annotations

import json
import shutil
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from quiz.cli import main
from quiz.demo import run_demo
from quiz.doors.admin import copy
from quiz.doors.teacher import TeacherDoor
from quiz.errors import ClassroomError
from quiz.model import Kind
from quiz.stats.progress_model import CSV_COLUMNS, Flag

pytestmark = pytest.mark.engines

END = datetime(2026, 5, 10, 12, tzinfo=UTC)  # the demo studies the days before this
LAST_DAY = (END - timedelta(days=1)).date()
BANK = "belgrade-offensive"


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One simulated class, copied into each test's database (either engine) by `quiz db copy`'s code."""
    path = tmp_path_factory.mktemp("progress") / "demo.db"
    run_demo(path, students=3, days=8, seed=3, end=END)
    return path


@pytest.fixture
def demo(template: Path, db_path: Path | str) -> Path | str:
    if isinstance(db_path, Path):
        shutil.copyfile(template, db_path)
    else:
        copy(template, db_path)
    return db_path


def progress(db: Path | str, at: datetime, **options):  # type: ignore[no-untyped-def]
    door = TeacherDoor(db, "teacher", clock=lambda: at)
    try:
        return door.class_progress("demo", **options)
    finally:
        door.close()


def test_a_student_who_stopped_five_days_ago_is_flagged(demo: Path | str) -> None:
    five_days_on = END + timedelta(days=4)  # the last study day was END - 1 day
    report = progress(demo, five_days_on)
    stopped = [s for s in report.students if s.last_studied == LAST_DAY]
    assert stopped, "the demo has students who studied on its last day"
    for s in stopped:
        assert s.idle_days == 5 and Flag.IDLE in s.flags and "idle 5d" in s.flag_words()
        assert s.reviews_week > 0  # five of the last seven days had no study, two did
    patient = progress(demo, five_days_on, idle_days=6)
    assert all(Flag.IDLE not in s.flags for s in patient.students if s.last_studied == LAST_DAY)
    fresh = progress(demo, END)  # the day after the last study day: nobody is idle
    assert all(Flag.IDLE not in s.flags for s in fresh.students if s.last_studied == LAST_DAY)


def test_recall_on_an_exam_30_days_out_is_lower_than_today(demo: Path | str) -> None:
    today = progress(demo, END)
    exam = progress(demo, END, exam=END.date() + timedelta(days=30))
    assert today.exam is None and exam.exam == END.date() + timedelta(days=30)
    assert exam.class_recall is not None and today.class_recall is not None
    assert exam.class_recall < today.class_recall
    for now, later in zip(today.students, exam.students, strict=True):
        if now.cards_studied:
            assert later.recall < now.recall
            assert later.facts_known <= now.facts_known
    assert sum(f.class_recall for f in exam.facts) < sum(f.class_recall for f in today.facts)
    assert [f.class_recall for f in exam.facts] == sorted(f.class_recall for f in exam.facts)  # weakest first


def test_facts_are_counted_as_facts_not_cards(demo: Path | str) -> None:
    report = progress(demo, END, bank=BANK)
    door = TeacherDoor(demo, "teacher")
    facts = len(door.bank(BANK).facts)
    door.close()
    assert report.fact_count == facts and report.card_count > facts  # a fact has one card per kind
    for s in report.students:
        assert s.facts == facts and s.cards == report.card_count
        assert 0 <= s.facts_known <= facts
        assert s.cards_studied <= s.cards
        # a fact is known only when every one of its cards was studied, so never more than cards allow
        assert s.facts_known <= s.cards_studied
    for f in report.facts:
        assert 0 <= f.known_by <= f.students == len(report.students)


def test_unstudied_cards_count_zero(demo: Path | str) -> None:
    report = progress(demo, END)
    for s in report.students:
        if s.cards_studied < s.cards:
            assert s.recall <= s.cards_studied / s.cards  # every unstudied card pulls the mean down


def test_backlog_growing_when_nobody_studies(demo: Path | str) -> None:
    later = progress(demo, END + timedelta(days=10))
    assert any(s.backlog > s.backlog_week_ago for s in later.students)
    for s in later.students:
        assert (Flag.BACKLOG_GROWING in s.flags) == (s.backlog > s.backlog_week_ago)
        assert s.due_week >= s.backlog and s.reviews_week == 0 and s.streak == 0


def test_bad_input_is_one_clear_error(demo: Path | str) -> None:
    with pytest.raises(ClassroomError, match="no class named"):
        TeacherDoor(demo, "t", clock=lambda: END).class_progress("7z")
    with pytest.raises(ClassroomError, match="before today"):
        progress(demo, END, exam=date(2026, 1, 1))


def test_json_and_csv(demo: Path | str) -> None:
    runner = CliRunner()
    found = runner.invoke(main, ["--db", str(demo), "class", "progress", "demo", "--exam", "2099-01-01", "--json"])
    assert found.exit_code == 0, found.output
    data = json.loads(found.output)
    assert {"class", "bank", "banks", "exam", "recall_on", "today", "idle_days", "facts_in_bank", "cards_in_bank",
            "class_recall", "students", "facts", "legend"} <= set(data)
    assert data["exam"] == data["recall_on"] == "2099-01-01" and data["banks"] == [BANK]
    student = data["students"][0]
    assert {"name", "reviews_week", "due_week", "backlog", "backlog_week_ago", "streak", "last_studied",
            "true_retention", "predicted_recall", "facts_known", "facts", "weakest", "flags"} <= set(student)
    assert len(student["weakest"]) == 3 and set(student["weakest"][0]) == {"bank", "fact_id", "statement", "recall", "known"}
    assert len(data["facts"]) == data["facts_in_bank"]
    csv = runner.invoke(main, ["--db", str(demo), "class", "progress", "demo", "--bank", BANK, "--csv"])
    assert csv.exit_code == 0, csv.output
    lines = csv.output.splitlines()
    assert lines[0].split(",") == list(CSV_COLUMNS) and len(lines) == 1 + len(data["students"])
    table = runner.invoke(main, ["--db", str(demo), "class", "progress", "demo"])
    assert table.exit_code == 0 and "known: facts known / facts in the bank" in table.output
    assert "recall now (no" in table.output
    past = runner.invoke(main, ["--db", str(demo), "class", "progress", "demo", "--exam", "2000-01-01"])
    assert past.exit_code == 2 and "before today" in past.output


def test_the_view_follows_the_class_homework_unless_told_otherwise(demo: Path | str) -> None:
    """A teacher who set homework with an exam sees that bank on that day without naming them."""
    at = END + timedelta(days=1)
    exam = (END + timedelta(days=30)).date()
    door = TeacherDoor(demo, "teacher", clock=lambda: at)
    try:
        whole = door.class_progress("demo", bank=BANK)
        door.homework.set("demo", BANK, kinds=(Kind.DATE,), exam=exam, retention=0.95)
        followed = door.class_progress("demo")
        assert (followed.bank, followed.exam) == (BANK, exam)
        # its kinds only: a fact counts its date card, and facts without a date are not in the view
        assert 0 < followed.card_count == followed.fact_count < whole.card_count
        told = door.class_progress("demo", exam=(END + timedelta(days=3)).date())
        assert told.bank is None and told.exam == (END + timedelta(days=3)).date()  # what is given wins
        door.homework.stop(door.homework.all("demo")[0].id)
        assert (door.class_progress("demo").bank, door.class_progress("demo").exam) == (None, None)
    finally:
        door.close()
