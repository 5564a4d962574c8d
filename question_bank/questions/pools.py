"""Candidate distractors of a bank, indexed by what they must share with the key (kind, form,
side or camp, region and country), with the relations that rule a candidate out; built once per
bank and kept on it."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Sequence
from datetime import date
from typing import Any

from question_bank.facts.dates import FactDate, Precision
from question_bank.facts.entities import Entity, Place, Unit
from question_bank.facts.model import Bank, Fact
from question_bank.facts.relations import Relations
from question_bank.facts.text import fold
from question_bank.questions.geography import CLOSE_KM, km, nearest, side_of_country, years_later
from question_bank.questions.templates import still_going

# The two camps of the theatre in autumn 1944 (Romania and Bulgaria had changed sides): a side-free
# wording may fall back on an ally's unit, never on the enemy's.
CAMPS = {"Soviet": "Allied", "Yugoslav": "Allied", "Bulgarian": "Allied", "Romanian": "Allied",
         "German": "Axis", "Hungarian": "Axis", "Croatian": "Axis"}


def camp_of(side: str) -> str:
    """The pool key of a side's camp (a side outside both camps is a camp of its own)."""
    return "camp:" + CAMPS.get(side, side)


LOCAL_TYPES = frozenset({"landmark", "mountain"})
Tier = tuple[Sequence[Entity], list[frozenset[str]]]


class NameSets:
    """A union of sets of names, looked into without being built: a question checks a handful of
    candidates against the names of all the events of its day, which on a large bank are hundreds."""

    def __init__(self, own: set[str]):
        self.own = own  # names added one by one
        self.sets: list[Collection[str]] = []

    def add(self, names: Collection[str]) -> None:
        """Add every name of `names` (kept, not copied: it must not change afterwards)."""
        if names:
            self.sets.append(names)

    def update(self, names: Iterable[str]) -> None:
        self.own.update(names)

    def __contains__(self, name: object) -> bool:
        if name in self.own:
            return True
        for names in self.sets:  # a loop, not any(): this runs for every candidate option
            if name in names:
                return True
        return False


