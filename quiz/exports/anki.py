"""An Anki deck (.apkg, File → Import) through genanki: a deck per bank, a note per fact and kind.

The model and deck ids are fixed and a note's guid comes from its fact and kind, so importing a
new export updates the notes already there instead of adding copies. Fields are HTML, so bank
text is escaped and newlines become `<br>`.
"""

from __future__ import annotations

import html
import tempfile
import zlib
from pathlib import Path

import genanki

from question_bank.questions import Question
from quiz.exports.model import ExportSet, accepted_answers, is_choice, option_letter, question_id

MODEL_ID = 1_607_392_319  # fixed: changing it makes Anki see a new note type
FIELDS = ("Question", "Options", "Answer", "Accepted", "Note", "Source", "Id")
MODEL = genanki.Model(
    MODEL_ID,
    "quiz question",
    fields=[{"name": name} for name in FIELDS],
    templates=[{
        "name": "Card 1",
        "qfmt": "{{Question}}{{#Options}}<br><br>{{Options}}{{/Options}}",
        "afmt": (
            "{{FrontSide}}<hr id=answer><b>{{Answer}}</b>{{#Accepted}}<br><small>also: {{Accepted}}</small>{{/Accepted}}"
            "{{#Note}}<br><br>{{Note}}{{/Note}}{{#Source}}<br><small>{{Source}}</small>{{/Source}}"
        ),
    }],
    css=".card { font-family: sans-serif; font-size: 20px; text-align: left; }",
)


def field(text: str) -> str:
    return html.escape(text, quote=False).replace("\n", "<br>")


def deck_id(bank: str) -> int:
    """Fixed for a bank: the same bank always lands in the same deck."""
    return (1 << 30) + zlib.crc32(f"quiz deck {bank}".encode()) % (1 << 30)


def guid(q: Question) -> str:
    return str(genanki.guid_for(q.fact_id, q.kind.value))


def note(q: Question) -> genanki.Note:
    options = "<br>".join(f"{option_letter(i)}) {field(o)}" for i, o in enumerate(q.options)) if is_choice(q) else ""
    others = [a for a in accepted_answers(q) if a != q.answer]
    values = (field(q.prompt), options, field(q.answer), field("; ".join(others)), field(q.note), field(q.source),
              field(question_id(q)))
    return genanki.Note(model=MODEL, fields=list(values), guid=guid(q), tags=[q.kind.value])


def render(export: ExportSet) -> bytes:
    deck = genanki.Deck(deck_id(export.bank), export.title or export.bank)
    seen: set[str] = set()
    for q in export.questions:
        made = note(q)
        if made.guid not in seen:  # one note per fact and kind: the mc and typed forms are one card
            seen.add(made.guid)
            deck.add_note(made)
    with tempfile.TemporaryDirectory(prefix="quiz-anki-") as folder:
        path = Path(folder) / "deck.apkg"
        genanki.Package(deck).write_to_file(str(path))
        return path.read_bytes()
