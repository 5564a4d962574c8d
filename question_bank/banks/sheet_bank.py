"""A bank from a teacher's sheet (CSV or .xlsx): one row a fact, written either as one `statement`
with [slots] or as subject/verb/rest, with dates as teachers write them and ids made when missing."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from question_bank.banks.problems import BankError, Problem
from question_bank.banks.records import build_fact, check_bank_name, control_character, slugify
from question_bank.banks.spreadsheet import Row, Sheet
from question_bank.facts.entities import Catalog
from question_bank.facts.model import Bank, Fact
from question_bank.facts.text import parse_slots

REQUIRED = ("date", "note", "source")
PARTS = ("subject", "verb", "verb_base", "rest")
STEERING = ("exclude", "also_accept", "asks")  # ';'-separated, as docs/bank-format.md says
COLUMNS = ("id", "date", "precision", "statement", *PARTS, "note", "source", "tags", *STEERING, "well_known")
COLUMNS_HELP = (
    "columns: date, statement (or subject, verb, rest), note, source; optional: id, verb_base, precision, tags, "
    "exclude, also_accept, asks, well_known"
)
# A yes/no cell as teachers (and a workbook's TRUE/FALSE) write it; blank is no.
YES_NO = {"yes": True, "true": True, "1": True, "no": False, "false": False, "0": False, "": False}
ID_LENGTH = 48
UNKNOWN_HINT = " (declare it in an entities file: --entities)"


def bank_from_sheet(sheet: Sheet, filename: str, name: str | None, catalog: Catalog) -> Bank:
    """Check every row of `sheet` and build its bank; raises BankError listing every problem."""
    _check_header(sheet, filename)
    problems: list[Problem] = list(sheet.problems)
    rows: list[_Row] = []
    for row in sheet.rows:
        if not any(cell.strip() for cell in row.cells):
            continue
        read = _read_row(row, sheet, filename, problems)
        if read is not None:
            rows.append(read)
    _give_ids(rows)
    facts: list[Fact] = []
    first_line: dict[str, int] = {}
    for read in rows:
        fact = build_fact(read.record, catalog, "", read.report, unknown_hint=UNKNOWN_HINT)
        fact_id = read.record.get("id", "")
        if fact_id in first_line:
            reason = f"duplicate id '{fact_id}' (first at line {first_line[fact_id]})"
            problems.append(Problem(filename, read.line, "id", reason))
        elif fact_id:
            first_line[fact_id] = read.line
        if fact is not None:
            facts.append(fact)
    if not facts and not problems:
        problems.append(Problem(filename, sheet.header_line + 1, "row", "the file has a header but no facts"))
    bank_name = name if name is not None else Path(filename).stem  # an empty --name is refused
    bad_name = check_bank_name(bank_name)
    if bad_name:
        problems.append(Problem(filename, 1, "name", bad_name))
    if problems:
        raise BankError(problems)
    return Bank(
        name=bank_name, title=bank_name.replace("-", " ").capitalize(),
        facts=tuple(facts), catalog=catalog, path=filename,
    )


def _check_header(sheet: Sheet, filename: str) -> None:
    header = sheet.header
    missing = [c for c in REQUIRED if c not in header]
    if "statement" not in header:
        absent = [c for c in ("subject", "verb", "rest") if c not in header]
        missing += ["statement (or subject, verb, rest)"] if len(absent) == 3 else absent
    unknown = [c or "(empty)" for c in header if c not in COLUMNS]
    repeated = sorted({c for c in header if c and header.count(c) > 1})
    parts = []
    if missing:
        parts.append(f"missing column(s) {', '.join(missing)}")
    if unknown:
        parts.append(f"unknown column(s) {', '.join(unknown)}")
    if repeated:
        parts.append(f"repeated column(s) {', '.join(repeated)}")
    if parts:
        raise BankError([Problem(filename, sheet.header_line, "header", f"{'; '.join(parts)} ({COLUMNS_HELP})")])


class _Row:
    """One data row on its way to a fact: its record for build_fact, and a reporter that names
    the statement for problems of the parts made from it and stays quiet about fields already
    reported."""

    def __init__(self, line: int, record: dict[str, Any], filename: str, problems: list[Problem]):
        self.line = line
        self.record = record
        self.filename = filename
        self.problems = problems
        self.from_statement = False
        self.id_given = bool(record.get("id"))
        self.quiet: set[str] = set()
        self.plain = ""

    def report(self, field: str, reason: str) -> None:
        if field in self.quiet:
            return
        if self.from_statement and field in PARTS:
            field = "statement"
        self.problems.append(Problem(self.filename, self.line, field, reason))

    def reported(self, field: str, reason: str) -> None:
        """Report now, and drop build_fact's later word on the same field."""
        self.report(field, reason)
        self.quiet.add(field)


