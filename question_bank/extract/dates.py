"""Dates in a sentence, found by rules and read at the precision the text gives them.

Every pattern needs a month name, a year, a season or a day counted from another ("the next day")
in a date's place, so unit ordinals ("92nd") and numbers of men are never read as dates; a date
without a year takes it from the narrative around it (narrative.py). Month names come from the
standard library's calendar (English, whatever the machine's locale: Python never sets it).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import cached_property

from question_bank.extract.date_phrases import (
    COUNT,
    DAY_WORDS,
    SEASON,
    month_span,
    months,
    part_of_month,
    relative_day,
    relative_period,
    season_in_story,
    season_of_year,
)
from question_bank.extract.lexicon import holds_any
from question_bank.extract.narrative import YEAR, TrialContext, YearContext, first_year
from question_bank.facts.dates import MONTHS, FactDate, Precision

__all__ = ["DateMention", "YearContext", "find_dates", "first_year"]  # the last two kept here for callers

_DIGITS = re.compile(r"\d+")
_MONTH_NUMBERS = {name[:3].lower(): number for number, name in enumerate(MONTHS, 1)}
_ABBREVIATIONS = [calendar.month_abbr[i] for i in range(1, 13) if calendar.month_abbr[i] != "May"] + ["Sept"]
# Full names, or an abbreviation ("Oct.", "Sept."); a month alone (no day, no year) must be written in full.
# Each starts with a look at its first character alone, which most places in a text fail at once
# (the alternatives after it cost twice as much to try).
_MONTH_INITIAL = "(?=[" + "".join(sorted({name[0] for name in MONTHS})) + "])"
_FULL_M = f"(?:{_MONTH_INITIAL}(?:" + "|".join(MONTHS) + "))"
_ABBREVIATED = "(?:" + "|".join(sorted(_ABBREVIATIONS, key=len, reverse=True)) + r")\b\.?"
_M = f"(?:{_MONTH_INITIAL}(?:" + "|".join(MONTHS) + f"|{_ABBREVIATED}))"
_D = r"(?=\d)(?<![\d,.])(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d%])"
_MEASURE = (
    r"km|kilomet|metre|meter|mile|men\b|soldier|troop|tank|gun|aircraft|plane|prisoner|casualt|dead|killed"
    r"|wounded|people|vehicle|ton|round|shell|horse|ship|boat|kg|m\b|ft\b|feet|yard|strong|mm\b|hp\b"
)
_Y = rf"{YEAR}(?!\s*(?:{_MEASURE}))"
_DASHES = ("–", "—", "‒", "−", "-", "/")
_DASH = r"\s*(?:–|—|‒|−|-|/)\s*"
_SEP = rf"(?:{_DASH}|\s+(?:to|and|until|till|through|or)\s+)"
_THE_OF = r"(?:the\s+)?"
# What may stand before a date and belongs to it: "from"/"between" (of a range) and "the".
# (a weekday may stand before a range's first day: "from Sunday 2 September to Wednesday 5 September")
_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+"
_LEAD_BEFORE = re.compile(rf"(?:\b(?P<lead>[Ff]rom|[Bb]etween)\s+)?(?:\bthe\s+)?(?:\b{_WEEKDAY})?$")
_QUALIFIERS = {
    "early": "early", "mid": "mid", "late": "late", "the beginning of": "early", "the start of": "early",
    "the middle of": "mid", "the end of": "late", "beginning of": "early", "end of": "late",
    "beginning": "early", "start": "early", "middle": "mid", "end": "late",
} | {f"the {edge} {span} of": part for edge, part in (("first", "early"), ("last", "late"), ("final", "late"))
     for span in ("week", "days")}
_Q = (
    r"(?P<q>[Ee]arly|[Mm]id|[Ll]ate|(?:the )?beginning of|the start of|the middle of|(?:the )?end of"
    r"|the (?:first|last|final) (?:week|days) of)(?:-|\s+)(?:in\s+)?"
)
_PLACE_WORDS = (
    r"in|during|by|until|till|since|from|through|throughout|before|after|of|that|last|next|and|or|to|for|"
    r"In|During|By|Until|Since|From|Through|Throughout|Before|After"
)
# A part of a year as the months it covers: "late 1944" is September to December 1944.
_YEAR_THIRDS = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}
_YEAR_HALVES = {"first": (1, 6), "second": (7, 12)}


@dataclass(frozen=True)
class DateMention:
    """A date found in a sentence: where it is, as written, and what it means."""

    start: int
    end: int
    text: str
    date: FactDate

    @property
    def key(self) -> str:
        """ISO text with any part of the month: 1944-10-07, 1944-07/1944-08, 1945-02+mid; whole years
        as years: 1939/1941."""
        when = self.date
        if when.unit is Precision.MONTH and (when.start.month, when.start.day, when.end.month, when.end.day) == (
            1, 1, 12, 31
        ) and when.end.year > when.start.year:
            return f"{when.start.year}/{when.end.year}"
        iso = when.iso()
        return f"{iso}+{self.date.qualifier}" if self.date.qualifier else iso


def _month(text: str) -> int:
    return _MONTH_NUMBERS[text[:3].lower()]


def _day(text: str) -> int:
    return int(_DIGITS.match(text).group(0))  # type: ignore[union-attr]


def _valid_day(year: int, month: int, day: int) -> date | None:
    if 1 <= day <= calendar.monthrange(year, month)[1]:
        return date(year, month, day)
    return None


Reader = Callable[[re.Match[str], YearContext, str], FactDate | None]


def _days_range(y1: int, m1: int, d1: int, y2: int, m2: int, d2: int) -> FactDate | None:
    start, end = _valid_day(y1, m1, d1), _valid_day(y2, m2, d2)
    if start is None or end is None or end <= start:
        return None
    return FactDate(start, end, Precision.RANGE, Precision.DAY)


def _and_needs_between(match: re.Match[str], lead: str) -> bool:
    """'5 and 7 July' is two days; 'between 5 and 7 July' is a range."""
    sep = match.group("sep").strip()
    return sep not in ("and", "or") or lead.lower() == "between"


def _range_years(match: re.Match[str], context: YearContext, m1: int, m2: int, d1: int = 1) -> tuple[int, int] | None:
    """The years of a range's two ends: as written; else the end's from the start's and the months'
    order ("28 December 1944 to 2 January" ends in 1945); else the start's from the narrative."""
    if match.group("y2"):
        y2 = int(match.group("y2"))
    else:
        first = int(match.group("y1")) if match.group("y1") else context.year_for(m1, d1)
        if first is None:
            return None
        y2 = first + (m2 < m1)
    return (int(match.group("y1")) if match.group("y1") else y2 - (m1 > m2)), y2


