"""Units and places a teacher's bank needs and the catalog lacks, declared in a second sheet (a CSV
given as `--entities FILE`, or the `entities` sheet of a workbook): one row an entity, columns
kind,name,side,echelon,branch,type,region,country,aliases."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from question_bank.banks.problems import BankError, Problem
from question_bank.banks.reading import read_bank_bytes
from question_bank.banks.records import build_place, build_unit, category_of, control_character
from question_bank.banks.spreadsheet import ENTITIES_SHEET, Sheet, read_sheet, workbook_sheet
from question_bank.facts.entities import Place, Unit
from question_bank.facts.text import fold

UNIT_COLUMNS = ("side", "echelon", "branch", "parent")
PLACE_COLUMNS = ("type", "region", "country", "lat", "lon")
COLUMNS = ("kind", "name", *UNIT_COLUMNS[:3], *PLACE_COLUMNS[:3], "aliases", "parent", "lat", "lon")
REQUIRED = ("kind", "name")
ACTOR_COLUMNS = ("side", "type", "parent")  # a person, organisation, ship or craft: type is its role word
COLUMNS_HELP = "columns: kind, name, side, echelon, branch, type, region, country, aliases; optional: lat, lon"
KINDS_HELP = "unit, person, organisation, ship, craft or place"


def load_entities_file(path: Path) -> tuple[tuple[Unit, ...], tuple[Place, ...]]:
    """The units and places of an entities file (.csv, or a workbook's first or `entities` sheet)."""
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise BankError([Problem(str(path), 0, "file", f"unknown format '{suffix}' for entities (use .csv or .xlsx)")])
    raw = read_bank_bytes(path)
    fmt = suffix.lstrip(".")
    sheet = read_sheet(raw, str(path), fmt, sheet_name=ENTITIES_SHEET)
    return entities_from_sheet(sheet, str(path))


def entities_sheet(raw: bytes, filename: str) -> tuple[tuple[Unit, ...], tuple[Place, ...]]:
    """The `entities` sheet of a bank workbook, if it has one."""
    label = f"{filename}[{ENTITIES_SHEET}]"  # problems say which sheet: bank.xlsx[entities]:3: side: …
    sheet = workbook_sheet(raw, label, ENTITIES_SHEET)
    if sheet is None:
        return (), ()
    return entities_from_sheet(sheet, label)


def entities_from_sheet(sheet: Sheet, filename: str) -> tuple[tuple[Unit, ...], tuple[Place, ...]]:
    """Check every row; raises BankError listing every problem."""
    header = sheet.header
    missing = [c for c in REQUIRED if c not in header]
    unknown = [c or "(empty)" for c in header if c not in COLUMNS]
    repeated = sorted({c for c in header if c and header.count(c) > 1})
    parts = [
        f"{label} column(s) {', '.join(found)}"
        for label, found in (("missing", missing), ("unknown", unknown), ("repeated", repeated)) if found
    ]
    if parts:
        raise BankError([Problem(filename, sheet.header_line, "header", f"{'; '.join(parts)} ({COLUMNS_HELP})")])
    problems = list(sheet.problems)
    units: list[Unit] = []
    places: list[Place] = []
    first: dict[str, int] = {}
    for row in sheet.rows:
        if not any(cell.strip() for cell in row.cells):
            continue

        def report(field: str, reason: str, line: int = row.line) -> None:
            problems.append(Problem(filename, line, field, reason))

        if (sheet.strict_width and len(row.cells) != len(header)) or len(row.cells) > len(header):
            report("row", f"has {len(row.cells)} cells, the header has {len(header)}")
            continue
        values = dict(zip(header, (*row.cells, *[""] * (len(header) - len(row.cells))), strict=True))
        entity = _entity(values, report)
        if entity is None:
            continue
        key = fold(entity.name)
        if key in first:
            report("name", f"'{entity.name}' is declared twice (first at line {first[key]})")
            continue
        first[key] = row.line
        if isinstance(entity, Unit):
            units.append(entity)
        else:
            places.append(entity)
    if not units and not places and not problems:
        problems.append(Problem(filename, sheet.header_line + 1, "row", "the file has a header but no units or places"))
    if problems:
        raise BankError(problems)
    return tuple(units), tuple(places)


def _entity(values: dict[str, str], report: Any) -> Unit | Place | None:
    bad = False
    for column, cell in values.items():
        reason = control_character(cell)
        if reason:
            report(column, reason)
            bad = True
    if bad:
        return None
    values = {key: value.strip() for key, value in values.items()}
    given = values.get("kind", "")
    kind = "place" if given.lower() == "place" else category_of(given)
    if kind is None:
        report("kind", f"'{given}' must be one of {KINDS_HELP}" if given else f"missing (one of {KINDS_HELP})")
        return None
    own = PLACE_COLUMNS if kind == "place" else UNIT_COLUMNS if kind == "unit" else ACTOR_COLUMNS
    stray = [column for column in (*UNIT_COLUMNS, *PLACE_COLUMNS) if values.get(column) and column not in own]
    for column in stray:
        report(column, f"a {kind} leaves the {column} column empty")
    if stray:
        return None
    record: dict[str, Any] = {"name": values.get("name", "")}
    record.update({column: values[column] for column in own if values.get(column) and column not in ("lat", "lon")})
    aliases = [alias.strip() for alias in values.get("aliases", "").split(";") if alias.strip()]
    if aliases:
        record["aliases"] = aliases
    if kind != "place":  # a teacher's units may fight in any war
        if kind != "unit":
            record["category"] = kind
            if "type" in record:
                record["role"] = record.pop("type")
        return build_unit(record, report, None)
    for column in ("lat", "lon"):
        if values.get(column):
            try:
                record[column] = float(values[column])
            except ValueError:
                record[column] = values[column]  # build_place says it must be a number
    return build_place(record, report)
