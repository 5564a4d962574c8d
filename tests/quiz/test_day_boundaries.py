"""Study days in real zones: every hour of a year, across spring-forward and fall-back, and the
machine's own zone; settings errors name the field as the Settings screen does."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.errors import SettingsError
from quiz.settings import (
    Settings,
    apply_changes,
    day_start,
    from_stored,
    local_moment,
    machine_zone,
    next_day_start,
    study_day,
)

ZONES = ("Europe/Belgrade", "America/New_York", "Australia/Lord_Howe", "America/Santiago", "Asia/Kolkata", "UTC")
YEAR_START = datetime(2026, 1, 1, tzinfo=UTC)


def check_day(now: datetime, s: Settings) -> None:
    start, end = day_start(now, s), next_day_start(now, s)
    assert start <= now < end
    assert timedelta(hours=22) <= end - start <= timedelta(hours=26)
    day = study_day(now, s)
    assert study_day(start, s) == day
    assert study_day(end, s) == day + timedelta(days=1)
    assert study_day(start - timedelta(microseconds=1), s) == day - timedelta(days=1)
    assert day_start(start, s) == start


@pytest.mark.parametrize(
    ("zone", "rollover", "tz_variable"),
    [
        ("Europe/Belgrade", 2, None), ("America/New_York", 2, None), ("Australia/Lord_Howe", 2, None),
        ("America/Santiago", 0, None), ("Asia/Kolkata", 4, None),
        ("", 4, None), ("", 2, "America/New_York"),  # the machine's own zone, as it is and as $TZ says
    ],
)
def test_every_hour_of_a_year(zone, rollover, tz_variable, monkeypatch):
    if tz_variable:  # the process's own local time too, as a machine set to that zone has it
        monkeypatch.setenv("TZ", tz_variable)
        time.tzset()
    try:
        s = Settings(timezone=zone, rollover_hour=rollover)
        for hour in range(0, 366 * 24):
            check_day(YEAR_START + timedelta(hours=hour, minutes=30), s)
    finally:
        monkeypatch.undo()
        time.tzset()


@settings(max_examples=100, deadline=None)
@given(
    zone=st.sampled_from([*ZONES, "", "Pacific/Chatham", "Europe/Dublin", "Asia/Beirut"]),
    rollover=st.integers(0, 23),
    moment=st.datetimes(datetime(2020, 1, 1), datetime(2035, 1, 1)),
)
def test_any_moment_in_any_zone(zone, rollover, moment):
    check_day(moment.replace(tzinfo=UTC), Settings(timezone=zone, rollover_hour=rollover))


def test_spring_forward_day_starts_when_the_clocks_jump():
    # New York jumps from 02:00 to 03:00 on 8 March 2026: a 2 am rollover does not exist that day.
    s = Settings(timezone="America/New_York", rollover_hour=2)
    jump = datetime(2026, 3, 8, 7, 0, tzinfo=UTC)  # 02:00 EST = 03:00 EDT
    assert day_start(jump + timedelta(minutes=5), s) == jump
    assert day_start(jump - timedelta(minutes=5), s) < jump
    assert local_moment(jump.date(), 2, ZoneInfo("America/New_York")) == jump


def test_fall_back_day_starts_at_the_first_of_the_repeated_hours():
    s = Settings(timezone="America/New_York", rollover_hour=1)
    first_1am = datetime(2026, 11, 1, 5, 0, tzinfo=UTC)  # 01:00 EDT; 01:00 EST follows an hour later
    assert day_start(first_1am + timedelta(minutes=90), s) == first_1am
    assert next_day_start(first_1am, s) - first_1am == timedelta(hours=25)


def test_machine_zone_is_a_real_zone(monkeypatch):
    monkeypatch.setenv("TZ", "Europe/Belgrade")
    assert machine_zone() == ZoneInfo("Europe/Belgrade")
    s = Settings()  # "" = this machine's zone
    assert day_start(datetime(2026, 3, 29, 12, tzinfo=UTC), s) == datetime(2026, 3, 29, 2, tzinfo=UTC)
    monkeypatch.setenv("TZ", "Nowhere/Atlantis")
    assert machine_zone().utcoffset(datetime(2026, 1, 1)) is not None  # /etc/localtime or UTC
    monkeypatch.delenv("TZ")
    check_day(datetime(2026, 3, 29, 12, tzinfo=UTC), Settings())


def test_settings_errors_name_the_field_as_the_screen_does():
    with pytest.raises(SettingsError) as caught:
        apply_changes(Settings(), {"reviews_per_day": "lots", "new_per_day": 5})
    assert str(caught.value) == "Reviews a day: a whole number" and caught.value.field == "reviews_per_day"
    with pytest.raises(SettingsError) as caught:
        apply_changes(Settings(), {"new_per_day": 5, "reviews_per_day": -3})
    assert str(caught.value) == "Reviews a day: a whole number from 0 to 99999"
    assert caught.value.field == "reviews_per_day"
    with pytest.raises(SettingsError) as caught:
        apply_changes(Settings(), {"timezone": "Mars/Olympus"})
    assert caught.value.field == "timezone" and str(caught.value).startswith("Time zone: ")
    with pytest.raises(SettingsError) as caught:
        Settings(desired_retention=2.0).validated()
    assert str(caught.value) == "Desired retention: a number from 0.7 to 0.99"


def test_an_unreadable_stored_setting_is_reported_and_the_rest_kept():
    stored = {"timezone": '"Mars/Olympus"', "new_per_day": "7", "reviews_per_day": '"many"'}
    s, problems = from_stored(stored)
    assert s.new_per_day == 7 and s.timezone == "" and s.reviews_per_day == 200
    assert len(problems) == 2
    assert any(p.startswith("Time zone: unknown zone 'Mars/Olympus'") for p in problems)
    assert any(p.startswith("Reviews a day: a whole number") for p in problems)
