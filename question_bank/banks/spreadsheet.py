"""Reading a teacher's sheet: a CSV file (comma, semicolon or tab separated) or an .xlsx workbook,
as a header and rows of text cells, each row with the line a problem names."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from question_bank.banks.problems import BankError, Problem
from question_bank.banks.reading import decode

SEPARATORS = (",", ";", "\t")
MAX_ROWS = 100_000  # a sheet longer than this is not a bank a teacher wrote by hand
FACTS_SHEET = "facts"
ENTITIES_SHEET = "entities"


@dataclass(frozen=True)
class Row:
    line: int  # the file's line (CSV) or the sheet's row number (.xlsx)
    cells: tuple[str, ...]


@dataclass
class Sheet:
    """A header (names folded to lower case, spaces as '_') and the rows under it."""

    header: tuple[str, ...]
    rows: list[Row]
    text: str = ""  # the CSV text, "" for a workbook
    strict_width: bool = True  # CSV rows have the header's cells; a workbook row may stop early
    header_line: int = 1
    problems: list[Problem] = field(default_factory=list)  # rows that could not be read at all


def column_name(text: str) -> str:
    """'Verb base ' → 'verb_base': teachers write headers as they like."""
    return "_".join(text.strip().lower().split())


def is_comment(cells: tuple[str, ...]) -> bool:
    """A row whose first cell starts with '#' is a note for the teacher (the template explains its
    columns that way), not data."""
    return bool(cells) and cells[0].lstrip().startswith("#")


def read_sheet(raw: bytes, filename: str, fmt: str, sheet_name: str = FACTS_SHEET) -> Sheet:
    """The sheet in `raw`: CSV text, or the workbook's `sheet_name` sheet (else its first sheet)."""
    if fmt == "xlsx":
        return _sheet(_xlsx_rows(raw, filename, sheet_name, required=False), filename, "", strict=False)
    text = decode(raw, filename)
    return _csv_sheet(text, filename)


def workbook_sheet(raw: bytes, filename: str, sheet_name: str) -> Sheet | None:
    """The workbook's sheet called `sheet_name`, or None when it has none."""
    rows = _xlsx_rows(raw, filename, sheet_name, required=True)
    return None if rows is None else _sheet(rows, filename, "", strict=False)


def detect_separator(text: str) -> str:
    """The separator the header line uses most: ',', ';' or a tab (a comma when none is used)."""
    first = next(
        (line for line in text.split("\n") if line.strip() and not line.lstrip(' "').startswith("#")), ""
    )
    outside = re.sub(r'"[^"]*"', "", first)
    counts = {sep: outside.count(sep) for sep in SEPARATORS}
    best = max(SEPARATORS, key=lambda sep: counts[sep])
    return best if counts[best] else ","


def _csv_sheet(text: str, filename: str) -> Sheet:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=detect_separator(text), strict=True)
    problems: list[Problem] = []

    def rows() -> Iterator[Row]:
        line = 0
        try:
            for cells in reader:
                start, line = line + 1, reader.line_num
                yield Row(start, tuple(cells))
        except csv.Error as error:
            problems.append(Problem(filename, reader.line_num, "row", str(error)))

    try:
        sheet = _sheet(rows(), filename, text, strict=True)
    except BankError:
        if problems:  # the header itself could not be read
            raise BankError(problems) from None
        raise
    sheet.problems.extend(problems)
    return sheet


def _sheet(rows: Iterable[Row] | None, filename: str, text: str, strict: bool) -> Sheet:
    header: tuple[str, ...] | None = None
    header_line = 1
    body: list[Row] = []
    for row in rows or ():
        if is_comment(row.cells):
            continue
        if header is None:
            if any(cell.strip() for cell in row.cells):
                header, header_line = tuple(column_name(cell) for cell in row.cells), row.line
                while header and not header[-1] and not strict:
                    header = header[:-1]
            continue
        if len(body) >= MAX_ROWS:
            raise BankError([Problem(filename, row.line, "row", f"the sheet has more than {MAX_ROWS} rows")])
        body.append(row)
    if header is None:
        raise BankError([Problem(filename, 1, "header", "no header row (the first row names the columns)")])
    return Sheet(header, body, text, strict_width=strict, header_line=header_line)


def _xlsx_rows(raw: bytes, filename: str, sheet_name: str, required: bool) -> list[Row] | None:
    import openpyxl  # only for workbooks: the app starts without it
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, OSError) as error:
        reason = f"is not an .xlsx workbook ({error})"
        raise BankError([Problem(filename, 0, "file", reason)]) from None
    try:
        names = {name.strip().lower(): name for name in book.sheetnames}
        if sheet_name in names:
            worksheet = book[names[sheet_name]]
        elif required or not book.worksheets:
            return None
        else:
            worksheet = book.worksheets[0]
        rows = []
        for number, values in enumerate(worksheet.iter_rows(values_only=True), start=1):
            if number > MAX_ROWS + 50:
                raise BankError([Problem(filename, number, "row", f"the sheet has more than {MAX_ROWS} rows")])
            cells = tuple(cell_text(value) for value in values)
            while cells and not cells[-1]:
                cells = cells[:-1]
            rows.append(Row(number, cells))
        return rows
    finally:
        book.close()


def cell_text(value: object) -> str:
    """A workbook cell as the text a teacher typed: dates Excel made of '20 October 1944' as ISO
    days, whole numbers (a year) without '.0'."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).replace("\r\n", "\n").replace("\r", "\n")
