"""Distractors: wrong options of the same kind, form, theatre and period as the key, drawn bank
first, and never one that is also right.

A candidate is refused when it is the key or one of the fact's own entities, listed in the fact's
`exclude` or `also_accept`, contains or lies inside the key (a region and its country), served
with the key in the fact's period (catalog [[together]]), appears in another event of the same
period beside one of the fact's entities (the same side doing the same thing), is named in the
question itself, did not exist yet, belongs to another theatre, or is spelled a letter or two
from the key. Pools are built once per bank; picking a question's distractors is a few samples.
"""

from __future__ import annotations

import math
import random
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from datetime import date, timedelta
from typing import Any, TypeVar

from rapidfuzz.distance import Levenshtein

from question_bank.facts.dates import FactDate, Precision
from question_bank.facts.entities import Entity, Place, Unit
from question_bank.facts.model import Bank, Fact
from question_bank.facts.relations import MAIN_THEATRE, Relations
from question_bank.facts.text import fold
from question_bank.questions.templates import month_of

_T = TypeVar("_T")
# The two camps of the theatre in autumn 1944 (Romania and Bulgaria had changed sides): a side-free
# wording may fall back on an ally's unit, never on the enemy's.
CAMPS = {"Soviet": "Allied", "Yugoslav": "Allied", "Bulgarian": "Allied", "Romanian": "Allied",
         "German": "Axis", "Hungarian": "Axis", "Croatian": "Axis"}


def camp_of(side: str) -> str:
    return "camp:" + CAMPS.get(side, side)
LOCAL_TYPES = frozenset({"landmark", "mountain"})
Tier = tuple[Sequence[Entity], list[frozenset[str]]]


