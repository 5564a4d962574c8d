"""Dates in a sentence, found by rules and read at the precision the text gives them.

Every pattern needs a month name or a year in a date's place, so unit ordinals ("92nd") and
numbers of men are never read as dates; a day and month without a year take the year from the
article around them.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from question_bank.facts.dates import FactDate, Precision

_DIGITS = re.compile(r"\d+")
_MONTH_NUMBERS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
# Full names, or an abbreviation; a month alone (no day, no year) must be written in full.
_M = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?)"
)
_FULL_M = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_D = r"(?<![\d,.])(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d%])"
_MEASURE = (
    r"km|kilomet|metre|meter|mile|men\b|soldier|troop|tank|gun|aircraft|plane|prisoner|casualt|dead|killed"
    r"|wounded|people|vehicle|ton|round|shell|horse|ship|boat|kg|m\b|ft\b|feet|yard|strong|mm\b|hp\b"
)
_Y = rf"(?<![\d,.£$€])(?:1\d{{3}}|20\d{{2}})(?![\d,]\d|\d|s\b|’s\b|'s\b)(?!\s*(?:{_MEASURE}))"
_DASH = r"\s*(?:–|—|‒|−|-|/)\s*"
_SEP = rf"(?:{_DASH}|\s+(?:to|and|until|till|through|or)\s+)"
_LEAD = r"(?:(?P<lead>from|between|From|Between)\s+)?"
_THE_OF = r"(?:the\s+)?"
_QUALIFIERS = {
    "early": "early", "mid": "mid", "late": "late", "the beginning of": "early", "the start of": "early",
    "the middle of": "mid", "the end of": "late", "beginning of": "early", "end of": "late",
}
_Q = r"(?P<q>[Ee]arly|[Mm]id|[Ll]ate|(?:the )?beginning of|the start of|the middle of|(?:the )?end of)(?:-|\s+)"
_PLACE_WORDS = (
    r"in|during|by|until|till|since|from|through|throughout|before|after|of|that|last|next|and|or|to|for|"
    r"In|During|By|Until|Since|From|Through|Throughout|Before|After"
)


@dataclass(frozen=True)
class DateMention:
    """A date found in a sentence: where it is, as written, and what it means."""

    start: int
    end: int
    text: str
    date: FactDate

    @property
    def key(self) -> str:
        """ISO text with any part of the month: 1944-10-07, 1944-07/1944-08, 1945-02+mid."""
        iso = self.date.iso()
        return f"{iso}+{self.date.qualifier}" if self.date.qualifier else iso


class YearContext:
    """The year a date without one belongs to: the last year the article named, else `default`
    (the teacher's --year), else the first year the article names anywhere."""

    def __init__(self, default: int | None = None, first_in_text: int | None = None):
        self.last: int | None = None
        self.fallback = default if default is not None else first_in_text

    @property
    def year(self) -> int | None:
        return self.last if self.last is not None else self.fallback

    def saw(self, year: int) -> None:
        self.last = year


def first_year(text: str) -> int | None:
    match = _YEAR_IN.search(text)
    return int(match.group(0)) if match else None


def _month(text: str) -> int:
    return _MONTH_NUMBERS[text[:3].lower()]


def _day(text: str) -> int:
    return int(_DIGITS.match(text).group(0))  # type: ignore[union-attr]


def _valid_day(year: int, month: int, day: int) -> date | None:
    if 1 <= day <= calendar.monthrange(year, month)[1]:
        return date(year, month, day)
    return None


def _month_span(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


Reader = Callable[[re.Match[str], int | None], FactDate | None]


def _days_range(y1: int, m1: int, d1: int, y2: int, m2: int, d2: int) -> FactDate | None:
    start, end = _valid_day(y1, m1, d1), _valid_day(y2, m2, d2)
    if start is None or end is None or end <= start:
        return None
    return FactDate(start, end, Precision.RANGE, Precision.DAY)


def _and_needs_between(match: re.Match[str]) -> bool:
    """'5 and 7 July' is two days; 'between 5 and 7 July' is a range."""
    sep = match.group("sep").strip()
    return sep not in ("and", "or") or (match.group("lead") or "").lower() == "between"


def _full_range(match: re.Match[str], year: int | None) -> FactDate | None:
    if not _and_needs_between(match):
        return None
    y2 = int(match.group("y2")) if match.group("y2") else year
    if y2 is None:
        return None
    m1, m2 = _month(match.group("m1")), _month(match.group("m2"))
    y1 = int(match.group("y1")) if match.group("y1") else (y2 - 1 if m1 > m2 else y2)
    return _days_range(y1, m1, _day(match.group("d1")), y2, m2, _day(match.group("d2")))


def _same_month_range(match: re.Match[str], year: int | None) -> FactDate | None:
    if not _and_needs_between(match):
        return None
    y = int(match.group("y")) if match.group("y") else year
    if y is None:
        return None
    m = _month(match.group("m"))
    return _days_range(y, m, _day(match.group("d1")), y, m, _day(match.group("d2")))


def _day_date(match: re.Match[str], year: int | None) -> FactDate | None:
    y = int(match.group("y")) if match.group("y") else year
    if y is None:
        return None
    day = _valid_day(y, _month(match.group("m")), _day(match.group("d")))
    return FactDate(day, day, Precision.DAY, Precision.DAY) if day else None


def _month_range(match: re.Match[str], year: int | None) -> FactDate | None:
    y2 = int(match.group("y2")) if match.group("y2") else year
    if y2 is None:
        return None
    m1, m2 = _month(match.group("m1")), _month(match.group("m2"))
    y1 = int(match.group("y1")) if match.group("y1") else (y2 - 1 if m1 > m2 else y2)
    start, end = _month_span(y1, m1)[0], _month_span(y2, m2)[1]
    if (y2, m2) <= (y1, m1):
        return None
    return FactDate(start, end, Precision.RANGE, Precision.MONTH)


def _month_date(match: re.Match[str], year: int | None) -> FactDate | None:
    y = int(match.group("y")) if match.groupdict().get("y") else year
    if y is None:
        return None
    qualifier = _QUALIFIERS[match.group("q").lower()] if match.groupdict().get("q") else None
    start, end = _month_span(y, _month(match.group("m")))
    return FactDate(start, end, Precision.MONTH, Precision.MONTH, qualifier)


def _year_range(match: re.Match[str], year: int | None) -> FactDate | None:
    y1, tail = int(match.group("y1")), match.group("y2")
    y2 = int(tail) if len(tail) == 4 else (y1 // 100) * 100 + int(tail)
    if not y1 < y2 <= y1 + 50:
        return None
    return FactDate(date(y1, 1, 1), date(y2, 12, 31), Precision.RANGE, Precision.MONTH)


def _iso(match: re.Match[str], year: int | None) -> FactDate | None:
    y, m, d = (int(match.group(k)) for k in ("y", "m", "d"))
    if not 1 <= m <= 12:
        return None
    day = _valid_day(y, m, d)
    return FactDate(day, day, Precision.DAY, Precision.DAY) if day else None


def _year(match: re.Match[str], year: int | None) -> FactDate | None:
    y = int(match.group("y"))
    return FactDate(date(y, 1, 1), date(y, 12, 31), Precision.YEAR, Precision.YEAR)


def _d(name: str) -> str:
    return _D.replace("(?:[12]", f"(?P<{name}>(?:[12]", 1).replace("(?![\\d%])", ")(?![\\d%])", 1)


_OF = r"(?:\s+of)?\s+"


def _cy(name: str) -> str:
    """An optional year after a day or month: ' 1944', ', 1944'."""
    return rf"(?:,?\s+(?P<{name}>{_Y}))?"


_PATTERNS: list[tuple[re.Pattern[str], Reader]] = [
    (re.compile(
        rf"{_LEAD}{_THE_OF}{_d('d1')}{_OF}(?P<m1>{_M}){_cy('y1')}(?P<sep>{_SEP}){_THE_OF}{_d('d2')}{_OF}"
        rf"(?P<m2>{_M}){_cy('y2')}"
    ), _full_range),
    (re.compile(
        rf"{_LEAD}(?P<m1>{_M})\s+{_d('d1')}{_cy('y1')}(?P<sep>{_SEP})(?P<m2>{_M})\s+{_d('d2')}"
        rf"{_cy('y2')}"
    ), _full_range),
    (re.compile(
        rf"{_LEAD}{_THE_OF}{_d('d1')}(?P<sep>{_SEP}){_THE_OF}{_d('d2')}{_OF}(?P<m>{_M}){_cy('y')}"
    ), _same_month_range),
    (re.compile(
        rf"{_LEAD}(?P<m>{_M})\s+{_d('d1')}(?P<sep>{_SEP}){_d('d2')}{_cy('y')}"
    ), _same_month_range),
    (re.compile(rf"{_THE_OF}{_d('d')}{_OF}(?P<m>{_M}){_cy('y')}"), _day_date),
    (re.compile(rf"(?P<m>{_M})\s+{_d('d')}\b{_cy('y')}"), _day_date),
    (re.compile(
        rf"{_LEAD}(?P<m1>{_FULL_M}|{_M}(?=,?\s+{_Y})){_cy('y1')}(?P<sep>{_SEP})(?P<m2>{_FULL_M}|{_M}(?=,?\s+{_Y}))"
        rf"{_cy('y2')}(?!\s+\d)"
    ), _month_range),
    (re.compile(rf"{_Q}(?P<m>{_FULL_M}|{_M}(?=,?\s+{_Y})){_cy('y')}(?!\s+\d)"), _month_date),
    (re.compile(rf"(?P<m>{_M}),?\s+(?P<y>{_Y})"), _month_date),
    (re.compile(rf"\b(?:{_PLACE_WORDS})\s+(?P<core>(?P<m>{_FULL_M}))\b(?!\s+\d)"), _month_date),
    (re.compile(rf"(?P<y1>{_Y}){_DASH}(?P<y2>\d{{4}}|\d{{2}})(?!\d)"), _year_range),
    (re.compile(r"(?<![\d-])(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?![\d-])"), _iso),
    (re.compile(rf"(?P<y>{_Y})"), _year),
]
_YEAR_IN = re.compile(_Y)
_MAYBE = re.compile(rf"\d|{_M}")  # no digit and no month: no date


def find_dates(text: str, context: YearContext, taken: list[tuple[int, int]] | None = None) -> list[DateMention]:
    """Every date in `text` (longest reading first, none overlapping `taken` spans), in order.

    The context's year is used for dates without one, and is moved on by the years the
    sentence names.
    """
    if not _MAYBE.search(text):
        return []
    blocked = list(taken or ())
    candidates: list[tuple[int, int, re.Match[str], Reader]] = []
    trial_year = context.year or 2000  # only to tell which readings hold; the real year comes later
    for pattern, reader in _PATTERNS:
        core = "core" in pattern.groupindex
        for match in pattern.finditer(text):
            start, end = match.span("core") if core else match.span()
            if end > start and reader(match, trial_year) is not None:
                candidates.append((start, end, match, reader))
    candidates.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
    chosen: list[tuple[int, int, re.Match[str], Reader]] = []
    for start, end, match, reader in candidates:
        if any(start < b_end and b_start < end for b_start, b_end in blocked):
            continue
        chosen.append((start, end, match, reader))
        blocked.append((start, end))
    found: list[DateMention] = []
    for start, end, match, reader in sorted(chosen, key=lambda c: c[0]):
        when = reader(match, context.year)
        years = [int(y) for y in _YEAR_IN.findall(match.group(0))]
        if when is not None:
            found.append(DateMention(start, end, text[start:end], when))
            context.saw(when.end.year if years else when.start.year)
        elif years:
            context.saw(years[-1])
    return found
