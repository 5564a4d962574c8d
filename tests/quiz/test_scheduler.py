"""The fsrs wrapper and the learner's settings and study day."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from quiz.library.learners import ensure_learner
from quiz.library.preferences import load_settings, save_settings
from quiz.model import CardState, Rating
from quiz.scheduling.fsrs import Scheduler, retrievability
from quiz.settings import Settings, day_start, next_day_start, study_day
from quiz.store import open_db
from quiz.tui.format import format_interval

AGAIN, HARD, GOOD, EASY = Rating

NOW = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)


def test_new_card_good_then_good_reaches_review():
    s = Scheduler()
    card = s.review(CardState(), GOOD, NOW)
    assert (card.state, card.step, card.reps, card.due) == ("learning", 1, 1, NOW + timedelta(minutes=10))
    card = s.review(card, GOOD, NOW + timedelta(minutes=10))
    assert card.state == "review" and card.due - (NOW + timedelta(minutes=10)) >= timedelta(days=1)


def test_preview_matches_review_for_every_rating():
    s = Scheduler()
    card = s.review(s.review(CardState(), GOOD, NOW), GOOD, NOW + timedelta(minutes=10))
    later = NOW + timedelta(days=5)
    preview = s.preview(card, later)
    assert preview[AGAIN] < preview[HARD] <= preview[GOOD] < preview[EASY]
    for rating, interval in preview.items():
        assert s.review(card, rating, later).due - later == interval


def test_lapse_counted_only_when_a_review_card_is_forgotten():
    s = Scheduler()
    learning = s.review(CardState(), AGAIN, NOW)
    assert learning.lapses == 0
    review = CardState("review", None, 5.0, 5.0, NOW, NOW - timedelta(days=5), 4, 0)
    assert s.review(review, AGAIN, NOW).lapses == 1
    assert s.review(review, AGAIN, NOW).state == "relearning"


def test_leech_tag_and_suspend():
    review = CardState("review", None, 5.0, 5.0, NOW, NOW - timedelta(days=5), 20, 7)
    tagged = Scheduler(Settings()).review(review, AGAIN, NOW)
    assert (tagged.lapses, tagged.leech, tagged.suspended) == (8, True, False)
    suspended = Scheduler(Settings(leech_action="suspend")).review(review, AGAIN, NOW)
    assert (suspended.leech, suspended.suspended) == (True, True)


def test_settings_shape_the_scheduler():
    card = CardState("review", None, 400.0, 5.0, NOW, NOW - timedelta(days=400), 10, 0)
    assert Scheduler(Settings(maximum_interval=30)).preview(card, NOW)[EASY] == timedelta(days=30)
    low = Scheduler(Settings(desired_retention=0.8)).preview(card, NOW)[GOOD]
    high = Scheduler(Settings(desired_retention=0.95)).preview(card, NOW)[GOOD]
    assert low > high
    assert Scheduler(Settings(learning_steps=(5, 30))).preview(CardState(), NOW)[AGAIN] == timedelta(minutes=5)


def test_times_must_be_aware_and_ratings_valid():
    with pytest.raises(ValueError):
        Scheduler().review(CardState(), GOOD, NOW.replace(tzinfo=None))
    with pytest.raises(ValueError):
        Scheduler().review(CardState(), 5, NOW)


def test_retrievability():
    card = CardState("review", None, 10.0, 5.0, NOW + timedelta(days=10), NOW, 3, 0)
    assert retrievability(CardState(), NOW) is None
    soon, later = retrievability(card, NOW + timedelta(days=1)), retrievability(card, NOW + timedelta(days=30))
    assert 1 > soon > later > 0


def test_format_interval():
    assert [format_interval(timedelta(seconds=s)) for s in (30, 600, 7200, 86400 * 3, 86400 * 60, 86400 * 800)] == [
        "1m", "10m", "2h", "3d", "2.0mo", "2.2y",
    ]


def test_settings_round_trip_and_validation(tmp_path):
    db = open_db(tmp_path / "q.db")
    ann = ensure_learner(db, "ann")
    assert load_settings(db, ann.id) == Settings()
    saved = save_settings(db, ann.id, new_per_day="5", learning_steps="2 20", bury_new_siblings="off")
    assert (saved.new_per_day, saved.learning_steps, saved.bury_new_siblings) == (5, (2, 20), False)
    assert load_settings(db, ann.id) == saved
    for bad in ({"options_per_question": 6}, {"desired_retention": 1.2}, {"leech_action": "delete"},
                {"timezone": "Mars/Olympus"}, {"colour": "red"}, {"new_per_day": "many"}):
        with pytest.raises(ValueError):
            save_settings(db, ann.id, **bad)
    assert load_settings(db, ann.id) == saved
    other = ensure_learner(db, "bo")
    assert load_settings(db, other.id) == Settings()


def test_study_day_rolls_over_at_4_am_local():
    belgrade = Settings(timezone="Europe/Belgrade")  # UTC+1 in March
    at_2am_local = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)
    assert study_day(at_2am_local, belgrade).isoformat() == "2026-03-01"
    assert day_start(at_2am_local, belgrade) == datetime(2026, 3, 1, 3, 0, tzinfo=UTC)
    assert next_day_start(at_2am_local, belgrade) == datetime(2026, 3, 2, 3, 0, tzinfo=UTC)
    at_5am_local = datetime(2026, 3, 2, 4, 0, tzinfo=UTC)
    assert study_day(at_5am_local, belgrade).isoformat() == "2026-03-02"
    # Across the spring DST change (29 March 2026) the day is 23 hours long.
    before = datetime(2026, 3, 28, 12, 0, tzinfo=UTC)
    assert next_day_start(before, belgrade) - day_start(before, belgrade) == timedelta(hours=23)
    assert day_start(NOW, Settings(timezone="UTC", rollover_hour=0)) == NOW.replace(hour=0)
