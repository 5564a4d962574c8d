"""An example bank for a teacher to copy (`quiz bank template [--format csv|xlsx]`): every column
explained, a few facts of the American Civil War in each style, and the units and places they
need. The example imports as it is."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from question_bank.banks.sheet_bank import COLUMNS as FACT_COLUMNS

FORMATS = ("csv", "xlsx")

FACT_HELP = (
    ("id", "optional", "a short name for the fact (lowercase, digits, '-'); made from the sentence when empty"),
    ("date", "needed", "when it happened: 20 October 1944, Oct 1944, 1944, July–August 1944, "
                       "20–27 October 1944, mid-February 1945 or 1944-10-20"),
    ("precision", "optional", "day, month, year, range, early-month, mid-month or late-month; "
                              "the date usually says it"),
    ("statement", "needed (or the parts)", "one sentence in the past tense with every unit and place in "
                                           "[brackets]: The [64th Rifle Corps] took [Zaječar]. Write "
                                           "[shown text|name] when the text differs from the name. No date in it"),
    ("subject", "instead of a statement", "who or what: the [64th Rifle Corps]"),
    ("verb", "instead of a statement", "the verb in the past tense: took (was/were for a passive)"),
    ("verb_base", "optional", "its base form: take; worked out from the verb when empty"),
    ("rest", "instead of a statement", "the rest of the sentence: [Zaječar] from a German battle group"),
    ("note", "needed", "why it mattered, in your own words; shown after the answer"),
    ("source", "needed", "where the fact comes from (a book, a page, your notes)"),
    ("tags", "optional", "words to group facts by, separated by ;"),
    ("exclude", "optional", "names never offered as a wrong option of this fact because they could also be "
                            "right (two towns freed that day), separated by ;"),
    ("also_accept", "optional", "other typed answers that count, separated by ;"),
    ("asks", "optional", "what the fact is asked on: date, unit, place or names of its [slots], separated by ;; "
                         "empty: everything"),
    ("well_known", "optional", "yes when every student of the topic knows the date (the Moon landing): papers "
                               "then leave out its date question, study still asks it; empty: no"),
)
ENTITY_HELP = (
    ("kind", "needed", "unit (a military formation), person, organisation, ship, craft or place"),
    ("name", "needed", "the name used in [brackets]"),
    ("side", "units; optional for others", "whose it is: Union, Confederate, Soviet, American …"),
    ("echelon", "units, optional", "battalion, regiment, brigade, division, corps, army, front, army group, "
                                   "battle group, air army, flotilla or command"),
    ("branch", "units, optional", "infantry, cavalry, rifle, tank, air …"),
    ("type", "places; optional for others", "the word a question asks by: city, town, village, river, region, "
                                            "country, landmark, mountain or your own (launch site, island); for a "
                                            "person, organisation, ship or craft its role (astronaut, agency)"),
    ("region", "places, optional", "the region it lies in"),
    ("country", "places, optional", "the country it lies in"),
    ("aliases", "optional", "other names a learner may type, separated by ;"),
    ("lat", "places, optional", "latitude in degrees (north positive)"),
    ("lon", "places, optional", "longitude in degrees (east positive)"),
)
ENTITY_COLUMNS = tuple(column for column, _, _ in ENTITY_HELP)

FACTS = (
    {"date": "12 April 1861", "statement": "Confederate batteries fired on [Fort Sumter].",
     "note": "The first shots of the war, in Charleston harbour.", "source": "Class notes", "tags": "1861"},
    {"id": "potomac-army-formed", "date": "Jul 1861",
     "statement": "The [Army of the Potomac] was formed around [Washington].",
     "note": "McClellan built it up after the defeat at Bull Run.", "source": "Class notes"},
    {"date": "1–3 July 1863", "subject": "the [Army of the Potomac]", "verb": "defeated",
     "rest": "the [Army of Northern Virginia] at [Gettysburg]",
     "note": "Lee's last invasion of the North failed.", "source": "Class notes", "tags": "1863;battle"},
    {"date": "9 April 1865", "statement": "The [Army of Northern Virginia] surrendered at [Appomattox Court House].",
     "note": "The end of the war in Virginia.", "source": "Class notes", "tags": "1865"},
)
ENTITIES = (
    {"kind": "unit", "name": "Army of the Potomac", "side": "Union", "echelon": "army", "branch": "infantry"},
    {"kind": "unit", "name": "Army of Northern Virginia", "side": "Confederate", "echelon": "army",
     "branch": "infantry", "aliases": "ANV"},
    {"kind": "place", "name": "Fort Sumter", "type": "landmark", "region": "South Carolina",
     "country": "United States", "aliases": "Sumter"},
    {"kind": "place", "name": "Washington", "type": "city", "region": "District of Columbia",
     "country": "United States", "aliases": "Washington, D.C."},
    {"kind": "place", "name": "Gettysburg", "type": "town", "region": "Pennsylvania", "country": "United States"},
    {"kind": "place", "name": "Appomattox Court House", "type": "village", "region": "Virginia",
     "country": "United States", "aliases": "Appomattox"},
)
FACT_ORDER = tuple(column for column in FACT_COLUMNS)


def entities_path(path: Path) -> Path:
    """Where the CSV template's entities go: beside it, 'bank.csv' → 'bank-entities.csv'."""
    return path.with_name(f"{path.stem}-entities.csv")