def _read_row(row: Row, sheet: Sheet, filename: str, problems: list[Problem]) -> _Row | None:
    header, cells = sheet.header, row.cells
    if sheet.strict_width and len(cells) != len(header):
        problems.append(Problem(filename, row.line, "row", f"has {len(cells)} cells, the header has {len(header)}"))
        return None
    if len(cells) > len(header):
        problems.append(Problem(filename, row.line, "row", f"has a value in column {len(header) + 1}, past the header"))
        return None
    values = dict(zip(header, (*cells, *[""] * (len(header) - len(cells))), strict=True))
    bad = False
    for column, cell in values.items():
        reason = control_character(cell)
        if reason:
            problems.append(Problem(filename, row.line, column, reason))
            bad = True
    if bad:
        return None
    values = {key: value.strip() for key, value in values.items()}
    record: dict[str, Any] = {key: values[key] for key in ("id", "note", "source") if key in values}
    for key in REQUIRED:
        record.setdefault(key, "")
    read = _Row(row.line, record, filename, problems)
    _read_date(values, read)
    if values.get("tags"):
        record["tags"] = [tag for tag in values["tags"].split(";")]
    record.update({key: values[key] for key in STEERING if values.get(key)})
    flag = values.get("well_known", "").lower()
    if flag in YES_NO:
        record["well_known"] = YES_NO[flag]
    else:
        read.reported("well_known", f"'{values['well_known']}' is not yes, no, true, false, 1 or 0 (blank is no)")
    statement = values.get("statement", "")
    if statement:
        read.from_statement = True
        if any(values.get(part) for part in PARTS):
            read.reported("statement", "give either a statement or subject, verb and rest, not both")
            read.quiet.update(PARTS)
        else:
            _split(statement, read)
    else:
        _parts(values, read)
    read.plain = _plain(record, statement)
    return read


def _read_date(values: dict[str, str], read: _Row) -> None:
    from question_bank.banks.written_dates import read_written_date

    written, precision = values.get("date", ""), values.get("precision", "")
    if not written:
        return  # build_fact says it is missing
    try:
        iso, implied = read_written_date(written)
    except ValueError as error:
        read.reported("date", str(error))
        return
    read.record["date"] = iso
    if implied and precision and precision.lower() != implied:
        read.reported("precision", f"'{precision}' does not fit '{written}' ({implied})")
    elif precision or implied:
        read.record["precision"] = precision or implied


def _split(statement: str, read: _Row) -> None:
    from question_bank.banks.statements import split_statement

    try:
        parts = split_statement(statement)
    except ValueError as error:
        read.reported("statement", str(error))
        read.quiet.update(PARTS)
        return
    read.record.update(subject=parts.subject, verb=parts.verb, verb_base=parts.verb_base, rest=parts.rest)


def _parts(values: dict[str, str], read: _Row) -> None:
    for part in PARTS:
        read.record[part] = values.get(part, "")
    verb = values.get("verb", "")
    if verb and not values.get("verb_base"):
        from question_bank.banks.statements import base_form

        base = base_form(verb)
        if base is None:
            read.reported("verb_base", f"missing, and '{verb}' is not a past form this knows: write its base form")
        else:
            read.record["verb_base"] = base


def _plain(record: dict[str, Any], statement: str) -> str:
    text = statement or " ".join(str(record.get(p, "")) for p in ("subject", "verb", "rest"))
    try:
        return parse_slots(text)[0]
    except ValueError:
        return text


def _give_ids(rows: list[_Row]) -> None:
    """An id for each row without one, made from its sentence ('64th-rifle-corps-took-zajecar'), so
    it stays the same when the sheet is imported again; a clash gets a short hash of the sentence
    and date."""
    taken = {str(read.record["id"]) for read in rows if read.id_given}
    seen: dict[tuple[str, str], int] = {}
    for read in rows:
        if read.id_given:
            continue
        key = (" ".join(read.plain.split()).lower(), str(read.record.get("date", "")))
        if key in seen:
            read.reported("statement", f"repeats line {seen[key]} (the same sentence and date)")
            read.record["id"] = ""
            read.quiet.add("id")
            continue
        seen[key] = read.line
        words = [word for word in read.plain.split() if word.lower() not in ("the", "a", "an", "of")]
        digest = hashlib.sha1(f"{read.plain}|{read.record.get('date', '')}".encode()).hexdigest()[:6]
        fact_id = slugify(" ".join(words), ID_LENGTH) or f"fact-{digest}"
        if fact_id in taken:
            fact_id = f"{fact_id[: ID_LENGTH - 7]}-{digest}"
        taken.add(fact_id)
        read.record["id"] = fact_id
