"""Read bank files (TOML for authors, CSV for teachers) into a checked Bank, or every problem.

Nothing in a bank file is executed: TOML and CSV are parsed as data, text stays text.
"""

from __future__ import annotations

import csv
import io
import re
import tomllib
from pathlib import Path
from typing import Any

from question_bank.banks.catalog import builtin_catalog
from question_bank.banks.problems import BankError, Problem
from question_bank.banks.reading import LazyLineMap, decode, format_of, read_bank_bytes
from question_bank.banks.records import (
    CSV_REQUIRED,
    FACT_OPTIONAL,
    FACT_REQUIRED,
    SLUG,
    build_fact,
    build_place,
    build_unit,
)
from question_bank.facts.entities import Catalog
from question_bank.facts.model import Bank, Fact

BANK_FIELDS = ("name", "title", "source", "description")


def load_bank_file(path: str | Path, name: str | None = None, catalog: Catalog | None = None) -> Bank:
    """Load and check a bank file; raises BankError listing every problem."""
    path = Path(path)
    fmt = format_of(path)
    raw = read_bank_bytes(path)
    return load_bank_bytes(raw, str(path), fmt, name=name, catalog=catalog)


def load_bank_bytes(
    raw: bytes, filename: str, fmt: str, name: str | None = None, catalog: Catalog | None = None
) -> Bank:
    """Load a bank from the bytes of a file, named `filename` in problems."""
    if catalog is None:
        catalog = builtin_catalog()
    text = decode(raw, filename)
    if fmt == "toml":
        return _load_toml(text, filename, name, catalog)
    if fmt == "csv":
        return _load_csv(text, filename, name, catalog)
    raise BankError([Problem(filename, 0, "file", f"unknown format '{fmt}'")])


class _Collector:
    """Gathers problems so a file reports all of them at once."""

    def __init__(self, filename: str):
        self.filename = filename
        self.problems: list[Problem] = []

    def reporter(self, line_of):
        return lambda field, reason: self.problems.append(
            Problem(self.filename, line_of(field), field, reason)
        )

    def check(self) -> None:
        if self.problems:
            raise BankError(self.problems)


# --- TOML -----------------------------------------------------------------------------------

_TOML_LINE = re.compile(r"line (\d+)")


def _load_toml(text: str, filename: str, name: str | None, catalog: Catalog) -> Bank:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        match = _TOML_LINE.search(str(error))
        reason = str(error).split(" (at")[0]
        raise BankError([Problem(filename, int(match.group(1)) if match else 1, "toml", reason)]) from None
    lines = LazyLineMap(text)
    problems = _Collector(filename)

    def line_of(table: str, index: int):
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
    bank_name = name or header.get("name") or Path(filename).stem
    if "name" in header and not name:
        bank_name = header["name"]
    units = _records(data, "unit", problems, line_of, build_unit)
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
    _check_name(bank_name, problems, report_bank)
    problems.check()
    return Bank(
        name=str(bank_name), title=str(header.get("title") or bank_name), facts=tuple(f for _, f in facts),
        catalog=catalog, source=default_source, description=str(header.get("description", "")),
        path=filename,
    )


def _records(data: dict, table: str, problems: _Collector, line_of, build) -> list:
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


def _check_duplicates(ids: list[tuple[Any, str]], problems: _Collector, line_of_index) -> None:
    first: dict[str, int] = {}
    for index, fact_id in ids:
        line = line_of_index(index)
        if fact_id in first:
            problems.problems.append(
                Problem(problems.filename, line, "id", f"duplicate id '{fact_id}' (first at line {first[fact_id]})")
            )
        else:
            first[fact_id] = line


def _check_name(name: Any, problems: _Collector, report) -> None:
    if not isinstance(name, str) or not SLUG.match(name):
        report("name", f"bank name '{name}' is not a slug (lowercase letters, digits and '-')")


# --- CSV ------------------------------------------------------------------------------------


def _load_csv(text: str, filename: str, name: str | None, catalog: Catalog) -> Bank:
    problems = _Collector(filename)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = [h.strip().lower() for h in next(reader)]
    except (StopIteration, csv.Error) as error:
        raise BankError([Problem(filename, 1, "header", f"cannot read the header: {error}")]) from None
    missing = [c for c in CSV_REQUIRED if c not in header]
    unknown = [c for c in header if c not in FACT_REQUIRED and c not in FACT_OPTIONAL]
    duplicated = sorted({c for c in header if header.count(c) > 1})
    if missing or unknown or duplicated:
        parts = []
        if missing:
            parts.append(f"missing column(s) {', '.join(missing)}")
        if unknown:
            parts.append(f"unknown column(s) {', '.join(unknown)}")
        if duplicated:
            parts.append(f"repeated column(s) {', '.join(duplicated)}")
        expected = ",".join(dict.fromkeys((*CSV_REQUIRED, *FACT_OPTIONAL)))
        raise BankError([Problem(filename, 1, "header", f"{'; '.join(parts)} (expected: {expected})")])
    facts: list[tuple[int, Fact]] = []
    raw_ids: list[tuple[int, str]] = []
    line = 1
    try:
        for row in reader:
            line_start = line + 1
            line = reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            report = problems.reporter(lambda field, n=line_start: n)
            if len(row) != len(header):
                report("row", f"has {len(row)} cells, the header has {len(header)}")
                continue
            record: dict = {key: cell for key, cell in zip(header, row, strict=False) if cell.strip() or key in CSV_REQUIRED}
            if "tags" in record:
                record["tags"] = record["tags"].split(";")
            raw_ids.append((line_start, record.get("id", "").strip()))
            fact = build_fact(record, catalog, "", report)
            if fact is not None:
                facts.append((line_start, fact))
    except csv.Error as error:
        problems.problems.append(Problem(filename, reader.line_num, "row", str(error)))
    if not facts and not problems.problems:
        problems.problems.append(Problem(filename, 2, "row", "the file has a header but no facts"))
    _check_duplicates([r for r in raw_ids if r[1]], problems, lambda line_no: line_no)
    bank_name = name or Path(filename).stem
    _check_name(bank_name, problems, problems.reporter(lambda field: 1))
    problems.check()
    return Bank(
        name=bank_name, title=bank_name.replace("-", " ").capitalize(),
        facts=tuple(f for _, f in facts), catalog=catalog, path=filename,
    )
