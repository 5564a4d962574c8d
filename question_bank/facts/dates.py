"""Dates at the precision a source gives them: a day, a month, a year, part of a month, or a range."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

MONTHS = [calendar.month_name[i] for i in range(1, 13)]
QUALIFIERS = ("early", "mid", "late")
THIRDS = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}  # the days each part of a month covers


class Precision(StrEnum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"
    RANGE = "range"


@dataclass(frozen=True, order=True)
class FactDate:
    """A period in time: `start`..`end` inclusive, stated at `precision`.

    `unit` is the precision of each end of a range (day or month); `qualifier` marks part of a
    month ("mid" February 1945).
    """

    start: date
    end: date
    precision: Precision
    unit: Precision = Precision.DAY
    qualifier: str | None = None

    @property
    def year(self) -> int:
        return self.start.year

    def days(self) -> tuple[date, date]:
        """The first and last day the date can mean: "mid-May 1945" the 11th to the 20th, any other
        date its whole span."""
        part = THIRDS.get(self.qualifier or "")
        if part is None:
            return self.start, self.end
        return self.start.replace(day=part[0]), self.start.replace(day=min(part[1], self.end.day))

    def iso(self) -> str:
        """ISO 8601 text: 1944-10-07, 1944-10, 1944, or 1944-07/1944-08."""
        if self.precision is Precision.RANGE:
            return f"{_iso_point(self.start, self.unit)}/{_iso_point(self.end, self.unit, end=True)}"
        return _iso_point(self.start, self.precision)

    def human(self) -> str:
        """How a teacher would write it: 7 October 1944, July–August 1944, mid-February 1945."""
        if self.precision is Precision.DAY:
            return f"{self.start.day} {MONTHS[self.start.month - 1]} {self.start.year}"
        if self.precision is Precision.MONTH:
            text = f"{MONTHS[self.start.month - 1]} {self.start.year}"
            if not self.qualifier:
                return text
            return f"mid-{text}" if self.qualifier == "mid" else f"{self.qualifier} {text}"
        if self.precision is Precision.YEAR:
            return str(self.start.year)
        return _human_range(self.start, self.end, self.unit)

    def phrase(self) -> str:
        """The date as an adverbial: 'on 7 October 1944', 'in October 1944', 'in July–August 1944'."""
        if self.precision is Precision.DAY:
            return f"on {self.human()}"
        if self.precision is Precision.RANGE and self.unit is Precision.DAY:
            start, end = self.start, self.end
            first = f"{start.day}" if (start.year, start.month) == (end.year, end.month) else (
                f"{start.day} {MONTHS[start.month - 1]}" + (f" {start.year}" if start.year != end.year else "")
            )
            return f"between {first} and {end.day} {MONTHS[end.month - 1]} {end.year}"
        if self.precision is Precision.RANGE and self.start.year != self.end.year:
            # "in November 1944 – February 1945" reads as a list; a span across years is "between".
            start, end = self.start, self.end
            if self.unit is Precision.MONTH:
                return f"between {MONTHS[start.month - 1]} {start.year} and {MONTHS[end.month - 1]} {end.year}"
            return f"between {start.year} and {end.year}"
        return f"in {self.human()}"

    def month_name(self) -> str:
        return MONTHS[self.start.month - 1]


def _iso_point(day: date, precision: Precision, end: bool = False) -> str:
    if precision is Precision.DAY:
        return day.isoformat()
    if precision is Precision.MONTH:
        return f"{day.year:04d}-{day.month:02d}"
    return f"{day.year:04d}"


def _human_range(start: date, end: date, unit: Precision) -> str:
    if unit is Precision.MONTH:
        if start.year == end.year:
            return f"{MONTHS[start.month - 1]}–{MONTHS[end.month - 1]} {end.year}"
        return f"{MONTHS[start.month - 1]} {start.year} – {MONTHS[end.month - 1]} {end.year}"
    if start.year == end.year:
        if start.month == end.month:
            return f"{start.day}–{end.day} {MONTHS[end.month - 1]} {end.year}"
        return f"{start.day} {MONTHS[start.month - 1]} – {end.day} {MONTHS[end.month - 1]} {end.year}"
    return (
        f"{start.day} {MONTHS[start.month - 1]} {start.year} – "
        f"{end.day} {MONTHS[end.month - 1]} {end.year}"
    )


_POINT = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def _parse_point(text: str) -> tuple[date, date, Precision]:
    match = _POINT.match(text.strip())
    if not match:
        raise ValueError(f"'{text}' is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")
    year, month, day = match.groups()
    y = int(year)
    if month is None:
        return date(y, 1, 1), date(y, 12, 31), Precision.YEAR
    m = int(month)
    if not 1 <= m <= 12:
        raise ValueError(f"'{text}' has no month {m}")
    last = calendar.monthrange(y, m)[1]
    if day is None:
        return date(y, m, 1), date(y, m, last), Precision.MONTH
    d = int(day)
    if not 1 <= d <= last:
        raise ValueError(f"'{text}' is impossible: {MONTHS[m - 1]} {y} has {last} days")
    return date(y, m, d), date(y, m, d), Precision.DAY


def parse_fact_date(text: str, precision: str | None = None) -> FactDate:
    """Parse a bank's ISO date, checking a stated precision against it.

    `precision` may be day, month, year, range, or early-month / mid-month / late-month.
    Raises ValueError with a one-line reason.
    """
    if not isinstance(text, str) or not text.strip():
        raise ValueError("is empty")
    qualifier = None
    wanted = precision.strip().lower() if precision else None
    if wanted and wanted.endswith("-month") and wanted.split("-")[0] in QUALIFIERS:
        qualifier, wanted = wanted.split("-")[0], "month"
    if wanted is not None and wanted not in {p.value for p in Precision}:
        raise ValueError(
            f"unknown precision '{precision}' (day, month, year, range, early-month, mid-month, late-month)"
        )
    if "/" in text:
        first, _, second = text.partition("/")
        start, _, unit = _parse_point(first)
        end_start, end, end_unit = _parse_point(second)
        if unit != end_unit or unit is Precision.YEAR:
            raise ValueError(f"range '{text}' must give both ends as days or both as months")
        if end_start <= start:
            raise ValueError(f"range '{text}' ends before it starts")
        if wanted not in (None, "range"):
            raise ValueError(f"precision '{precision}' does not fit the range '{text}'")
        return FactDate(start, end, Precision.RANGE, unit)
    start, end, found = _parse_point(text)
    if wanted is not None and wanted != found.value:
        raise ValueError(f"precision '{precision}' does not fit '{text}' (a {found.value})")
    if qualifier and found is not Precision.MONTH:
        raise ValueError(f"precision '{precision}' needs a month such as 1945-02")
    return FactDate(start, end, found, found if found is not Precision.RANGE else Precision.DAY, qualifier)
