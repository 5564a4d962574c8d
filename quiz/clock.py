"""Time: an injected clock (never read deep inside logic) and the store's fixed-width UTC text."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Protocol


class Clock(Protocol):
    """Anything that tells the time: `utc_now`, or a test's hand-moved clock."""

    def __call__(self) -> datetime: ...


def utc_now() -> datetime:
    return datetime.now(UTC)


def utc_iso(moment: datetime) -> str:
    """Fixed-width UTC ISO text, so text order is time order and an index on it is a time index."""
    if moment.tzinfo is not UTC:
        if moment.tzinfo is None:
            raise ValueError("datetime must be timezone-aware")
        moment = moment.astimezone(UTC)
    return moment.isoformat(timespec="microseconds")


def parse_utc(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None
