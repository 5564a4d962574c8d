"""Markdown rendered by markdown-it (CommonMark), HTML read by html.parser, the PDF's text read
back by pypdf: a section per version, the keys only with --key, hostile text as written."""

from __future__ import annotations

import io
import re

from markdown_it import MarkdownIt
from pypdf import PdfReader

from quiz.exports import ExportSet
from quiz.exports.printed import key_entry
from quiz.exports.registry import export_format
from tests.exports.support import HOSTILE, MC_OPTIONS, TextOf, hostile_set


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def markdown_text(export: ExportSet) -> str:
    return TextOf.of(MarkdownIt("commonmark").render(export_format("markdown").render(export).decode("utf-8")))


def html_text(export: ExportSet) -> str:
    return TextOf.of(export_format("html").render(export).decode("utf-8"))


def pdf_text(export: ExportSet) -> str:
    reader = PdfReader(io.BytesIO(export_format("pdf").render(export)))
    return "\n".join(page.extract_text() for page in reader.pages)


READERS = {"markdown": markdown_text, "html": html_text}


def test_markdown_and_html_show_hostile_text_as_written() -> None:
    for name, read in READERS.items():
        text = read(hostile_set())
        assert HOSTILE in text, name  # newline kept as a line break, nothing taken as markup
        assert "Test {1}: <Ниш> & \"Zaječar\"" in text, name
        for option in MC_OPTIONS:
            assert option in text, name
        for label in ("Name:", "Class: 7/b Ниш", "Date:"):
            assert label in text, name


def test_markdown_marks_nothing_as_markup() -> None:
    rendered = MarkdownIt("commonmark").render(export_format("markdown").render(hostile_set()).decode("utf-8"))
    assert "<b>" not in rendered and "<i>" not in rendered and "<h1>" in rendered
    assert rendered.count("<h2>") == 1


def test_a_section_per_version_and_keys_only_when_asked() -> None:
    for name, read in {**READERS, "pdf": pdf_text}.items():
        plain = read(hostile_set(versions=3))
        assert [f"Version {v}" in plain for v in "ABC"] == [True] * 3, name
        assert "Answer key" not in plain, name
        keyed = read(hostile_set(versions=3, key=True))
        for version in "ABC":
            assert f"Answer key, version {version}" in keyed, name


def test_each_versions_key_follows_its_order() -> None:
    export = hostile_set(versions=2, key=True)
    text = _flat(pdf_text(export))
    keys = text.split("Answer key, version ")[1:]
    assert len(keys) == 2
    for version, key in zip(export.versions, keys, strict=True):
        entries = [_flat(f"{n}. {key_entry(q)}") for n, q in enumerate(version, start=1)]
        assert all(entry in key for entry in entries)
        assert key.index(entries[0]) < key.index(entries[1])


def test_pdf_has_serbian_letters_and_hostile_text(builtin_set: ExportSet) -> None:
    text = _flat(pdf_text(hostile_set(key=True)))
    assert _flat(HOSTILE) in text
    assert "Ниш" in text and "Zaječar" in text
    for option in MC_OPTIONS:
        assert _flat(option) in text
    builtin = _flat(pdf_text(builtin_set))
    assert _flat(builtin_set.questions[0].prompt) in builtin


def test_pdf_breaks_a_word_longer_than_a_line() -> None:
    from question_bank.questions import Kind, Mode, Question

    word = "Ниш" * 120
    q = Question("long", Kind.PLACE, Mode.TYPED, "w", f"Where is {word}?", "there", ("there",), (), "", "", "")
    text = pdf_text(ExportSet("t", "b", None, "", ((q,),)))
    assert word in re.sub(r"\s+", "", text)
