"""Where an article's narrative is in time, as a reader follows it: the year a date without one
belongs to, and the day that "the next day" counts from.

A date without a year takes it from the nearest date before it that names one (the span that date
covers: after "from October 1944 to May 1945", 29 November is 1944 and 5 January 1945), else from a
heading, else from an infobox line ("Date: 12 April 1961"), else from the teacher's --year, else
from the first year the article names. A year named later in the article is never carried back.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from question_bank.facts.dates import MONTHS, FactDate, Precision

# (?=[12]) first: most places in a text fail it at once, before the look behind
YEAR = r"(?=[12])(?<![\d,.£$€])(?:1\d{3}|20\d{2})(?![\d,]\d|\d|s\b|’s\b|'s\b)"
_YEAR_IN = re.compile(YEAR)
# "Date: 12 April 1961", "Launch date\t12 April 1961", "| date = 1944": a line of an infobox.
INFOBOX = re.compile(r"^\s*\|?\s*(?:[\w-]+\s+){0,2}(?:dates?|date\(s\)|years?|period|when)\s*(?::|=|\t|\s{2,})\s*\S", re.I)
# A span of more than two calendar years ("1914–1918", a life "(1899–1972)") is no point in a story.
_LONGEST_SPAN_YEARS = 1
# Long after a range the story is back at its start; just after a short one, at its end.
_SHORT_RANGE = timedelta(days=62)


_NUMERIC = re.compile(r"\d[/.]\d{1,2}[/.][12]\d{3}")
_MONTH_NAME = "(?:" + "|".join(MONTHS) + ")"
_MONTH_DAY = re.compile(rf"{_MONTH_NAME}\s+(?:the\s+)?\d{{1,2}}\b")
_DAY_MONTH = re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?(?:\s+of)?\s+{_MONTH_NAME}")


def month_first(text: str) -> bool | None:
    """Whether the article writes 'April 12' (True) rather than '12 April' (False), to read its
    numeric dates (4/12/1961); None if it has none, or writes both orders as often."""
    if not _NUMERIC.search(text):
        return None
    american, british = len(_MONTH_DAY.findall(text)), len(_DAY_MONTH.findall(text))
    return None if american == british else american > british


def first_year(text: str) -> int | None:
    match = _YEAR_IN.search(text)
    return int(match.group(0)) if match else None


def infobox_year(lines: list[str]) -> int | None:
    """The first year on an infobox-style line ("Date: 12 April 1961") anywhere in the article."""
    for line in lines:
        if INFOBOX.match(line):
            year = first_year(line)
            if year is not None:
                return year
    return None


class YearContext:
    """The narrative's place in time: the span of the last date that named its year, the last date
    read (with or without a year), and the years to fall back on before the article names one.

    `default` is the teacher's --year; `first_in_text` the first year the article names anywhere;
    `heading` and `infobox` the year of a heading or infobox line, which come before both.
    """

    def __init__(self, default: int | None = None, first_in_text: int | None = None, *,
                 heading: int | None = None, infobox: int | None = None):
        chain = (heading, infobox, default, first_in_text)
        self.fallback = next((y for y in chain if y is not None), None)
        self.span: tuple[date, date] | None = None
        self.last: FactDate | None = None
        self._day_open = False  # "that day" may point at the last date's day
        self.month_first: bool | None = None  # 4/12/1961 is 12 April (False) or 4 December (True)

    @property
    def year(self) -> int | None:
        """The year the story is at: the last date's (a range's end if it is short, else its
        start), else the fallback."""
        if self.last is None:
            return self.fallback
        start, end = self.last.start, self.last.end
        return end.year if end - start <= _SHORT_RANGE else start.year

    def year_for(self, month: int, day: int = 1) -> int | None:
        """The year of `day` `month` as a reader takes it: inside the span of the last date that
        named a year (the first such year not before the last date read), else the year nearest
        that span."""
        if self.span is None:
            return self.year
        start, end = self.span
        years = range(start.year, end.year + 1)
        if len(years) == 1:
            return start.year

        def gap(year: int) -> int:
            when = date(year, month, min(day, 28))
            return 0 if start <= when <= end else min(abs((when - start).days), abs((when - end).days))

        inside = [y for y in years if gap(y) == 0]
        if not inside:
            return min(years, key=gap)
        later = [y for y in inside if self.last is None or date(y, month, min(day, 28)) >= self.last.start]
        return (later or inside)[0]

    def month_now(self) -> tuple[int, int] | None:
        """(year, month) the story is at, if a date that gave a month has been read."""
        if self.last is None or self.last.precision is Precision.YEAR:
            return None
        at = self.last.end if self.last.end - self.last.start <= _SHORT_RANGE else self.last.start
        return at.year, at.month

    def last_day(self) -> date | None:
        """The day of the last date read, if that date was one day (not a month, a range or a year)."""
        return self.last.start if self._day_open and self.last is not None else None

    def saw(self, year: int) -> None:
        """A year named on its own terms (a date that could not be read): the story is in it."""
        self.read(FactDate(date(year, 1, 1), date(year, 12, 31), Precision.YEAR, Precision.YEAR), True)

    def read(self, when: FactDate, named_year: bool, narrative: bool = True) -> None:
        """A date was read; `named_year` if the text gave its year. Outside the narrative (an infobox
        line) it moves nothing, nor does a span of many years (a life, "1914–1918")."""
        if not narrative or when.end.year - when.start.year > _LONGEST_SPAN_YEARS:
            return
        self.last = when
        self._day_open = when.precision is Precision.DAY
        if named_year:
            self.span = (when.start, when.end)


class TrialContext(YearContext):
    """A context that lets every reading through, to tell which readings of a sentence hold before
    the real context (which moves as the sentence's dates are read) resolves them."""

    def __init__(self) -> None:
        super().__init__(2000)  # a leap year: 29 February holds
        self.read(shifted(date(2000, 6, 15), 0), True)

    def year_for(self, month: int, day: int = 1) -> int | None:
        return 2000

    def last_day(self) -> date | None:
        return date(2000, 6, 15)

    def month_now(self) -> tuple[int, int] | None:
        return 2000, 6


def shifted(day: date, days: int) -> FactDate:
    when = day + timedelta(days=days)
    return FactDate(when, when, Precision.DAY, Precision.DAY)
