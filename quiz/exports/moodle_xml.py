"""Moodle XML (Question bank → Import → Moodle XML): multichoice and shortanswer questions, the
fact's note as general feedback with its source, the fact's tags as Moodle tags, a category per
bank (and one per paper inside it), plain-text formats so bank text is shown as written.

Text is written as Moodle's own exporter writes it (`qformat_xml::xml_escape`): in a CDATA section
whenever it holds `& < > " '`. Moodle's reader drops every piece of text that is only white space
between two entities, so `</b> &amp; Co` would come back as `</b>& Co`; a CDATA section is one piece.
A short answer's `*` is Moodle's wildcard and is written `\\*`.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from xml.sax.saxutils import quoteattr

from question_bank.questions import Question
from quiz.exports.model import ExportSet, is_choice, moodle_short_answer, moodle_tag, question_id
from quiz.exports.typed import typed_answers

PLAIN = "plain_text"
_SPECIAL = frozenset("&<>\"'")


def _text(parent: ET.Element, tag: str, text: str, fmt: str | None = PLAIN, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, {"format": fmt, **attrs} if fmt else attrs)
    ET.SubElement(element, "text").text = text
    return element


def feedback(q: Question) -> str:
    """The note, then the source on its own line."""
    return "\n".join(part for part in (q.note, f"Source: {q.source}" if q.source else "") if part)


def _question(quiz: ET.Element, q: Question, tags: tuple[str, ...]) -> None:
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
        answers = [(moodle_short_answer(answer), "100") for answer in typed_answers(q)]
    for text, fraction in answers:
        answer = _text(element, "answer", text, PLAIN, fraction=fraction)
        _text(answer, "feedback", "", PLAIN)
    if kept := [cleaned for tag in tags if (cleaned := moodle_tag(tag))]:
        holder = ET.SubElement(element, "tags")
        for tag in kept:
            ET.SubElement(ET.SubElement(holder, "tag"), "text").text = tag


def xml_escape(text: str) -> str:
    """Text as Moodle's exporter writes it: as is, or in CDATA (split at `]]>`) if it holds a
    character XML would escape."""
    if not _SPECIAL.intersection(text):
        return text
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def _write(element: ET.Element, out: list[str], depth: int = 0) -> None:
    """ElementTree cannot write CDATA: the tree is written by hand, one element a line."""
    pad = "  " * depth
    attrs = "".join(f" {name}={quoteattr(value)}" for name, value in element.attrib.items())
    children = list(element)
    if children:
        out.append(f"{pad}<{element.tag}{attrs}>")
        for child in children:
            _write(child, out, depth + 1)
        out.append(f"{pad}</{element.tag}>")
    else:
        out.append(f"{pad}<{element.tag}{attrs}>{xml_escape(element.text or '')}</{element.tag}>")


def render(export: ExportSet) -> bytes:
    quiz = ET.Element("quiz")
    category = ET.SubElement(quiz, "question", type="category")
    _text(category, "category", f"$course$/top/{export.category}", None)
    _text(category, "info", export.title, PLAIN)
    for q in export.questions:
        _question(quiz, q, export.tags_of(q))
    out = ['<?xml version="1.0" encoding="UTF-8"?>']
    _write(quiz, out)
    return ("\n".join(out) + "\n").encode("utf-8")
