"""Workbooks built part by part with `zipfile`, so a test can make one that is small on disk and
huge once unpacked (the big part is streamed into the zip, never held in memory)."""

from __future__ import annotations

import zipfile
from collections.abc import Iterable
from pathlib import Path

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE = "application/vnd.openxmlformats-officedocument.spreadsheetml"

CONTENT_TYPES = f"""<?xml version="1.0" encoding="UTF-8"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="{OFFICE}.sheet.main+xml"/>
<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{OFFICE}.worksheet+xml"/>
<Override PartName="/xl/sharedStrings.xml" ContentType="{OFFICE}.sharedStrings+xml"/>
</Types>"""
ROOT_RELS = f"""<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="{PKG_REL}">
<Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/>
</Relationships>"""
WORKBOOK = f"""<?xml version="1.0" encoding="UTF-8"?>
<workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets><sheet name="facts" sheetId="1" r:id="rId1"/></sheets></workbook>"""
WORKBOOK_RELS = f"""<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="{PKG_REL}">
<Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/>
<Relationship Id="rId2" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>
</Relationships>"""

HEADER = ("date", "statement", "note", "source")
FACT = ("20 October 1944", "The city of [Belgrade] was freed.", "A note.", "A book, p. 1")


def _inline(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def _row(number: int, cells: Iterable[str]) -> str:
    return f'<row r="{number}">' + "".join(_inline(f"{'ABCD'[i]}{number}", text) for i, text in enumerate(cells)) + "</row>"


def write_workbook(
    path: Path, *, sheet_head: str = "", sheet_tail: Iterable[bytes] = (), strings: Iterable[bytes] = (),
    rows: tuple[tuple[str, ...], ...] = (HEADER, FACT),
) -> Path:
    """A workbook with one sheet 'facts' holding `rows`, then `sheet_tail` streamed into the sheet,
    and `strings` streamed into the shared strings part; `sheet_head` goes before <sheetData>."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as book:
        book.writestr("[Content_Types].xml", CONTENT_TYPES)
        book.writestr("_rels/.rels", ROOT_RELS)
        book.writestr("xl/workbook.xml", WORKBOOK)
        book.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        with book.open("xl/sharedStrings.xml", "w", force_zip64=True) as part:
            part.write(f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{MAIN}">'.encode())
            for chunk in strings:
                part.write(chunk)
            part.write(b"</sst>")
        with book.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as part:
            part.write(f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}">{sheet_head}<sheetData>'.encode())
            for number, cells in enumerate(rows, start=1):
                part.write(_row(number, cells).encode())
            for chunk in sheet_tail:
                part.write(chunk)
            part.write(b"</sheetData></worksheet>")
    return path


def repeated(chunk: bytes, total: int) -> Iterable[bytes]:
    """`chunk` again and again until about `total` bytes have been given."""
    for _ in range(max(1, total // len(chunk))):
        yield chunk
