"""The entity catalog: units and places, with the attributes distractors are matched on."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from question_bank.facts.relations import Relations
from question_bank.facts.text import fold

SIDES = ("Soviet", "Bulgarian", "Yugoslav", "German", "Romanian", "Hungarian", "Chetnik", "Croatian")
ECHELONS = (
    "battalion", "regiment", "brigade", "division", "corps", "army", "front", "army group",
    "battle group", "air army", "flotilla", "command",
)
PLACE_TYPES = ("city", "town", "village", "river", "region", "country", "landmark", "mountain")
SETTLEMENTS = frozenset({"city", "town", "village"})
# What a bank's actor is: a military formation, or a person, organisation, ship or craft (the
# `role` word then names it in a question: "Which astronaut", "Which agency").
CATEGORIES = ("unit", "person", "organisation", "ship", "craft")
CATEGORY_SPELLINGS = {"organization": "organisation", "org": "organisation", "vessel": "ship",
                      "spacecraft": "craft", "aircraft": "craft", "vehicle": "craft"}
DEFAULT_ROLE = {"unit": "unit", "person": "person", "organisation": "organisation", "ship": "ship",
                "craft": "craft"}


@dataclass(frozen=True)
class Unit:
    """An actor of a fact: a military unit (side and echelon), or with another `category` a
    person, organisation, ship or craft, whose `role` ("astronaut", "agency") a question names."""

    name: str
    side: str
    echelon: str
    branch: str = ""
    aliases: tuple[str, ...] = ()
    parent: str = ""
    category: str = "unit"
    role: str = ""

    kind = "unit"

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)

    @property
    def is_military(self) -> bool:
        return self.category == "unit"

    @property
    def noun(self) -> str:
        """The word a question asks for it by: its echelon, its role, or its category."""
        if self.is_military:
            return self.echelon or self.role or "unit"
        return self.role or DEFAULT_ROLE[self.category]

    @property
    def form(self) -> str:
        """What a wrong option must share with it: the same echelon, or the same category and role."""
        return self.echelon if self.is_military else f"{self.category}:{self.noun}"


@dataclass(frozen=True)
class Place:
    name: str
    type: str
    region: str = ""
    country: str = ""
    aliases: tuple[str, ...] = ()
    lat: float | None = None
    lon: float | None = None

    kind = "place"

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)

    @property
    def family(self) -> str:
        """Settlements of any size stand in for one another as distractors."""
        return "settlement" if self.type in SETTLEMENTS else self.type


Entity = Unit | Place


@dataclass(frozen=True)
class Catalog:
    """Units and places by name; lookups fold case, diacritics and script, and accept aliases."""

    units: tuple[Unit, ...] = ()
    places: tuple[Place, ...] = ()
    relations: Relations = field(default_factory=Relations, compare=False, repr=False)
    # Names of the entities a bank declared itself (merged in), as against the shipped catalog's.
    own: frozenset[str] = field(default=frozenset(), compare=False, repr=False)
    _index: dict[str, tuple[Entity, ...]] = field(default_factory=dict, compare=False, repr=False)
    _derived: dict[str, dict[str, frozenset[str]]] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        index: dict[str, list[Entity]] = {}
        every: tuple[Entity, ...] = (*self.units, *self.places)
        for entity in every:
            for name in entity.names:
                bucket = index.setdefault(fold(name), [])
                if entity not in bucket:
                    bucket.append(entity)
        self._index.update({key: tuple(value) for key, value in index.items()})

    def find(self, name: str) -> tuple[Entity, ...]:
        """Every entity called `name` (by name or alias)."""
        return self._index.get(fold(name), ())

    def get(self, name: str) -> Entity | None:
        found = self.find(name)
        return found[0] if len(found) == 1 else None

    def unit(self, name: str) -> Unit | None:
        entity = self.get(name)
        return entity if isinstance(entity, Unit) else None

    def place(self, name: str) -> Place | None:
        entity = self.get(name)
        return entity if isinstance(entity, Place) else None

    def merged(
        self, units: Iterable[Unit], places: Iterable[Place], relations: Relations | None = None
    ) -> Catalog:
        """This catalog plus a bank's own entities (a bank's entry wins over one of the same name)."""
        units, places = tuple(units), tuple(places)
        own = {u.name for u in units} | {p.name for p in places}
        return Catalog(
            tuple(u for u in self.units if u.name not in own) + units,
            tuple(p for p in self.places if p.name not in own) + places,
            self.relations.merged(relations) if relations is not None else self.relations,
            self.own | own,
        )

    # --- containment ---------------------------------------------------------------------

    def _outer(self, place: Place) -> tuple[str, ...]:
        """Names of the places `place` lies directly inside."""
        names = (place.region, place.country, *self.relations.within.get(place.name, ()))
        return tuple(n for n in dict.fromkeys(names) if n and n != place.name and self.place(n) is not None)

    def ancestors(self, place: Place) -> frozenset[str]:
        """Names of every catalog place that contains `place` (its region, country, and so on)."""
        cache = self._derived.setdefault("ancestors", {})
        found = cache.get(place.name)
        if found is None:
            seen: set[str] = set()
            todo = list(self._outer(place))
            while todo:
                name = todo.pop()
                if name in seen or name == place.name:
                    continue
                seen.add(name)
                outer = self.place(name)
                if outer is not None:
                    todo.extend(self._outer(outer))
            found = cache[place.name] = frozenset(seen)
        return found

    def descendants(self, place: Place) -> frozenset[str]:
        """Names of every catalog place inside `place`."""
        cache = self._derived.setdefault("descendants", {})
        if not cache:
            inner: dict[str, set[str]] = {}
            for other in self.places:
                for outer in self.ancestors(other):
                    inner.setdefault(outer, set()).add(other.name)
            cache.update({name: frozenset(names) for name, names in inner.items()})
            cache.setdefault("", frozenset())
        return cache.get(place.name, frozenset())

    def related_places(self, place: Place) -> frozenset[str]:
        """Places that contain or lie inside `place`: never a wrong option beside it."""
        cache = self._derived.setdefault("related", {})
        found = cache.get(place.name)
        if found is None:
            found = cache[place.name] = self.ancestors(place) | self.descendants(place)
        return found
