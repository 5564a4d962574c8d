"""Issue 19, item 10: a typed question in an Anki deck has Anki's type-in-the-answer box, in a note
type of its own, and the export says how many notes it wrote when that is not one a question.

The deck is read as Anki's importer reads it: the zip's `collection.anki2` (SQLite), its note
types from the `col` table's `models` JSON (fields by `ord`, card templates), each note's fields
matched to its own note type's field names.
"""

from __future__ import annotations

import html
import io
import json
import re
import sqlite3
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from quiz.cli import main
from quiz.doors.teacher import TeacherDoor
from quiz.exports import ExportSet
from quiz.exports.registry import export_format
from quiz.model import Mode
from tests.exports.support import hostile_set

TYPE_IN = re.compile(r"\{\{type:([^}]+)\}\}")


@dataclass(frozen=True)
class Read:
    """A note as Anki shows it: its note type's name and front template, and its fields by name."""

    guid: str
    model: str
    front: str
    fields: dict[str, str]


def read_deck(data: bytes, folder: Path) -> list[Read]:
    folder.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        archive.extract("collection.anki2", folder)
    with sqlite3.connect(folder / "collection.anki2") as db:
        models = json.loads(db.execute("SELECT models FROM col").fetchone()[0])
        rows = db.execute("SELECT guid, mid, flds FROM notes ORDER BY id").fetchall()
        cards = db.execute("SELECT count(*) FROM cards").fetchone()[0]
    assert cards == len(rows)  # a card a note: one template each
    notes = []
    for guid, mid, flds in rows:
        model = models[str(mid)]
        names = [f["name"] for f in sorted(model["flds"], key=lambda f: f["ord"])]
        values = [html.unescape(v.replace("<br>", "\n")) for v in flds.split("\x1f")]
        assert len(values) == len(names)
        (template,) = model["tmpls"]
        notes.append(Read(guid, model["name"], template["qfmt"], dict(zip(names, values, strict=True))))
    return notes


def test_a_typed_question_has_a_box_to_type_the_answer_in(tmp_path: Path) -> None:
    export = hostile_set()
    mc_q, typed_q = export.questions
    mc, typed = read_deck(export_format("anki").render(export), tmp_path)
    assert TYPE_IN.findall(mc.front) == []  # multiple choice: pick from the options shown
    assert mc.fields["Answer"] == mc_q.answer
    (box,) = TYPE_IN.findall(typed.front)
    assert typed.model != mc.model
    assert box in typed.fields and typed.fields[box] == typed_q.answer == "Ниш"  # what Anki compares with
    assert typed.fields["Question"] == typed_q.prompt
    assert typed.fields["Accepted"] == "Niš; Nis {city} #1; \\back=slash"


def test_typed_notes_keep_their_guids_apart_from_multiple_choice(desk: TeacherDoor, tmp_path: Path) -> None:
    """Anki will not update a note into another note type: the typed form of a fact and kind has a
    guid of its own, the same on every export."""
    typed = [read_deck(export_format("anki").render(desk.exports.bank_set("belgrade-offensive", modes=(Mode.TYPED,))),
                       tmp_path / str(i)) for i in range(2)]
    mc = read_deck(export_format("anki").render(desk.exports.bank_set("belgrade-offensive")), tmp_path / "mc")
    assert [n.guid for n in typed[0]] == [n.guid for n in typed[1]]
    assert all(TYPE_IN.search(n.front) for n in typed[0])
    assert not {n.guid for n in typed[0]} & {n.guid for n in mc}


def _run(tmp_path: Path, *args: str) -> tuple[str, list[Read]]:
    out = tmp_path / "deck.apkg"
    result = CliRunner().invoke(main, ["--db", str(tmp_path / "quiz.db"), "bank", "export", "belgrade-offensive",
                                       "-f", "anki", *args, "-o", str(out)])
    assert result.exit_code == 0, result.output
    return result.output, read_deck(out.read_bytes(), tmp_path / "read")


@pytest.mark.parametrize("modes", [("mc",), ("typed",)])
def test_cli_reports_questions_when_each_is_a_note(modes: tuple[str, ...], tmp_path: Path) -> None:
    output, notes = _run(tmp_path, *(arg for m in modes for arg in ("--mode", m)))
    assert output == f"wrote {tmp_path / 'deck.apkg'}: {len(notes)} questions (Anki deck)\n"
    assert all(bool(TYPE_IN.search(n.front)) is (modes == ("typed",)) for n in notes)


def test_cli_says_how_many_notes_when_both_forms_of_a_fact_make_one(tmp_path: Path, builtin_set: ExportSet) -> None:
    output, notes = _run(tmp_path, "--mode", "mc", "--mode", "typed")
    questions = len(builtin_set.questions)
    assert len(notes) < questions
    assert output == (f"wrote {tmp_path / 'deck.apkg'}: {questions} questions as {len(notes)} notes, "
                      "one a fact and kind (Anki deck)\n")
    by_form = {bool(TYPE_IN.search(n.front)) for n in notes}
    assert by_form == {True, False}  # a fact and kind with no multiple choice is still typed
