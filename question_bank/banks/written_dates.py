"""Dates as teachers write them in a sheet ("20 October 1944", "Oct 1944", "July–August 1944",
"mid-February 1945"), turned into the ISO text and precision a bank stores.

Only unambiguous forms are read: "7/10/1944" could be July or October, so it is refused with the
forms that work.
"""

from __future__ import annotations

import calendar
import re

_MONTHS = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)
MONTH_NUMBERS = {name: i for i, name in enumerate(_MONTHS, start=1)} | {
    name[:3]: i for i, name in enumerate(_MONTHS, start=1)
} | {"sept": 9}

_ISO = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?(?:/\d{4}(?:-\d{2}(?:-\d{2})?)?)?")
_MONTH = r"(?P<{0}>[A-Za-z]{{3,9}})\.?"
_DAY = r"(?P<{0}>\d{{1,2}})(?:st|nd|rd|th)?"
_YEAR = r"(?P<{0}>\d{{4}})"
_DASH = r"\s*(?:[-–—]|\bto\b|\buntil\b)\s*"
_QUALIFIER = r"(?P<q>early|mid|late)(?:\s*-\s*|\s+)"

_FORMS = [
    re.compile(p, re.IGNORECASE)
    for p in (
        # 20 October 1944 / October 20, 1944
        "{d} {m},? {y}".format(d=_DAY.format("d"), m=_MONTH.format("m"), y=_YEAR.format("y")),
        "{m} {d},? {y}".format(d=_DAY.format("d"), m=_MONTH.format("m"), y=_YEAR.format("y")),
        # October 1944, mid-February 1945
        "(?:{q})?{m},? {y}".format(q=_QUALIFIER, m=_MONTH.format("m"), y=_YEAR.format("y")),
        _YEAR.format("y"),
        # 20–27 October 1944 / October 20–27, 1944
        "{d}{dash}{d2} {m},? {y}".format(
            d=_DAY.format("d"), d2=_DAY.format("d2"), dash=_DASH, m=_MONTH.format("m"), y=_YEAR.format("y")
        ),
        "{m} {d}{dash}{d2},? {y}".format(
            d=_DAY.format("d"), d2=_DAY.format("d2"), dash=_DASH, m=_MONTH.format("m"), y=_YEAR.format("y")
        ),
        # 20 October – 3 November 1944 / 30 December 1944 – 2 January 1945
        "{d} {m}(?:,? {y})?{dash}{d2} {m2},? {y2}".format(
            d=_DAY.format("d"), m=_MONTH.format("m"), y=_YEAR.format("y"), dash=_DASH,
            d2=_DAY.format("d2"), m2=_MONTH.format("m2"), y2=_YEAR.format("y2"),
        ),
        # July–August 1944 / December 1944 – January 1945
        "{m}(?:,? {y})?{dash}{m2},? {y2}".format(
            m=_MONTH.format("m"), y=_YEAR.format("y"), dash=_DASH, m2=_MONTH.format("m2"), y2=_YEAR.format("y2")
        ),
    )
]

EXAMPLES = "20 October 1944, Oct 1944, 1944, July–August 1944, mid-February 1945 or 1944-10-20"


def read_written_date(text: str) -> tuple[str, str | None]:
    """(ISO date, precision or None) for a date as written; raises ValueError with a reason."""
    written = " ".join(text.split())
    if not written:
        raise ValueError("is empty")
    if _ISO.fullmatch(written):
        return written, None
    for form in _FORMS:
        match = form.fullmatch(written)
        if match:
            return _iso(match.groupdict(), written)
    if re.fullmatch(r"\d{1,2}[./]\d{1,2}[./]\d{2,4}", written):
        raise ValueError(
            f"'{written}' could be read day-first or month-first: write the month as a word, "
            f"such as {EXAMPLES}"
        )
    raise ValueError(f"'{written}' is not a date this can read: write it as {EXAMPLES}")


def _iso(parts: dict[str, str | None], written: str) -> tuple[str, str | None]:
    year2 = parts.get("y2")
    year = parts.get("y") or year2
    assert year is not None  # every form gives a year
    end_year = year2 or year
    month = _month(parts.get("m"), written)
    month2 = _month(parts.get("m2"), written) or (month if parts.get("d2") else None)
    day, day2 = parts.get("d"), parts.get("d2")
    if month is None:
        return year, None
    if day is None and month2 is None:
        qualifier = parts.get("q")
        return f"{year}-{month:02d}", f"{qualifier.lower()}-month" if qualifier else None
    if month2 is None:
        return _day(year, month, day, written), None
    if day is None:
        return f"{year}-{month:02d}/{end_year}-{month2:02d}", None
    start = _day(year, month, day, written)
    return f"{start}/{_day(end_year, month2, day2, written)}", None


def _month(name: str | None, written: str) -> int | None:
    if name is None:
        return None
    number = MONTH_NUMBERS.get(name.lower())
    if number is None:
        raise ValueError(f"'{written}': '{name}' is not a month (January … December, or Jan … Dec)")
    return number


def _day(year: str, month: int, day: str | None, written: str) -> str:
    number = int(day or 0)
    last = calendar.monthrange(int(year), month)[1]
    if not 1 <= number <= last:
        raise ValueError(f"'{written}' is impossible: {_MONTHS[month - 1].capitalize()} {year} has {last} days")
    return f"{year}-{month:02d}-{number:02d}"
