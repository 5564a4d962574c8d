"""Per-learner settings: stored as JSON values by key, read as one frozen `Settings`."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, fields, replace
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from functools import lru_cache
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

    def validated(self, keys: Iterable[str] | None = None) -> Settings:
        """Self, or SettingsError naming the first bad setting as the Settings screen does
        ("Reviews a day: a whole number from 0 to 99999"), its key in `error.field`.
        With `keys`, those settings are checked first (the ones being changed)."""
        order = list(dict.fromkeys([*(keys or ()), *_RULES]))
        for key in order:
            rule = _RULES.get(key)
            if rule is not None and not rule[0](getattr(self, key)):
                raise SettingsError(f"{LABELS[key]}: {rule[1]}", field=key)
        if self.timezone:
            try:
                ZoneInfo(self.timezone)
            except (ZoneInfoNotFoundError, ValueError):
                raise SettingsError(
                    f"{LABELS['timezone']}: unknown zone '{self.timezone}' on this machine", field="timezone"
                ) from None
        return self

    def zone(self) -> tzinfo:
        """The learner's zone, or this machine's local zone (a real zone, so DST is exact)."""
        return ZoneInfo(self.timezone) if self.timezone else machine_zone()


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


def _ranged(low: float, high: float, what: str) -> tuple[Callable[[Any], bool], str]:
    return (lambda value: low <= value <= high), f"{what} from {low} to {high}"


def _one_of(choices: tuple[str, ...]) -> tuple[Callable[[Any], bool], str]:
    return (lambda value: value in choices), f"one of {', '.join(choices)}"


_POSITIVE_MINUTES = (lambda steps: all(step > 0 for step in steps), "minutes above 0, such as 1 10")
_RULES: dict[str, tuple[Callable[[Any], bool], str]] = {  # key -> (check, what a good value is)
    "desired_retention": _ranged(0.7, 0.99, "a number"),
    "learning_steps": _POSITIVE_MINUTES,
    "relearning_steps": _POSITIVE_MINUTES,
    "maximum_interval": _ranged(1, 36500, "a whole number of days"),
    "new_per_day": _ranged(0, 9999, "a whole number"),
    "reviews_per_day": _ranged(0, 99999, "a whole number"),
    "leech_threshold": _ranged(1, 99, "a whole number"),
    "leech_action": _one_of(LEECH_ACTIONS),
    "mode_new": _one_of(MODE_MIXES),
    "mode_review": _one_of(MODE_MIXES),
    "options_per_question": _ranged(3, 5, "a whole number"),
    "rollover_hour": _ranged(0, 23, "a whole number"),
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
            replace(Settings(), **{key: value}).validated((key,))
        except SettingsError as error:
            problems.append(f"{error} (stored {raw}; the default applies until it is changed)")
            continue
        except (ValueError, TypeError):
            problems.append(f"{LABELS[key]}: {_EXPECTED.get(key, 'a valid value')} (stored {raw}; the "
                            "default applies until it is changed)")
            continue
        good[key] = value
    return replace(Settings(), **good), problems


def apply_changes(current: Settings, changes: dict[str, Any]) -> tuple[Settings, dict[str, str]]:
    """The settings after `changes`, checked, and the JSON values to store for them."""
    unknown = set(changes) - set(FIELDS)
    if unknown:
        first = sorted(unknown)[0]
        raise SettingsError(f"unknown setting '{first}'", field=first)
    coerced = {}
    for key, value in changes.items():
        try:
            coerced[key] = _coerce(key, value)
        except (ValueError, TypeError):
            raise SettingsError(
                f"{LABELS.get(key, key)}: {_EXPECTED.get(key, 'a valid value')}", field=key
            ) from None
    updated = replace(current, **coerced).validated(coerced)
    stored = asdict(updated)
    return updated, {key: json.dumps(stored[key]) for key in coerced}


def machine_zone() -> tzinfo:
    """This machine's zone as a real `ZoneInfo`: $TZ, else /etc/localtime, else UTC."""
    return _machine_zone(os.environ.get("TZ", ""))


@lru_cache(maxsize=8)
def _machine_zone(tz_variable: str) -> tzinfo:
    name = tz_variable.removeprefix(":")
    if name:
        try:
            if not name.startswith("/"):
                return ZoneInfo(name)
            with open(name, "rb") as file:
                return ZoneInfo.from_file(file, key=name)
        except (ZoneInfoNotFoundError, ValueError, OSError):
            pass
    try:
        with open("/etc/localtime", "rb") as file:
            return ZoneInfo.from_file(file, key="localtime")
    except (OSError, ValueError):
        return UTC


def study_day(now: datetime, settings: Settings) -> date:
    """The learner's study date for `now` (a review at 2 am counts for the day before)."""
    local = now.astimezone(settings.zone()).replace(tzinfo=None)  # wall-clock time
    return (local - timedelta(hours=settings.rollover_hour)).date()


def day_start(now: datetime, settings: Settings) -> datetime:
    """Start (UTC) of the learner's study day containing `now`: local midnight + rollover hour."""
    return local_moment(study_day(now, settings), settings.rollover_hour, settings.zone())


def next_day_start(now: datetime, settings: Settings) -> datetime:
    return local_moment(study_day(now, settings) + timedelta(days=1), settings.rollover_hour, settings.zone())


def local_moment(day: date, hour: int, zone: tzinfo) -> datetime:
    """The first moment (UTC) at which the wall clock in `zone` reads `day` `hour`:00 or later.

    A repeated time (autumn) gives its first occurrence; a skipped one (spring) the moment the
    clocks jump, so a day never starts after a moment that belongs to it.
    """
    wall = datetime.combine(day, time(hour))
    moment = wall.replace(tzinfo=zone).astimezone(UTC)
    if _wall(moment, zone) == wall:
        return moment
    # In a gap: bisect for the jump between the last moment before `wall` and the first after.
    low = wall.replace(tzinfo=zone, fold=1).astimezone(UTC)
    high = moment
    if low > high:
        low, high = high, low
    while high - low > timedelta(seconds=1):
        middle = low + (high - low) / 2
        if _wall(middle, zone) >= wall:
            high = middle
        else:
            low = middle
    return high.replace(microsecond=0) if _wall(high.replace(microsecond=0), zone) >= wall else high


def _wall(moment: datetime, zone: tzinfo) -> datetime:
    return moment.astimezone(zone).replace(tzinfo=None)
