"""The eras of a bank, read off its own dates: its facts fall into runs of years parted by long
gaps (a war in 1944-45, its commemorations in 2009-2014), and a wrong date of a fact stays within
the span of its era ("mid-June 1945" for a march in a war that ended in May 1945 gives itself
away). Also the facts that commemorate another: their month is guessable from it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from question_bank.facts.dates import FactDate, Precision
from question_bank.facts.model import Bank, Fact
from question_bank.facts.text import fold

ERA_GAP_DAYS = 5 * 365  # a gap this long between a bank's facts parts two eras
ERA_MARGIN_MONTHS = 3  # whole months either side of an era's dated facts
ERA_LEAST_FACTS = 3  # an era pinned by fewer facts dated finer than a year has no bounds


@dataclass(frozen=True)
class Eras:
    """Per fact id, the span (first day, last day) its wrong dates keep within, widened by the margin."""

    spans: dict[str, tuple[date, date]]
    anniversaries: frozenset[str]  # ids of facts dated whole multiples of five years after a fact of their place


def eras_for(bank: Bank) -> Eras:
    found = bank._cache.get("eras")
    if found is None:
        found = bank._cache["eras"] = Eras(_spans(bank.facts), _anniversaries(bank.facts))
    return found


def _spans(facts: Sequence[Fact]) -> dict[str, tuple[date, date]]:
    """Each fact's era span: the dated facts of its run of years, or, for a fact naming a unit,
    those that name units too (the fighting, not the medal struck after it)."""
    spans: dict[str, tuple[date, date]] = {}
    for era in _runs(facts):
        dated = [f for f in era if f.date.precision is not Precision.YEAR]
        if len(dated) < ERA_LEAST_FACTS:
            continue
        whole = _span(dated)
        fighting = [f for f in dated if f.units]
        of_units = _span(fighting) if len(fighting) >= ERA_LEAST_FACTS else whole
        for fact in era:
            spans[fact.id] = of_units if fact.units else whole
    return spans


def _runs(facts: Sequence[Fact]) -> list[list[Fact]]:
    """The facts in runs of time parted by gaps of ERA_GAP_DAYS or more."""
    runs: list[list[Fact]] = []
    last_end: date | None = None
    for fact in sorted(facts, key=lambda f: f.date.start):
        if last_end is None or (fact.date.start - last_end).days >= ERA_GAP_DAYS:
            runs.append([])
        runs[-1].append(fact)
        last_end = fact.date.end if last_end is None else max(last_end, fact.date.end)
    return runs


def _span(facts: list[Fact]) -> tuple[date, date]:
    """From the first day of the month ERA_MARGIN_MONTHS before the facts' first month to the last
    day of the month as many after their last."""
    earliest = min(f.date.start for f in facts)  # the earliest day is in the earliest month
    latest = max(f.date.end for f in facts)
    first = earliest.year * 12 + earliest.month - 1 - ERA_MARGIN_MONTHS
    after_last = latest.year * 12 + latest.month - 1 + ERA_MARGIN_MONTHS + 1
    return date(first // 12, first % 12 + 1, 1), date(after_last // 12, after_last % 12 + 1, 1) - timedelta(days=1)


def within_era(
    eras: Eras, fact: Fact, key: FactDate, between: tuple[date | None, date | None],
) -> tuple[date | None, date | None]:
    """`between` (the days wrong dates start after and before) narrowed to the fact's era, for a
    key finer than a year (wrong years keep to their own rule: near the key, not past the bank)."""
    span = eras.spans.get(fact.id)
    if span is None or key.precision is Precision.YEAR:
        return between
    after, until = between
    first, last = span
    era_after, era_until = first - timedelta(days=1), last + timedelta(days=1)
    return (era_after if after is None else max(after, era_after),
            era_until if until is None else min(until, era_until))


def _anniversaries(facts: Sequence[Fact]) -> frozenset[str]:
    """Facts dated to a day or month a whole multiple of five years after a fact of the same month
    that shares a place ("the March of the Victor", October 2014, seventy years after Belgrade's
    liberation in October 1944): a commemoration, whose month a student guesses."""
    timed = [f for f in facts if f.date.precision in (Precision.DAY, Precision.MONTH)]
    folded: dict[str, str] = {}  # a bank names the same places and regions over and over
    wheres = [_wheres(fact, folded) for fact in timed]
    years: dict[tuple[int, str], set[int]] = {}  # (month, place) -> the years of its facts
    for fact, places in zip(timed, wheres, strict=True):
        for where in places:
            years.setdefault((fact.date.start.month, where), set()).add(fact.date.start.year)
    found = set()
    for fact, places in zip(timed, wheres, strict=True):
        start = fact.date.start
        if any(year < start.year and (start.year - year) % 5 == 0
               for where in places for year in years[(start.month, where)]):
            found.add(fact.id)
    return frozenset(found)


def _wheres(fact: Fact, folded: dict[str, str]) -> frozenset[str]:
    """The places a fact names and the regions they lie in, folded (`folded`: the folds so far)."""
    found: set[str] = set()
    for place in fact.places:
        for name in (place.name, place.region):
            if name:
                where = folded.get(name)
                if where is None:
                    where = folded[name] = fold(name)
                found.add(where)
    return frozenset(found)
