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
# A workbook is a zip: its 20 MB on disk can unpack to gigabytes. 32 MB unpacked holds about the
# text of the 20 MB a CSV may (50,000 rows of 300 characters); past it, openpyxl's tiny shared
# strings cost ten times their size in memory. The sum of the parts' declared sizes is a true
# bound: zipfile never gives more bytes than a part declares.
MAX_UNPACKED = 32 * 1024 * 1024
MAX_COLUMNS = 64  # a bank has at most 15 columns (an entities sheet 11)
MAX_CELL = 32_767  # the most characters Excel itself lets a cell hold
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
    whole = filename.removesuffix(f"[{sheet_name}]")  # problems with the file name it, not the sheet
    rows = _xlsx_rows(raw, filename, sheet_name, required=True, whole=whole)
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


def check_unpacked(raw: bytes, filename: str) -> None:
    """Refuse a workbook whose parts unpack to more than MAX_UNPACKED, before anything unpacks them."""
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, ValueError, OSError) as error:
        raise BankError([Problem(filename, 0, "file", f"is not an .xlsx workbook ({error})")]) from None
    if unpacked > MAX_UNPACKED:
        reason = (f"unpacks to {unpacked / 1024 / 1024:,.0f} MB, more than the {MAX_UNPACKED // 1024 // 1024} MB "
                  "a bank workbook may hold; split it into smaller banks")
        raise BankError([Problem(filename, 0, "file", reason)])


def _xlsx_rows(
    raw: bytes, filename: str, sheet_name: str, required: bool, whole: str | None = None
) -> list[Row] | None:
    """The sheet's rows (problems name `filename`), or None; problems with the whole workbook
    name `whole` (the file without the sheet's label)."""
    import openpyxl  # only for workbooks: the app starts without it
    from openpyxl.utils.exceptions import InvalidFileException

    whole = whole or filename
    check_unpacked(raw, whole)
    try:
        book = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, OSError) as error:
        reason = f"is not an .xlsx workbook ({error})"
        raise BankError([Problem(whole, 0, "file", reason)]) from None
    try:
        names = {name.strip().lower(): name for name in book.sheetnames}
        if sheet_name in names:
            worksheet = book[names[sheet_name]]
        elif required or not book.worksheets:
            return None
        else:
            worksheet = book.worksheets[0]
        worksheet.reset_dimensions()  # a row is padded to its own last cell, not to a declared A1:XFD1048576
        return list(_worksheet_rows(worksheet.iter_rows(values_only=True), filename))
    finally:
        book.close()


def _worksheet_rows(values: Iterable[tuple[object, ...]], filename: str) -> Iterator[Row]:
    """Rows of text cells, refusing a sheet too long, too wide or with a cell longer than Excel allows.

    openpyxl pads a row out to its last cell (up to 16,384): the padding is only looked at in C
    (`count`), never kept, and the first row with a value that far stops the reading."""
    for number, row in enumerate(values, start=1):
        if number > MAX_ROWS + 50:
            raise BankError([Problem(filename, number, "row", f"the sheet has more than {MAX_ROWS} rows")])
        if len(row) > MAX_COLUMNS:
            past = row[MAX_COLUMNS:]
            if past.count(None) + past.count("") != len(past):
                reason = f"has a value past column {MAX_COLUMNS}; a bank has at most {MAX_COLUMNS} columns"
                raise BankError([Problem(filename, number, "row", reason)])
            row = row[:MAX_COLUMNS]
        cells = [cell_text(value) for value in row]
        for column, text in enumerate(cells, start=1):
            if len(text) > MAX_CELL:
                reason = f"column {column} holds {len(text):,} characters; a cell holds at most {MAX_CELL:,}"
                raise BankError([Problem(filename, number, "row", reason)])
        while cells and not cells[-1]:
            cells.pop()
        yield Row(number, tuple(cells))


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
