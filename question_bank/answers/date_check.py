"""Judging a date answer at the fact's precision: a day, a month, a year, a part of a month or a range."""

from __future__ import annotations

import re

from question_bank.answers.dates import Reading, looks_like_a_date, parse_expected, read_date, with_year
from question_bank.answers.verdict import Outcome, Verdict, best, near, right, show, wrong
from question_bank.facts.dates import THIRDS, FactDate, Precision
from question_bank.facts.text import fold

_LEVEL = {Precision.DAY: 0, Precision.MONTH: 1, Precision.YEAR: 2}


def check_date(expected: str, given: str, year_stated: bool = False) -> Verdict:
    target = parse_expected(expected)
    if target.precision is Precision.YEAR and re.fullmatch(r"\s*\d{2}\s*", given):
        given = "'" + given.strip()  # "09" for "In which year …": the year '09, not a day
    readings = read_date(given, target.year)
    if not readings:
        if not looks_like_a_date(given):  # a name, "idk": no date tried, so no second go
            return wrong(f"That is not a date: it was {target.human()}")
        return Verdict(Outcome.WRONG, f"Could not read a date in '{show(given)}'", unreadable=True)
    if any(r.season for r in readings):
        return best(_judge_season(r, target, year_stated) for r in readings)
    if len(readings) == 2:
        first, second = readings
        if _judge(first, target).correct:  # day first, as the quiz writes its dates ("5 July 1943")
            if first.no_year and not year_stated:
                return _without_year(target)
            return right(f"Correct: {first.human()}")
        if _judge(second, target).correct:
            both = f"{first.human()} or {second.human()}"
            return near(f"'{show(given)}' could be {both}: write the month as a word")
        return wrong(f"It was {target.human()} (and '{show(given)}' could be read two ways)")
    verdict = _judge(readings[0], target)
    if year_stated and not verdict.correct and readings[0].points and readings[0].points[0].precision is Precision.YEAR:
        return wrong(f"The question gives the year: it was {target.human()}")  # "1971" for "which month of 1971"
    if readings[0].bare_year and verdict.correct:
        return near(f"Write the year in full: {target.human()}")
    if readings[0].no_year and verdict.correct and not year_stated:
        return _without_year(target)
    return verdict


def _judge_season(reading: Reading, target: FactDate, year_stated: bool) -> Verdict:
    """A season is three months: a near miss for a day, a month or a period inside it, right for
    a year it lies in (as a month would be), wrong when the fact lies outside it."""
    name = target.human()
    if reading.no_year and not year_stated:
        return wrong(f"Too vague: it was {name}")
    if reading.start <= target.start and target.end <= reading.end:
        if target.precision is Precision.RANGE:
            what = "dates" if target.unit is Precision.DAY else "months"
        else:
            what = "day" if target.precision is Precision.DAY else "month"
        return near(f"Right season; give the {what}: {name}")
    if target.precision is Precision.YEAR and target.start <= reading.start and reading.end <= target.end:
        return right(f"Correct; the source gives {name}")
    overlaps = reading.start <= target.end and target.start <= reading.end
    if overlaps and target.precision in (Precision.YEAR, Precision.RANGE):
        return near(f"Close, but it was {name}")
    return wrong(f"It was {name}, not {reading.human()}")


def _without_year(target: FactDate) -> Verdict:
    """A right date with no year: a near miss (the year is part of the answer), or wrong when the
    answer is a year ("March" for 1944)."""
    if target.precision is Precision.YEAR:
        return wrong(f"Give the year: it was {target.human()}")
    first, last = target.start.year, target.end.year
    years = f"the year is {first}" if first == last else f"the years are {first}–{last}"
    if target.precision is Precision.DAY:
        return near(f"Right day and month; {years}")
    if target.precision is Precision.MONTH:
        return near(f"Right month; {years}")
    return near(f"Right {'dates' if target.unit is Precision.DAY else 'months'}; {years}")


