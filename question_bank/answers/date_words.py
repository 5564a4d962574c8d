"""Dates written in words the day-month-year reader does not take apart: a spelled year ("nineteen
forty-four" → 1944) and a season ("autumn 1944", "the fall of 1944", "winter 1944/45").

A season names three months, so it is never a right answer for a day or a month; the checker
marks it a near miss when the fact lies inside it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_UNITS = {w: i for i, w in enumerate("one two three four five six seven eight nine".split(), 1)}
_TEENS = {
    w: i for i, w in enumerate(
        "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split(), 10
    )
}
_TENS = {w: 10 * i for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), 2)}
_WORD = re.compile(r"[a-z]+")
_JOIN = re.compile(r"[\s-]+")  # what may stand between the words of one spelled year

# The meteorological seasons of the northern hemisphere as (first month, months long); winter
# starts in December. English, Serbian (Latin, after transliteration) and Croatian words.
SEASONS: dict[str, str] = {
    "spring": "spring", "summer": "summer", "autumn": "autumn", "fall": "autumn", "winter": "winter",
    "prolece": "spring", "proljece": "spring", "leto": "summer", "ljeto": "summer",
    "jesen": "autumn", "jeseni": "autumn", "zima": "winter", "zimi": "winter",
}
_FIRST_MONTH = {"spring": 3, "summer": 6, "autumn": 9, "winter": 12}
_SEASON = re.compile(
    r"(?:(?:in|during|the|of)\s+)*"
    r"(?:(early|mid|middle|late)[\s-]+)?(" + "|".join(SEASONS) + r")"
    r"(?:\s+of)?(?:\s+(?:the\s+)?year)?"
    r"(?:\s+(\d{4}|'\d{2}))?(?:\s*[-/–]\s*(\d{4}|\d{2}))?"
)
_PART = {"early": 0, "mid": 1, "middle": 1, "late": 2}


def _two_digits(words: list[str], i: int) -> tuple[int, int] | None:
    """1–99 spelled from words[i]: (value, number of words)."""
    word = words[i] if i < len(words) else ""
    if word in _TEENS:
        return _TEENS[word], 1
    if word in _TENS:
        following = words[i + 1] if i + 1 < len(words) else ""
        if following in _UNITS:
            return _TENS[word] + _UNITS[following], 2
        return _TENS[word], 1
    if word in _UNITS:
        return _UNITS[word], 1
    return None


def _spelled_year_at(words: list[str], i: int) -> tuple[int, int] | None:
    """A year spelled from words[i] ("nineteen forty four", "nineteen hundred and five", "nineteen
    oh five", "one thousand nine hundred forty four", "two thousand and nine"): (year, words used)."""
    word = words[i]
    following = words[i + 1] if i + 1 < len(words) else ""
    if word in _UNITS and following == "thousand":
        year, j = _UNITS[word] * 1000, i + 2
        if j + 1 < len(words) and words[j] in _UNITS and words[j + 1] == "hundred":
            year, j = year + _UNITS[words[j]] * 100, j + 2
        j += words[j : j + 1] == ["and"]
        rest = _two_digits(words, j)
        return (year + rest[0], j + rest[1] - i) if rest else (year, j - i)
    if word not in _TEENS and word != "twenty":
        return None
    century = _TEENS.get(word, 20) * 100
    if following == "hundred":
        j = i + 2 + (words[i + 2 : i + 3] == ["and"])
        rest = _two_digits(words, j)
        return (century + rest[0], j + rest[1] - i) if rest else (century, 2)
    if following == "oh" and i + 2 < len(words) and words[i + 2] in _UNITS:
        return century + _UNITS[words[i + 2]], 3
    rest = _two_digits(words, i + 1)
    if rest is None or rest[0] < 10:
        return None  # "twenty one" is a day, not the year 2001
    return century + rest[0], 1 + rest[1]


def spelled_years(text: str) -> str:
    """`text` (lower-case ASCII) with each year spelled in words written in digits."""
    matches = list(_WORD.finditer(text))
    words = [m.group(0) for m in matches]
    out: list[str] = []
    pos = i = 0
    while i < len(words):
        found = _spelled_year_at(words, i)
        last = i + found[1] - 1 if found else i
        joined = found and all(
            _JOIN.fullmatch(text[matches[k].end() : matches[k + 1].start()]) for k in range(i, last)
        )
        if found and joined:
            out.append(text[pos : matches[i].start()] + str(found[0]))
            pos = matches[last].end()
            i = last + 1
        else:
            i += 1
    return "".join(out) + text[pos:]


@dataclass(frozen=True)
class Season:
    """A season as written: its name, its year(s) as typed ("1944", "'44", the winter's "45"),
    and "early", "mid" or "late" if given."""

    name: str
    year: str | None
    second_year: str | None = None
    part: str | None = None


def read_season(text: str) -> Season | None:
    """The season `text` (lower-case ASCII) names and nothing else, or None."""
    match = _SEASON.fullmatch(text.strip(" ,."))
    if not match:
        return None
    part, word, year, second = match.groups()
    name = SEASONS[word]
    if second is not None and (year is None or name != "winter"):
        return None  # "autumn 1944-45" is no one season
    return Season(name, year, second, "mid" if part == "middle" else part)


def season_months(season: str, year: int, part: str | None = None) -> tuple[tuple[int, int], tuple[int, int]]:
    """The first and last month, as (year, month), of `season` starting in `year` (winter: December
    of `year` to February of the next); `part` ("early", "mid", "late") narrows it to one month."""
    first = _FIRST_MONTH[season]
    months = [((year + (first + k - 1) // 12), (first + k - 1) % 12 + 1) for k in range(3)]
    if part is not None:
        one = months[_PART[part]]
        return one, one
    return months[0], months[2]
