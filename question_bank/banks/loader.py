"""Read bank files (TOML for authors, CSV or .xlsx for teachers) into a checked Bank, or every problem.

Nothing in a bank file is executed: TOML, CSV and sheets are parsed as data, text stays text.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from question_bank.banks.catalog import builtin_catalog
from question_bank.banks.problems import BankError, Problem
from question_bank.banks.reading import LazyLineMap, decode, deepest_line, format_of, read_bank_bytes
from question_bank.banks.records import (
    Report,
    build_fact,
    build_place,
    build_unit,
    check_bank_name,
    control_character,
)
from question_bank.facts.entities import Catalog, Place, Unit
from question_bank.facts.model import Bank

__all__ = ["BankError", "LoadedBank", "format_of", "load_bank_bytes", "load_bank_file", "read_bank", "read_bank_bytes"]

BANK_FIELDS = ("name", "title", "source", "description")
LineOf = Callable[[str], int]


@dataclass(frozen=True)
class LoadedBank:
    """A checked bank, the units and places an entities file (or a workbook's entities sheet) added
    to it, and what to store so that parsing it again later gives the same bank (`stored`)."""

    bank: Bank
    fmt: str
    text: str  # the file as text (TOML, CSV); "" for a workbook
    units: tuple[Unit, ...] = ()  # added by the entities file, not already in the bank's own tables
    places: tuple[Place, ...] = ()

    def stored(self) -> tuple[str, str]:
        """(format, text) to keep, for `load_bank_bytes(text.encode(), …, format)`: a TOML file as it
        is, with the entities file's units and places appended as [[unit]]/[[place]] tables; a sheet
        as a TOML bank of its facts and those entities."""
        from question_bank.banks.toml_text import bank_as_toml, entities_as_toml  # only when storing

        if self.fmt == "toml":
            if not self.units and not self.places:
                return "toml", self.text
            return "toml", f"{self.text.rstrip()}\n\n{entities_as_toml(self.units, self.places)}"
        return "toml", bank_as_toml(self.bank, self.units, self.places)


def load_bank_file(
    path: str | Path, name: str | None = None, catalog: Catalog | None = None,
    entities: str | Path | None = None,
) -> Bank:
    """Load and check a bank file (.toml, .csv, .xlsx), with the units and places of an optional
    `entities` file (.csv or .xlsx) added to the catalog; raises BankError listing every problem."""
    return read_bank(path, name=name, catalog=catalog, entities=entities).bank


def read_bank(
    path: str | Path, *, name: str | None = None, catalog: Catalog | None = None,
    entities: str | Path | None = None,
) -> LoadedBank:
    """`load_bank_file`, keeping what the app must store to read the bank again (`.stored()`)."""
    path = Path(path)
    fmt = format_of(path)
    raw = read_bank_bytes(path)
    if catalog is None:
        catalog = builtin_catalog()
    units: tuple[Unit, ...] = ()
    places: tuple[Place, ...] = ()
    if entities is not None:
        from question_bank.banks.entities_file import load_entities_file

        units, places = load_entities_file(Path(entities))
    elif fmt == "xlsx":
        from question_bank.banks.entities_file import entities_sheet

        units, places = entities_sheet(raw, str(path))
    return _load(raw, str(path), fmt, name, catalog, units, places)


def load_bank_bytes(
    raw: bytes, filename: str, fmt: str, name: str | None = None, catalog: Catalog | None = None
) -> Bank:
    """Load a bank from the bytes of a file, named `filename` in problems."""
    return _load(raw, filename, fmt, name, builtin_catalog() if catalog is None else catalog, (), ()).bank


def _load(
    raw: bytes, filename: str, fmt: str, name: str | None, catalog: Catalog,
    units: Sequence[Unit], places: Sequence[Place],
) -> LoadedBank:
    if units or places:
        catalog = catalog.merged(units, places)
    if fmt in ("csv", "xlsx"):
        from question_bank.banks.sheet_bank import bank_from_sheet
        from question_bank.banks.spreadsheet import read_sheet

        sheet = read_sheet(raw, filename, fmt)
        bank = bank_from_sheet(sheet, filename, name, catalog)
        return LoadedBank(bank, fmt, sheet.text, tuple(units), tuple(places))
    if fmt != "toml":
        raise BankError([Problem(filename, 0, "file", f"unknown format '{fmt}'")])
    text = decode(raw, filename)
    bank, own_units, own_places = _load_toml(text, filename, name, catalog)
    own = {u.name for u in own_units} | {p.name for p in own_places}  # the bank's own entry wins
    return LoadedBank(
        bank, fmt, text, tuple(u for u in units if u.name not in own), tuple(p for p in places if p.name not in own)
    )


class _Collector:
    """Gathers problems so a file reports all of them at once."""

    def __init__(self, filename: str):
        self.filename = filename
        self.problems: list[Problem] = []

    def reporter(self, line_of: LineOf) -> Report:
        return lambda field, reason: self.problems.append(
            Problem(self.filename, line_of(field), field, reason)
        )

    def check(self) -> None:
        if self.problems:
            raise BankError(self.problems)


# --- TOML -----------------------------------------------------------------------------------

_TOML_LINE = re.compile(r"line (\d+)")


def _load_toml(
    text: str, filename: str, name: str | None, catalog: Catalog
) -> tuple[Bank, list[Unit], list[Place]]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        match = _TOML_LINE.search(str(error))
        reason = str(error).split(" (at")[0]
        raise BankError([Problem(filename, int(match.group(1)) if match else 1, "toml", reason)]) from None
    except RecursionError:
        reason = "arrays or tables nested too deeply (more than 100 levels)"
        raise BankError([Problem(filename, deepest_line(text), "toml", reason)]) from None
    lines = LazyLineMap(text)
    problems = _Collector(filename)

    def line_of(table: str, index: int) -> LineOf:
        def line(field: str) -> int:
            where = lines.get((table, index), {"": 1})
            return where.get(field, where[""])
        return line

    for key in data:
        if key not in ("bank", "fact", "unit", "place"):
            problems.reporter(line_of(key, 0))(key, "unknown table (expected [bank], [[fact]], [[unit]], [[place]])")
    header = data.get("bank", {})
    report_bank = problems.reporter(line_of("bank", 0))
    if not isinstance(header, dict):
        report_bank("bank", "must be a table")
        header = {}
    for key in header:
        if key not in BANK_FIELDS:
            report_bank(key, f"unknown field (expected: {', '.join(BANK_FIELDS)})")
    for key in BANK_FIELDS:
        if key in header and not isinstance(header[key], str):
            report_bank(key, f"must be text, not {type(header[key]).__name__}")
        elif key in header and control_character(header[key]):
            report_bank(key, str(control_character(header[key])))
    bank_name = name if name is not None else header.get("name", Path(filename).stem)  # "" is refused
    # A bank's own units may fight in any war: their side is any name (sides=None).
    units = _records(data, "unit", problems, line_of, lambda record, report: build_unit(record, report, None))
    places = _records(data, "place", problems, line_of, build_place)
    catalog = catalog.merged(units, places) if units or places else catalog
    default_source = header.get("source", "") if isinstance(header.get("source", ""), str) else ""
    facts = _records(
        data, "fact", problems, line_of,
        lambda record, report: build_fact(record, catalog, default_source, report),
    )
    if not data.get("fact"):
        report_bank("fact", "the bank has no [[fact]] tables")
    raw_ids = [
        (index, record["id"].strip()) for index, record in enumerate(data.get("fact", []) or [])
        if isinstance(record, dict) and isinstance(record.get("id"), str) and record["id"].strip()
    ]
    _check_duplicates(raw_ids, problems, lambda i: line_of("fact", i)("id"))
    check_name(bank_name, report_bank)
    problems.check()
    bank = Bank(
        name=str(bank_name), title=str(header.get("title") or bank_name), facts=tuple(f for _, f in facts),
        catalog=catalog, source=default_source, description=str(header.get("description", "")),
        path=filename,
    )
    return bank, units, places


def _records(
    data: dict[str, Any], table: str, problems: _Collector, line_of: Callable[[str, int], LineOf],
    build: Callable[[dict[str, Any], Report], Any],
) -> list[Any]:
    items = data.get(table, [])
    if not isinstance(items, list):
        problems.reporter(line_of(table, 0))(table, f"must be written as [[{table}]] tables")
        return []
    built = []
    for index, record in enumerate(items):
        report = problems.reporter(line_of(table, index))
        if not isinstance(record, dict):
            report(table, "must be a table")
            continue
        item = build(record, report)
        if item is not None:
            built.append((index, item) if table == "fact" else item)
    return built


def _check_duplicates(ids: list[tuple[Any, str]], problems: _Collector, line_of_index: Callable[[Any], int]) -> None:
    first: dict[str, int] = {}
    for index, fact_id in ids:
        line = line_of_index(index)
        if fact_id in first:
            problems.problems.append(
                Problem(problems.filename, line, "id", f"duplicate id '{fact_id}' (first at line {first[fact_id]})")
            )
        else:
            first[fact_id] = line


def check_name(name: object, report: Report) -> None:
    """Report why `name` cannot name a bank, if it cannot (see records.check_bank_name)."""
    reason = check_bank_name(name)
    if reason:
        report("name", reason)
