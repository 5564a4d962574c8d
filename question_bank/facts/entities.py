"""The entity catalog: units and places, with the attributes distractors are matched on."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from question_bank.facts.text import fold

SIDES = ("Soviet", "Bulgarian", "Yugoslav", "German", "Romanian", "Hungarian", "Chetnik", "Croatian")
ECHELONS = (
    "battalion", "regiment", "brigade", "division", "corps", "army", "front", "army group",
    "battle group", "air army", "flotilla", "command",
)
PLACE_TYPES = ("city", "town", "village", "river", "region", "country", "landmark", "mountain")
SETTLEMENTS = frozenset({"city", "town", "village"})


@dataclass(frozen=True)
class Unit:
    name: str
    side: str
    echelon: str
    branch: str = ""
    aliases: tuple[str, ...] = ()
    parent: str = ""

    kind = "unit"

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


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
    _index: dict[str, tuple[Entity, ...]] = field(default_factory=dict, compare=False, repr=False)

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

    def merged(self, units: Iterable[Unit], places: Iterable[Place]) -> Catalog:
        """This catalog plus a bank's own entities (a bank's entry wins over one of the same name)."""
        units, places = tuple(units), tuple(places)
        own = {u.name for u in units} | {p.name for p in places}
        return Catalog(
            tuple(u for u in self.units if u.name not in own) + units,
            tuple(p for p in self.places if p.name not in own) + places,
        )
