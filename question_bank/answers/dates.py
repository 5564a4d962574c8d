"""Reading a learner's date answer in its common written forms, at the precision the text gives.

A hand-written path reads the usual forms quickly; `dateparser` is the fallback for the rest and is
imported only then (it costs ~0.5 s). Its pitfalls are pinned in tests/question_bank/test_answers.py.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date, datetime
from functools import lru_cache

from anyascii import anyascii

from question_bank.answers.date_words import Season, read_season, season_months, spelled_years
from question_bank.facts import edits
from question_bank.facts.dates import FactDate, Precision, parse_fact_date

_MONTH_NAMES = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)
MONTH_WORDS: dict[str, int] = {name: i for i, name in enumerate(_MONTH_NAMES, 1)}
MONTH_WORDS |= {name[:3]: i for i, name in enumerate(_MONTH_NAMES, 1)} | {"sept": 9}
# Serbian (Latin; Cyrillic is transliterated first) and Croatian month names, nominative and
# genitive ("20. oktobar", "20. oktobra"), with the Serbian abbreviations; a few German ones.
_LOCAL_MONTHS = (
    "januar januara jan", "februar februara feb", "mart marta mar marz maerz", "april aprila apr",
    "maj maja mai", "jun juna juni", "jul jula juli", "avgust avgusta avg august augusta",
    "septembar septembra sep septembra", "oktobar oktobra okt oktober", "novembar novembra nov",
    "decembar decembra dec dezember",
)
_CROATIAN_MONTHS = (
    "sijecanj sijecnja", "veljaca veljace", "ozujak ozujka", "travanj travnja", "svibanj svibnja",
    "lipanj lipnja", "srpanj srpnja", "kolovoz kolovoza", "rujan rujna", "listopad listopada",
    "studeni studenoga studenog", "prosinac prosinca",
)
for _i, _words in enumerate(_LOCAL_MONTHS, 1):
    MONTH_WORDS |= {w: _i for w in _words.split()}
for _i, _words in enumerate(_CROATIAN_MONTHS, 1):
    MONTH_WORDS |= {w: _i for w in _words.split()}
# French, Italian, Spanish and Portuguese (accents folded), for banks on their history.
_ROMANCE_MONTHS = (
    "janvier gennaio enero janeiro", "fevrier febbraio febrero fevereiro", "mars marzo marco",
    "avril aprile abril", "maggio mayo maio", "juin giugno junio junho", "juillet luglio julio julho",
    "aout agosto", "septembre settembre septiembre setembro", "octobre ottobre octubre outubro",
    "novembre noviembre novembro", "decembre dicembre diciembre dezembro",
)
for _i, _words in enumerate(_ROMANCE_MONTHS, 1):
    MONTH_WORDS |= {w: _i for w in _words.split()}
# Full month names a typo away from what a learner wrote ("Ocotber", "Septmber", "Apirl").
_FULL_MONTHS = {w: i for w, i in MONTH_WORDS.items() if len(w) >= 4}


def _month_typo(token: str) -> str | None:
    """The month name `token` misspells (one letter off, two for a long word; a three-letter one
    only by two letters swapped, "Mya"), or None."""
    if token in MONTH_WORDS or len(token) < 3:
        return None
    if len(token) == 3:
        swapped = [w for w in MONTH_WORDS if len(w) == 3 and sorted(w) == sorted(token) and edits.distance(w, token) == 1]
        return swapped[0] if len({MONTH_WORDS[w] for w in swapped}) == 1 else None
    limit = 1 if len(token) <= 5 else 2
    best = [w for w in _FULL_MONTHS if abs(len(w) - len(token)) <= limit
            and edits.distance(w, token, score_cutoff=limit) <= limit]
    months = {_FULL_MONTHS[w] for w in best}
    return best[0] if len(months) == 1 else None


_ORDINAL = re.compile(r"\b(\d+)(?:st|nd|rd|th)\b")


def looks_like_a_date(text: str) -> bool:
    """Whether a learner tried to write a date (a digit, or a month or season word, misspelt or
    not), rather than a name or "idk": such text is asked again, the rest is wrong."""
    lowered = anyascii(text).lower()
    if re.search(r"\d", lowered):
        return True
    tokens = re.findall(r"[a-z]+", lowered)
    return any(t in MONTH_WORDS or _month_typo(t) or read_season(t) is not None for t in tokens)
_DAY_ORDINALS = {
    w: i for i, w in enumerate(
        "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
        "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split(), 1
    )
} | {"thirtieth": 30}
_SPELLED_DAY = re.compile(
    r"\b(?:(twenty|thirty)[\s-]+)?(" + "|".join(sorted(_DAY_ORDINALS, key=len, reverse=True)) + r")\b"
)
# anyascii reads Serbian Cyrillic the Russian way; go through Serbian Latin first.
_SERBIAN = str.maketrans(
    dict(zip("жцчћђшхЖЦЧЋЂШХ", "žcčćđšhŽCČĆĐŠH", strict=False)) | {"џ": "dž", "Џ": "Dž"}
)
QUALIFIER_WORDS = {
    "early": "early", "beginning": "early", "start": "early",
    "mid": "mid", "middle": "mid", "late": "late", "end": "late",
}
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_FILLER = frozenset(
    "of the on in at from between around about circa ca c ad".split()
    + list(_WEEKDAYS) + [d[:3] for d in _WEEKDAYS]
)
_ROMAN_MONTHS = {
    roman: i for i, roman in enumerate("i ii iii iv v vi vii viii ix x xi xii".split(), 1)
}  # "7. X 1944." as written in Serbia and much of Europe

_TOKEN = re.compile(r"'\d{2}\b|\d+(?:st|nd|rd|th)?\b|[a-z]+")
_LEFTOVER = re.compile(r"[\s,.\-]*")
_RANGE_SEP = re.compile(r"\s*-\s*|\s+(?:to|until|till|through|thru|and)\s+")
_ISO = re.compile(r"(\d{4})[-./](\d{1,2})(?:[-./](\d{1,2}))?")
_YEAR_ONLY = re.compile(r"(\d{4})|'(\d{2})")
_GIVES_YEAR = re.compile(r"\d{3,4}|'\d{2}\b")
_NUMERIC = re.compile(r"(\d{1,2})([./-])(\d{1,2})(?:\2(\d{4}|\d{2}))?\.?")


@dataclass(frozen=True)
class Reading:
    """One way to read an answer: one point (a day, month or year) or the two ends of a range.

    `bare_year` marks a two-digit year written alone without an apostrophe ("44"), which we will
    not silently take as a year; `no_year` marks an answer that gave no year at all ("20 October"),
    read in the fact's year; `season` names a season as written ("autumn 1944"), whose months
    the points are.
    """

    points: tuple[FactDate, ...]
    bare_year: bool = False
    no_year: bool = False
    season: str | None = None

    @property
    def start(self) -> date:
        return self.points[0].start

    @property
    def end(self) -> date:
        return self.points[-1].end

    @property
    def is_range(self) -> bool:
        return len(self.points) == 2

    def human(self) -> str:
        if self.season:
            return self.season
        if not self.is_range:
            return self.points[0].human()
        first, last = self.points
        if first.precision is Precision.YEAR or last.precision is Precision.YEAR:
            return f"{first.human()}–{last.human()}"
        unit = Precision.DAY if Precision.DAY in (first.precision, last.precision) else Precision.MONTH
        return FactDate(self.start, self.end, Precision.RANGE, unit).human()


def point(
    year: int, month: int | None = None, day: int | None = None, qualifier: str | None = None
) -> FactDate | None:
    """A day, month or year as a FactDate; None if no such date exists."""
    if not 1 <= year <= 9999:
        return None
    if month is None:
        return FactDate(date(year, 1, 1), date(year, 12, 31), Precision.YEAR, Precision.YEAR)
    if not 1 <= month <= 12:
        return None
    last = calendar.monthrange(year, month)[1]
    if day is None:
        start, end = date(year, month, 1), date(year, month, last)
        return FactDate(start, end, Precision.MONTH, Precision.MONTH, qualifier)
    if not 1 <= day <= last:
        return None
    return FactDate(date(year, month, day), date(year, month, day), Precision.DAY, Precision.DAY)


def with_year(fact: FactDate, year: int) -> FactDate | None:
    """The same day or month in another year (None for 29 February in a common year)."""
    if fact.precision is Precision.DAY:
        return point(year, fact.start.month, fact.start.day)
    if fact.precision is Precision.MONTH:
        month = point(year, fact.start.month)
        return replace(month, qualifier=fact.qualifier) if month is not None else None
    return point(year)


def _expand_year(two_digits: str, year: int | None) -> int:
    """'44 means the year of that ending nearest the fact's (1944 for a fact of 1944, 1998 for one
    of 2009), never 2044; with no fact, the 1900s."""
    if year is None:
        return 1900 + int(two_digits)
    century = (year // 100) * 100 + int(two_digits)
    return min((century - 100, century, century + 100), key=lambda y: (abs(y - year), y != century))


@lru_cache(maxsize=4096)
def read_date(text: str, year: int | None) -> tuple[Reading, ...]:
    """Every plausible reading of `text`: none if unreadable, two if all-numeric D/M vs M/D.

    `year` (the fact's) fills in a missing year; with None the text must give its own year.
    """
    text = text.strip().lower().replace("’", "'").replace("‘", "'")
    if not text or len(text) > 80:
        return ()
    if not text.isascii():
        text = anyascii(text.translate(_SERBIAN).replace("–", " - ").replace("—", " - ")).lower()
    if re.search(r"[a-z]", text):
        text = spelled_years(text)  # "nineteen forty-four" → "1944"
    if not re.search(r"[a-z]", text):
        return _read_numeric(text, year)
    season = read_season(text)
    if season is not None:
        return _season_readings(season, year)
    text = _SPELLED_DAY.sub(_spelled_day, text)
    text = re.sub(r"[a-z]{3,}", lambda m: _month_typo(m.group()) or m.group(), text)
    if any(int(m.group(1)) > 31 for m in _ORDINAL.finditer(text)):
        return ()  # "the 45th of October" is no day; dateparser would read October 1945
    found = _read_words(text, year)
    if found is None and year is not None:
        found = _read_with_dateparser(text, year)
    return (found,) if found else ()


def _season_readings(season: Season, year: int | None) -> tuple[Reading, ...]:
    """The months of a season; "winter 1945" is read both as 1944–45 and as 1945–46."""
    if season.year is None:
        if year is None:
            return ()
        starts = [year - 1, year] if season.name == "winter" else [year]
    else:
        first = int(season.year) if season.year.isdigit() else _expand_year(season.year[-2:], year)
        starts = [first - 1, first] if season.name == "winter" and season.second_year is None else [first]
        if season.second_year is not None and int(season.second_year) % 100 != (first + 1) % 100:
            return ()  # "winter 1944/46"
    found = []
    for start in starts:
        (y1, m1), (y2, m2) = season_months(season.name, start, season.part)
        first_month, last_month = point(y1, m1), point(y2, m2)
        if first_month is None or last_month is None:
            continue
        points = (first_month,) if (y1, m1) == (y2, m2) else (first_month, last_month)
        part = f"{season.part} " if season.part else ""
        years = str(start) if season.name != "winter" else f"{start}–{(start + 1) % 100:02d}"
        label = f"{part}{season.name}" + ("" if season.year is None else f" {years}")
        found.append(Reading(points, no_year=season.year is None, season=label))
    return tuple(found)


def _spelled_day(match: re.Match[str]) -> str:
    """"the twenty-first" → "21st" (a day of the month)."""
    tens = {"twenty": 20, "thirty": 30}.get(match.group(1) or "", 0)
    value = tens + _DAY_ORDINALS[match.group(2)]
    return f"{value}th" if value <= 31 else match.group(0)


_NUMERIC_END = re.compile(r"\d{1,2}\.?(?:[./]\d{1,2}\.?(?:[./]\d{2,4}\.?)?)?")
_MONTH_YEAR = re.compile(r"(\d{1,2})[./-](\d{4})\.?")


def _read_numeric_range(text: str, year: int | None) -> tuple[Reading, ...] | None:
    """"14.9.-24.11.1944.", "14/9 - 24/11/1944", "11.-29.11.1944.": two numeric ends, the first
    taking its missing month and year from the second. None if `text` is not such a range."""
    parts = re.split(r"\s*-\s*|\s+to\s+", text.strip())
    if len(parts) != 2 or not all(_NUMERIC_END.fullmatch(p) for p in parts):
        return None
    if not any(c in parts[0] + parts[1] for c in "./"):
        return None  # "14-10-1944" is one date written with dashes
    last = _read_numeric(parts[1], year)
    if len(last) != 1 or last[0].is_range:
        return ()
    end = last[0].points[0]
    numbers = [int(n) for n in re.findall(r"\d+", parts[0])]
    if len(numbers) == 1:
        first = point(end.year, end.start.month, numbers[0]) if end.precision is Precision.DAY else None
        found: tuple[Reading, ...] = (Reading((first,)),) if first else ()
    else:
        found = _read_numeric(parts[0], end.year)
    if len(found) != 1 or found[0].start > end.start:
        return ()
    return (Reading((found[0].points[0], end), no_year=last[0].no_year),)


def _read_numeric(text: str, year: int | None) -> tuple[Reading, ...]:
    ranged = _read_numeric_range(text, year)
    if ranged is not None:
        return ranged
    if match := _MONTH_YEAR.fullmatch(text.strip()):
        found_month = point(int(match.group(2)), int(match.group(1)))  # "10/1944": a month
        return (Reading((found_month,)),) if found_month else ()
    if text.count("/") == 1 and all(_ISO.fullmatch(part.strip()) for part in text.split("/")):
        ends = [_read_numeric(part.strip(), year) for part in text.split("/")]
        if all(len(end) == 1 for end in ends) and ends[0][0].start <= ends[1][0].end:
            return (Reading((ends[0][0].points[0], ends[1][0].points[0])),)
        return ()
    if match := _ISO.fullmatch(text):
        y, m, d = match.groups()
        found = point(int(y), int(m), int(d) if d else None)
        return (Reading((found,)),) if found else ()
    if match := _YEAR_ONLY.fullmatch(text):
        full, short = match.groups()
        found = point(int(full) if full else _expand_year(short, year))
        return (Reading((found,)),) if found else ()
    if re.fullmatch(r"\d{2}", text) and int(text) > 31:
        found = point(_expand_year(text, year))
        return (Reading((found,), bare_year=True),) if found else ()
    match = _NUMERIC.fullmatch(text)
    if not match:
        return ()
    first, sep, second, y = match.groups()
    a, b = int(first), int(second)
    full_year = year if y is None else int(y) if len(y) == 4 else _expand_year(y, year)
    if full_year is None:
        return ()
    if sep == "." or a > 12 or a == b:
        orders = [(a, b)]  # day.month (dots are European), or only one reading is possible
    elif b > 12:
        orders = [(b, a)]
    else:
        orders = [(a, b), (b, a)]
    dates = [point(full_year, month, day) for day, month in orders]
    return tuple(Reading((f,), no_year=y is None) for f in dates if f is not None)


def _read_words(text: str, year: int | None) -> Reading | None:
    text = re.sub(r"[–—−‐‑]", "-", text)
    text = re.sub(r"\b(early|mid|middle|late)\s*-\s*", r"\1 ", text)
    if not _LEFTOVER.fullmatch(_TOKEN.sub(" ", text)):
        return None
    parts = [_fields(part) for part in _RANGE_SEP.split(text.strip(" ,.-"))]
    if len(parts) == 1:
        if parts[0] is None:
            return None
        found = _single(parts[0], year)
        return Reading((found,), bare_year=parts[0][4], no_year=parts[0][0] is None) if found else None
    if len(parts) != 2 or None in parts:
        return None
    return _range(parts[0], parts[1], year)  # type: ignore[arg-type]


# year (an int, or two digits as text until the fact's century is known), month, day, qualifier,
# and whether a two-digit year came without its apostrophe
_Fields = tuple[int | str | None, int | None, int | None, str | None, bool]


def _fields(part: str) -> _Fields | None:
    """Year, month, day and qualifier named in one end of an answer; None if something else is there."""
    year: int | str | None = None
    month = day = None
    qualifier = None
    bare = False
    for token in _TOKEN.findall(part):
        if (token in MONTH_WORDS or token in _ROMAN_MONTHS) and month is None:
            month = MONTH_WORDS.get(token) or _ROMAN_MONTHS[token]
        elif token in QUALIFIER_WORDS and qualifier is None:
            qualifier = QUALIFIER_WORDS[token]
        elif token in _FILLER:
            continue
        elif token.startswith("'") and year is None:
            year = token[1:]
        elif token[0].isdigit():
            digits = token.rstrip("stndrh")
            number = int(digits)
            if len(digits) == 4 and digits == token and year is None:
                year = number
            elif 1 <= number <= 31 and len(digits) <= 2 and day is None:
                day = number
            elif len(digits) == 2 and digits == token and year is None:
                year, bare = digits, True
            else:
                return None
        else:
            return None
    if year is None and month is None and day is None:
        return None
    return year, month, day, qualifier, bare and month is None  # "7 Oct 44" gives its year


def _resolve_year(raw: int | str | None, fallback: int | None) -> int | None:
    if isinstance(raw, str):
        return _expand_year(raw, fallback)
    return raw if raw is not None else fallback


def _single(fields: _Fields, year: int | None) -> FactDate | None:
    raw_year, month, day, qualifier, _ = fields
    full_year = _resolve_year(raw_year, year)
    if full_year is None or (day is not None and month is None) or (qualifier and (day or not month)):
        return None
    return point(full_year, month, day, qualifier)


def _range(first: _Fields, last: _Fields, year: int | None) -> Reading | None:
    y1, m1, d1, _, _ = first
    y2, m2, d2, _, _ = last
    if (m1 is None) != (m2 is None) and d1 is None:
        return None  # "oct-1944" is a month written with a dash, not a range
    m1 = m1 if m1 is not None or d1 is None else m2
    m2 = m2 if m2 is not None or d2 is None else m1
    y2 = _resolve_year(y2, _resolve_year(y1, year))
    y1 = _resolve_year(y1, y2)
    if y1 is None or y2 is None:
        return None
    start = point(y1, m1, d1) if not (d1 is not None and m1 is None) else None
    end = point(y2, m2, d2) if not (d2 is not None and m2 is None) else None
    if start and end and end.end < start.start and last[0] is None:
        end = point(y2 + 1, m2, d2)  # "December to January": the end is in the next year
    elif start and end and end.end < start.start and first[0] is None:
        start = point(y1 - 1, m1, d1)
    if not start or not end or end.end < start.start:
        return None
    return Reading((start, end), no_year=first[0] is None and last[0] is None)


@lru_cache(maxsize=16)
def _date_data_parser(year: int):  # type: ignore[no-untyped-def]
    from dateparser.date import DateDataParser  # slow to import: only when the fast path fails

    return DateDataParser(
        languages=["en"],
        settings={
            "PREFER_DATES_FROM": "past",
            "RELATIVE_BASE": datetime(year, 12, 31),  # a missing year means the fact's year
            "PARSERS": ["absolute-time"],  # no "yesterday" or timestamps
        },
    )


def _read_with_dateparser(text: str, year: int) -> Reading | None:
    data = _date_data_parser(year).get_date_data(text)
    if data.date_obj is None:
        return None
    found = data.date_obj.date()
    # dateparser fills a missing year from RELATIVE_BASE without saying so: a text with no
    # three- or four-digit number, no '44 and at most one number gave none.
    no_year = not _GIVES_YEAR.search(text) and len(re.findall(r"\d+", text)) <= 1
    if data.period == "day":
        return Reading((point(found.year, found.month, found.day),), no_year=no_year)  # type: ignore[arg-type]
    if data.period == "month":
        return Reading((point(found.year, found.month),), no_year=no_year)  # type: ignore[arg-type]
    if data.period == "year":
        return Reading((point(found.year),))  # type: ignore[arg-type]
    return None


@lru_cache(maxsize=4096)
def parse_expected(text: str) -> FactDate:
    """The fact's date from the bank's ISO text or its human text ("mid-February 1945")."""
    try:
        return parse_fact_date(text)
    except ValueError:
        pass
    readings = read_date(text, None)
    if len(readings) != 1:
        raise ValueError(f"cannot read the expected date '{text}'")
    reading = readings[0]
    if reading.season:
        raise ValueError(f"cannot read the expected date '{text}' (a season is not a date)")
    if not reading.is_range:
        return reading.points[0]
    first, last = reading.points
    unit = Precision.DAY if first.precision is Precision.DAY else Precision.MONTH
    return FactDate(reading.start, reading.end, Precision.RANGE, unit)
