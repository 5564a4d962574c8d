"""Anki read back as what an .apkg is (a zip holding an SQLite collection), Kahoot by openpyxl."""

from __future__ import annotations

import html
import io
import sqlite3
import zipfile
from pathlib import Path

import openpyxl
import pytest

from question_bank.questions import Question
from quiz.errors import ExportError
from quiz.exports import ExportSet
from quiz.exports.kahoot import HEADING_ROW
from quiz.exports.registry import export_format
from tests.exports.support import HOSTILE, MC_OPTIONS, SOURCE, hostile_questions, hostile_set


def _notes(data: bytes, folder: Path) -> list[tuple[str, list[str], int]]:
    """(guid, fields as a person reads them, model id) of every note in an .apkg."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert "collection.anki2" in archive.namelist()
        archive.extract("collection.anki2", folder)
    with sqlite3.connect(folder / "collection.anki2") as db:
        rows = db.execute("SELECT guid, flds, mid FROM notes ORDER BY id").fetchall()
        cards = db.execute("SELECT count(*) FROM cards").fetchone()[0]
    assert cards == len(rows)
    return [(guid, [html.unescape(f.replace("<br>", "\n")) for f in flds.split("\x1f")], mid) for guid, flds, mid in rows]


def test_anki_one_note_per_fact_and_kind(builtin_set: ExportSet, tmp_path: Path) -> None:
    notes = _notes(export_format("anki").render(builtin_set), tmp_path)
    expected = {(q.fact_id, q.kind) for q in builtin_set.questions}
    assert len(notes) == len(expected)
    assert len({guid for guid, _, _ in notes}) == len(notes)
    assert {mid for _, _, mid in notes} == {1_607_392_319, 1_607_392_320}  # multiple choice, typed


def test_anki_same_guids_on_a_second_export(desk, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Another seed words and draws the questions anew (the gate may publish a slightly different
    set), but every fact and kind both exports hold keeps its note: Anki updates, never duplicates."""
    sets = [desk.exports.bank_set("belgrade-offensive", seed=seed) for seed in (1, 2)]
    notes = [_notes(export_format("anki").render(s), tmp_path / str(i)) for i, s in enumerate(sets)]
    keyed = []
    for export_set, found in zip(sets, notes, strict=True):
        keys = list(dict.fromkeys((q.fact_id, q.kind) for q in export_set.questions))
        assert len(keys) == len(found)
        keyed.append(dict(zip(keys, (guid for guid, _, _ in found), strict=True)))
    shared = keyed[0].keys() & keyed[1].keys()
    assert len(shared) >= 0.9 * len(keyed[0])
    assert all(keyed[0][key] == keyed[1][key] for key in shared)


def test_anki_hostile_text_on_front_and_back(tmp_path: Path) -> None:
    (_, mc, _), (_, typed, _) = _notes(export_format("anki").render(hostile_set()), tmp_path)
    question, options, answer, accepted, note, source, _ = mc
    assert (question, answer, note, source) == (HOSTILE, "Zaječar ~=#:", HOSTILE, SOURCE)
    assert options.split("\n") == [f"{letter}) {o}" for letter, o in zip("abcd", MC_OPTIONS, strict=True)]
    assert typed[:3] == [HOSTILE + "?", "Ниш", "Niš; Nis {city} #1; \\back=slash"]  # question, answer, accepted


def _kahoot_rows(data: bytes) -> list[tuple]:
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    assert sheet is not None
    assert sheet.cell(HEADING_ROW, 2).value.startswith("Question")
    return [row for row in sheet.iter_rows(min_row=HEADING_ROW + 1, values_only=True) if row[1] is not None]


def _short(q: Question, prompt: str) -> Question:
    return Question(q.fact_id, q.kind, q.mode, q.wording_id, prompt, q.answer, q.accepted, q.options, q.note,
                    q.source, q.statement)


def test_kahoot_rows_with_answer_numbers() -> None:
    mc = hostile_questions()[0]
    rows = _kahoot_rows(export_format("kahoot").render(hostile_set(mc_only=True)))
    assert rows == [(1, HOSTILE, *MC_OPTIONS, 30, "2")]  # 30 s: a long question
    formula = _short(mc, "=SUM(A1:A2) is not a formula")
    export = ExportSet("t", "b", None, "", ((formula,),))
    assert _kahoot_rows(export_format("kahoot").render(export))[0][1] == "=SUM(A1:A2) is not a formula"


def test_kahoot_reports_a_question_over_its_limits_and_writes_nothing() -> None:
    mc = hostile_questions()[0]
    long = _short(mc, "x" * 121)
    with pytest.raises(ExportError, match=r"question 2 is 121 characters long"):
        export_format("kahoot").render(ExportSet("t", "b", None, "", ((mc, long),)))
    with pytest.raises(ExportError, match="is not multiple choice"):
        export_format("kahoot").render(hostile_set())
