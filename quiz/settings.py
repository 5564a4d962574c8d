"""Per-learner settings: stored as JSON values by key, read as one frozen `Settings`."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields, replace
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from quiz.errors import SettingsError

MODES = ("mc", "typed", "cloze", "flip")
MODE_MIXES = (*MODES, "alternate")  # alternate: typed and multiple choice in turn
LEECH_ACTIONS = ("tag", "suspend")


@dataclass(frozen=True)
class Settings:
    desired_retention: float = 0.9
    learning_steps: tuple[int, ...] = (1, 10)  # minutes
    relearning_steps: tuple[int, ...] = (10,)  # minutes
    maximum_interval: int = 36500  # days
    new_per_day: int = 20
    reviews_per_day: int = 200
    bury_new_siblings: bool = True
    leech_threshold: int = 8
    leech_action: str = "tag"
    mode_new: str = "mc"
    mode_review: str = "alternate"
    options_per_question: int = 3
    rollover_hour: int = 4
    timezone: str = ""  # IANA name; "" = this machine's local zone
    theme: str = ""  # the app's theme; "" = its default

    def validated(self) -> Settings:
        """Self, or ValueError with one line naming the bad setting."""
        checks = [
            (0.7 <= self.desired_retention <= 0.99, "desired_retention must be between 0.7 and 0.99"),
            (all(s > 0 for s in self.learning_steps), "learning_steps must be positive minutes"),
            (all(s > 0 for s in self.relearning_steps), "relearning_steps must be positive minutes"),
            (1 <= self.maximum_interval <= 36500, "maximum_interval must be 1..36500 days"),
            (0 <= self.new_per_day <= 9999, "new_per_day must be 0..9999"),
            (0 <= self.reviews_per_day <= 99999, "reviews_per_day must be 0..99999"),
            (1 <= self.leech_threshold <= 99, "leech_threshold must be 1..99"),
            (self.leech_action in LEECH_ACTIONS, f"leech_action must be one of {', '.join(LEECH_ACTIONS)}"),
            (self.mode_new in MODE_MIXES, f"mode_new must be one of {', '.join(MODE_MIXES)}"),
            (self.mode_review in MODE_MIXES, f"mode_review must be one of {', '.join(MODE_MIXES)}"),
            (3 <= self.options_per_question <= 5, "options_per_question must be 3..5"),
            (0 <= self.rollover_hour <= 23, "rollover_hour must be 0..23"),
        ]
        for ok, message in checks:
            if not ok:
                raise SettingsError(message)
        if self.timezone:
            try:
                ZoneInfo(self.timezone)
            except (ZoneInfoNotFoundError, ValueError):
                raise SettingsError(f"unknown timezone '{self.timezone}'") from None
        return self

    def zone(self) -> tzinfo | None:
        """The learner's zone, or None for this machine's local zone."""
        return ZoneInfo(self.timezone) if self.timezone else None


FIELDS = {f.name: f for f in fields(Settings)}
LABELS = {  # as the Settings screen names them
    "desired_retention": "Desired retention", "learning_steps": "Learning steps",
    "relearning_steps": "Relearning steps", "maximum_interval": "Maximum interval",
    "new_per_day": "New cards a day", "reviews_per_day": "Reviews a day",
    "bury_new_siblings": "Bury new siblings", "leech_threshold": "Leech threshold",
    "leech_action": "Leech action", "mode_new": "Mode for new cards", "mode_review": "Mode for reviews",
    "options_per_question": "Options per question", "rollover_hour": "Day starts at hour",
    "timezone": "Time zone", "theme": "Theme",
}
_EXPECTED = {
    "desired_retention": "a number such as 0.9", "learning_steps": "minutes, such as 1 10",
    "relearning_steps": "minutes, such as 10", "maximum_interval": "a whole number of days",
    "new_per_day": "a whole number", "reviews_per_day": "a whole number",
    "leech_threshold": "a whole number", "options_per_question": "a whole number",
    "rollover_hour": "a whole number",
}


def _coerce(key: str, value: Any) -> Any:
    default = getattr(Settings(), key)
    if isinstance(default, bool):
        if isinstance(value, str):
            return value.strip().lower() in ("1", "true", "yes", "on")
        return bool(value)
    if isinstance(default, tuple):
        if isinstance(value, str):
            value = [v for v in value.replace(",", " ").split() if v]
        return tuple(int(v) for v in value)
    if isinstance(default, float):
        return float(value)
    if isinstance(default, int):
        return int(value)
    return str(value)


def from_stored(values: dict[str, str]) -> tuple[Settings, list[str]]:
    """Settings from stored JSON values over the defaults, and one line per value that could not be
    used (kept out, the rest still applies: one bad value never resets every setting)."""
    good: dict[str, Any] = {}
    problems: list[str] = []
    for key, raw in values.items():
        if key not in FIELDS:
            continue
        try:
            value = _coerce(key, json.loads(raw))
            replace(Settings(), **{key: value}).validated()
        except (ValueError, TypeError) as error:
            problems.append(f"stored setting {key} ignored: {error}")
            continue
        good[key] = value
    return replace(Settings(), **good), problems


def apply_changes(current: Settings, changes: dict[str, Any]) -> tuple[Settings, dict[str, str]]:
    """The settings after `changes`, checked, and the JSON values to store for them."""
    unknown = set(changes) - set(FIELDS)
    if unknown:
        raise SettingsError(f"unknown setting '{sorted(unknown)[0]}'")
    coerced = {}
    for key, value in changes.items():
        try:
            coerced[key] = _coerce(key, value)
        except (ValueError, TypeError):
            raise SettingsError(f"{LABELS.get(key, key)}: {_EXPECTED.get(key, 'a valid value')}") from None
    updated = replace(current, **coerced).validated()
    stored = asdict(updated)
    return updated, {key: json.dumps(stored[key]) for key in coerced}


def day_start(now: datetime, settings: Settings) -> datetime:
    """Start (UTC) of the learner's study day containing `now`: local midnight + rollover hour."""
    zone = settings.zone()
    local = now.astimezone(zone) if zone else now.astimezone()
    shifted = local - timedelta(hours=settings.rollover_hour)
    return _local_at(shifted.date(), settings.rollover_hour, zone)


def next_day_start(now: datetime, settings: Settings) -> datetime:
    start = day_start(now, settings)
    zone = settings.zone()
    local = start.astimezone(zone) if zone else start.astimezone()
    return _local_at(local.date() + timedelta(days=1), settings.rollover_hour, zone)


def study_day(now: datetime, settings: Settings) -> date:
    """The learner's study date for `now` (a review at 2 am counts for the day before)."""
    zone = settings.zone()
    local = now.astimezone(zone) if zone else now.astimezone()
    return (local - timedelta(hours=settings.rollover_hour)).date()


def _local_at(day: date, hour: int, zone: tzinfo | None) -> datetime:
    naive = datetime.combine(day, time(hour))
    aware = naive.replace(tzinfo=zone) if zone else naive.astimezone()
    return aware.astimezone(UTC)
