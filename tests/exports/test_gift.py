"""GIFT read back by pygiftparser (from PyPI) for the built-in bank, and by a reader that follows
Moodle's importer for hostile text."""

from __future__ import annotations

import io

import pygiftparser.parser as pygift

from quiz.exports import ExportSet, question_id
from quiz.exports.registry import export_format
from quiz.exports.typed import typed_answers
from tests.exports import gift_reader
from tests.exports.support import HOSTILE, MC_OPTIONS, SOURCE, hostile_set


def gift(export: ExportSet) -> str:
    return export_format("gift").render(export).decode("utf-8")


def test_pygiftparser_reads_every_builtin_question(builtin_set: ExportSet) -> None:
    parsed = pygift.parseFile(io.StringIO(gift(builtin_set)))
    assert len(parsed) == len(builtin_set.questions)
    for q, read in zip(builtin_set.questions, parsed, strict=True):
        assert read.valid
        assert read.title == question_id(q)
        # pygiftparser leaves the backslash of an escaped colon in place (Moodle's own parser and
        # gift_reader take it out): the only liberty it is allowed here.
        assert read.text.replace("\\:", ":") == q.prompt
        answers = [(a.answer, a.fraction) for a in read.answers.answers]
        if q.options:
            assert type(read.answers).__name__ == "SelectSet"
            assert answers == [(o, 100 if o == q.answer else 0) for o in q.options]
        else:
            assert type(read.answers).__name__ == "ShortSet"
            assert [a for a, _ in answers] == list(typed_answers(q)) and {a for a, _ in answers} >= {q.answer, *q.accepted}


def test_titles_are_stable_and_unique(builtin_set: ExportSet) -> None:
    names = [read.name for read in gift_reader.read(gift(builtin_set))]
    assert len(set(names)) == len(names) == len(builtin_set.questions)
    assert gift(builtin_set) == gift(builtin_set)


def test_a_category_line_for_the_bank(builtin_set: ExportSet) -> None:
    read = gift_reader.read(gift(builtin_set))
    assert {q.category for q in read} == {"$course$/top/belgrade-offensive"}


def test_hostile_text_survives_moodles_reading() -> None:
    mc, typed = gift_reader.read(gift(hostile_set()))
    assert mc.name == "hostile-{1}/place/mc/place.which"
    assert mc.qtype == "multichoice"
    assert mc.text == HOSTILE
    assert mc.answers == [(o, 100.0 if o == "Zaječar ~=#:" else 0.0) for o in MC_OPTIONS]
    assert mc.general_feedback == f"{HOSTILE} — {SOURCE}"
    assert typed.qtype == "shortanswer"
    assert typed.text == HOSTILE + "?"
    assert typed.answers == [(a, 100.0) for a in ("Ниш", "Niš", "Nis {city} #1", "\\back=slash")]


def test_every_question_is_one_block_on_unescaped_lines() -> None:
    text = gift(hostile_set())
    blocks = text.strip().split("\n\n")
    assert len(blocks) == 3  # the category, then one block a question: no stray blank line from a newline
    for block in blocks[1:]:
        assert block.count("{") - block.count("\\{") == 1
        assert block.count("}") - block.count("\\}") == 1

