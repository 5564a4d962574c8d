"""A Kahoot quiz spreadsheet (create → import spreadsheet), laid out like Kahoot's template:
instructions on top, the column headings on row 8, a question a row from row 9 with four answers,
a time limit and the correct answer's number.

Kahoot refuses a question over 120 characters or an answer over 75; those are reported as an
`ExportError` naming the question by its number, never cut, since a cut question may ask something
else (`Exports.fit` asks a long one in a shorter wording of the generator's first).
"""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from question_bank.questions import Question
from quiz.errors import ExportError, Wording, mention
from quiz.exports.model import ExportSet, is_choice

QUESTION_MAX, ANSWER_MAX, ANSWERS = 120, 75, 4
TIME_LIMITS = (5, 10, 20, 30, 60, 90, 120, 240)
HEADINGS = (
    "Question - max 120 characters",
    "Answer 1 - max 75 characters",
    "Answer 2 - max 75 characters",
    "Answer 3 - max 75 characters",
    "Answer 4 - max 75 characters",
    "Time limit (sec) – 5, 10, 20, 30, 60, 90, 120, or 240 secs",
    "Correct answer(s) - choose at least one",
)
HEADING_ROW = 8
NOT_CHOICE = "is not multiple choice (Kahoot's spreadsheet holds multiple choice only)"


def time_limit(q: Question) -> int:
    """Twenty seconds, thirty for a long question: time to read it, not to look it up."""
    return 30 if len(q.prompt) > 80 else 20


def problem(q: Question) -> str | None:
    if not is_choice(q):
        return NOT_CHOICE
    if len(q.options) > ANSWERS:
        return f"has {len(q.options)} options, Kahoot allows {ANSWERS}"
    if len(q.prompt) > QUESTION_MAX:
        return f"is {len(q.prompt)} characters long, Kahoot allows {QUESTION_MAX}"
    for option in q.options:
        if len(option) > ANSWER_MAX:
            return f"has an answer of {len(option)} characters, Kahoot allows {ANSWER_MAX}"
    return None


def check(export: ExportSet) -> None:
    """Refuse the whole export for a question Kahoot would refuse, naming it by its number (a
    paper's own numbering) and the others too."""
    found = [(number, reason) for number, q in enumerate(export.questions, start=1) if (reason := problem(q))]
    if found:
        number, reason = found[0]
        others = [str(n) for n, _ in found[1:]]
        more = f" (also question{'s' if len(others) > 1 else ''} {', '.join(others)})" if others else ""
        advice = export.mc_advice if reason == NOT_CHOICE else Wording(f"leave them out with {mention('skip_too_long')}")
        raise ExportError(f"kahoot: question {number} {reason}{more}: {advice.template}")


def _put(sheet: Worksheet, row: int, column: int, value: str | int) -> None:
    """Bank text is text: a question starting with `=` must not become a formula."""
    cell = sheet.cell(row, column)
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"


def render(export: ExportSet) -> bytes:
    check(export)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Sheet1"
    _put(sheet, 2, 2, export.title)
    _put(sheet, 3, 2, "A question a row: up to four answers, a time limit, and the number of the correct answer.")
    _put(sheet, 4, 2, f"Questions up to {QUESTION_MAX} characters, answers up to {ANSWER_MAX}.")
    for column, heading in enumerate(HEADINGS, start=2):
        _put(sheet, HEADING_ROW, column, heading)
    for number, q in enumerate(export.questions, start=1):
        row = HEADING_ROW + number
        _put(sheet, row, 1, number)
        _put(sheet, row, 2, q.prompt)
        for index, option in enumerate(q.options):
            _put(sheet, row, 3 + index, option)
        _put(sheet, row, 7, time_limit(q))
        _put(sheet, row, 8, str(q.options.index(q.answer) + 1))
    sheet.column_dimensions["B"].width = 60
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