def _full_range(match: re.Match[str], context: YearContext, lead: str) -> FactDate | None:
    if not _and_needs_between(match, lead):
        return None
    m1, m2 = _month(match.group("m1")), _month(match.group("m2"))
    d1, d2 = _day(match.group("d1")), _day(match.group("d2"))
    years = _range_years(match, context, m1, m2, d1)
    return None if years is None else _days_range(years[0], m1, d1, years[1], m2, d2)


def _same_month_range(match: re.Match[str], context: YearContext, lead: str) -> FactDate | None:
    if not _and_needs_between(match, lead):
        return None
    m, d1 = _month(match.group("m")), _day(match.group("d1"))
    y = int(match.group("y")) if match.group("y") else context.year_for(m, d1)
    if y is None:
        return None
    return _days_range(y, m, d1, y, m, _day(match.group("d2")))


def _day_date(match: re.Match[str], context: YearContext, lead: str) -> FactDate | None:
    m, d = _month(match.group("m")), _day(match.group("d"))
    y = int(match.group("y")) if match.group("y") else context.year_for(m, d)
    if y is None:
        return None
    day = _valid_day(y, m, d)
    return FactDate(day, day, Precision.DAY, Precision.DAY) if day else None


def _month_range(match: re.Match[str], context: YearContext, lead: str) -> FactDate | None:
    m1, m2 = _month(match.group("m1")), _month(match.group("m2"))
    years = _range_years(match, context, m1, m2)
    if years is None or (years[1], m2) <= (years[0], m1):
        return None
    return months((years[0], m1), (years[1], m2))


