"""Moodle XML, QTI and CSV read back with the standard library's XML and CSV readers."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET
import zipfile

from quiz.exports import ExportSet, question_id
from quiz.exports.registry import export_format
from quiz.exports.typed import typed_answers
from tests.exports.support import HOSTILE, MC_OPTIONS, SOURCE, hostile_set

QTI = "{http://www.imsglobal.org/xsd/ims_qtiasiv1p2}"
CP = "{http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1}"


def render(export: ExportSet, fmt: str) -> bytes:
    return export_format(fmt).render(export)


# -- Moodle XML --------------------------------------------------------------------------------
def test_moodle_xml_counts_and_types(builtin_set: ExportSet) -> None:
    root = ET.fromstring(render(builtin_set, "moodle-xml"))
    questions = root.findall("question")
    assert questions[0].get("type") == "category"
    assert questions[0].findtext("category/text") == "$course$/top/belgrade-offensive"
    read = questions[1:]
    assert len(read) == len(builtin_set.questions)
    for q, element in zip(builtin_set.questions, read, strict=True):
        assert element.get("type") == ("multichoice" if q.options else "shortanswer")
        assert element.findtext("name/text") == question_id(q)
        assert element.findtext("questiontext/text") == q.prompt
        answers = [(a.findtext("text"), a.get("fraction")) for a in element.findall("answer")]
        if q.options:
            assert answers == [(o, "100" if o == q.answer else "0") for o in q.options]
        else:
            assert [a for a, _ in answers] == list(typed_answers(q))  # the key and its accepted forms
            assert {a for a, _ in answers} >= {q.answer, *q.accepted}
        feedback = element.findtext("generalfeedback/text") or ""
        assert q.note in feedback and q.source in feedback


def test_moodle_xml_hostile_text() -> None:
    mc, typed = ET.fromstring(render(hostile_set(), "moodle-xml")).findall("question")[1:]
    assert mc.findtext("questiontext/text") == HOSTILE
    assert mc.find("questiontext").get("format") == "plain_text"  # type: ignore[union-attr]
    assert [a.findtext("text") for a in mc.findall("answer")] == list(MC_OPTIONS)
    assert mc.findtext("generalfeedback/text") == f"{HOSTILE}\nSource: {SOURCE}"
    assert [a.findtext("text") for a in typed.findall("answer")] == ["Ниш", "Niš", "Nis {city} #1", "\\back=slash"]


# -- QTI ----------------------------------------------------------------------------------------
def _qti(export: ExportSet) -> tuple[ET.Element, ET.Element]:
    with zipfile.ZipFile(io.BytesIO(render(export, "qti"))) as archive:
        manifest = ET.fromstring(archive.read("imsmanifest.xml"))
        resources = manifest.findall(f"{CP}resources/{CP}resource")
        assert [r.get("type") for r in resources] == ["imsqti_xmlv1p2"]
        href = resources[0].find(f"{CP}file").get("href")  # type: ignore[union-attr]
        assert href in archive.namelist()
        return manifest, ET.fromstring(archive.read(href))


def test_qti_manifest_and_items(builtin_set: ExportSet) -> None:
    _, assessment = _qti(builtin_set)
    items = assessment.findall(f"{QTI}assessment/{QTI}section/{QTI}item")
    assert len(items) == len(builtin_set.questions)
    for q, item in zip(builtin_set.questions, items, strict=True):
        fields = {f.findtext(f"{QTI}fieldlabel"): f.findtext(f"{QTI}fieldentry")
                  for f in item.iter(f"{QTI}qtimetadatafield")}
        assert fields["question_type"] == ("multiple_choice_question" if q.options else "short_answer_question")
        assert item.get("title") == question_id(q)
        assert item.findtext(f"{QTI}presentation/{QTI}material/{QTI}mattext") == q.prompt
        correct = [v.text for v in item.iter(f"{QTI}varequal")]
        if q.options:
            labels = {label.get("ident"): label.findtext(f"{QTI}material/{QTI}mattext")
                      for label in item.iter(f"{QTI}response_label")}
            assert list(labels.values()) == list(q.options)
            assert [labels[c] for c in correct] == [q.answer]
        else:
            assert correct == list(typed_answers(q)) and set(correct) >= {q.answer, *q.accepted}


def test_qti_hostile_text_and_same_bytes_twice() -> None:
    _, assessment = _qti(hostile_set())
    mc, typed = assessment.iter(f"{QTI}item")
    assert mc.findtext(f"{QTI}presentation/{QTI}material/{QTI}mattext") == HOSTILE
    options = [label.findtext(f"{QTI}material/{QTI}mattext") for label in mc.iter(f"{QTI}response_label")]
    assert options == list(MC_OPTIONS)
    assert [v.text for v in typed.iter(f"{QTI}varequal")] == ["Ниш", "Niš", "Nis {city} #1", "\\back=slash"]
    assert mc.findtext(f"{QTI}itemfeedback/{QTI}flow_mat/{QTI}material/{QTI}mattext") == f"{HOSTILE}\nSource: {SOURCE}"
    assert render(hostile_set(), "qti") == render(hostile_set(), "qti")


# -- CSV ----------------------------------------------------------------------------------------
def test_csv_rows_read_back(builtin_set: ExportSet) -> None:
    rows = list(csv.DictReader(io.StringIO(render(builtin_set, "csv").decode("utf-8-sig"))))
    assert len(rows) == len(builtin_set.questions)
    for q, row in zip(builtin_set.questions, rows, strict=True):
        assert (row["question"], row["answer"], row["kind"], row["fact_id"], row["source"]) == (
            q.prompt, q.answer, q.kind.value, q.fact_id, q.source)
        assert row["options"].split("\n") == (list(q.options) or [""])
        assert set(row["accepted"].split("\n")) == {q.answer, *q.accepted}


def test_csv_hostile_text() -> None:
    mc, typed = csv.DictReader(io.StringIO(render(hostile_set(), "csv").decode("utf-8-sig")))
    assert mc["question"] == HOSTILE and mc["note"] == HOSTILE and mc["source"] == SOURCE
    assert mc["options"].split("\n") == list(MC_OPTIONS)
    assert typed["accepted"].split("\n") == ["Ниш", "Niš", "Nis {city} #1", "\\back=slash"]