class Pools:
    """Candidate distractors of a bank, indexed by what they must share with the key."""

    def __init__(self, bank: Bank):
        bank_units = {u.name: u for f in bank.facts for u in f.units}
        bank_places = {p.name: p for f in bank.facts for p in f.places}
        self.units: dict[tuple, list[Unit]] = defaultdict(list)
        for unit in (*bank_units.values(), *(u for u in bank.catalog.units if u.name not in bank_units)):
            tier = "bank" if unit.name in bank_units else "catalog"
            self.units[(unit.echelon, unit.side, tier)].append(unit)
            self.units[(unit.echelon, camp_of(unit.side), tier)].append(unit)
        self.places: dict[tuple, list[Place]] = defaultdict(list)
        for place in (*bank_places.values(), *(p for p in bank.catalog.places if p.name not in bank_places)):
            tier = "bank" if place.name in bank_places else "catalog"
            for form in {place.family, place.type}:  # a settlement of any size, or exactly a town
                self.places[(form, "region", place.region, tier)].append(place)
                self.places[(form, "country", place.country, tier)].append(place)
                self.places[(form, "any", "", tier)].append(place)
        self.catalog = bank.catalog
        self.relations: Relations = bank.catalog.relations
        # Which facts name each entity in each month, for "the same side did the same thing in
        # the same period" (a month index keeps the look-up to the events near the fact's date).
        # Each entry: the fact, its start and end, and the names of its units and of its places.
        self.facts_naming: dict[tuple[str, int], list[tuple[Fact, date, date, tuple[str, ...], tuple[str, ...]]]]
        self.facts_naming = defaultdict(list)
        for fact in bank.facts:
            entry = (fact, fact.date.start, fact.date.end, tuple(u.name for u in fact.units),
                     tuple(p.name for p in fact.places))
            for month_index in _months(fact.date):
                for entity in fact.entities:
                    self.facts_naming[(entity.name, month_index)].append(entry)
        self.lowered: dict[str, tuple[str, ...]] = {}
        dates: dict[tuple, dict[FactDate, None]] = defaultdict(dict)
        months: dict[int, dict[FactDate, None]] = defaultdict(dict)
        month_of_start: dict[tuple[int, int], FactDate] = {}  # month_of depends on the start's month only
        for fact in bank.facts:
            when = fact.date
            start = when.start
            dates[(when.precision, when.unit, start.year)][when] = None
            if when.precision in (Precision.DAY, Precision.MONTH):
                month = month_of_start.get((start.year, start.month))
                if month is None:
                    month = month_of_start[(start.year, start.month)] = month_of(when)
                months[start.year][month] = None
        self.dates = {key: list(value) for key, value in dates.items()}
        self.months = {key: list(value) for key, value in months.items()}
        # The human text of every pooled date, index for index.
        self.date_texts = {key: [d.human() for d in value] for key, value in self.dates.items()}
        self.month_texts = {key: [d.human() for d in value] for key, value in self.months.items()}
        self.facts_by_year: dict[int, list[Fact]] = defaultdict(list)
        for fact in bank.facts:
            self.facts_by_year[fact.date.start.year].append(fact)
        self.all_facts = bank.facts
        self.folded: dict[str, frozenset[str]] = {}
        self.folded_statements: dict[str, str] = {}
        self.tiers: dict[tuple[Any, ...], list[Tier]] = {}
        self.tier_keys: dict[int, list[frozenset[str]]] = {}

    def keys(self, entity: Entity) -> frozenset[str]:
        """Folded names of an entity: two options sharing one would read as the same answer."""
        found = self.folded.get(entity.name)
        if found is None:
            found = self.folded[entity.name] = frozenset(fold(name) for name in entity.names)
        return found

    def statement_key(self, fact: Fact) -> str:
        """A fact's folded statement: two events folding alike would read as the same option."""
        found = self.folded_statements.get(fact.id)
        if found is None:
            found = self.folded_statements[fact.id] = fold(fact.statement(with_date=False))
        return found

    def also_true(self, fact: Fact, key: Entity) -> set[str]:
        """Names of entities that could also answer the question about `key` in `fact`: the fact's
        own and excluded ones, the places around or inside the key, the units that served with it,
        and those of the key's kind in other events of the period that share one of the fact's
        entities."""
        names = {e.name for e in fact.entities}
        if fact.exclude:
            names.update(e.name for e in fact.exclude)
        if fact.also_accept:
            names.update(fact.also_accept)
        when = fact.date
        start, end = when.start, when.end
        is_unit = isinstance(key, Unit)
        if isinstance(key, Place):
            names |= self.catalog.related_places(key)
        elif self.relations.together:
            names |= self.relations.served_with(key.name, when)
        naming = self.facts_naming
        months = _months(when)
        key_name = key.name
        for entity in fact.entities:
            if entity.name == key_name:
                continue
            for month in months:
                for other, other_start, other_end, units, places in naming.get((entity.name, month), ()):
                    if other is not fact and other_start <= end and start <= other_end:
                        names.update(units if is_unit else places)
        return names

    def lower_names(self, entity: Entity) -> tuple[str, ...]:
        found = self.lowered.get(entity.name)
        if found is None:
            found = self.lowered[entity.name] = tuple(n.lower() for n in entity.names)
        return found


    def tiers_for(self, key: Entity, same_side: bool, exact_type: bool = False) -> list[Tier]:
        """The non-empty pools to draw the key's distractors from, best first, each with the
        folded names of its members (index for index)."""
        index: tuple[Any, ...]
        if isinstance(key, Unit):
            index = ("unit", key.echelon, key.side, same_side)
            found = self.tiers.get(index)
            if found is None:
                tiers: list[Sequence[Entity] | None] = [self.units.get((key.echelon, key.side, "bank")),
                         self.units.get((key.echelon, key.side, "catalog"))]
                if not same_side:
                    camp = camp_of(key.side)  # an ally, never the enemy: no Yugoslav group leaving Athens
                    tiers += [self.units.get((key.echelon, camp, "bank")),
                              self.units.get((key.echelon, camp, "catalog"))]
                found = self.tiers[index] = self._with_keys(tiers)
            return found
        form = key.type if exact_type else key.family
        located = key.lat is not None and key.lon is not None
        index = ("place", form, key.region, key.country, key.name if located else "")
        found = self.tiers.get(index)
        if found is None:
            # Landmarks and mountains are local: one in another city reads as a give-away.
            scopes = (("region", key.region),) if key.type in LOCAL_TYPES else (
                ("region", key.region), ("country", key.country))
            tiers = [
                self.places.get((form, scope, value, tier))
                for scope, value in scopes
                for tier in ("bank", "catalog")
            ]
            if key.type not in LOCAL_TYPES:
                bank_tier = self.places.get((form, "any", "", "bank"), [])
                catalog_tier = self.places.get((form, "any", "", "catalog"), [])
                if located:
                    # Beyond the key's region and country, the nearest places: Novi Sad is no
                    # option for a march north out of Athens.
                    tiers.append(_nearest(key, [*bank_tier, *catalog_tier]))
                else:
                    tiers += [bank_tier, catalog_tier]
            found = self.tiers[index] = self._with_keys(tiers)
        return found

    def _with_keys(self, tiers: list[Sequence[Entity] | None]) -> list[Tier]:
        found: list[Tier] = []
        for tier in tiers:
            if tier:
                # Pools live as long as this object, so a pool's id names it; many keys share pools.
                keys = self.tier_keys.get(id(tier))
                if keys is None:
                    keys = self.tier_keys[id(tier)] = [self.keys(entity) for entity in tier]
                found.append((tier, keys))
        return found


