"""CSV for a spreadsheet or another tool: one row a question. Options and accepted answers sit in
one cell each, one per line, so a spreadsheet shows them as a list and a reader splits on newlines."""

from __future__ import annotations

import csv
import io

from quiz.exports.model import ExportSet, accepted_answers

HEADER = ("question", "options", "answer", "accepted", "kind", "mode", "fact_id", "wording_id", "note", "source")


def render(export: ExportSet) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADER)
    for q in export.questions:
        writer.writerow((
            q.prompt, "\n".join(q.options), q.answer, "\n".join(accepted_answers(q)), q.kind.value, q.mode.value,
            q.fact_id, q.wording_id, q.note, q.source,
        ))
    return out.getvalue().encode("utf-8-sig")  # the BOM makes Excel read UTF-8 (Ниш, Zaječar)
