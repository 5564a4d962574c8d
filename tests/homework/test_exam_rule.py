"""The exam rule (quiz.scheduling.exam): pure, so each case is one call."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from quiz.model import CardState, State
from quiz.scheduling.exam import ExamPlan, capped_state, covering, exam_capped_due
from quiz.scheduling.fsrs import Scheduler, recall_at

NOW = datetime(2026, 3, 2, 10, tzinfo=UTC)
DECAY = Scheduler().decay
EXAM = NOW + timedelta(days=10)


def _due(stability: float, due_in: float, retention: float = 0.9, exam: datetime | None = EXAM) -> datetime:
    return exam_capped_due(reviewed=NOW, due=NOW + timedelta(days=due_in), stability=stability, exam=exam,
                           retention=retention, decay=DECAY)


def test_recall_is_the_retention_fsrs_aims_at_after_one_stability() -> None:
    assert recall_at(30, 30, DECAY) == pytest.approx(0.9)
    assert recall_at(0, 30, DECAY) == 1.0
    assert recall_at(10, 30, DECAY) > 0.9 > recall_at(40, 30, DECAY)


@pytest.mark.parametrize("parameters", [None, [0.3, 1.2, 3.0, 16.0, *Scheduler().fsrs.parameters[4:20], 0.35]])
def test_the_rules_curve_is_the_one_both_progress_views_show(parameters: list[float] | None) -> None:
    """The rule's curve and `Scheduler.predicted_recall` (the teacher's view, the student's home)
    agree, under FSRS's defaults and under a learner's own decay."""
    scheduler = Scheduler(parameters=parameters)
    card = CardState(State.REVIEW, None, 12.0, 5.0, NOW + timedelta(days=12), NOW)
    for days in (0.5, 3, 12, 40, 200):
        later = NOW + timedelta(days=days)
        assert recall_at(days, 12.0, scheduler.decay) == pytest.approx(scheduler.predicted_recall(card, later), abs=1e-9)


def test_a_30_day_card_10_days_before_the_exam_is_kept_when_recalled_on_the_day() -> None:
    """R(exam) ≈ 0.965 ≥ 0.9: the usual 30-day interval stands, past the exam."""
    assert _due(30, 30) == NOW + timedelta(days=30)


def test_a_30_day_card_10_days_before_the_exam_is_reviewed_first_when_r_at_the_exam_is_too_low() -> None:
    """Wanting 0.97, R(exam) ≈ 0.965 falls short: due the last study day before the exam."""
    assert _due(30, 30, retention=0.97) == EXAM - timedelta(days=1)
    assert _due(5, 30) == EXAM - timedelta(days=1)  # R(10 days) with 5-day stability ≈ 0.83


def test_a_card_due_before_the_exam_is_never_moved() -> None:
    assert _due(5, 4, retention=0.99) == NOW + timedelta(days=4)


def test_after_the_exam_scheduling_is_the_usual() -> None:
    assert _due(5, 30, exam=NOW - timedelta(hours=1)) == NOW + timedelta(days=30)
    assert _due(5, 30, exam=None) == NOW + timedelta(days=30)


def test_in_the_last_day_before_the_exam_the_card_is_due_at_once() -> None:
    exam = NOW + timedelta(hours=12)
    assert _due(0.2, 3, exam=exam) == NOW


def test_a_card_not_yet_learnt_keeps_its_due_date() -> None:
    assert exam_capped_due(reviewed=NOW, due=NOW + timedelta(days=30), stability=None, exam=EXAM,
                           retention=0.9, decay=DECAY) == NOW + timedelta(days=30)


def test_the_earliest_exam_wins_and_the_cards_are_those_of_the_homework() -> None:
    card = CardState(State.REVIEW, None, 5.0, 5.0, NOW + timedelta(days=30), NOW)
    plans = [ExamPlan(1, "b", frozenset({"date"}), exam=EXAM + timedelta(days=5)),
             ExamPlan(2, "b", frozenset({"date"}), exam=EXAM)]
    capped = capped_state(card, NOW, plans, 0.9, DECAY)
    assert capped.due == EXAM - timedelta(days=1) and capped.stability == 5.0
    plans = [ExamPlan(1, "b", frozenset({"date"})), ExamPlan(2, "b", frozenset({"date", "place"}))]
    assert [p.homework_id for p in covering(plans, "b", "date")] == [1, 2]
    assert covering(plans, "b", "unit") == [] and covering(plans, "other", "date") == []


def test_the_rule_on_every_usual_interval_never_leaves_recall_below_retention_at_the_exam() -> None:
    """Whatever FSRS proposes, a due date at or after the exam leaves R(exam) ≥ retention."""
    for stability in (0.5, 1, 3, 9.5, 10, 10.4, 30, 200):
        for due_in in (1, 9, 10, 11, 40):
            due = _due(stability, due_in)
            if due >= EXAM:
                assert recall_at((EXAM - NOW) / timedelta(days=1), stability, DECAY) >= 0.9


def test_a_homework_asking_more_for_the_exam_day_brings_a_review_before_it() -> None:
    """Recall 0.9 at the exam suits a learner at 0.9 (FSRS's own date is kept), not a homework that
    wants 0.95 on the day: then the card comes back the day before."""
    stability = 20.0
    elapsed = 10.0  # days from the review to the exam: recall 0.94 on the day
    assert 0.9 < recall_at(elapsed, stability, DECAY) < 0.95
    exam = NOW + timedelta(days=elapsed)
    card = CardState(State.REVIEW, None, stability, 5.0, NOW + timedelta(days=30), NOW)
    own = ExamPlan(1, "b", frozenset({"date"}), exam=exam)
    strict = ExamPlan(2, "b", frozenset({"date"}), exam=exam, retention=0.95)
    assert capped_state(card, NOW, [own], 0.9, DECAY).due == card.due
    assert capped_state(card, NOW, [strict], 0.9, DECAY).due == exam - timedelta(days=1)
    assert capped_state(card, NOW, [strict], 0.97, DECAY).due == exam - timedelta(days=1)  # the larger wins
