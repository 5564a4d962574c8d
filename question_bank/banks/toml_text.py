"""A checked bank written back as a TOML bank file, with its own units and places: what the app
stores for a sheet (or a bank given an entities file), so that reading it again later needs neither
the sheet nor the entities file and gives the same facts."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import tomli_w

from question_bank.facts.entities import Place, Unit
from question_bank.facts.model import Bank, Fact


def bank_as_toml(bank: Bank, units: Iterable[Unit] = (), places: Iterable[Place] = ()) -> str:
    """TOML text that `load_bank_bytes(text.encode(), …, "toml")` reads back into the same bank."""
    header = {"name": bank.name, "title": bank.title}
    if bank.source:
        header["source"] = bank.source
    if bank.description:
        header["description"] = bank.description
    data: dict[str, Any] = {"bank": header}
    unit_tables = [_unit(unit) for unit in units]
    place_tables = [_place(place) for place in places]
    if unit_tables:
        data["unit"] = unit_tables
    if place_tables:
        data["place"] = place_tables
    data["fact"] = [_fact(fact) for fact in bank.facts]
    return tomli_w.dumps(data, multiline_strings=False)


def entities_as_toml(units: Iterable[Unit], places: Iterable[Place]) -> str:
    """[[unit]] and [[place]] tables to append to a bank file."""
    data: dict[str, Any] = {}
    unit_tables = [_unit(unit) for unit in units]
    place_tables = [_place(place) for place in places]
    if unit_tables:
        data["unit"] = unit_tables
    if place_tables:
        data["place"] = place_tables
    return tomli_w.dumps(data, multiline_strings=False)


def _fact(fact: Fact) -> dict[str, Any]:
    table: dict[str, Any] = {"id": fact.id, "date": fact.date.iso()}
    if fact.date.qualifier:
        table["precision"] = f"{fact.date.qualifier}-month"
    table.update(
        subject=fact.subject.marked, verb=fact.verb, verb_base=fact.verb_base, rest=fact.rest.marked,
        note=fact.note, source=fact.source,
    )
    if fact.tags:
        table["tags"] = list(fact.tags)
    if fact.exclude:
        table["exclude"] = [entity.name for entity in fact.exclude]
    if fact.also_accept:
        table["also_accept"] = list(fact.also_accept)
    if fact.asks:
        table["asks"] = list(fact.asks)
    if fact.well_known:
        table["well_known"] = True
    return table


def _unit(unit: Unit) -> dict[str, Any]:
    table: dict[str, Any] = {"name": unit.name}
    if not unit.is_military:
        table["category"] = unit.category
    for key in ("side", "echelon", "role"):
        if getattr(unit, key):
            table[key] = getattr(unit, key)
    if unit.branch:
        table["branch"] = unit.branch
    if unit.aliases:
        table["aliases"] = list(unit.aliases)
    if unit.parent:
        table["parent"] = unit.parent
    return table


def _place(place: Place) -> dict[str, Any]:
    table: dict[str, Any] = {"name": place.name, "type": place.type}
    for key in ("region", "country"):
        if getattr(place, key):
            table[key] = getattr(place, key)
    if place.aliases:
        table["aliases"] = list(place.aliases)
    if place.lat is not None:
        table["lat"] = place.lat
    if place.lon is not None:
        table["lon"] = place.lon
    return table
