"""The formats: a name, a file suffix, and the module that renders an `ExportSet` to bytes.

Each module is imported only when its format is used, so `quiz` does not load genanki, openpyxl
or fpdf2 to study.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Protocol, cast

from quiz.errors import ExportError
from quiz.exports.model import ExportSet


class Renderer(Protocol):
    def __call__(self, export: ExportSet) -> bytes: ...


class Holdings(Protocol):
    def __call__(self, export: ExportSet) -> str | None: ...


@dataclass(frozen=True)
class ExportFormat:
    name: str
    suffix: str
    module: str
    printable: bool  # one section per version and an answer key on request
    label: str

    def render(self, export: ExportSet) -> bytes:
        renderer = cast(Renderer, importlib.import_module(self.module).render)
        return renderer(export)

    def held(self, export: ExportSet) -> str | None:
        """What the file holds where that is not an item a question (an Anki deck: "89 notes, one
        a fact and kind"), for the line reporting the export; None for a format without `held`."""
        holdings = getattr(importlib.import_module(self.module), "held", None)
        return cast(Holdings, holdings)(export) if holdings else None


FORMATS: dict[str, ExportFormat] = {
    f.name: f
    for f in (
        ExportFormat("gift", ".gift.txt", "quiz.exports.gift", False, "GIFT for Moodle"),
        ExportFormat("moodle-xml", ".moodle.xml", "quiz.exports.moodle_xml", False, "Moodle XML"),
        ExportFormat("qti", ".qti.zip", "quiz.exports.qti", False, "QTI 1.2 zip for Canvas"),
        ExportFormat("anki", ".apkg", "quiz.exports.anki", False, "Anki deck"),
        ExportFormat("kahoot", ".kahoot.xlsx", "quiz.exports.kahoot", False, "Kahoot spreadsheet"),
        ExportFormat("csv", ".csv", "quiz.exports.csv_export", False, "CSV"),
        ExportFormat("markdown", ".md", "quiz.exports.markdown", True, "Markdown for print"),
        ExportFormat("html", ".html", "quiz.exports.html", True, "HTML for print"),
        ExportFormat("pdf", ".pdf", "quiz.exports.pdf", True, "PDF for print"),
    )
}


def export_format(name: str) -> ExportFormat:
    try:
        return FORMATS[name]
    except KeyError:
        raise ExportError(f"unknown export format {name!r} (one of: {', '.join(FORMATS)})") from None
