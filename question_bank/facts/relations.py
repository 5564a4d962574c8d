"""What the catalog knows between entities: which places lie inside which, which units served
together and when, which theatre an entity belongs to, and since when a place exists.

Distractors and the answer checker consult these so that a wrong option is never also right
(a region and the country around it, an army that deployed beside the key) and a typed answer
such as "Belgrade, Yugoslavia" is read as Belgrade.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from question_bank.facts.dates import FactDate

MAIN_THEATRE = ""  # the theatre of every entity the catalog does not place elsewhere


@dataclass(frozen=True)
class ServedTogether:
    """Units that fought side by side (or deployed together) over a period."""

    units: tuple[str, ...]
    when: FactDate
    note: str = ""

    def overlaps(self, other: FactDate) -> bool:
        return self.when.start <= other.end and other.start <= self.when.end


@dataclass(frozen=True)
class Relations:
    """Relations by entity name (the catalog's own name, never an alias).

    `within` maps a place to the places it lies directly inside, beyond the `region` and
    `country` fields of the place itself; `theatre` puts an entity outside the main theatre (so
    it is never a distractor there); `since` is the first day a place existed.
    """

    within: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    together: tuple[ServedTogether, ...] = ()
    theatre: Mapping[str, str] = field(default_factory=dict)
    since: Mapping[str, date] = field(default_factory=dict)

    def served_with(self, unit: str, when: FactDate) -> frozenset[str]:
        """Every unit that served with `unit` in a period overlapping `when`."""
        found: set[str] = set()
        for group in self.together:
            if unit in group.units and group.overlaps(when):
                found.update(group.units)
        found.discard(unit)
        return frozenset(found)

    def theatre_of(self, name: str) -> str:
        return self.theatre.get(name, MAIN_THEATRE)

    def existed(self, name: str, when: FactDate) -> bool:
        """False for a place first built after the period `when` ends."""
        first = self.since.get(name)
        return first is None or first <= when.end

    def merged(self, other: Relations) -> Relations:
        """These relations plus a bank's own (the bank's entry wins for one name)."""
        within = {**self.within}
        for name, outer in other.within.items():
            within[name] = tuple(dict.fromkeys((*within.get(name, ()), *outer)))
        return Relations(
            within, self.together + other.together, {**self.theatre, **other.theatre},
            {**self.since, **other.since},
        )
