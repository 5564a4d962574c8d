"""Turn one record of a bank file (a TOML table or a CSV row) into a Fact, Unit or Place.

Each builder reports every problem it finds through `report(field, reason)` and returns None
when the record cannot be used.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from question_bank.banks.relations import FACT_RELATION_FIELDS, build_fact_relations
from question_bank.facts.dates import parse_fact_date
from question_bank.facts.entities import ECHELONS, PLACE_TYPES, SIDES, Catalog, Place, Unit
from question_bank.facts.model import BE_VERBS, Clause, Fact

Report = Callable[[str, str], None]
SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")

FACT_REQUIRED = ("id", "date", "subject", "verb", "verb_base", "rest", "note")
FACT_OPTIONAL = ("precision", "source", "tags", *FACT_RELATION_FIELDS)
CSV_REQUIRED = (*FACT_REQUIRED, "source")  # a CSV has no [bank] table to take a source from
UNIT_FIELDS = {"name": True, "side": True, "echelon": True, "branch": False, "aliases": False, "parent": False}
PLACE_FIELDS = {
    "name": True, "type": True, "region": False, "country": False, "aliases": False,
    "lat": False, "lon": False,
}


def check_fields(record: dict[str, Any], required, optional, report: Report) -> bool:
    """Report missing and unknown fields; True if every required field is present."""
    ok = True
    for name in required:
        if name not in record or record[name] in ("", None):
            report(name, "missing")
            ok = False
    for name in record:
        if name not in required and name not in optional:
            report(name, f"unknown field (expected: {', '.join((*required, *optional))})")
    return ok


def _text(record: dict, name: str, report: Report, default: str = "") -> str | None:
    value = record.get(name, default)
    if not isinstance(value, str):
        report(name, f"must be text, not {type(value).__name__}")
        return None
    return value.strip()


def _text_list(record: dict, name: str, report: Report) -> tuple[str, ...] | None:
    value = record.get(name, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        report(name, "must be a list of text")
        return None
    return tuple(v.strip() for v in value if v.strip())


def build_fact(record: dict, catalog: Catalog, default_source: str, report: Report) -> Fact | None:
    """Check every field of a fact record, reporting each problem; None if any was found."""
    problems_before = _Counter(report)
    report = problems_before
    complete = check_fields(record, FACT_REQUIRED, FACT_OPTIONAL, report)
    values = {name: _text(record, name, report) for name in (*FACT_REQUIRED, "precision", "source")}
    tags = _text_list(record, "tags", report)
    if values["id"] and not SLUG.match(values["id"]):
        report("id", f"'{values['id']}' is not a slug (lowercase letters, digits and '-')")
    when = None
    if values["date"]:
        try:
            when = parse_fact_date(values["date"], values["precision"] or None)
        except ValueError as error:
            report("precision" if "precision" in str(error) else "date", str(error))
    clauses = {}
    for name in ("subject", "rest"):
        if values[name] is not None:
            try:
                clauses[name] = Clause.parse(values[name], catalog)
            except ValueError as error:
                report(name, str(error))
    verb, base = values["verb"], values["verb_base"]
    if verb and base is not None and verb.lower() in BE_VERBS and base.lower() != verb.lower():
        report("verb_base", f"with '{verb}' as the verb, verb_base must repeat it")
    for name in ("verb", "verb_base"):
        if values[name] and len(values[name].split()) > 3:
            report(name, f"'{values[name]}' should be a verb of at most three words")
    source = values["source"] or default_source
    if not source and values["source"] is not None:
        report("source", "missing: say where the fact comes from (here, or as [bank] source)")
    if values["subject"] and len(clauses) == 2 and not (clauses["subject"].slots or clauses["rest"].slots):
        report("subject", "names no unit or place: mark at least one with [brackets]")
    extras = build_fact_relations(record, catalog, report)  # exclude, also_accept, asks
    if problems_before.count or not complete or tags is None:
        return None
    return Fact(
        id=values["id"], subject=clauses["subject"], verb=verb, verb_base=base,
        rest=clauses["rest"], date=when, note=values["note"], source=source, tags=tags, **extras,
    )


class _Counter:
    """Wraps a reporter to count what it was told."""

    def __init__(self, report: Report):
        self.report = report
        self.count = 0

    def __call__(self, field: str, reason: str) -> None:
        self.count += 1
        self.report(field, reason)


def build_unit(record: dict, report: Report) -> Unit | None:
    required = [k for k, needed in UNIT_FIELDS.items() if needed]
    optional = [k for k, needed in UNIT_FIELDS.items() if not needed]
    counted = _Counter(report)
    complete = check_fields(record, required, optional, counted)
    values = {k: _text(record, k, counted) for k in ("name", "side", "echelon", "branch", "parent")}
    aliases = _text_list(record, "aliases", counted)
    if values["side"] and values["side"] not in SIDES:
        counted("side", f"'{values['side']}' is not one of {', '.join(SIDES)}")
    if values["echelon"] and values["echelon"] not in ECHELONS:
        counted("echelon", f"'{values['echelon']}' is not one of {', '.join(ECHELONS)}")
    if counted.count or not complete:
        return None
    return Unit(aliases=aliases, **values)


def build_place(record: dict, report: Report) -> Place | None:
    required = [k for k, needed in PLACE_FIELDS.items() if needed]
    optional = [k for k, needed in PLACE_FIELDS.items() if not needed]
    counted = _Counter(report)
    complete = check_fields(record, required, optional, counted)
    values = {k: _text(record, k, counted) for k in ("name", "type", "region", "country")}
    aliases = _text_list(record, "aliases", counted)
    coords = {}
    for key, limit in (("lat", 90), ("lon", 180)):
        value = record.get(key)
        if value is not None and (isinstance(value, bool) or not isinstance(value, (int, float))
                                  or abs(value) > limit):
            counted(key, f"must be a number between -{limit} and {limit}")
            continue
        coords[key] = float(value) if value is not None else None
    if values["type"] and values["type"] not in PLACE_TYPES:
        counted("type", f"'{values['type']}' is not one of {', '.join(PLACE_TYPES)}")
    if counted.count or not complete:
        return None
    return Place(aliases=aliases, **values, **coords)
