"""Each statistic of one learner against the hand-made history in `history.py`, number by number."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import fsrs
import pytest

from quiz.doors.learner import LearnerDoor
from quiz.stats import LearnerReport, Period
from tests.stats import history
from tests.stats.history import LEARNER, NOW


@pytest.fixture
def report(tmp_path: Path) -> LearnerReport:
    desk = LearnerDoor(history.build(tmp_path / "quiz.db"), LEARNER, clock=lambda: NOW)
    try:
        return desk.statistics.learner(period=Period(date(2026, 10, 20), date(2026, 10, 27)))
    finally:
        desk.close()


def day(report: LearnerReport, text: str):  # type: ignore[no-untyped-def]
    return next(d for d in report.days if d.day == date.fromisoformat(text))


def test_reviews_per_day_by_type_in_local_study_days(report: LearnerReport) -> None:
    assert [(d.day.isoformat(), d.learning, d.young, d.mature, d.relearning, d.passed) for d in report.days] == [
        ("2026-10-20", 1, 0, 0, 0, 1),
        ("2026-10-21", 0, 0, 0, 0, 0),
        ("2026-10-22", 0, 0, 0, 0, 0),
        ("2026-10-23", 0, 0, 0, 0, 0),
        ("2026-10-24", 2, 0, 0, 0, 1),  # 22:30 CEST and 02:30 CET after the clocks went back
        ("2026-10-25", 0, 1, 0, 0, 1),
        ("2026-10-26", 0, 0, 1, 1, 1),  # 23:59, and 00:30 before the 4 am rollover
        ("2026-10-27", 0, 0, 1, 0, 1),
    ]
    assert day(report, "2026-10-24").time_s == 10.0
    assert report.reviews == 7


def test_true_retention_table(report: LearnerReport) -> None:
    table = {r.period: (r.young.reviews, r.young.passed, r.mature.reviews, r.mature.passed) for r in report.retention}
    assert table == {
        "today": (0, 0, 1, 1),
        "yesterday": (0, 0, 1, 0),
        "week": (1, 1, 2, 1),
        "month": (1, 1, 2, 1),
        "year": (1, 1, 2, 1),
        "all": (1, 1, 2, 1),
    }
    assert report.retention_for("week").total.rate == round(2 / 3, 4)
    assert day(report, "2026-10-26").retention == 0.0


def test_today(report: LearnerReport) -> None:
    t = report.today
    assert (t.day, t.reviews, t.passed, t.time_s, t.new, t.learning, t.review, t.relearning) == (
        date(2026, 10, 27), 1, 1, 5.0, 0, 0, 1, 0)


def test_hourly_in_the_learners_zone(report: LearnerReport) -> None:
    assert {h: t.reviews for h, t in enumerate(report.hourly) if t.reviews} == {0: 1, 2: 1, 4: 1, 10: 1, 12: 1, 22: 1, 23: 1}
    assert report.hourly[23].passed == 0 and report.hourly[10].passed == 1


def test_calendar_and_streaks(report: LearnerReport) -> None:
    c = report.calendar
    assert [(d.isoformat(), n) for d, n in c.days] == [
        ("2026-10-20", 1), ("2026-10-24", 2), ("2026-10-25", 1), ("2026-10-26", 2), ("2026-10-27", 1)]
    assert (c.current_streak, c.longest_streak) == (4, 4)
    assert report.last_studied == date(2026, 10, 27)


def test_forecast_and_daily_load(report: LearnerReport) -> None:
    due = {d.isoformat(): n for d, n in report.forecast.days if n}
    assert due == {"2026-10-27": 1, "2026-11-04": 1, "2026-11-21": 1}  # the overdue card counts today
    assert len(report.forecast.days) == 30 and report.forecast.days[0][0] == date(2026, 10, 27)
    assert report.forecast.daily_load == pytest.approx(1 / 10 + 1 / 25 + 1)


def _r(stability: float, last: str) -> float:
    card = fsrs.Card(card_id=1, state=fsrs.State.Review, stability=stability, difficulty=5.0,
                     last_review=datetime.fromisoformat(last + "+00:00"))
    return fsrs.Scheduler().get_card_retrievability(card, NOW)


def test_fsrs_distributions_and_known(report: LearnerReport) -> None:
    f = report.fsrs
    assert {b.label: b.cards for b in f.stability if b.cards} == {"1-3d": 1, "7-14d": 1, "14-30d": 1}
    assert {b.label: b.cards for b in f.difficulty if b.cards} == {"5-6": 1, "7-8": 1, "9-10": 1}
    r1 = _r(10.0, "2026-10-25T03:30:00")  # two whole days since the review
    assert r1 == pytest.approx(0.9728, abs=1e-4)
    assert {b.label: b.cards for b in f.retrievability if b.cards} == {"90-100%": 3}
    assert f.known == pytest.approx(r1 + 1 + 1)
    assert {g.name: round(g.known, 6) for g in f.by_bank} == {"b1": round(r1 + 1, 6), "b2": 1.0}


def test_mastery_by_kind_and_bank(report: LearnerReport) -> None:
    kinds = {g.name: (g.cards, g.answered, g.mastered, g.share) for g in report.fsrs.by_kind}
    assert kinds == {"date": (2, 1, 1, 0.5), "place": (1, 1, 1, 1.0), "unit": (1, 1, 1, 1.0)}
    banks = {g.name: (g.cards, g.mastered) for g in report.fsrs.by_bank}
    assert banks == {"b1": (2, 2), "b2": (2, 1)}
    assert report.mastery == 0.75


def test_hardest_facts(report: LearnerReport) -> None:
    assert [(h.bank, h.fact_id, h.statement, h.lapses, h.leech) for h in report.hardest] == [
        ("b2", "f3", "Fact f3", 1, False)]
    assert report.hardest[0].retrievability == pytest.approx(1.0)
    assert report.leeches == 0


def test_bank_filter(tmp_path: Path) -> None:
    desk = LearnerDoor(history.build(tmp_path / "quiz.db"), LEARNER, clock=lambda: NOW)
    stats = desk.statistics
    report = stats.learner(period=stats.period(date(2026, 10, 20), None, "b2"))
    assert report.reviews == 3 and report.period.until == date(2026, 10, 27)
    assert [g.name for g in report.fsrs.by_bank] == ["b2"]
    desk.close()


def test_a_review_at_2359_and_one_at_midnight_fall_on_two_days(tmp_path: Path) -> None:
    """Rollover at midnight: 23:59 is the day's last minute, 00:00 the next day's first."""
    reviews = [(1, "2026-03-28 23:59", 0, "new", None, 3), (2, "2026-03-29 00:00", 0, "new", None, 3),
               (1, "2026-03-29 03:30", 0, "learning", None, 3)]  # after the spring-forward gap (02:00-03:00)
    desk = LearnerDoor(history.build(tmp_path / "quiz.db", reviews, rollover=0), LEARNER,
                clock=lambda: datetime.fromisoformat(history.local("2026-03-29 12:00")))
    report = desk.statistics.learner(period=Period(date(2026, 3, 28), date(2026, 3, 29)))
    assert [(d.day.isoformat(), d.reviews) for d in report.days] == [("2026-03-28", 1), ("2026-03-29", 2)]
    assert {h: t.reviews for h, t in enumerate(report.hourly) if t.reviews} == {23: 1, 0: 1, 3: 1}
    desk.close()


def test_undo_takes_a_review_back_out_of_the_roll_up(tmp_path: Path) -> None:
    from quiz.store import open_db

    path = history.build(tmp_path / "quiz.db")
    db = open_db(path)
    with db.conn:
        db.conn.execute("DELETE FROM reviews WHERE reviewed_at = ?", [history.local("2026-10-27 10:00")])
    db.close()
    desk = LearnerDoor(path, LEARNER, clock=lambda: NOW)
    report = desk.statistics.learner(period=Period(date(2026, 10, 27), date(2026, 10, 27)))
    assert report.reviews == 0 and report.retention_for("today").mature.reviews == 0
    desk.close()


def test_default_period_is_the_last_twelve_months(tmp_path: Path) -> None:
    desk = LearnerDoor(history.build(tmp_path / "quiz.db"), LEARNER, clock=lambda: NOW)
    report = desk.statistics.learner()
    assert report.period.until == date(2026, 10, 27)
    assert report.period.until - report.period.since == timedelta(days=364)
    assert len(report.days) == 365
    desk.close()
