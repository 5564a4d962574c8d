"""Moodle XML (Question bank → Import → Moodle XML): multichoice and shortanswer questions, the
fact's note as general feedback with its source, a category per bank, plain-text formats so bank
text is shown as written."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from question_bank.questions import Question
from quiz.exports.model import ExportSet, is_choice, question_id
from quiz.exports.typed import typed_answers

PLAIN = "plain_text"


def _text(parent: ET.Element, tag: str, text: str, fmt: str | None = PLAIN, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, {"format": fmt, **attrs} if fmt else attrs)
    ET.SubElement(element, "text").text = text
    return element


def feedback(q: Question) -> str:
    """The note, then the source on its own line."""
    return "\n".join(part for part in (q.note, f"Source: {q.source}" if q.source else "") if part)


def _question(quiz: ET.Element, q: Question) -> None:
    choice = is_choice(q)
    element = ET.SubElement(quiz, "question", type="multichoice" if choice else "shortanswer")
    _text(element, "name", question_id(q), None)
    _text(element, "questiontext", q.prompt)
    _text(element, "generalfeedback", feedback(q))
    ET.SubElement(element, "defaultgrade").text = "1"
    ET.SubElement(element, "penalty").text = "0.3333333" if choice else "0"
    ET.SubElement(element, "hidden").text = "0"
    ET.SubElement(element, "idnumber").text = question_id(q)
    if choice:
        ET.SubElement(element, "single").text = "true"
        ET.SubElement(element, "shuffleanswers").text = "true"
        ET.SubElement(element, "answernumbering").text = "abc"
        answers = [(option, "100" if option == q.answer else "0") for option in q.options]
    else:
        ET.SubElement(element, "usecase").text = "0"
        answers = [(answer, "100") for answer in typed_answers(q)]
    for text, fraction in answers:
        answer = _text(element, "answer", text, PLAIN, fraction=fraction)
        _text(answer, "feedback", "", PLAIN)


def render(export: ExportSet) -> bytes:
    quiz = ET.Element("quiz")
    category = ET.SubElement(quiz, "question", type="category")
    _text(category, "category", f"$course$/top/{export.category}", None)
    _text(category, "info", export.title, PLAIN)
    for q in export.questions:
        _question(quiz, q)
    ET.indent(quiz)
    return ET.tostring(quiz, encoding="utf-8", xml_declaration=True) + b"\n"
