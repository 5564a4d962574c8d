"""Distractors: wrong options of the same kind and form as the key, drawn bank first.

Pools are built once per bank; picking a question's distractors is then a few samples.
"""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import timedelta

from question_bank.dates import FactDate, Precision
from question_bank.entities import Entity, Place, Unit
from question_bank.model import Bank, Fact
from question_bank.text import fold


class Pools:
    """Candidate distractors of a bank, indexed by what they must share with the key."""

    def __init__(self, bank: Bank):
        bank_units = {u.name: u for f in bank.facts for u in f.units}
        bank_places = {p.name: p for f in bank.facts for p in f.places}
        self.units: dict[tuple, list[Unit]] = defaultdict(list)
        for unit in (*bank_units.values(), *(u for u in bank.catalog.units if u.name not in bank_units)):
            tier = "bank" if unit.name in bank_units else "catalog"
            self.units[(unit.echelon, unit.side, tier)].append(unit)
            self.units[(unit.echelon, "*", tier)].append(unit)
        self.places: dict[tuple, list[Place]] = defaultdict(list)
        for place in (*bank_places.values(), *(p for p in bank.catalog.places if p.name not in bank_places)):
            tier = "bank" if place.name in bank_places else "catalog"
            self.places[(place.family, "region", place.region, tier)].append(place)
            self.places[(place.family, "country", place.country, tier)].append(place)
            self.places[(place.family, "any", "", tier)].append(place)
        dates: dict[tuple, dict[FactDate, None]] = defaultdict(dict)
        months: dict[int, dict[FactDate, None]] = defaultdict(dict)
        for fact in bank.facts:
            when = fact.date
            dates[(when.precision, when.unit, when.start.year)][when] = None
            if when.precision in (Precision.DAY, Precision.MONTH):
                months[when.start.year][_month(when)] = None
        self.dates = {key: list(value) for key, value in dates.items()}
        self.months = {key: list(value) for key, value in months.items()}
        self.facts_by_year: dict[int, list[Fact]] = defaultdict(list)
        for fact in bank.facts:
            self.facts_by_year[fact.date.start.year].append(fact)
        self.all_facts = bank.facts
        self.folded: dict[str, frozenset[str]] = {}

    def keys(self, entity: Entity) -> frozenset[str]:
        """Folded names of an entity: two options sharing one would read as the same answer."""
        found = self.folded.get(entity.name)
        if found is None:
            found = self.folded[entity.name] = frozenset(fold(name) for name in entity.names)
        return found


def pools_for(bank: Bank) -> Pools:
    pools = bank._cache.get("pools")
    if pools is None:
        pools = bank._cache["pools"] = Pools(bank)
    return pools


def _draw(pool, rng: random.Random, wanted: int):
    """Random members of `pool`, without repeats: cheap draws from a large pool, a shuffled copy
    of a small one."""
    size = len(pool)
    if size <= 4 * wanted + 4:
        yield from rng.sample(pool, size)
        return
    seen: set[int] = set()
    for _ in range(4 * wanted + 8):
        index = rng.randrange(size)
        if index not in seen:
            seen.add(index)
            yield pool[index]


def _take(pools: Pools, tiers, n: int, rng: random.Random, taken: list, excluded_names: set[str]) -> None:
    """Fill `taken` up to n from the tiers in order, skipping anything that folds to a used name."""
    for tier in tiers:
        if len(taken) >= n:
            return
        if not tier:
            continue
        for entity in _draw(tier, rng, n - len(taken)):
            keys = pools.keys(entity)
            if keys & excluded_names:
                continue
            taken.append(entity)
            excluded_names |= keys
            if len(taken) >= n:
                return


def entity_distractors(
    bank: Bank, key: Entity, exclude: tuple[Entity, ...], n: int, rng: random.Random, same_side: bool
) -> list[Entity]:
    """`n` entities of the key's kind and form, never one of `exclude` (the fact's own)."""
    pools = pools_for(bank)
    used = set(pools.keys(key)).union(*(pools.keys(e) for e in exclude))
    taken: list[Entity] = []
    if isinstance(key, Unit):
        tiers = [pools.units.get((key.echelon, key.side, "bank")), pools.units.get((key.echelon, key.side, "catalog"))]
        if not same_side:
            tiers += [pools.units.get((key.echelon, "*", "bank")), pools.units.get((key.echelon, "*", "catalog"))]
    else:
        tiers = [
            pools.places.get((key.family, scope, value, tier))
            for scope, value in (("region", key.region), ("country", key.country), ("any", ""))
            for tier in ("bank", "catalog")
        ]
    _take(pools, tiers, n, rng, taken, used)
    return taken


