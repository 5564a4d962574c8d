"""Facts and banks: what a bank file says, parsed and checked."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar, overload

from question_bank.facts.dates import FactDate
from question_bank.facts.entities import Catalog, Entity, Place, Unit
from question_bank.facts.text import Slot, capitalize_first, parse_slots

BE_VERBS = frozenset({"was", "were"})


_T = TypeVar("_T")


class cached_property(Generic[_T]):  # noqa: N801 - a drop-in for functools.cached_property
    """functools.cached_property without its per-first-access lock (Python 3.11), which cost
    about a microsecond for each of a fact's derived values when generating a whole bank."""

    def __init__(self, func: Callable[[Any], _T]) -> None:
        self.func = func
        self.name = func.__name__
        self.__doc__ = func.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, instance: None, owner: type | None = None) -> cached_property[_T]: ...

    @overload
    def __get__(self, instance: object, owner: type | None = None) -> _T: ...

    def __get__(self, instance: object | None, owner: type | None = None) -> _T | cached_property[_T]:
        if instance is None:
            return self
        value: _T = self.func(instance)
        instance.__dict__[self.name] = value
        return value


@dataclass(frozen=True)
class Clause:
    """A piece of a statement with its entity slots resolved against the catalog."""

    marked: str
    text: str
    slots: tuple[Slot, ...]
    entities: tuple[Entity, ...]

    @classmethod
    def parse(cls, marked: str, catalog: Catalog) -> Clause:
        """Parse `[slot]` markup; raises ValueError naming an unknown or ambiguous entity."""
        text, slots = parse_slots(marked)
        entities = []
        for slot in slots:
            found = catalog.find(slot.ref)
            if not found:
                raise ValueError(f"unknown unit or place '{slot.ref}'")
            if len(found) > 1:
                raise ValueError(f"'{slot.ref}' names more than one entity; use its full name")
            entities.append(found[0])
        return cls(marked, text, tuple(slots), tuple(entities))


@dataclass(frozen=True)
class Fact:
    """One event: subject + verb + rest, dated, with the units and places it names.

    `verb` is the past form and `verb_base` the base form ("took"/"take"), so the statement can be
    turned into "When did … take …?"; with `verb` = was/were, `verb_base` repeats it.
    """

    id: str
    subject: Clause
    verb: str
    verb_base: str
    rest: Clause
    date: FactDate
    note: str
    source: str
    tags: tuple[str, ...] = ()
    line: int = 0
    exclude: tuple[Entity, ...] = ()  # never offered as a wrong option of this fact
    also_accept: tuple[str, ...] = ()  # other answers that count (a catalog name brings its aliases)
    asks: tuple[str, ...] = ()  # kinds ("date", "unit", "place") and slot entities asked; () is all
    well_known: bool = False  # its date is common knowledge for the topic (a teacher's mark)

    def offers(self, kind: str, entity: Entity | None = None) -> bool:
        """Whether the fact is asked in `kind` (and on the slot `entity`)."""
        if not self.asks:
            return True
        if entity is None:
            return kind in self.asks or any(
                e.name in self.asks for e in (self.units if kind == "unit" else self.places if kind == "place" else ())
            )
        return kind in self.asks or entity.name in self.asks

    def on_papers(self, kind: str) -> bool:
        """Whether a paper (or a live game, which asks a paper's choice) asks the fact in `kind`:
        not the date of a well-known fact, a free mark on any paper; study and exports still ask it."""
        return not (self.well_known and kind == "date")

    @cached_property
    def units(self) -> tuple[Unit, ...]:
        return _unique([e for e in self.subject.entities + self.rest.entities if isinstance(e, Unit)])

    @cached_property
    def places(self) -> tuple[Place, ...]:
        return _unique([e for e in self.subject.entities + self.rest.entities if isinstance(e, Place)])

    @cached_property
    def entities(self) -> tuple[Entity, ...]:
        """Its units, then its places."""
        return (*self.units, *self.places)

    @property
    def is_passive(self) -> bool:
        return self.verb.lower() in BE_VERBS

    def statement(self, with_date: bool = True) -> str:
        """The fact as one sentence."""
        return self._dated_statement if with_date else self._statement

    @cached_property
    def _body(self) -> str:
        body = f"{self.subject.text} {self.verb} {self.rest.text}".strip()
        return " ".join(body.split()).replace(" ,", ",")

    @cached_property
    def _statement(self) -> str:
        return capitalize_first(self._body) + "."

    @cached_property
    def _dated_statement(self) -> str:
        return capitalize_first(f"{capitalize_first(self.date_phrase)}, {self._body}") + "."

    @cached_property
    def date_phrase(self) -> str:
        """`date.phrase()`, worked out once: every wording of the fact ends or starts with it."""
        return self.date.phrase()

    def to_json(self) -> dict:
        """The documented `quiz bank show --json` record."""
        return {
            "id": self.id,
            "event": self.statement(with_date=False),
            "date": self.date.iso(),
            "date_precision": self.date.precision.value,
            "date_text": self.date.human(),
            "units": [u.name for u in self.units],
            "places": [p.name for p in self.places],
            "note": self.note,
            "source": self.source,
            "well_known": self.well_known,
        }


@dataclass(frozen=True, eq=False)
class Bank:
    """A named set of facts with the catalog their slots were resolved against."""

    name: str
    title: str
    facts: tuple[Fact, ...]
    catalog: Catalog
    source: str = ""
    description: str = ""
    path: str = ""
    _by_id: dict[str, Fact] = field(default_factory=dict, repr=False)
    _cache: dict = field(default_factory=dict, repr=False)  # derived indexes (distractor pools)

    def __post_init__(self) -> None:
        self._by_id.update({f.id: f for f in self.facts})

    def fact(self, fact_id: str) -> Fact:
        return self._by_id[fact_id]


def _unique(items: list) -> tuple:
    if len(items) < 2:
        return tuple(items)
    seen: list = []
    for item in items:
        if item not in seen:
            seen.append(item)
    return tuple(seen)