def _month_date(match: re.Match[str], context: YearContext, lead: str) -> FactDate | None:
    m = _month(match.group("m"))
    y = int(match.group("y")) if match.groupdict().get("y") else context.year_for(m)
    if y is None:
        return None
    qualifier = _QUALIFIERS[match.group("q").lower()] if match.groupdict().get("q") else None
    start, end = month_span(y, m)
    return FactDate(start, end, Precision.MONTH, Precision.MONTH, qualifier)


def _year_range(match: re.Match[str], context: YearContext, lead: str) -> FactDate | None:
    y1, tail = int(match.group("y1")), match.group("y2")
    y2 = int(tail) if len(tail) == 4 else (y1 // 100) * 100 + int(tail)
    if not y1 < y2 <= y1 + 120:  # a life at most
        return None
    return FactDate(date(y1, 1, 1), date(y2, 12, 31), Precision.RANGE, Precision.MONTH)


def _year_part(match: re.Match[str], context: YearContext, lead: str) -> FactDate | None:
    """'late 1944', 'the end of that year', 'the first half of 1942': the part of the year as its
    months (a year has no finer precision)."""
    y = int(match.group("y")) if match.group("y") else context.year
    if y is None:
        return None
    part = match.groupdict().get("half")
    first, last = _YEAR_HALVES[part] if part else _YEAR_THIRDS[_QUALIFIERS[match.group("q").lower()]]
    return months((y, first), (y, last))


def _numeric_date(match: re.Match[str], context: YearContext, lead: str) -> FactDate | None:
    """'12/04/1961': day and month in the order the article writes its dates ('12 April' or 'April
    12'), or the order the numbers allow (13/04 can only be the 13th); undecided, only the year."""
    a, b, y = int(match.group("a")), int(match.group("b")), int(match.group("y"))
    if a > 12 or (b <= 12 and a != b and context.month_first is False):
        day, month = a, b
    elif b > 12 or a == b or context.month_first:
        day, month = b, a
    else:
        return FactDate(date(y, 1, 1), date(y, 12, 31), Precision.YEAR, Precision.YEAR)
    if not 1 <= month <= 12:
        return None
    when = _valid_day(y, month, day)
    return FactDate(when, when, Precision.DAY, Precision.DAY) if when else None


def _iso(match: re.Match[str], context: YearContext, lead: str) -> FactDate | None:
    y, m, d = (int(match.group(k)) for k in ("y", "m", "d"))
    if not 1 <= m <= 12:
        return None
    day = _valid_day(y, m, d)
    return FactDate(day, day, Precision.DAY, Precision.DAY) if day else None


def _year(match: re.Match[str], context: YearContext, lead: str) -> FactDate | None:
    y = int(match.group("y"))
    return FactDate(date(y, 1, 1), date(y, 12, 31), Precision.YEAR, Precision.YEAR)


def _d(name: str) -> str:
    return _D.replace("(?:[12]", f"(?P<{name}>(?:[12]", 1).replace("(?![\\d%])", ")(?![\\d%])", 1)


_OF = r"(?:\s+of)?\s+"
_YEAR_COMMA = r"(?:(?<=\d),)?"  # 'between May 14, 1804, and September 23, 1806': the comma after the first year


def _cy(name: str) -> str:
    """An optional year after a day or month: ' 1944', ', 1944'."""
    return rf"(?:,?\s+(?P<{name}>{_Y}))?"


_MONTHLY, _YEARLY, _WORDED = "month", "year", "words"  # what a sentence must have for a rule to be tried
# _M's matches, written so that a search skips ahead to a month's first letter (a pattern that opens
# with a look-ahead cannot): every abbreviation an alternative of its own.
_MONTH_IN = re.compile("|".join([*MONTHS, *(rf"{a}\b\.?" for a in sorted(_ABBREVIATIONS, key=len, reverse=True))]))
_FOUR_DIGITS = re.compile(r"\d\d\d\d")  # (not \d{4}: a search skips ahead only to a pattern's first character)
# What a sentence must contain for a rule of words to be tried (parts of words, a cheap test).
_WORD_PARTS = ("pring", "ummer", "utumn", "fall", "Fall", "inter", "later", "earlier", "day", "night", "evening",
               "morning", "afternoon", "year", "month")
# A month rule's match lies within this many characters before and after a month name it holds
# ("from the 29th of " … "December, 1944 kilometres").
_BEFORE_MONTH, _AFTER_MONTH = 30, 40


@dataclass(frozen=True)
class _Rule:
    pattern: re.Pattern[str]
    reader: Reader
    needs: str
    lead: bool = False  # "from", "between" and "the" before the match belong to it
    clues: tuple[str, ...] = ()  # text the pattern cannot match without one of (a cheap test first)

    @cached_property
    def core(self) -> bool:
        """True if the date is the pattern's 'core' group, not the whole match."""
        return "core" in self.pattern.groupindex


_RULES: list[_Rule] = [
    _Rule(re.compile(
        rf"{_d('d1')}{_OF}(?P<m1>{_M}){_cy('y1')}{_YEAR_COMMA}(?P<sep>{_SEP}){_THE_OF}(?:{_WEEKDAY})?{_d('d2')}{_OF}"
        rf"(?P<m2>{_M}){_cy('y2')}"
    ), _full_range, _MONTHLY, True),
    _Rule(re.compile(
        rf"(?P<m1>{_M})\s+{_d('d1')}{_cy('y1')}{_YEAR_COMMA}(?P<sep>{_SEP})(?:{_WEEKDAY})?(?P<m2>{_M})\s+{_d('d2')}"
        rf"{_cy('y2')}"
    ), _full_range, _MONTHLY, True),
    _Rule(re.compile(
        rf"{_d('d1')}(?P<sep>{_SEP}){_THE_OF}{_d('d2')}{_OF}(?P<m>{_M}){_cy('y')}"
    ), _same_month_range, _MONTHLY, True),
    _Rule(re.compile(rf"(?P<m>{_M})\s+{_d('d1')}(?P<sep>{_SEP}){_d('d2')}{_cy('y')}"), _same_month_range, _MONTHLY,
          True),
    _Rule(re.compile(rf"{_d('d')}{_OF}(?P<m>{_M}){_cy('y')}"), _day_date, _MONTHLY, True),
    # Each day of "4 and 5 June 1955" and "June 4 and 5, 1955", with the year written after both.
    _Rule(re.compile(rf"(?P<core>{_d('d')})\s+and\s+{_D}{_OF}(?P<m>{_M}){_cy('y')}"), _day_date, _MONTHLY,
          clues=("and",)),
    _Rule(re.compile(rf"(?P<core>(?P<m>{_M})\s+{_d('d')})\s+and\s+{_D}\b{_cy('y')}"), _day_date, _MONTHLY,
          clues=("and",)),
    _Rule(re.compile(rf"(?P<m>{_M})\s+{_D}\s+and\s+(?P<core>{_d('d')}\b{_cy('y')})"), _day_date, _MONTHLY,
          clues=("and",)),
    _Rule(re.compile(rf"(?P<m>{_M})\s+(?:the\s+)?{_d('d')}\b{_cy('y')}"), _day_date, _MONTHLY),
    _Rule(re.compile(
        rf"(?P<m1>{_FULL_M}|{_M}(?=,?\s+{_Y})){_cy('y1')}(?P<sep>{_SEP})(?P<m2>{_FULL_M}|{_M}(?=,?\s+{_Y}))"
        rf"{_cy('y2')}(?!\s+\d)"
    ), _month_range, _MONTHLY, True),
    _Rule(re.compile(rf"{_Q}(?P<m>{_FULL_M}|{_M}(?=,?\s+{_Y})){_cy('y')}(?!\s+\d)"), _month_date, _MONTHLY,
          clues=("arly", "id", "ate", "beginning", "start", "middle", "end", "first", "last", "final")),
    _Rule(re.compile(rf"(?P<m>{_M}),?\s+(?P<y>{_Y})"), _month_date, _MONTHLY),
    _Rule(re.compile(rf"\b(?:{_PLACE_WORDS})\s+(?P<core>(?P<m>{_FULL_M}))\b(?!\s+\d)"), _month_date, _MONTHLY),
    _Rule(re.compile(rf"(?P<y1>{_Y}){_DASH}(?P<y2>\d{{4}}|\d{{2}})(?!\d)"), _year_range, _YEARLY,
          clues=_DASHES),
    _Rule(re.compile(rf"\b(?:[Ff]rom|[Bb]etween)\s+(?P<y1>{_Y})\s+(?:to|and|until|till)\s+(?P<y2>{_Y})"), _year_range,
          _YEARLY, clues=("rom", "etween")),
    _Rule(re.compile(r"(?<![\d/.-])(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<y>1\d{3}|20\d{2})(?![/.]?\d)"),
          _numeric_date, _YEARLY),
    _Rule(re.compile(rf"\b(?P<q>[Ee]arly|[Mm]id|[Ll]ate)(?:-|\s+)(?:in\s+)?(?P<y>{_Y})"), _year_part, _YEARLY,
          clues=("arly", "id", "ate")),
    _Rule(re.compile(rf"\b(?:[Tt]he\s+)?(?P<q>beginning|start|middle|end)\s+of\s+(?P<y>{_Y})"), _year_part,
          _YEARLY, clues=("beginning", "start", "middle", "end")),
    _Rule(re.compile(rf"\b(?:[Tt]he\s+)?(?P<half>first|second)\s+half\s+of\s+(?P<y>{_Y})"), _year_part, _YEARLY,
          clues=("half",)),
    _Rule(re.compile(
        r"\b(?:[Tt]he\s+)?(?:(?P<q>beginning|start|middle|end)|(?P<half>first|second)\s+half)\s+of\s+"
        r"(?:that|the)\s+(?:same\s+)?year\b(?P<y>)"
    ), _year_part, _WORDED, clues=("year",)),
    _Rule(re.compile(r"(?<![\d-])(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?![\d-])"), _iso, _YEARLY, clues=("-",)),
    _Rule(re.compile(rf"(?P<y>{_Y})"), _year, _YEARLY),
    _Rule(re.compile(
        rf"\b(?:(?:[Ee]arly|[Mm]id|[Ll]ate)[\s-]+)?{SEASON}(?:\s+of)?,?\s+(?P<y>{_Y})(?:{_DASH}(?P<y2>\d{{4}}|\d{{2}})(?!\d))?"
    ), season_of_year, _WORDED, True, clues=("pring", "ummer", "utumn", "all", "inter")),
    _Rule(re.compile(
        r"\b(?:(?P<next>[Tt]he\s+(?:following|next))|[Tt]hat|[Tt]his|(?:(?:[Ii]n|[Dd]uring|[Bb]y|[Uu]ntil|[Tt]hrough"
        r"(?:out)?|[Oo]ver)\s+)?the|[Ii]n|[Dd]uring)\s+(?:(?:early|late|mid)[\s-]+)?(?P<s>spring|summer|autumn|fall|winter)\b"
        r"(?:\s+of\s+(?:that|the\s+same)\s+year\b|(?!\s+of\b|-|,?\s+\d))"
    ), season_in_story, _WORDED, clues=("spring", "summer", "autumn", "fall", "winter")),
    _Rule(re.compile(
        r"\b(?:(?P<same>[Tt]hat(?:\s+same)?|[Tt]he\s+same)|(?P<next>[Tt]he\s+(?:following|next))"
        r"|(?P<before>[Tt]he\s+(?:previous|preceding)))\s+(?P<u>year|month)\b"
    ), relative_period, _WORDED, clues=("year", "month")),
    _Rule(re.compile(
        r"\b(?:[Tt]he\s+)?(?P<q>beginning|start|middle|end)\s+of\s+(?:that|the)\s+(?:same\s+)?month\b"
    ), part_of_month, _WORDED, clues=("month",)),
    _Rule(re.compile(
        rf"\b(?:(?P<same>(?:[Tt]hat(?:\s+same)?|[Tt]he\s+same)\s+{DAY_WORDS})"
        rf"|(?P<next>[Tt]he\s+(?:next|following)\s+{DAY_WORDS})"
        rf"|(?P<before>[Tt]he\s+(?:previous|preceding)\s+{DAY_WORDS})"
        rf"|[Tt]he\s+{DAY_WORDS}\s+(?:(?P<after>after)|(?P<prior>before))(?=\s*[,.;:)]|\s*$)"
        rf"|(?P<n>{COUNT}|[1-9]\d?)\s+(?P<u>days?|weeks?)\s+(?P<dir>later|earlier))\b(?!')"
    ), relative_day, _WORDED, clues=("day", "night", "evening", "morning", "afternoon", "later", "earlier")),
]
_YEAR_IN = re.compile(_Y)
_TRIAL = TrialContext()


def _windows(text: str) -> dict[str, list[tuple[int, int]]]:
    """Where in `text` each kind of rule is tried: month rules around the month names, the others
    over the whole sentence if it has four digits or a word they need, else nowhere."""
    around: list[tuple[int, int]] = []
    for month in _MONTH_IN.finditer(text):
        start, end = max(0, month.start() - _BEFORE_MONTH), text.find(" ", month.end() + _AFTER_MONTH)
        end = len(text) if end < 0 else end
        if around and start <= around[-1][1]:
            around[-1] = (around[-1][0], end)
        else:
            around.append((start, end))
    whole = [(0, len(text))]
    return {
        _MONTHLY: around,
        _YEARLY: whole if _FOUR_DIGITS.search(text) else [],
        _WORDED: whole if holds_any(text, _WORD_PARTS) else [],
    }


def find_dates(text: str, context: YearContext, taken: list[tuple[int, int]] | None = None,
               narrative: bool = True) -> list[DateMention]:
    """Every date in `text` (longest reading first, none overlapping `taken` spans), in order.

    The context resolves dates without a year and those counted from another ("the next day"), and
    is moved on by each date read; a line outside the `narrative` (an infobox's) moves nothing.
    """
    windows = _windows(text)
    if not any(windows.values()):
        return []
    blocked = list(taken or ())
    candidates: list[tuple[int, int, re.Match[str], Reader, str]] = []
    for rule in _RULES:
        spans = windows[rule.needs]
        if not spans or rule.clues and not holds_any(text, rule.clues):
            continue
        core = rule.core
        for match in (m for a, b in spans for m in rule.pattern.finditer(text, a, b)):
            start, end = match.span("core") if core else match.span()
            lead = ""
            if rule.lead:
                before = _LEAD_BEFORE.search(text, max(0, start - 14), start)
                if before is not None and before.start() < start:
                    start, lead = before.start(), before.group("lead") or ""
            # A reading that holds whatever the year (the real one comes later, in text order).
            if end > start and rule.reader(match, _TRIAL, lead) is not None:
                candidates.append((start, end, match, rule.reader, lead))
    candidates.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
    chosen: list[tuple[int, int, re.Match[str], Reader, str]] = []
    for candidate in candidates:
        start, end = candidate[:2]
        if any(start < b_end and b_start < end for b_start, b_end in blocked):
            continue
        chosen.append(candidate)
        blocked.append((start, end))
    found: list[DateMention] = []
    for start, end, match, reader, lead in sorted(chosen, key=lambda c: c[0]):
        when = reader(match, context, lead)
        named = bool(_YEAR_IN.search(match.group(0)))
        if when is not None:
            # A date before the sentence's first one is an aside ("in spring 1962, to answer the
            # landing of April 1961"): the story stays where the sentence put it.
            aside = bool(found) and when.end < found[0].date.start
            found.append(DateMention(start, end, text[start:end], when))
            context.read(when, named, narrative and not aside)
        elif named and narrative:
            context.saw(int(_YEAR_IN.findall(match.group(0))[-1]))
    return found