def write_template(path: str | Path, fmt: str | None = None) -> list[Path]:
    """Write the example bank to `path` (format from `fmt`, else from its suffix; csv by default;
    a path without a suffix gets the format's) and return the files written: a CSV and its entities
    CSV, or one workbook with both sheets and a sheet explaining every column."""
    path = Path(path)
    fmt = (fmt or path.suffix.lstrip(".") or "csv").lower()
    if fmt not in FORMATS:
        raise ValueError(f"unknown template format '{fmt}' (csv or xlsx)")
    if not path.suffix:
        path = path.with_suffix(f".{fmt}")
    if fmt == "xlsx":
        _write_xlsx(path)
        return [path]
    path.write_text(_csv(FACT_HELP, FACT_ORDER, FACTS, _FACT_NOTE), encoding="utf-8", newline="")
    side = entities_path(path)
    side.write_text(_csv(ENTITY_HELP, ENTITY_COLUMNS, ENTITIES, _ENTITY_NOTE), encoding="utf-8", newline="")
    return [path, side]


_FACT_NOTE = (
    "A quiz bank: one row a fact. Rows whose first cell starts with # are notes and are skipped.",
    "Write each fact as a statement or as subject + verb + rest. Every [unit] and [place] must be in",
    "the built-in catalog or in the entities file: quiz bank import THIS.csv --entities THIS-entities.csv",
    "The columns may be in any order and separated by commas or semicolons or tabs.",
)
_WORKBOOK_NOTE = (
    "A quiz bank: one row a fact on the facts sheet; rows whose first cell starts with # are skipped.",
    "Write each fact as a statement or as subject + verb + rest. Every [unit] and [place] must be in",
    "the built-in catalog or on the entities sheet. Import the workbook with: quiz bank import THIS.xlsx",
    "On the entities sheet a unit leaves the place columns (type, region, country) empty and a place",
    "the unit ones. This sheet is not read.",
)
_ENTITY_NOTE = (
    "The units and places of the bank that the built-in catalog lacks: one row each.",
    "A unit leaves the place columns (type region country) empty and a place the unit ones.",
)


def _csv(help_rows: tuple[tuple[str, str, str], ...], columns: tuple[str, ...],
         rows: tuple[dict[str, str], ...], note: tuple[str, ...]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    for line in note:
        writer.writerow([f"# {line}"])
    for column, needed, what in help_rows:
        writer.writerow([f"# {column} ({needed}): {what}"])
    writer.writerow(columns)
    for row in rows:
        writer.writerow([row.get(column, "") for column in columns])
    return out.getvalue()


def _write_xlsx(path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    facts = book.active
    assert facts is not None  # a new workbook has one sheet
    facts.title = "facts"
    entities = book.create_sheet("entities")
    columns = book.create_sheet("columns")
    for sheet, order, rows in ((facts, FACT_ORDER, FACTS), (entities, ENTITY_COLUMNS, ENTITIES)):
        sheet.append(list(order))
        for row in rows:
            sheet.append([row.get(column, "") for column in order])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        sheet.freeze_panes = "A2"
        for index, column in enumerate(order):
            width = max(len(column), *(len(row.get(column, "")) for row in rows)) + 2
            sheet.column_dimensions[_letter(index)].width = min(width, 60)
    columns.append(["sheet", "column", "needed", "what to write"])
    for cell in columns[1]:
        cell.font = Font(bold=True)
    for sheet_name, help_rows in (("facts", FACT_HELP), ("entities", ENTITY_HELP)):
        for column, needed, what in help_rows:
            columns.append([sheet_name, column, needed, what])
    columns.append([])
    for line in _WORKBOOK_NOTE:
        columns.append([line])
    for letter, width in zip("ABCD", (10, 12, 22, 100), strict=True):
        columns.column_dimensions[letter].width = width
    for row in columns.iter_rows(min_col=4, max_col=4):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True)
    book.save(path)


def _letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index + 1)
