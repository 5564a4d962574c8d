"""`quiz demo` (deterministic for a seed, refusing real data) and the class view it feeds."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from quiz.cli import main
from quiz.demo import run_demo
from quiz.doors.teacher import TeacherDoor
from tests.stats import history

END = datetime(2026, 5, 10, 12, tzinfo=UTC)


def histories(path: Path) -> list[tuple]:
    with sqlite3.connect(path) as conn:
        return conn.execute(
            "SELECT l.name, c.fact_id, c.kind, r.reviewed_at, r.rating, r.state_before FROM reviews r "
            "JOIN cards c ON c.id = r.card_id JOIN learners l ON l.id = r.learner_id ORDER BY r.id"
        ).fetchall()


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    run_demo(path, students=3, days=5, seed=4, end=END)
    return path


def test_demo_is_deterministic_for_a_seed(demo_db: Path, tmp_path: Path) -> None:
    again = tmp_path / "again.db"
    result = run_demo(again, students=3, days=5, seed=4, end=END)
    assert histories(again) == histories(demo_db)
    assert result.students == 3 and result.reviews == len(histories(demo_db)) > 0
    other = tmp_path / "other.db"
    run_demo(other, students=3, days=5, seed=5, end=END)
    assert histories(other) != histories(demo_db)


def test_demo_answers_through_the_session_on_the_simulated_days(demo_db: Path) -> None:
    rows = histories(demo_db)
    days = {at[:10] for _, _, _, at, _, _ in rows}
    assert days <= {f"2026-05-{d:02d}" for d in range(5, 10)}
    assert {state for *_, state in rows} >= {"new"}
    assert len({name for name, *_ in rows}) >= 2


def test_class_view_rows_and_papers(demo_db: Path) -> None:
    desk = TeacherDoor(demo_db, "teacher", clock=lambda: END)
    report = desk.statistics.class_report("demo")
    desk.close()
    assert len(report.students) == 3
    by_name = {s.name: s for s in report.students}
    assert sum(s.reviews for s in report.students) == report.total.reviews == len(histories(demo_db))
    for student in report.students:
        assert student.last_studied is None or student.last_studied <= END.date()
        assert all(0 <= p.score <= p.max == 10 for p in student.papers)
    assert sum(len(s.papers) for s in by_name.values()) >= 3  # two papers, sat by everyone still studying
    data = report.to_dict()
    assert list(data)[:2] == ["class", "students"] and data["class"] == "demo"
    assert set(data["students"][0]) == {"name", "reviews", "true_retention", "mastery", "streak", "last_studied",
                                        "papers"}


def test_class_totals_are_the_sum_of_the_students(tmp_path: Path) -> None:
    path = history.build(tmp_path / "quiz.db")
    desk = TeacherDoor(path, history.LEARNER, clock=lambda: history.NOW)
    desk.classroom.new_class("7b")
    desk.classroom.add_students("7b", [history.LEARNER, "ben"])
    stats = desk.statistics
    report = stats.class_report("7b", stats.period(None, None, learner=history.LEARNER))
    ana = next(s for s in report.students if s.name == history.LEARNER)
    ben = next(s for s in report.students if s.name == "ben")
    assert (ana.reviews, ana.retention, ana.streak, ana.mastery) == (7, round(2 / 3, 4), 4, 0.75)
    assert (ben.reviews, ben.retention, ben.last_studied, ben.mastery) == (0, None, None, None)
    assert report.total.retention_for("all").total.reviews == 3
    assert [(d.isoformat(), n) for d, n in report.total.calendar.days][-1] == ("2026-10-27", 1)
    desk.close()


def test_demo_refuses_a_database_with_real_data(tmp_path: Path) -> None:
    path = history.build(tmp_path / "quiz.db")
    result = CliRunner().invoke(main, ["demo", "--students", "2", "--days", "2", "--db", str(path)])
    assert result.exit_code == 2
    assert result.output.strip().splitlines()[-1].startswith(f"quiz: {path} holds 1 learner outside any class")


def test_quiz_demo_then_quiz_stats_class(tmp_path: Path) -> None:
    path = tmp_path / "demo.db"
    result = CliRunner().invoke(main, ["demo", "--students", "2", "--days", "3", "--seed", "1", "--db", str(path)])
    assert result.exit_code == 0, result.output
    assert f"class 'demo' in {path}" in result.output
    out = CliRunner().invoke(main, ["--db", str(path), "stats", "--class", "demo", "--json"])
    assert out.exit_code == 0, out.output
    assert len(json.loads(out.output)["students"]) == 2
    again = CliRunner().invoke(main, ["demo", "--students", "2", "--days", "3", "--db", str(path)])
    assert again.exit_code == 2 and "has a class 'demo' already" in again.output
