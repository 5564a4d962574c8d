"""Reading a teacher's typed settings: durations ("15m", "1h30m"), moments ("2026-12-01 14:00"),
lists ("date,unit"). Each bad value is a `ClassroomError` naming the option."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta, tzinfo
from enum import StrEnum
from typing import TypeVar

from quiz.errors import ClassroomError

E = TypeVar("E", bound=StrEnum)
_DURATION = re.compile(r"(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?")
MAX_DURATION = timedelta(days=7)


def parse_duration(text: str | timedelta | None, option: str = "--time-limit") -> timedelta | None:
    """'15m', '1h30m', '90s', '1h' (a bare number is minutes); None or '' for no limit."""
    if text is None or isinstance(text, timedelta):
        return _check_duration(text, option) if text is not None else None
    cleaned = text.strip().lower().replace(" ", "")
    if not cleaned:
        return None
    if cleaned.isdigit():
        cleaned += "m"
    match = _DURATION.fullmatch(cleaned)
    if not match or not any(match.groups()):
        raise ClassroomError(f"{option}: '{text}' is not a duration (like 15m, 1h30m or 90s)")
    hours, minutes, seconds = (int(g) if g else 0 for g in match.groups())
    return _check_duration(timedelta(hours=hours, minutes=minutes, seconds=seconds), option)


def _check_duration(value: timedelta, option: str) -> timedelta:
    if not timedelta(0) < value <= MAX_DURATION:
        raise ClassroomError(f"{option}: a time limit is between 1 second and 7 days")
    return value


def parse_when(text: str | datetime | None, option: str, zone: tzinfo | None = None) -> datetime | None:
    """An ISO moment, or 'YYYY-MM-DD HH:MM' (a date alone is its midnight); a time without a zone
    is in `zone` (None: this machine's local zone). Returned in UTC."""
    if text is None:
        return None
    if isinstance(text, datetime):
        moment = text
    else:
        cleaned = text.strip()
        if not cleaned:
            return None
        try:
            moment = datetime.fromisoformat(cleaned)
        except ValueError:
            raise ClassroomError(f"{option}: '{text}' is not a date and time (like 2026-12-01 14:00)") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=zone) if zone else moment.astimezone()
    return moment.astimezone(UTC)


def parse_choices(text: str | Iterable[str] | None, enum: type[E], option: str) -> tuple[E, ...] | None:
    """'date,unit' (or a list of names) as enum members, in order, no repeats; None for all."""
    if text is None:
        return None
    names = text.split(",") if isinstance(text, str) else list(text)
    chosen: list[E] = []
    for name in (n.strip().lower() for n in names):
        if not name:
            continue
        try:
            value = enum(name)
        except ValueError:
            allowed = ", ".join(member.value for member in enum)
            raise ClassroomError(f"{option}: '{name}' is not one of {allowed}") from None
        if value not in chosen:
            chosen.append(value)
    if not chosen:
        raise ClassroomError(f"{option}: give at least one of {', '.join(m.value for m in enum)}")
    return tuple(chosen)


def parse_whole(text: str | int | None, option: str, least: int = 0) -> int | None:
    """A whole number of at least `least`, from a typed option; None stays None."""
    if text is None:
        return None
    if isinstance(text, int):
        value = text
    else:
        try:
            value = int(text.strip())
        except ValueError:
            raise ClassroomError(f"{option}: '{text}' is not a whole number") from None
    if value < least:
        raise ClassroomError(f"{option}: must be at least {least}")
    return value