NEARBY = 10  # places of the key's form, nearest first, that the last tier draws on


def _nearest(key: Place, places: list[Place]) -> list[Place]:
    """The NEARBY places nearest the key (by latitude and longitude), then those without them."""
    assert key.lat is not None and key.lon is not None
    lat, lon = key.lat, key.lon
    scale = math.cos(math.radians(lat))
    located = [p for p in places if p.lat is not None and p.lon is not None]
    located.sort(key=lambda p: ((p.lat or 0.0) - lat) ** 2 + (((p.lon or 0.0) - lon) * scale) ** 2)
    return located[:NEARBY] or [p for p in places if p.lat is None]


def _months(when: FactDate) -> range:
    """The months a date covers, as year * 12 + month (at most two years' worth)."""
    first = when.start.year * 12 + when.start.month
    last = min(when.end.year * 12 + when.end.month, first + 24)
    return range(first, last + 1)


def _mentions(text: str, name: str) -> bool:
    """True if `name` stands in `text` as whole words (both lower case)."""
    at = text.find(name)
    while at >= 0:
        end = at + len(name)
        if (at == 0 or not text[at - 1].isalnum()) and (end == len(text) or not text[end].isalnum()):
            return True
        at = text.find(name, at + 1)
    return False


def pools_for(bank: Bank) -> Pools:
    pools = bank._cache.get("pools")
    if pools is None:
        pools = bank._cache["pools"] = Pools(bank)
    return pools


def unique_date_phrase(bank: Bank, fact: Fact) -> bool:
    """True if no other fact of the bank has the same date phrase ("in October 1944")."""
    counts = bank._cache.get("date_phrases")
    if counts is None:
        counts = bank._cache["date_phrases"] = {}
        for other in bank.facts:
            counts[other.date_phrase] = counts.get(other.date_phrase, 0) + 1
    return bool(counts.get(fact.date_phrase, 0) <= 1)


def _draw_indices(size: int, rng: random.Random, wanted: int) -> Iterator[int]:
    """Random indices into a pool of `size`, without repeats: cheap draws from a large pool, a
    shuffled range for a small one."""
    if size <= 4 * wanted + 4:
        yield from rng.sample(range(size), size)
        return
    seen: set[int] = set()
    for _ in range(4 * wanted + 8):
        index = int(rng.random() * size)  # randrange costs ten times as much in this loop
        if index not in seen:
            seen.add(index)
            yield index


def _draw(pool: Sequence[_T], rng: random.Random, wanted: int) -> Iterator[_T]:
    """Random members of `pool`, without repeats."""
    return (pool[index] for index in _draw_indices(len(pool), rng, wanted))


def _take(
    tiers: list[Tier], n: int, rng: random.Random, taken: list[Entity], excluded_names: set[str],
    fits: Callable[[Entity, frozenset[str]], bool], took: Callable[[Entity], None],
) -> None:
    """Fill `taken` up to n from the tiers in order, skipping anything that folds to a used name
    or does not `fit`; `took` hears of each one taken."""
    for tier, tier_keys in tiers:
        if len(taken) >= n:
            return
        for index in _draw_indices(len(tier), rng, n - len(taken)):
            names = tier_keys[index]
            if not excluded_names.isdisjoint(names) or not fits(tier[index], names):
                continue
            taken.append(tier[index])
            took(tier[index])
            excluded_names |= names
            if len(taken) >= n:
                return