class Pools:
    """Candidate distractors of a bank, indexed by what they must share with the key."""

    def __init__(self, bank: Bank):
        bank_units = {u.name: u for f in bank.facts for u in f.units}
        bank_places = {p.name: p for f in bank.facts for p in f.places}
        own = bank.catalog.own
        # The shipped catalog is this bank's world only when the bank draws most of its entities
        # from it (the built-in banks, a teacher's sheet on the same campaign); a Civil War bank's
        # places never get Balkan rivers as wrong options.
        named = (*bank_units, *bank_places)
        self.catalog_world = sum(name not in own for name in named) * 2 >= len(named) > 0
        self.units: dict[tuple, list[Unit]] = defaultdict(list)
        for unit in (*bank_units.values(), *(u for u in bank.catalog.units if u.name not in bank_units)):
            tier = self._tier(unit.name, bank_units, own)
            if tier is None:
                continue
            for form in (unit.form,) if unit.is_military else (unit.form, f"{unit.category}:*"):
                self.units[(form, unit.side, tier)].append(unit)
                self.units[(form, camp_of(unit.side), tier)].append(unit)
        self.places: dict[tuple, list[Place]] = defaultdict(list)
        for place in (*bank_places.values(), *(p for p in bank.catalog.places if p.name not in bank_places)):
            tier = self._tier(place.name, bank_places, own)
            if tier is None:
                continue
            for form in {place.family, place.type}:  # a settlement of any size, or exactly a town
                self.places[(form, "region", place.region, tier)].append(place)
                self.places[(form, "country", place.country, tier)].append(place)
                self.places[(form, "any", "", tier)].append(place)
        # Events that may share an answer with a fact: those of the same day, and those of the same
        # verb in an overlapping period (two towns freed the same day are both right). The names
        # they give, by kind: a look-up keeps also_true cheap on a bank of ten thousand facts.
        self.co_true: dict[tuple, tuple[set[str], set[str]]] = defaultdict(lambda: (set(), set()))
        for fact in bank.facts:
            verb = fact.verb_base.lower()
            units, places = {u.name for u in fact.units}, {p.name for p in fact.places}
            keys: list[tuple] = []
            if fact.date.precision is Precision.DAY:
                keys += [("day", fact.date.start), ("verb-day", verb, fact.date.start)]
            else:
                keys += [("verb-span", verb, m) for m in _months(fact.date)]
            keys += [("verb-month", verb, m) for m in _months(fact.date)]
            for key in keys:
                found = self.co_true[key]
                found[0].update(units)
                found[1].update(places)
        # Entities that are never a wrong option: the bank's title ("Kursk" in a Kursk bank: as a
        # key it is trivial, as an option a dud), and those no fact asks about (a fact's `asks`
        # leaves them out everywhere they stand).
        title_words = set(fold(f"{bank.title} {bank.name.replace('-', ' ')}").split())
        every = {e.name: e for f in bank.facts for e in f.entities}
        times_named = Counter(e.name for f in bank.facts for e in f.entities)
        places_named = Counter({n: c for n, c in times_named.items() if isinstance(every[n], Place)})
        # The bank's own centre is as plain as its title: Paris in a bank on the Revolution, named
        # in a quarter of its facts, is a trivial key and, beside a place inside it, a co-true option.
        centre = [n for n, c in places_named.most_common(1) if c >= max(3, len(bank.facts) / 4)]
        self.title_entities = frozenset(
            name for name, e in every.items()
            if isinstance(e, Place) and times_named[name] >= 2 and fold(name).split()
            and set(fold(name).split()) <= title_words
        ) | frozenset(centre)
        asked: set[str] = set()
        for fact in bank.facts:
            asked.update(e.name for e in fact.entities if fact.offers("unit" if isinstance(e, Unit) else "place", e))
        self.unoffered = self.title_entities | frozenset(every.keys() - asked)
        # When each actor is named by the bank: an explorer drowned in 1500 is no option for a
        # voyage of 1519, nor is an Apollo craft for a Mercury flight.
        self.spans: dict[str, tuple[date, date]] = {}
        for fact in bank.facts:
            for unit in fact.units:
                first, last = self.spans.get(unit.name, (fact.date.start, fact.date.end))
                self.spans[unit.name] = (min(first, fact.date.start), max(last, fact.date.end))
        # How often each entity is a slot of the bank: a favourite key must be a wrong option too,
        # or a test-wise student picks it whenever it is offered.
        self.slot_counts: dict[str, int] = defaultdict(int)
        for fact in bank.facts:
            for entity in fact.entities:
                self.slot_counts[entity.name] += 1
        self.catalog = bank.catalog
        # Whether any place lies inside another (a bank of invented towns has none).
        self.nested = any(bank.catalog.ancestors(p) for p in bank.catalog.places)
        self.relations: Relations = bank.catalog.relations
        # Which facts name each entity in each month, for "the same side did the same thing in
        # the same period" (a month index keeps the look-up to the events near the fact's date).
        # Each entry: the fact, its start and end, and the names of its units and of its places.
        self.facts_naming: dict[tuple[str, int], list[tuple[Fact, date, date, tuple[str, ...], tuple[str, ...]]]]
        self.facts_naming = defaultdict(list)
        # An action still going on (an offensive opened on the 3rd) counts until it may have ended.
        for fact in bank.facts:
            until = still_going(fact)
            entry = (fact, fact.date.start, until, tuple(u.name for u in fact.units),
                     tuple(p.name for p in fact.places))
            for month_index in _month_range(fact.date.start, until):
                for entity in fact.entities:
                    self.facts_naming[(entity.name, month_index)].append(entry)
        self.lowered: dict[str, tuple[str, ...]] = {}
        self.all_facts = bank.facts
        self.folded: dict[str, frozenset[str]] = {}
        self.folded_statements: dict[str, str] = {}
        self.folded_homes: dict[str, frozenset[str]] = {}
        self.tiers: dict[tuple[Any, ...], list[Tier]] = {}
        self.tier_keys: dict[int, list[frozenset[str]]] = {}
        self.favourite_tiers: dict[tuple[int, ...], Tier] = {}
        self.names_of_fact: dict[str, frozenset[str]] = {}
        self.mates: dict[str, frozenset[str]] = {}
        self.facts_of: dict[str, list[Fact]] = defaultdict(list)
        for fact in bank.facts:
            for entity in fact.entities:
                self.facts_of[entity.name].append(fact)
        self.located = [p for p in bank.catalog.places if p.lat is not None and p.lon is not None]
        self.close: dict[str, frozenset[str]] = {}
        self.places_named: dict[str, Place | None] = {}
        self.bound: dict[tuple[str, tuple[str, ...]], bool] = {}  # country_bound by country and sides

    def close_to(self, place: Place) -> frozenset[str]:
        """Places within CLOSE_KM of `place` (Cape Canaveral and the Kennedy Space Center): offered
        together, or beside the key, one could be taken for the other."""
        if place.lat is None or place.lon is None or len(self.located) > 3000:
            return frozenset()
        found = self.close.get(place.name)
        if found is None:
            found = self.close[place.name] = frozenset(
                other.name for other in self.located
                if other.name != place.name and km(place, other) <= CLOSE_KM
            )
        return found

    def place_named(self, name: str) -> Place | None:
        """`Catalog.place`, kept: the stems of a bank name the same places over and over."""
        try:
            return self.places_named[name]
        except KeyError:
            found = self.places_named[name] = self.catalog.place(name)
            return found

    def fact_mates(self, entity: Entity) -> frozenset[str]:
        """Entities of the same kind that some fact names beside `entity`."""
        found = self.mates.get(entity.name)
        if found is None:
            mates: set[str] = set()
            is_unit = isinstance(entity, Unit)
            for fact in self.facts_of.get(entity.name, ()):
                mates.update(e.name for e in (fact.units if is_unit else fact.places) if e.name != entity.name)
            found = self.mates[entity.name] = frozenset(mates)
        return found

    def fact_names(self, fact: Fact) -> frozenset[str]:
        found = self.names_of_fact.get(fact.id)
        if found is None:
            found = self.names_of_fact[fact.id] = frozenset(e.name for e in fact.entities)
        return found

    def of_the_period(self, candidate: Unit, when: FactDate) -> bool:
        """Whether an actor the bank names belongs to the period of `when`: a unit named within two
        years of it, anyone else within five; a craft or ship not first named after it (it was not
        built yet)."""
        span = self.spans.get(candidate.name)
        if span is None:
            return True  # declared, never named: no dates to judge by
        first, last = span
        if candidate.category in ("craft", "ship") and first > when.end:
            return False
        years = 2 if candidate.is_military else 5
        return first <= years_later(when.end, years) and years_later(last, years) >= when.start

    def first_before(self, fact: Fact, noun: str) -> tuple[set[str], set[str]]:
        """The entities, and the sides of the units, of the bank's events before `fact` that
        were a first `noun` ("launched Explorer 1, the first American satellite"): for "its first
        satellite" in 1965, neither the Soviet Union nor the United States is a wrong option."""
        names: set[str] = set()
        sides: set[str] = set()
        first = re.compile(rf"\bfirst (?:[\w-]+ ){{0,2}}{re.escape(noun)}\b")
        for other in self.all_facts:
            if other.date.start < fact.date.start and first.search(fold(other.statement())):
                names.update(e.name for e in other.entities)
                sides.update(fold(u.side) for u in other.units if u.side)
        return names, sides

    def country_bound(self, fact: Fact, key: Place) -> bool:
        """True if an actor of the fact belongs to the key's country ("Yuri Gagarin", Soviet, lifted off
        from a Soviet launch site): a place of another country would be ruled out by the stem."""
        if not key.country:
            return False
        index = (key.country, tuple(unit.side for unit in fact.units))
        found = self.bound.get(index)
        if found is None:
            country = fold(key.country)
            found = self.bound[index] = any(side and side_of_country(fold(side), country) for side in index[1])
        return found

    def _tier(self, name: str, named: dict, own: frozenset[str]) -> str | None:
        """'bank' for an entity the bank names or declares, 'catalog' for one of the shipped
        catalog where that is the bank's world, else None (never an option)."""
        if name in named or name in own:
            return "bank"
        return "catalog" if self.catalog_world else None

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

    def also_true(self, fact: Fact, key: Entity) -> NameSets:
        """Names of entities that could also answer the question about `key` in `fact`: the fact's
        own and excluded ones, the places around or inside the key, the units that served with it,
        and those of the key's kind in other events of the period that share one of the fact's
        entities."""
        own = {e.name for e in fact.entities}
        if fact.exclude:
            own.update(e.name for e in fact.exclude)
        if fact.also_accept:
            own.update(fact.also_accept)
        names = NameSets(own)
        when = fact.date
        start, end = when.start, when.end
        is_unit = isinstance(key, Unit)
        key_name = key.name
        if isinstance(key, Place):
            names.add(self.catalog.related_places(key))
            names.add(self.close_to(key))
        elif self.relations.together:
            names.add(self.relations.served_with(key.name, when))
        months = _months(when)
        verb = fact.verb_base.lower()
        which = 0 if is_unit else 1
        co_true = self.co_true
        if when.precision is Precision.DAY:
            keys: list[tuple] = [("day", start), ("verb-day", verb, start), ("verb-span", verb, months[0])]
        else:
            keys = [("verb-month", verb, m) for m in months]
        for index in keys:
            found = co_true.get(index)
            if found is not None:
                names.add(found[which])
        naming = self.facts_naming
        for entity in fact.entities:
            if entity.name == key_name:
                continue
            for month in months:
                for other, other_start, other_end, units, places in naming.get((entity.name, month), ()):
                    if other is not fact and other_start <= end and start <= other_end:
                        own.update(units if is_unit else places)
        return names

    def homes(self, place: Place) -> frozenset[str]:
        """The folded names of the regions and countries a place lies in."""
        found = self.folded_homes.get(place.name)
        if found is None:
            names = (*self.catalog.ancestors(place), place.region, place.country)
            found = self.folded_homes[place.name] = frozenset(fold(name) for name in names if name)
        return found

    def lower_names(self, entity: Entity) -> tuple[str, ...]:
        found = self.lowered.get(entity.name)
        if found is None:
            found = self.lowered[entity.name] = tuple(n.lower() for n in entity.names)
        return found


    def tiers_for(
        self, key: Entity, same_side: bool, exact_type: bool = False, broad: bool = False, same_country: bool = False,
    ) -> list[Tier]:
        """The non-empty pools to draw the key's distractors from, best first, each with the
        folded names of its members (index for index). `broad`: the stem names only the key's
        category ("Which person"), so any role of it will do."""
        index: tuple[Any, ...]
        if isinstance(key, Unit):
            form = f"{key.category}:*" if broad and not key.is_military else key.form
            index = ("unit", form, key.side, same_side)
            found = self.tiers.get(index)
            if found is None:
                tiers: list[Sequence[Entity] | None] = [self.units.get((form, key.side, "bank")),
                         self.units.get((form, key.side, "catalog"))]
                if not same_side:
                    camp = camp_of(key.side)  # an ally, never the enemy: no Yugoslav group leaving Athens
                    tiers += [self.units.get((form, camp, "bank")),
                              self.units.get((form, camp, "catalog"))]
                found = self.tiers[index] = self._with_keys(tiers)
            return found
        form = key.type if exact_type else key.family
        located = key.lat is not None and key.lon is not None
        index = ("place", form, key.region, key.country, key.name if located else "", same_country)
        found = self.tiers.get(index)
        if found is None:
            if located and key.type not in LOCAL_TYPES:
                # The nearest places of the key's form, wherever the region's border runs: Subotica
                # is no option for the far southern wing, nor the Drina for Belgrade's outskirts.
                pool = [p for p in self.places.get((form, "any", "", "bank"), [])]
                pool += self.places.get((form, "any", "", "catalog"), [])
                home = [p for p in pool if p.country == key.country] if key.country else pool
                # The nearest of the key's own region first (the twenty-first reading: Smederevo
                # among Banat towns, Pančevo among towns south of the Danube, stood out by the map),
                # then at home (no Sofia for a Serbian town while Serbian ones remain), then across
                # the border unless an actor of the fact belongs to the key's country.
                region = [p for p in home if p.region == key.region] if key.region else []
                tiers_: list[Sequence[Entity] | None] = [nearest(key, region)] if region else []
                tiers_.append(nearest(key, home))
                if exact_type and key.type == "city":
                    # Towns at home before cities abroad: Jagodina, not Sofia, beside Niš.
                    towns = self.places.get(("town", "any", "", "bank"), []) + self.places.get(
                        ("town", "any", "", "catalog"), [])
                    tiers_.append(nearest(key, [p for p in towns if not key.country or p.country == key.country]))
                if not same_country and key.country:
                    tiers_.append(nearest(key, [p for p in pool if p.country != key.country]))
                found = self.tiers[index] = self._with_keys(tiers_)
                return found
            # Landmarks and mountains are local: one in another city reads as a give-away.
            scopes = (("region", key.region),) if key.type in LOCAL_TYPES else (
                ("region", key.region), ("country", key.country))
            tiers = [
                self.places.get((form, scope, value, tier))
                for scope, value in scopes
                for tier in ("bank", "catalog")
            ]
            if key.type not in LOCAL_TYPES and not same_country:
                tiers += [self.places.get((form, "any", "", "bank"), []),
                          self.places.get((form, "any", "", "catalog"), [])]
            found = self.tiers[index] = self._with_keys(tiers)
        return found

    def favourites(self, tiers: list[Tier]) -> Tier:
        """The members of the tiers that are slots of two facts or more, each as many times as it
        is a slot (the most asked is drawn the most)."""
        index = tuple(id(pool) for pool, _ in tiers)
        found = self.favourite_tiers.get(index)
        if found is None:
            counts = self.slot_counts
            members: list[Entity] = []
            keys: list[frozenset[str]] = []
            seen: set[str] = set()
            for pool, pool_keys in tiers:
                for entity, names in zip(pool, pool_keys, strict=True):
                    count = counts.get(entity.name, 0)
                    if count >= 2 and entity.name not in seen:
                        seen.add(entity.name)
                        members += [entity] * count
                        keys += [names] * count
            found = self.favourite_tiers[index] = (members, keys)
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


def _months(when: FactDate) -> range:
    """The months a date covers, as year * 12 + month (at most two years' worth)."""
    return _month_range(when.start, when.end)


def _month_range(start: date, end: date) -> range:
    first = start.year * 12 + start.month
    last = min(end.year * 12 + end.month, first + 24)
    return range(first, last + 1)


def pools_for(bank: Bank) -> Pools:
    pools = bank._cache.get("pools")
    if pools is None:
        pools = bank._cache["pools"] = Pools(bank)
    return pools
