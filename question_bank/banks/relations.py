"""Reading the relation tables of a catalog ([[within]], [[together]], [[theatre]], [[since]]) and
the per-fact fields that steer questions (exclude, also_accept, asks).

Every builder reports problems through `report(field, reason)`, like the other record builders.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from question_bank.facts.dates import parse_fact_date
from question_bank.facts.entities import Catalog, Entity, Place, Unit
from question_bank.facts.kinds import Kind
from question_bank.facts.relations import Relations, ServedTogether
from question_bank.facts.text import parse_slots

Report = Callable[[str, str], None]
ReporterFor = Callable[[str, int], Report]

RELATION_TABLES = ("within", "together", "theatre", "since")
FACT_RELATION_FIELDS = ("exclude", "also_accept", "asks")
KIND_WORDS = tuple(k.value for k in Kind)


def _names(record: dict[str, Any], key: str, report: Report, required: bool = True) -> tuple[str, ...] | None:
    value = record.get(key)
    if isinstance(value, str):  # a CSV cell: names separated by ';'
        value = [part for part in value.split(";")]
    if value is None or value == []:
        if required:
            report(key, "missing")
        return () if not required else None
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        report(key, "must be a list of text")
        return None
    return tuple(v.strip() for v in value if v.strip())


def _unknown(record: dict[str, Any], allowed: tuple[str, ...], report: Report) -> None:
    for key in record:
        if key not in allowed:
            report(key, f"unknown field (expected: {', '.join(allowed)})")


def _resolve(name: str, catalog: Catalog, field: str, report: Report, kind: type | None = None) -> Entity | None:
    found = catalog.find(name)
    if not found:
        report(field, f"unknown unit or place '{name}'")
        return None
    if len(found) > 1:
        report(field, f"'{name}' names more than one entity; use its full name")
        return None
    if kind is not None and not isinstance(found[0], kind):
        report(field, f"'{name}' is not a {'unit' if kind is Unit else 'place'}")
        return None
    return found[0]


def build_relations(data: dict[str, Any], catalog: Catalog, reporter: ReporterFor) -> Relations:
    """The relation tables of a catalog file, checked against its entities."""
    within: dict[str, tuple[str, ...]] = {}
    together: list[ServedTogether] = []
    theatre: dict[str, str] = {}
    since = {}
    for table in RELATION_TABLES:
        items = data.get(table, [])
        if not isinstance(items, list):
            reporter(table, 0)(table, f"must be written as [[{table}]] tables")
            continue
        for index, record in enumerate(items):
            report = reporter(table, index)
            if not isinstance(record, dict):
                report(table, "must be a table")
                continue
            if table == "within":
                _unknown(record, ("places", "in"), report)
                places = _names(record, "places", report)
                outer = record.get("in")
                if not isinstance(outer, str) or not outer.strip():
                    report("in", "missing: the place they lie in")
                    continue
                container = _resolve(outer.strip(), catalog, "in", report, Place)
                for name in places or ():
                    inner = _resolve(name, catalog, "places", report, Place)
                    if inner is not None and inner == container:
                        report("places", f"'{name}' cannot lie inside itself")
                    elif inner is not None and container is not None:
                        within[inner.name] = (*within.get(inner.name, ()), container.name)
            elif table == "together":
                _unknown(record, ("units", "date", "note"), report)
                units = [_resolve(n, catalog, "units", report, Unit) for n in _names(record, "units", report) or ()]
                try:
                    when = parse_fact_date(str(record.get("date", "")))
                except ValueError as error:
                    report("date", str(error))
                    continue
                if len(units) < 2:
                    report("units", "name at least two units")
                elif all(units):
                    note = record.get("note", "")
                    together.append(ServedTogether(tuple(u.name for u in units if u), when, str(note)))
            elif table == "theatre":
                _unknown(record, ("name", "names"), report)
                label = record.get("name")
                if not isinstance(label, str) or not label.strip():
                    report("name", "missing: the theatre's name")
                    continue
                for name in _names(record, "names", report) or ():
                    entity = _resolve(name, catalog, "names", report)
                    if entity is not None:
                        theatre[entity.name] = label.strip()
            else:
                _unknown(record, ("names", "date"), report)
                try:
                    first = parse_fact_date(str(record.get("date", "")))
                except ValueError as error:
                    report("date", str(error))
                    continue
                for name in _names(record, "names", report) or ():
                    entity = _resolve(name, catalog, "names", report)
                    if entity is not None:
                        since[entity.name] = first.start
    return Relations(within, tuple(together), theatre, since)


def build_fact_relations(record: dict[str, Any], catalog: Catalog, report: Report) -> dict[str, Any]:
    """The optional fact fields `exclude` (entities never offered as its wrong options),
    `also_accept` (other answers that count; a catalog name brings its aliases) and `asks`
    (the kinds and slots the fact is asked on: "date", "unit", "place" or a slot's entity)."""
    extras: dict[str, Any] = {}
    exclude = _names(record, "exclude", report, required=False)
    if exclude:
        entities = [_resolve(name, catalog, "exclude", report) for name in exclude]
        extras["exclude"] = tuple(e for e in entities if e is not None)
    accept = _names(record, "also_accept", report, required=False)
    if accept:
        extras["also_accept"] = accept
    asks = _names(record, "asks", report, required=False)
    if asks:
        slots = {
            e.name for key in ("subject", "rest") if isinstance(record.get(key), str)
            for s in _slot_refs(record[key]) for e in catalog.find(s)
        }
        chosen: list[str] = []
        for item in asks:
            if item.lower() in KIND_WORDS:
                chosen.append(item.lower())
                continue
            if not catalog.find(item):
                report("asks", f"'{item}' is neither a kind (date, unit, place) nor one of the fact's [slots]")
                continue
            entity = _resolve(item, catalog, "asks", report)
            if entity is not None and entity.name not in slots:
                report("asks", f"'{item}' is not one of the fact's [slots]")
            elif entity is not None:
                chosen.append(entity.name)
        extras["asks"] = tuple(chosen)
    return extras


def _slot_refs(marked: str) -> list[str]:
    try:
        return [slot.ref for slot in parse_slots(marked)[1]]
    except ValueError:
        return []  # the statement's own check reports it