def entity_distractors(
    bank: Bank, fact: Fact, key: Entity, n: int, rng: random.Random, same_side: bool, prompt: str = "",
    exact_type: bool = False,
) -> list[Entity]:
    """`n` entities of the key's kind and form that are not also right (see the module doc);
    `prompt` is the question's text (nothing it names is offered), `exact_type` keeps places to
    the key's own type (the stem says "Which town …")."""
    pools = pools_for(bank)
    keys = pools.keys
    relations = pools.relations
    banned = pools.also_true(fact, key)
    used = set(keys(key))
    for entity in (*fact.entities, *fact.exclude):
        used |= keys(entity)
    if fact.also_accept:
        used.update(fold(name) for name in fact.also_accept)
    stem = prompt.lower()
    theatre = relations.theatre_of(key.name)
    key_name = key.name.lower()
    lower_names = pools.lower_names
    is_place = isinstance(key, Place)
    check_theatre = bool(relations.theatre)
    check_since = bool(relations.since)
    when = fact.date

    def fits(candidate: Entity, names: frozenset[str]) -> bool:
        if candidate.name in banned:
            return False
        if check_theatre:
            # Another theatre's entity is never an option; a key from elsewhere (Moscow) may
            # still be set beside places of the main theatre.
            own = relations.theatre_of(candidate.name)
            if own != theatre and own != MAIN_THEATRE:
                return False
        if check_since and not relations.existed(candidate.name, when):
            return False
        lowered = lower_names(candidate)
        for name in lowered:
            if name in stem and _mentions(stem, name):
                return False
        # A place name a letter or two from the key's reads as a trick, not a distractor (unit
        # names differ by their number: "3rd Bulgarian Army" is a fair option for the 2nd).
        return not is_place or Levenshtein.distance(key_name, lowered[0], score_cutoff=2) > 2

    catalog = pools.catalog

    def took(candidate: Entity) -> None:
        # Croatia beside Yugoslavia would tell the learner that neither can be the one answer.
        if isinstance(candidate, Place):
            banned.update(catalog.related_places(candidate))

    taken: list[Entity] = []
    _take(pools.tiers_for(key, same_side, exact_type), n, rng, taken, used, fits, took)
    return taken


def date_distractors(bank: Bank, key: FactDate, n: int, rng: random.Random) -> list[FactDate]:
    """`n` dates of the key's precision and year, bank events first, at least two days apart."""
    return _pick_dates(bank, key, n, rng)[0]


def date_options(bank: Bank, key: FactDate, n: int, rng: random.Random) -> tuple[str, ...]:
    """The key and `n` date distractors as text, in chronological order; () if too few."""
    chosen, texts = _pick_dates(bank, key, n, rng)
    if len(chosen) < n:
        return ()
    ordered = sorted(zip((key, *chosen), texts, strict=False), key=_chronological)
    return tuple(text for _, text in ordered)


def _chronological(option: tuple[FactDate, str]) -> tuple:
    when = option[0]  # FactDate's own ordering, without its slower generated __lt__
    return (when.start, when.end, when.precision, when.unit, when.qualifier)


def _pick_dates(bank: Bank, key: FactDate, n: int, rng: random.Random) -> tuple[list[FactDate], list[str]]:
    """The chosen dates and the texts of the key and each chosen date, in that order."""
    pools = pools_for(bank)
    chosen: list[FactDate] = []
    key_text = key.human()
    ordered_texts = [key_text]
    texts = {key_text}
    precision, unit, qualifier = key.precision, key.unit, key.qualifier
    if precision is Precision.MONTH and not qualifier:
        # A month asked of a day-precision fact draws on every event's month of that year.
        same = pools.months.get(key.year, [])
        same_texts = pools.month_texts.get(key.year, [])
    else:
        same = pools.dates.get((precision, unit, key.year), [])
        same_texts = pools.date_texts.get((precision, unit, key.year), [])
    size = len(same)
    tries = min(size, 4 * n + 8)
    for _ in range(tries):
        if len(chosen) >= n:
            break
        index = int(rng.random() * size)
        candidate = same[index]
        if candidate.precision is precision and candidate.unit is unit and candidate.qualifier == qualifier:
            text = same_texts[index]
        else:  # restated at the key's precision
            candidate = FactDate(candidate.start, candidate.end, precision, unit, qualifier)
            text = candidate.human()
        if _fits(key, candidate, text, texts, chosen):
            chosen.append(candidate)
            texts.add(text)
            ordered_texts.append(text)
    attempts = 0
    while len(chosen) < n and attempts < 200:
        attempts += 1
        invented = _nearby(key, rng)
        if invented is not None:
            text = invented.human()
            if _fits(key, invented, text, texts, chosen):
                chosen.append(invented)
                texts.add(text)
                ordered_texts.append(text)
    return chosen, ordered_texts