def date_distractors(bank: Bank, key: FactDate, n: int, rng: random.Random) -> list[FactDate]:
    """`n` dates of the key's precision and year, bank events first, at least two days apart."""
    pools = pools_for(bank)
    chosen: list[FactDate] = []
    texts = {key.human()}

    def fits(candidate: FactDate) -> bool:
        if candidate.human() in texts:
            return False
        if key.precision is Precision.DAY:
            return all(abs((candidate.start - d.start).days) >= 2 for d in (key, *chosen))
        if key.precision is Precision.RANGE:  # "August–September" beside "July–August" is half right
            return not any(_overlaps(candidate, d) for d in (key, *chosen))
        return True

    if key.precision is Precision.MONTH and not key.qualifier:
        # A month asked of a day-precision fact draws on every event's month of that year.
        same = pools.months.get(key.year, [])
    else:
        same = pools.dates.get((key.precision, key.unit, key.year), [])
    tries = min(len(same), 4 * n + 8)
    for _ in range(tries):
        if len(chosen) >= n:
            break
        candidate = same[rng.randrange(len(same))]
        candidate = FactDate(candidate.start, candidate.end, key.precision, key.unit, key.qualifier)
        if fits(candidate):
            chosen.append(candidate)
            texts.add(candidate.human())
    attempts = 0
    while len(chosen) < n and attempts < 200:
        attempts += 1
        candidate = _nearby(key, rng)
        if candidate is not None and fits(candidate):
            chosen.append(candidate)
            texts.add(candidate.human())
    return chosen


def _month(when: FactDate) -> FactDate:
    from question_bank.templates import month_of

    return month_of(when)


def _nearby(key: FactDate, rng: random.Random) -> FactDate | None:
    """A plausible invented date near the key, in the same year and at the same precision."""
    if key.precision is Precision.DAY:
        day = key.start + timedelta(days=rng.choice((-1, 1)) * rng.randint(2, 40))
        if day.year != key.year:
            return None
        return FactDate(day, day, Precision.DAY, Precision.DAY)
    if key.precision is Precision.MONTH:
        month = rng.randint(1, 12)
        if month == key.start.month:
            return None
        shifted = _month(FactDate(key.start.replace(month=month, day=1), key.start.replace(month=month, day=1),
                                  Precision.DAY))
        return FactDate(shifted.start, shifted.end, Precision.MONTH, Precision.MONTH, key.qualifier)
    if key.precision is Precision.YEAR:
        year = key.year + rng.choice((-1, 1)) * rng.randint(1, 6)
        return FactDate(key.start.replace(year=year), key.end.replace(year=year), Precision.YEAR, Precision.YEAR)
    shift = rng.choice((-1, 1)) * rng.randint(1, 4)
    if key.unit is Precision.MONTH:
        start_month = key.start.month + shift
        end_month = key.end.month + shift
        if not (1 <= start_month <= 12 and 1 <= end_month <= 12):
            return None
        start = _month(FactDate(key.start.replace(month=start_month, day=1), key.start, Precision.DAY))
        end = _month(FactDate(key.end.replace(month=end_month, day=1), key.end, Precision.DAY))
        return FactDate(start.start, end.end, Precision.RANGE, Precision.MONTH)
    delta = timedelta(days=shift * 7)
    start, end = key.start + delta, key.end + delta
    if start.year != key.year or end.year != key.end.year:
        return None
    return FactDate(start, end, Precision.RANGE, Precision.DAY)


def event_distractors(bank: Bank, fact: Fact, n: int, rng: random.Random) -> list[Fact]:
    """Other events of the bank for 'What happened on …?', none overlapping the fact's date."""
    pools = pools_for(bank)
    same_year = pools.facts_by_year.get(fact.date.year, [])
    chosen: list[Fact] = []
    seen = {fold(fact.statement(with_date=False))}
    for pool in (same_year, pools.all_facts):
        if len(chosen) >= n:
            break
        for other in _draw(pool, rng, n):
            text = fold(other.statement(with_date=False))
            if text in seen or _overlaps(other.date, fact.date):
                continue
            seen.add(text)
            chosen.append(other)
            if len(chosen) >= n:
                break
    return chosen


def _overlaps(a: FactDate, b: FactDate) -> bool:
    return a.start <= b.end and b.start <= a.end
