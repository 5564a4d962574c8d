"""The desk's exports: bank sets with reshuffled print versions, and what is refused."""

from __future__ import annotations

import pytest

from quiz.doors.teacher import TeacherDoor
from quiz.errors import ExportError
from quiz.exports.registry import export_format
from quiz.model import Mode


def test_bank_versions_hold_the_same_questions_in_other_orders(desk: TeacherDoor) -> None:
    export = desk.exports.bank_set("belgrade-offensive", versions=3, key=True, seed=4)
    first, second, third = export.versions
    assert len({len(first), len(second), len(third)}) == 1
    assert sorted(q.prompt for q in first) == sorted(q.prompt for q in second)
    assert [q.prompt for q in first] != [q.prompt for q in second] != [q.prompt for q in third]
    by_prompt = {q.prompt: q for q in first}
    for q in second:
        assert sorted(q.options) == sorted(by_prompt[q.prompt].options) and q.answer in q.options
    assert export == desk.exports.bank_set("belgrade-offensive", versions=3, key=True, seed=4)


def test_refused_exports(desk: TeacherDoor) -> None:
    with pytest.raises(ExportError, match="between 1 and 26"):
        desk.exports.bank_set("belgrade-offensive", versions=27)
    with pytest.raises(ExportError, match="only mc and typed"):
        desk.exports.bank_set("belgrade-offensive", modes=(Mode.FLIP,))
    with pytest.raises(ExportError, match="unknown export format 'docx'"):
        export_format("docx")


def test_a_paper_from_the_builtin_bank_in_every_format(desk: TeacherDoor, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import csv
    import io
    import xml.etree.ElementTree as ET
    import zipfile

    from pypdf import PdfReader

    from tests.exports import gift_reader

    desk.classroom.new_class("7/b")
    paper = desk.classroom.new_paper("belgrade-offensive", "Test", class_name="7/b", count=10, modes=(Mode.MC, Mode.TYPED),
                                     seed=2)
    export = desk.exports.paper_set(paper.code)
    assert export.questions == paper.questions and export.class_name == "7/b"
    assert export.source == desk.bank("belgrade-offensive").source
    printed = desk.exports.paper_set(paper.code, versions=2, key=True)
    assert printed.versions == tuple(desk.classroom.print_version(paper, i) for i in range(2))

    def render(fmt: str, which=export) -> bytes:  # type: ignore[no-untyped-def]
        return desk.exports.write(which, fmt, tmp_path / f"paper-{fmt}").read_bytes()

    assert [q.text for q in gift_reader.read(render("gift").decode())] == [q.prompt for q in paper.questions]
    assert len(ET.fromstring(render("moodle-xml")).findall("question")) == 11  # the category, then 10
    with zipfile.ZipFile(io.BytesIO(render("qti"))) as archive:
        assert len([n for n in archive.namelist() if n.endswith(".xml")]) == 2
    with zipfile.ZipFile(io.BytesIO(render("anki"))) as archive:
        assert "collection.anki2" in archive.namelist()
    assert len(list(csv.DictReader(io.StringIO(render("csv").decode("utf-8-sig"))))) == 10
    assert render("markdown", printed).decode().count("## Answer key, version") == 2
    assert render("html", printed).decode().count('<section class="version">') == 2
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(render("pdf", printed))).pages)
    assert "Version B" in text and "Answer key, version B" in text
