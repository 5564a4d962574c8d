"""An Anki deck (.apkg, File → Import) through genanki: a deck per bank, a note per fact and kind.

A multiple-choice question is a "quiz question" note (options on the front); a typed (or cloze)
one is a "quiz typed question" note whose front has Anki's type-in-the-answer box (`{{type:Answer}}`), so
the learner types and Anki compares. Where an export holds both forms of a fact and kind, the
first one is the note (a bank export lists multiple choice first): one card a fact, not two.

The note types and the deck have fixed ids, and a note's guid comes from its fact, kind and form,
so importing a new export updates the notes already there instead of adding copies (the typed
form has guids of its own: Anki will not update a note into another note type). Fields are
HTML, so bank text is escaped and newlines become `<br>`.
"""

from __future__ import annotations

import html
import tempfile
import zlib
from pathlib import Path

import genanki

from question_bank.questions import Mode, Question
from quiz.exports.model import ExportSet, accepted_answers, is_choice, option_letter, question_id

MODEL_ID = 1_607_392_319  # fixed: changing it makes Anki see a new note type
TYPED_MODEL_ID = 1_607_392_320
CSS = ".card { font-family: sans-serif; font-size: 20px; text-align: left; }"
BACK = ("{{#Accepted}}<br><small>also: {{Accepted}}</small>{{/Accepted}}"
        "{{#Note}}<br><br>{{Note}}{{/Note}}{{#Source}}<br><small>{{Source}}</small>{{/Source}}")
FIELDS = ("Question", "Options", "Answer", "Accepted", "Note", "Source", "Id")
TYPED_FIELDS = ("Question", "Answer", "Accepted", "Note", "Source", "Id")


def _model(model_id: int, name: str, fields: tuple[str, ...], front: str, back: str) -> genanki.Model:
    """A note type with one card; its id is fixed, as Anki matches note types by id."""
    return genanki.Model(model_id, name, fields=[{"name": f} for f in fields],
                         templates=[{"name": "Card 1", "qfmt": front, "afmt": back}], css=CSS)


MODEL = _model(MODEL_ID, "quiz question", FIELDS, "{{Question}}{{#Options}}<br><br>{{Options}}{{/Options}}",
               "{{FrontSide}}<hr id=answer><b>{{Answer}}</b>" + BACK)
# Anki shows what was typed against what was expected where the back repeats {{type:Answer}}.
TYPED_MODEL = _model(TYPED_MODEL_ID, "quiz typed question", TYPED_FIELDS, "{{Question}}<br><br>{{type:Answer}}",
                     "{{Question}}<hr id=answer>{{type:Answer}}" + BACK)


def field(text: str) -> str:
    return html.escape(text, quote=False).replace("\n", "<br>")


def deck_id(bank: str) -> int:
    """Fixed for a bank: the same bank always lands in the same deck."""
    return (1 << 30) + zlib.crc32(f"quiz deck {bank}".encode()) % (1 << 30)


def typed(q: Question) -> bool:
    """Answered by typing: a typed or cloze question (a paper may hold cloze ones)."""
    return q.mode in (Mode.TYPED, Mode.CLOZE)


def guid(q: Question) -> str:
    """The multiple-choice guid is the one earlier exports gave; the typed form has its own."""
    if typed(q):
        return str(genanki.guid_for(q.fact_id, q.kind.value, "typed"))
    return str(genanki.guid_for(q.fact_id, q.kind.value))


def note(q: Question) -> genanki.Note:
    others = field("; ".join(a for a in accepted_answers(q) if a != q.answer))
    tail = (field(q.note), field(q.source), field(question_id(q)))
    if typed(q):
        return genanki.Note(model=TYPED_MODEL, fields=[field(q.prompt), field(q.answer), others, *tail],
                            guid=guid(q), tags=[q.kind.value])
    options = "<br>".join(f"{option_letter(i)}) {field(o)}" for i, o in enumerate(q.options)) if is_choice(q) else ""
    return genanki.Note(model=MODEL, fields=[field(q.prompt), options, field(q.answer), others, *tail],
                        guid=guid(q), tags=[q.kind.value])


def notes(export: ExportSet) -> list[genanki.Note]:
    """A note for each fact and kind, in its first form: the mc and typed forms are one card."""
    kept: dict[tuple[str, str], genanki.Note] = {}
    for q in export.questions:
        if (q.fact_id, q.kind.value) not in kept:
            kept[q.fact_id, q.kind.value] = note(q)
    return list(kept.values())


def held(export: ExportSet) -> str | None:
    """What the deck holds when it is not a note a question, for the line that reports the export."""
    count = len(notes(export))
    if count == len(export.questions):
        return None
    return f"{count} note{'' if count == 1 else 's'}, one a fact and kind"


def render(export: ExportSet) -> bytes:
    deck = genanki.Deck(deck_id(export.bank), export.title or export.bank)
    for made in notes(export):
        deck.add_note(made)
    with tempfile.TemporaryDirectory(prefix="quiz-anki-") as folder:
        path = Path(folder) / "deck.apkg"
        genanki.Package(deck).write_to_file(str(path))
        return path.read_bytes()
