"""Dates a reader works out from the story around them: a season ("that autumn", "winter
1944-45"), a day counted from another ("the next day", "two days later"), "that year", "the
following month". Each is counted from the narrative (narrative.py), and none is more precise than
the text: "the next day" after a month is no day at all.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

from question_bank.answers.date_words import season_months
from question_bank.extract.narrative import YearContext, shifted
from question_bank.facts.dates import FactDate, Precision

_MONTH_PARTS = {"beginning": "early", "start": "early", "middle": "mid", "end": "late"}
_SEASON_NAMES = {"spring": "spring", "summer": "summer", "autumn": "autumn", "fall": "autumn", "winter": "winter"}
_NUMBER_WORDS = {"a": 1, "an": 1} | {w: i for i, w in enumerate("one two three four five six seven eight nine ten".split(), 1)}
SEASON = r"(?P<s>[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter)"
DAY_WORDS = r"(?:day|night|evening|morning|afternoon)"
COUNT = "|".join(w for word in sorted(_NUMBER_WORDS, key=len, reverse=True) for w in (word, word.capitalize()))


def month_span(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def months(first: tuple[int, int], last: tuple[int, int]) -> FactDate:
    return FactDate(month_span(*first)[0], month_span(*last)[1], Precision.RANGE, Precision.MONTH)


def _season(name: str, year: int) -> FactDate:
    first, last = season_months(_SEASON_NAMES[name.lower()], year)
    return months(first, last)


def season_of_year(match: re.Match[str], context: YearContext, lead: str) -> FactDate | None:
    """'the spring of 1945', 'summer 1943', 'winter 1944-45' (December 1944 to February 1945)."""
    name, y = match.group("s").lower(), int(match.group("y"))
    second = match.group("y2")
    if second is not None and (_SEASON_NAMES[name] != "winter" or int(second) % 100 != (y + 1) % 100):
        return None
    return _season(name, y)


def season_in_story(match: re.Match[str], context: YearContext, lead: str) -> FactDate | None:
    """'that autumn', 'the following spring': the season of the year the story is at, or the next one."""
    now = context.month_now()
    year = now[0] if now else context.year
    if year is None:
        return None
    name = _SEASON_NAMES[match.group("s").lower()]
    if match.group("next"):
        after = now or (year, 12)
        for start in (year - 1, year, year + 1):
            season = _season(name, start)
            if (season.start.year, season.start.month) > after:
                return season
    if match.group("s") == "fall" and match.group(0)[:4].lower() == "the ":
        return None  # "after the fall" is a city's as often as autumn; "in the fall", "that fall" are autumn
    if name == "winter" and now is not None and now[1] <= 2:
        year -= 1  # in January, "that winter" began the December before
    return _season(name, year)


def relative_day(match: re.Match[str], context: YearContext, lead: str) -> FactDate | None:
    """'that night', 'the next day', 'two days later': counted from the last date read, if it was a day."""
    day = context.last_day()
    if day is None:
        return None
    if match.group("same"):
        return shifted(day, 0)
    if match.group("next"):
        return shifted(day, 1)
    if match.group("before") or match.group("prior"):
        return shifted(day, -1)
    if match.group("after"):
        return shifted(day, 1)
    count = int(match.group("n")) if match.group("n").isdigit() else _NUMBER_WORDS[match.group("n").lower()]
    count *= 7 if match.group("u").lower().startswith("week") else 1
    return shifted(day, -count if match.group("dir").lower() == "earlier" else count)


def part_of_month(match: re.Match[str], context: YearContext, lead: str) -> FactDate | None:
    """'the end of the month': part of the month the story is at, if a date gave one."""
    if context.last is None or context.last.precision not in (Precision.DAY, Precision.MONTH):
        return None
    start, end = month_span(context.last.start.year, context.last.start.month)
    return FactDate(start, end, Precision.MONTH, Precision.MONTH, _MONTH_PARTS[match.group("q")])


def relative_period(match: re.Match[str], context: YearContext, lead: str) -> FactDate | None:
    """'that year', 'the same month', 'the following year': counted from where the story is (a
    month only from a date that gave one)."""
    step = 1 if match.group("next") else -1 if match.group("before") else 0
    if match.group("u") == "year":
        if context.year is None:
            return None
        y = context.year + step
        return FactDate(date(y, 1, 1), date(y, 12, 31), Precision.YEAR, Precision.YEAR)
    now = context.month_now()
    if now is None or context.last is None or context.last.precision not in (Precision.DAY, Precision.MONTH):
        return None
    y, m = divmod(now[0] * 12 + now[1] - 1 + step, 12)
    start, end = month_span(y, m + 1)
    return FactDate(start, end, Precision.MONTH, Precision.MONTH)
