"""CSV for a spreadsheet or another tool: one row a question. Options and accepted answers sit in
one cell each, one per line, so a spreadsheet shows them as a list and a reader splits on newlines.

Every cell is text a spreadsheet must show, never run: a cell that starts like a formula (`=`, `+`,
`-`, `@`, a tab or a carriage return) gets a leading `'`, as the results CSV does, so a note
beginning `=HYPERLINK(…)` stays a note in LibreOffice and Excel."""

from __future__ import annotations

import csv
import io

from quiz.exports.model import ExportSet, accepted_answers

HEADER = ("question", "options", "answer", "accepted", "kind", "mode", "fact_id", "wording_id", "note", "source")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def text_cell(value: str) -> str:
    """A cell that a spreadsheet shows as the text it is."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def render(export: ExportSet) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADER)
    for q in export.questions:
        writer.writerow(text_cell(cell) for cell in (
            q.prompt, "\n".join(q.options), q.answer, "\n".join(accepted_answers(q)), q.kind.value, q.mode.value,
            q.fact_id, q.wording_id, q.note, q.source,
        ))
    return out.getvalue().encode("utf-8-sig")  # the BOM makes Excel read UTF-8 (Ниш, Zaječar)
