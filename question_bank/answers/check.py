"""Checking a typed answer against the bank's: right, a near miss worth a second try, or wrong.

Dates are judged at the fact's precision, units by number, echelon and type words (never by a fuzzy
score), places by folded name with a typo allowance that grows with the name's length.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from question_bank.answers.dates import THIRDS, Reading, parse_expected, read_date, with_year
from question_bank.answers.units import UnitName, match_words, parse_unit_name, typo_allowance, without
from question_bank.facts.dates import FactDate, Precision
from question_bank.facts.entities import Catalog, Entity, Place, Unit
from question_bank.facts.text import fold
from question_bank.questions.generate import Mode, Question

KINDS = ("date", "unit", "place")
MAX_ANSWER = 200  # longer than any real answer; keeps the edit-distance work bounded
_QUOTES = {'"': '"', "'": "'", "“": "”", "‘": "’", "«": "»", "„": "“", "`": "`"}
_COUNTS = ("no", "one", "two", "three", "four")
# anyascii reads Serbian Cyrillic the Russian way (Ниш → "nish", Ужице → "uzhitse"); go via Latin.
_SERBIAN = str.maketrans(
    dict(zip("жцчћђшхЖЦЧЋЂШХ", "žcčćđšhŽCČĆĐŠH", strict=False)) | {"џ": "dž", "Џ": "Dž"}
)
_DIGRAPHS = str.maketrans(
    {c: lat for lat_c, lat in (("šŠ", "sh"), ("čČćĆ", "ch"), ("žŽ", "zh"), ("đĐ", "dj")) for c in lat_c}
)
_PLACE_WORDS = re.compile(
    r"^(?:(?:city|town|village|river) of |(?:river|mount|mt|lake|mountains?) )|(?: (?:river|city|town|village|mountains?))$"
)
# Words that tell one of several same-named places from the others: "Morava" is a near miss for
# "Great Morava", never right (there are three Moravas).
_QUALIFIERS = frozenset(
    "great little upper lower north south east west northern southern eastern western new old "
    "velika mala gornji donji novi stari".split()
)


class Outcome(StrEnum):
    CORRECT = "correct"
    NEAR_MISS = "near_miss"
    WRONG = "wrong"


_RANK = {Outcome.CORRECT: 0, Outcome.NEAR_MISS: 1, Outcome.WRONG: 2}


@dataclass(frozen=True)
class Verdict:
    """How an answer fared, with one short sentence saying why."""

    outcome: Outcome
    reason: str

    @property
    def correct(self) -> bool:
        return self.outcome is Outcome.CORRECT


def _right(reason: str = "Correct") -> Verdict:
    return Verdict(Outcome.CORRECT, reason)


def _near(reason: str) -> Verdict:
    return Verdict(Outcome.NEAR_MISS, reason)


def _wrong(reason: str) -> Verdict:
    return Verdict(Outcome.WRONG, reason)


def _best(verdicts: Iterable[Verdict]) -> Verdict:
    """The best verdict; among equals the first (the one about the bank's own answer)."""
    return min(verdicts, key=lambda v: _RANK[v.outcome])


def clean(text: str) -> str:
    """Strip spaces, surrounding quotes, a trailing period and a leading 'the '."""
    text = text.strip()
    while len(text) >= 2 and _QUOTES.get(text[0]) == text[-1]:
        text = text[1:-1].strip()
    if text.endswith("."):
        text = text[:-1].rstrip()
    if text[:4].lower() == "the ":
        text = text[4:].lstrip()
    return text


@lru_cache(maxsize=8192)
def _fold(text: str) -> str:
    """`fold`, reading Serbian Cyrillic as Serbian Latin first (Ниш → nis, like Niš)."""
    return fold(text.translate(_SERBIAN))


@lru_cache(maxsize=8192)
def _forms(name: str) -> tuple[str, ...]:
    """A name folded plainly (Niš → nis) and with English digraphs (Niš → nish, Đerdap → djerdap)."""
    plain = _fold(name)
    digraphs = _fold(name.translate(_SERBIAN).translate(_DIGRAPHS))
    return (plain,) if digraphs == plain else (plain, digraphs)


def _show(text: str) -> str:
    return text if len(text) <= 40 else text[:39] + "…"


def check_answer(
    kind: str,
    expected: str,
    given: str,
    *,
    accepted: Iterable[str] = (),
    catalog: Catalog | None = None,
    year_stated: bool = False,
) -> Verdict:
    """Judge `given` against `expected` (a date, unit or place as the bank states it).

    `accepted` are other answers that also count; `catalog` adds the aliases of the entity
    `expected` names, and lets a place that is really another known place be marked wrong.
    A date without its year is a near miss unless `year_stated` (the question gives the year).
    Raises ValueError for an unknown kind or an expected date it cannot read (a bank bug).
    """
    if kind not in KINDS:
        raise ValueError(f"unknown answer kind '{kind}' (date, unit or place)")
    given = clean(given if isinstance(given, str) else "")
    if not given:
        return _wrong("No answer given")
    if len(given) > MAX_ANSWER:
        return _wrong(f"That is too long to be a {kind}")
    if kind == "date":
        expected = expected.strip()
        others = (_check_other_date(a, given, year_stated) for a in accepted if a.strip())
        return _best([_check_date(expected, given, year_stated), *others])
    expected = clean(expected)
    entities = catalog.find(expected) if catalog else ()
    names = [expected, *accepted, *(n for e in entities for n in e.names)]
    names = list(dict.fromkeys(clean(n) for n in names if clean(n)))
    if kind == "unit":
        return _check_unit(expected, names, given, entities, catalog)
    return _check_place(expected, names, given, entities, catalog)


def is_correct(kind: str, expected: str, given: str) -> bool:
    """True only for a CORRECT verdict (a near miss is not correct); uses the built-in catalog."""
    return check_answer(kind, expected, given, catalog=_builtin_catalog()).outcome is Outcome.CORRECT


def _builtin_catalog() -> Catalog:
    """The shipped catalog (cached by `builtin_catalog` itself), imported only when first needed."""
    from question_bank.banks.catalog import builtin_catalog

    return builtin_catalog()


# --- dates -------------------------------------------------------------------------------------

_LEVEL = {Precision.DAY: 0, Precision.MONTH: 1, Precision.YEAR: 2}


def _check_date(expected: str, given: str, year_stated: bool = False) -> Verdict:
    target = parse_expected(expected)
    readings = read_date(given, target.year)
    if not readings:
        return _wrong(f"Could not read a date in '{_show(given)}'")
    if len(readings) == 2:
        first, second = readings
        if any(_judge(r, target).correct for r in readings):
            both = f"{first.human()} or {second.human()}"
            return _near(f"'{_show(given)}' could be {both}: write the month as a word")
        return _wrong(f"It was {target.human()} (and '{_show(given)}' could be read two ways)")
    verdict = _judge(readings[0], target)
    if readings[0].bare_year and verdict.correct:
        return _near(f"Write the year in full: {target.human()}")
    if readings[0].no_year and verdict.correct and not year_stated:
        return _without_year(target)
    return verdict


def _without_year(target: FactDate) -> Verdict:
    """A right date with no year: a near miss (the year is part of the answer), or wrong when the
    answer is a year ("March" for 1944)."""
    if target.precision is Precision.YEAR:
        return _wrong(f"Give the year: it was {target.human()}")
    first, last = target.start.year, target.end.year
    years = f"the year is {first}" if first == last else f"the years are {first}–{last}"
    if target.precision is Precision.DAY:
        return _near(f"Right day and month; {years}")
    if target.precision is Precision.MONTH:
        return _near(f"Right month; {years}")
    return _near(f"Right {'dates' if target.unit is Precision.DAY else 'months'}; {years}")


def _states_year(prompt: str, expected: str) -> bool:
    """True if the question's wording gives the year(s) of its date ("In which month of 1944 …")."""
    try:
        target = parse_expected(expected.strip())
    except ValueError:
        return False
    years = {target.start.year, target.end.year}
    return all(re.search(rf"(?<!\d){year}(?!\d)", prompt) for year in years)


def _check_other_date(accepted: str, given: str, year_stated: bool) -> Verdict:
    """An accepted answer may be a date, or words such as "the autumn of 1944" matched as typed."""
    try:
        return _check_date(accepted.strip(), given, year_stated)
    except ValueError:
        return _right() if fold(accepted) == fold(given) else _wrong(f"The answer is {accepted}")


def _judge(reading: Reading, target: FactDate) -> Verdict:
    if target.precision is Precision.RANGE:
        return _judge_range(reading, target)
    if reading.is_range:
        if target.start <= reading.start and reading.end <= target.end:
            return _right(f"Correct: {target.human()}")
        return _wrong(f"Give a single date: it was {target.human()}")
    return _judge_point(reading.points[0], target)


def _judge_point(given: FactDate, target: FactDate) -> Verdict:
    """A day, month or year against a day, month or year."""
    name = target.human()
    if target.start <= given.start and given.end <= target.end:
        if target.qualifier and not _fits_qualifier(given, target.qualifier):
            return _near(f"Right month, but it was {name}")
        if _LEVEL[given.precision] < _LEVEL[target.precision]:
            return _right(f"Correct; the source gives {name}")
        return _right()
    if given.start <= target.start and target.end <= given.end:
        gap = _LEVEL[given.precision] - _LEVEL[target.precision]
        if gap == 1:
            wanted = "day" if target.precision is Precision.DAY else "month"
            return _near(f"Right {given.precision.value}; give the {wanted}: {name}")
        return _wrong(f"Too vague: it was {name}")
    if given.year != target.year and Precision.YEAR not in (given.precision, target.precision):
        moved = with_year(given, target.year)
        if moved is not None and _judge_point(moved, target).correct:
            what = "day" if given.precision is Precision.DAY else "month"
            return _near(f"Right {what}, but the year is {target.year}, not {given.year}")
    days_apart = abs((given.start - target.start).days)
    if given.precision is target.precision is Precision.DAY and days_apart == 1:
        return _near(f"Off by one day: it was {name}")
    return _wrong(f"It was {name}, not {given.human()}")


def _fits_qualifier(given: FactDate, qualifier: str) -> bool:
    if given.precision is Precision.MONTH:
        return given.qualifier in (None, qualifier)
    low, high = THIRDS[qualifier]
    return low <= given.start.day <= high and low <= given.end.day <= high


def _judge_range(reading: Reading, target: FactDate) -> Verdict:
    name = target.human()
    if not reading.is_range:
        if reading.start <= target.end and target.start <= reading.end:
            return _near(f"Give the whole period: {name}")
        return _wrong(f"It was {name}, not {reading.human()}")
    unit = target.unit
    ends = (
        FactDate(target.start, target.start, unit, unit) if unit is Precision.DAY
        else parse_expected(f"{target.start.year:04d}-{target.start.month:02d}"),
        FactDate(target.end, target.end, unit, unit) if unit is Precision.DAY
        else parse_expected(f"{target.end.year:04d}-{target.end.month:02d}"),
    )
    verdicts = [_judge_point(g, t) for g, t in zip(reading.points, ends, strict=False)]
    if all(v.correct for v in verdicts):
        return _right()
    if all(v.outcome is not Outcome.WRONG for v in verdicts):
        return _near(f"Close, but it was {name}")
    return _wrong(f"It was {name}, not {reading.human()}")


# --- units -------------------------------------------------------------------------------------


def _check_unit(
    expected: str, names: list[str], given: str, entities: tuple[Entity, ...], catalog: Catalog | None
) -> Verdict:
    folded = _fold(given)
    if any(_fold(n) == folded for n in names):
        return _right()
    other = _other_entity(given, entities, catalog, Unit)
    if other is not None:
        return _wrong(f"That is {other.name}; the answer is {expected}")
    return _best(_compare_unit(n, given, expected) for n in names)


def _compare_unit(name: str, given: str, display: str) -> Verdict:
    want, got = parse_unit_name(name), parse_unit_name(given)
    spelled = _right(f"Accepted; it is spelled {display}")
    if want.nickname and got.number is None and got.echelon in (None, want.echelon):
        match = match_words(got.words, want.nickname)
        if match in ("same", "typo"):
            return _right() if match == "same" and not got.loose else spelled
    match = match_words(without(got.words, want.nickname), want.words)
    if want.number != got.number:
        if want.number is not None and got.number is None:
            # "Give the number" only for the name without its number ("Ukrainian Front"), not "banana".
            if _without_number(want, got, match):
                return _wrong(f"Give the number: the answer is {display}")
            return _wrong(f"The answer is {display}")
        return _wrong(f"Wrong number: the answer is {display}")
    # With its number a unit is named even without its type words ("64th Corps"); without a
    # number the words are the name ("Army Group" alone names no unit).
    partial = match == "fewer" or (match == "none" and want.number is not None)
    if got.echelon != want.echelon:
        if got.echelon is None and (partial or match in ("same", "typo")):
            return _near(f"Give the full name: {display}")
        if got.echelon is None:
            return _wrong(f"The answer is {display}")
        return _wrong(f"Wrong kind of unit: the answer is {display}")
    if match == "same":
        return spelled if got.loose else _right()
    if match == "typo":
        return spelled
    if partial:
        return _near(f"Give the full name: {display}")
    return _wrong(f"The answer is {display}")


def _without_number(want: UnitName, got: UnitName, match: str) -> bool:
    """True if `got` reads as `want` with its number left out: the same kind of unit with none of
    the words wrong ("Ukrainian Front", "Front"), or no kind but the right words ("Ukrainian")."""
    if match == "different":
        return False
    if got.echelon is not None:
        return got.echelon == want.echelon
    return bool(got.words) and match in ("same", "typo")


# --- places ------------------------------------------------------------------------------------


def _check_place(
    expected: str, names: list[str], given: str, entities: tuple[Entity, ...], catalog: Catalog | None
) -> Verdict:
    head, comma, tail = given.rpartition(",")
    if comma and head.strip() and tail.strip():
        qualified = _check_qualified(expected, names, head.strip(), tail.strip(), entities, catalog)
        if qualified is not None:
            return qualified
    folded = _fold(given)
    if not folded:
        return _wrong(f"'{_show(given)}' is not a place name")
    if not any(_PLACE_WORDS.search(_fold(n)) for n in names):
        folded = _PLACE_WORDS.sub("", folded)  # "the Danube river", "city of Niš"
    if any(folded in _forms(n) for n in names):
        return _right()
    other = _other_entity(given, entities, catalog, Place)
    if other is not None:
        keys = [e for e in entities if isinstance(e, Place)]
        if catalog is not None and keys and other.name in catalog.ancestors(keys[0]):
            return _wrong(f"Too broad: {keys[0].name} lies in {other.name}; the answer is {expected}")
        return _wrong(f"{other.name} is a different place; the answer is {expected}")
    distance, closest = min((_distance(folded, form), n) for n in names for form in _forms(n))
    letters = sum(c.isalnum() for c in _fold(closest))
    allowance = typo_allowance(letters)
    if distance > allowance + (1 if letters >= 5 else 0):
        if _missing_qualifier(folded, names):
            return _near(f"Which one? Give the full name: {expected}")
        return _wrong(f"The answer is {expected}")
    rival = _closer_place(folded, distance, entities, catalog)
    if rival is not None:
        return _wrong(f"That looks like {rival.name}; the answer is {expected}")
    if distance <= allowance:
        return _right(f"Accepted; it is spelled {closest}")
    return _near(f"Close: '{_show(given)}' is {_COUNTS[min(distance, 4)]} letters off '{closest}'")


def _check_qualified(
    expected: str, names: list[str], head: str, tail: str, entities: tuple[Entity, ...], catalog: Catalog | None
) -> Verdict | None:
    """"Pirot, Serbia" or "Belgrade, Yugoslavia": the place with the region or country around it.
    None when the part after the comma is not a known place (the whole text is judged then)."""
    if catalog is None:
        return None
    outer = [p for p in catalog.find(tail.translate(_SERBIAN)) if isinstance(p, Place)]
    if not outer:
        return None
    verdict = _check_place(expected, names, head, entities, catalog)
    if not verdict.correct:
        return verdict
    keys = [e for e in entities if isinstance(e, Place)]
    if any(o.name in catalog.ancestors(key) for o in outer for key in keys) or not keys:
        return verdict
    return _near(f"{keys[0].name} is not in {outer[0].name}; the answer is {expected}")


def _missing_qualifier(folded: str, names: list[str]) -> bool:
    """True if `folded` is a name without its qualifying words ("morava" for "great morava")."""
    words = folded.split()
    for name in names:
        for form in _forms(name):
            full = form.split()
            if len(words) < len(full) and all(w in full for w in words):
                missing = [w for w in full if w not in words]
                if missing and all(w in _QUALIFIERS for w in missing):
                    return True
    return False


def _distance(a: str, b: str) -> int:
    """Edit distance, not counting spaces ("Novi Sad" vs "Novisad")."""
    return min(Levenshtein.distance(a, b), Levenshtein.distance(a.replace(" ", ""), b.replace(" ", "")))


def _other_entity(
    given: str, entities: tuple[Entity, ...], catalog: Catalog | None, kind: type
) -> Entity | None:
    """A catalog entity other than the expected one that `given` names exactly."""
    if catalog is None:
        return None
    found = catalog.find(given.translate(_SERBIAN))
    return next((e for e in found if e not in entities and isinstance(e, kind)), None)


_PLACE_NAMES: dict[int, tuple[Catalog, list[str], list[Place]]] = {}


def _closer_place(
    folded: str, distance: int, entities: tuple[Entity, ...], catalog: Catalog | None
) -> Place | None:
    """Another catalog place whose name is strictly closer to `folded` than the expected one."""
    if catalog is None or distance == 0:
        return None
    cached = _PLACE_NAMES.get(id(catalog))
    if cached is None or cached[0] is not catalog:
        pairs = [(_fold(n), p) for p in catalog.places for n in p.names]
        cached = (catalog, [n for n, _ in pairs], [p for _, p in pairs])
        if len(_PLACE_NAMES) > 8:
            _PLACE_NAMES.clear()
        _PLACE_NAMES[id(catalog)] = cached
    _, choices, places = cached
    found = process.extract(
        folded, choices, scorer=Levenshtein.distance, score_cutoff=distance - 1, limit=None
    )
    return next((places[i] for _, _, i in found if places[i] not in entities), None)


def check_question(question: Question, given: str) -> Verdict:
    """Judge an answer to a question: multiple choice by the option picked, typed by the rules
    of `question_bank.answers.check`, always with the catalog the question's bank was resolved
    against (the built-in one for a question made without it). Flip cards are graded by the
    learner, not here."""
    if question.mode is Mode.MC or question.wording_id == "date.what_happened":
        if given.strip() == question.answer:
            return Verdict(Outcome.CORRECT, "Right.")
        return Verdict(Outcome.WRONG, f"The answer is {question.answer}.")
    catalog = question.catalog if question.catalog is not None else _builtin_catalog()
    stated = question.kind.value == "date" and _states_year(question.prompt, question.answer)
    return check_answer(
        question.kind.value, question.answer, given, accepted=question.accepted, catalog=catalog,
        year_stated=stated,
    )
