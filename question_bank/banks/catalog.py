"""The entity catalog that ships inside the package: every unit and place the built-in banks and
the distractors draw on."""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from question_bank.banks.problems import BankError, Problem
from question_bank.banks.reading import LazyLineMap, decode
from question_bank.banks.records import build_place, build_unit
from question_bank.banks.relations import build_relations
from question_bank.facts.entities import Catalog, Place, Unit

CATALOG_PATH = Path(__file__).parent / "data" / "catalog.toml"


@lru_cache(maxsize=1)
def builtin_catalog() -> Catalog:
    """Every unit and place the built-in banks and distractors draw on."""
    return load_catalog(CATALOG_PATH)


def load_catalog(path: Path) -> Catalog:
    text = decode(path.read_bytes(), str(path))
    data = tomllib.loads(text)
    lines = LazyLineMap(text)  # line numbers only once a problem needs one
    problems: list[Problem] = []
    units: list[Unit] = []
    places: list[Place] = []

    def reporter(table: str, index: int) -> Callable[[str, str], None]:
        def report(field: str, reason: str) -> None:
            where = lines.get((table, index), {"": 0})
            problems.append(Problem(str(path), where.get(field, where[""]), field, reason))
        return report

    for index, record in enumerate(data.get("unit", [])):
        unit = build_unit(record, reporter("unit", index))
        if unit is not None:
            units.append(unit)
    for index, record in enumerate(data.get("place", [])):
        place = build_place(record, reporter("place", index))
        if place is not None:
            places.append(place)
    catalog = Catalog(tuple(units), tuple(places))
    relations = build_relations(data, catalog, reporter)
    if problems:
        raise BankError(problems)
    return Catalog(catalog.units, catalog.places, relations)
