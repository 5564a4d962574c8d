"""The CLI's own reading of typed text: durations ("15m", "1h30m"), moments ("2026-12-01 14:00")
and comma lists of an enum ("mc,typed"), as click parameter types. A bad value is click's one line,
`Invalid value for '--time-limit': …`, and exit 2; features only ever see the typed values."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, tzinfo
from enum import StrEnum
from typing import Any, Generic, TypeVar

import click

E = TypeVar("E", bound=StrEnum)
_DURATION = re.compile(r"(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?")


def parse_duration(text: str) -> timedelta | None:
    """'15m', '1h30m', '90s', '1h' (a bare number is minutes); '' for none. ValueError otherwise."""
    cleaned = text.strip().lower().replace(" ", "")
    if not cleaned:
        return None
    if cleaned.isdigit():
        cleaned += "m"
    match = _DURATION.fullmatch(cleaned)
    if not match or not any(match.groups()):
        raise ValueError(f"'{text}' is not a duration (like 15m, 1h30m or 90s)")
    hours, minutes, seconds = (int(g) if g else 0 for g in match.groups())
    return timedelta(hours=hours, minutes=minutes, seconds=seconds)


def parse_when(text: str, zone: tzinfo | None = None) -> datetime | None:
    """An ISO moment, or 'YYYY-MM-DD HH:MM' (a date alone is its midnight); a time without a zone
    is in `zone` (None: this machine's local zone). In UTC; '' for none. ValueError otherwise."""
    cleaned = text.strip()
    if not cleaned:
        return None
    try:
        moment = datetime.fromisoformat(cleaned)
    except ValueError:
        raise ValueError(f"'{text}' is not a date and time (like 2026-12-01 14:00)") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=zone) if zone else moment.astimezone()
    return moment.astimezone(UTC)


def parse_choices(text: str, enum: type[E]) -> tuple[E, ...]:
    """'date,unit' as enum members, in order, no repeats. ValueError for an unknown name or none."""
    chosen: list[E] = []
    allowed = ", ".join(member.value for member in enum)
    for name in (n.strip().lower() for n in text.split(",")):
        if not name:
            continue
        try:
            value = enum(name)
        except ValueError:
            raise ValueError(f"'{name}' is not one of {allowed}") from None
        if value not in chosen:
            chosen.append(value)
    if not chosen:
        raise ValueError(f"give at least one of {allowed}")
    return tuple(chosen)


class Duration(click.ParamType):
    name = "duration"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> timedelta | None:
        if value is None or isinstance(value, timedelta):
            return value
        try:
            return parse_duration(str(value))
        except ValueError as error:
            self.fail(str(error), param, ctx)


class When(click.ParamType):
    """A moment; one without a zone is this machine's local time."""

    name = "when"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> datetime | None:
        if value is None or isinstance(value, datetime):
            return value
        try:
            return parse_when(str(value))
        except ValueError as error:
            self.fail(str(error), param, ctx)


class EnumList(click.ParamType, Generic[E]):
    """A comma list of an enum's values: `--modes mc,typed`."""

    name = "list"

    def __init__(self, enum: type[E]) -> None:
        self.enum = enum

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> tuple[E, ...]:
        if isinstance(value, tuple):
            return value
        try:
            return parse_choices(str(value), self.enum)
        except ValueError as error:
            self.fail(str(error), param, ctx)


DURATION, WHEN = Duration(), When()