def states_year(prompt: str, expected: str) -> bool:
    """True if the question's wording gives the year(s) of its date ("In which month of 1944 …")."""
    try:
        target = parse_expected(expected.strip())
    except ValueError:
        return False
    years = {target.start.year, target.end.year}
    return all(re.search(rf"(?<!\d){year}(?!\d)", prompt) for year in years)


def check_other_date(accepted: str, given: str, year_stated: bool) -> Verdict:
    """An accepted answer may be a date, or words such as "the autumn of 1944" matched as typed."""
    try:
        return check_date(accepted.strip(), given, year_stated)
    except ValueError:
        return right() if fold(accepted) == fold(given) else wrong(f"The answer is {accepted}")


def _judge(reading: Reading, target: FactDate) -> Verdict:
    if target.precision is Precision.RANGE:
        return _judge_range(reading, target)
    if reading.is_range:
        if target.start <= reading.start and reading.end <= target.end:
            return right(f"Correct: {target.human()}")
        return wrong(f"Give a single date: it was {target.human()}")
    return _judge_point(reading.points[0], target)


def _judge_point(given: FactDate, target: FactDate, alone: bool = True) -> Verdict:
    """A day, month or year against a day, month or year."""
    name = target.human()
    if target.start <= given.start and given.end <= target.end:
        if target.qualifier and not _fits_qualifier(given, target.qualifier):
            return near(f"Right month, but it was {name}")
        if _LEVEL[given.precision] < _LEVEL[target.precision]:
            return right(f"Correct; the source gives {name}")
        return right()
    if given.start <= target.start and target.end <= given.end:
        gap = _LEVEL[given.precision] - _LEVEL[target.precision]
        if gap == 1:
            wanted = "day" if target.precision is Precision.DAY else "month"
            return near(f"Right {given.precision.value}; give the {wanted}: {name}")
        if given.precision is Precision.YEAR:  # a year for a day: as a month for a day is
            return near(f"Right year; give the day and month: {name}")
        return wrong(f"Too vague: it was {name}")
    # Another real day (one day off, or the right day in another year) is a different date, not
    # an unfinished answer: wrong, as two of the three teachers who judged the checker marked it.
    if given.year != target.year and Precision.YEAR not in (given.precision, target.precision):
        moved = with_year(given, target.year)
        if moved is not None and _judge_point(moved, target).correct:
            what = "day" if given.precision is Precision.DAY else "month"
            return wrong(f"Right {what}, but the year is {target.year}, not {given.year}")
    days_apart = abs((given.start - target.start).days)
    if given.precision is target.precision is Precision.DAY and days_apart == 1:
        # one end of a span a day out is nearly the span; one date a day out is another date
        return wrong(f"Off by one day: it was {name}") if alone else near(f"Off by one day: it was {name}")
    return wrong(f"It was {name}, not {given.human()}")


def _fits_qualifier(given: FactDate, qualifier: str) -> bool:
    if given.precision is Precision.MONTH:
        return given.qualifier in (None, qualifier)
    low, high = THIRDS[qualifier]
    return low <= given.start.day <= high and low <= given.end.day <= high


def _judge_range(reading: Reading, target: FactDate) -> Verdict:
    name = target.human()
    if not reading.is_range:
        if reading.start <= target.end and target.start <= reading.end:
            return near(f"Give the whole period: {name}")
        return wrong(f"It was {name}, not {reading.human()}")
    unit = target.unit
    ends = (
        FactDate(target.start, target.start, unit, unit) if unit is Precision.DAY
        else parse_expected(f"{target.start.year:04d}-{target.start.month:02d}"),
        FactDate(target.end, target.end, unit, unit) if unit is Precision.DAY
        else parse_expected(f"{target.end.year:04d}-{target.end.month:02d}"),
    )
    verdicts = [_judge_point(g, t, alone=False) for g, t in zip(reading.points, ends, strict=False)]
    if all(v.correct for v in verdicts):
        return right()
    if all(v.outcome is not Outcome.WRONG for v in verdicts):
        return near(f"Close, but it was {name}")
    return wrong(f"It was {name}, not {reading.human()}")