def _fits(key: FactDate, candidate: FactDate, text: str, texts: set[str], chosen: list[FactDate]) -> bool:
    """A new text, and for days at least two days from the key and every chosen date; for ranges,
    overlapping none ("August–September" beside "July–August" is half right)."""
    if text in texts:
        return False
    if key.precision is Precision.DAY:
        start = candidate.start
        if abs((start - key.start).days) < 2:
            return False
        for other in chosen:
            if abs((start - other.start).days) < 2:
                return False
        return True
    if key.precision is Precision.RANGE:
        return not _overlaps(candidate, key) and not any(_overlaps(candidate, d) for d in chosen)
    return True


def _month(when: FactDate) -> FactDate:
    return month_of(when)


def _nearby(key: FactDate, rng: random.Random) -> FactDate | None:
    """A plausible invented date near the key, in the same year and at the same precision."""
    if key.precision is Precision.DAY:
        day = key.start + timedelta(days=rng.choice((-1, 1)) * rng.randint(2, 40))
        if day.year != key.year:
            return None
        return FactDate(day, day, Precision.DAY, Precision.DAY)
    if key.precision is Precision.MONTH:
        # Within four months of the key: "mid-December 1945" for a February 1945 event is past
        # the war's end and gives itself away.
        month = key.start.month + rng.choice((-1, 1)) * rng.randint(1, 4)
        if not 1 <= month <= 12:
            return None
        shifted = _month(FactDate(key.start.replace(month=month, day=1), key.start.replace(month=month, day=1),
                                  Precision.DAY))
        return FactDate(shifted.start, shifted.end, Precision.MONTH, Precision.MONTH, key.qualifier)
    if key.precision is Precision.YEAR:
        # Close to the key and mostly before it: 1938 for a 1944 event gives itself away, and a
        # year after a war's end gives away a question about one of its armies.
        year = key.year + rng.choice((-3, -2, -1, 1))
        return FactDate(key.start.replace(year=year), key.end.replace(year=year), Precision.YEAR, Precision.YEAR)
    shift = rng.choice((-1, 1)) * rng.randint(1, 4)
    if key.unit is Precision.MONTH:
        start_month = key.start.month + shift
        end_month = key.end.month + shift
        if not (1 <= start_month <= 12 and 1 <= end_month <= 12):
            return None
        first = _month(FactDate(key.start.replace(month=start_month, day=1), key.start, Precision.DAY))
        last = _month(FactDate(key.end.replace(month=end_month, day=1), key.end, Precision.DAY))
        return FactDate(first.start, last.end, Precision.RANGE, Precision.MONTH)
    # Whole spans of the key away, so a long campaign gets neighbours that do not overlap it.
    span = (key.end - key.start).days + 1
    delta = timedelta(days=rng.choice((-2, -1, 1, 2)) * span)
    start: date = key.start + delta
    end: date = key.end + delta
    if start.year != key.year or end.year != key.end.year:
        return None
    return FactDate(start, end, Precision.RANGE, Precision.DAY)


def event_distractors(bank: Bank, fact: Fact, n: int, rng: random.Random) -> list[Fact]:
    """Other events of the bank for 'What happened on …?', none overlapping the fact's date."""
    pools = pools_for(bank)
    same_year = pools.facts_by_year.get(fact.date.year, [])
    chosen: list[Fact] = []
    statement_key = pools.statement_key
    seen = {statement_key(fact)}
    when = fact.date
    for pool in (same_year, pools.all_facts):
        if len(chosen) >= n:
            break
        for other in _draw(pool, rng, n):
            text = statement_key(other)
            if text in seen or _overlaps(other.date, when):
                continue
            seen.add(text)
            chosen.append(other)
            if len(chosen) >= n:
                break
    return chosen


def _overlaps(a: FactDate, b: FactDate) -> bool:
    return a.start <= b.end and b.start <= a.end
