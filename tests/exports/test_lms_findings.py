"""Issue 19, items 3-7: every LMS file read back the way its consumer reads it. CSV by the csv
module as a spreadsheet sees a cell; Moodle XML by a reader following Moodle's own parser; GIFT by
one following Moodle's importer; QTI by a strict QTI 1.2 response processor; the Common Cartridge
by zipfile and xml.etree, then as Moodle's cartridge importer picks its answers."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from question_bank.questions import Kind, Mode, Question
from quiz.cli import main
from quiz.doors.teacher import TeacherDoor
from quiz.exports import ExportSet, question_id
from quiz.exports.csv_export import HEADER
from quiz.exports.registry import export_format
from quiz.exports.typed import typed_answers
from tests.exports import gift_reader, moodle_xml_reader
from tests.exports.support import HOSTILE, hostile_questions

QTI = "{http://www.imsglobal.org/xsd/ims_qtiasiv1p2}"
CC = "{http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1}"
LOM = "{http://ltsc.ieee.org/xsd/imsccv1p1/LOM/manifest}"
FORMULA = ("=", "+", "-", "@", "\t", "\r")


def render(export: ExportSet, fmt: str) -> bytes:
    return export_format(fmt).render(export)


def typed(answer: str, accepted: tuple[str, ...] = (), prompt: str = "Which fort?", note: str = "") -> Question:
    return Question("f-1", Kind.PLACE, Mode.TYPED, "place.which", prompt, answer, (answer, *accepted), (), note, "", "")


def one(*questions: Question) -> ExportSet:
    return ExportSet("t", "b", None, "", (questions,))


# -- 3: CSV ---------------------------------------------------------------------------------------
def test_csv_keeps_every_text_cell_that_starts_like_a_formula_as_text() -> None:
    hostile = Question("=f", Kind.PLACE, Mode.MC, "+w", "=HYPERLINK(\"http://x\")", "-Niš", ("-Niš",),
                       ("-Niš", "@Beograd", "\tZaječar", "Kragujevac"), "=1+1 is a note", "+source", "")
    (row,) = csv.DictReader(io.StringIO(render(one(hostile), "csv").decode("utf-8-sig")))
    assert all(not cell.startswith(FORMULA) for cell in row.values()), row
    assert row["question"] == "'=HYPERLINK(\"http://x\")" and row["note"] == "'=1+1 is a note"
    assert (row["answer"], row["source"], row["fact_id"], row["wording_id"]) == ("'-Niš", "'+source", "'=f", "'+w")
    assert row["options"] == "'" + "\n".join(hostile.options) and row["accepted"] == "'-Niš"


def test_csv_plain_text_is_left_as_written() -> None:
    (mc, typed_row) = csv.DictReader(io.StringIO(render(one(*hostile_questions()), "csv").decode("utf-8-sig")))
    assert mc["question"] == HOSTILE and list(mc) == list(HEADER)
    assert typed_row["accepted"].split("\n") == ["Ниш", "Niš", "Nis {city} #1", "\\back=slash"]


# -- 4: Moodle XML as Moodle's parser reads it -----------------------------------------------------
def test_moodle_xml_keeps_the_space_between_two_escaped_characters() -> None:
    answer = "<b>Bold</b> & Co"
    q = typed(answer, prompt="Who? <i>x</i> & <b>y</b> > z", note="a < b & c > d")
    (read,) = moodle_xml_reader.read(render(one(q), "moodle-xml"))
    assert read.text == "Who? <i>x</i> & <b>y</b> > z"
    assert read.general_feedback == "a < b & c > d"
    assert read.answers[0] == (answer, 100.0)
    assert read.accepts("<b>Bold</b> & Co")


def test_moodle_xml_hostile_text_read_as_moodle_reads_it(builtin_set: ExportSet) -> None:
    mc, typed_q = moodle_xml_reader.read(render(one(*hostile_questions()), "moodle-xml"))
    assert mc.text == HOSTILE and typed_q.text == HOSTILE + "?"
    assert [text for text, _ in typed_q.answers] == ["Ниш", "Niš", "Nis {city} #1", "\\back=slash"]
    for q, read in zip(builtin_set.questions, moodle_xml_reader.read(render(builtin_set, "moodle-xml")), strict=True):
        assert (read.name, read.text) == (question_id(q), q.prompt)
        if not q.options:
            assert all(read.accepts(answer) for answer in typed_answers(q))


# -- 5: `*` is not a wildcard; `->` is written, not refused ----------------------------------------
STAR = typed("Fort * Star", accepted=("Fort *",))


def test_a_star_in_a_short_answer_is_literal_in_moodle_xml() -> None:
    (read,) = moodle_xml_reader.read(render(one(STAR), "moodle-xml"))
    assert read.accepts("Fort * Star") and read.accepts("fort *")
    assert not read.accepts("Fort Knox Star") and not read.accepts("Fort Knox")


def test_a_star_in_a_short_answer_is_literal_in_gift() -> None:
    (read,) = gift_reader.read(render(one(STAR), "gift").decode("utf-8"))
    patterns = [text for text, _ in read.answers]
    assert any(moodle_xml_reader.wildcard_match("Fort * Star", p, True) for p in patterns)
    assert not any(moodle_xml_reader.wildcard_match("Fort Knox Star", p, True) for p in patterns)
    assert not any(moodle_xml_reader.wildcard_match("Fort Knox", p, True) for p in patterns)


@pytest.mark.parametrize(
    ("question", "accepted", "left_out"),
    [
        (typed("a->b", accepted=("A->B",)), ["a->b"], ["A->B"]),  # the key holds `->`: it alone
        (typed("Niš", accepted=("Nis->", "Nish")), ["Niš", "Nish"], ["Nis->"]),  # an extra does: left out
    ],
)
def test_a_short_answer_with_an_arrow_is_written_as_a_short_answer(
    question: Question, accepted: list[str], left_out: list[str]
) -> None:
    (read,) = gift_reader.read(render(one(question), "gift").decode("utf-8"))
    assert read.qtype == "shortanswer"
    assert [text for text, fraction in read.answers if fraction == 100] == accepted
    assert not set(left_out) & {text for text, _ in read.answers}


# -- 6: QTI 1.2 as a strict engine scores it --------------------------------------------------------
def _holds(node: ET.Element, response: str) -> bool:
    """QTI 1.2 conditions: the children of `conditionvar` and `and` must all hold, of `or` one."""
    tag = node.tag.removeprefix(QTI)
    if tag in ("conditionvar", "and"):
        return all(_holds(child, response) for child in node)
    if tag == "or":
        return any(_holds(child, response) for child in node)
    if tag == "not":
        return not _holds(node[0], response)
    if tag == "other":
        return True
    if tag == "varequal":
        expected = node.text or ""
        if node.get("case", "No") == "Yes":
            return response == expected
        return response.casefold() == expected.casefold()
    raise AssertionError(f"not a QTI 1.2 condition: {tag}")


def qti_score(item: ET.Element, response: str) -> float:
    """The SCORE a strict QTI 1.2 processor gives `response`: conditions in order, until one that
    holds says continue="No"."""
    score = 0.0
    for condition in item.findall(f"{QTI}resprocessing/{QTI}respcondition"):
        if _holds(condition.find(f"{QTI}conditionvar"), response):  # type: ignore[arg-type]
            for setvar in condition.findall(f"{QTI}setvar"):
                score = float(setvar.text or 0)
            if condition.get("continue", "No") == "No":
                break
    return score


def _qti_items(export: ExportSet) -> list[ET.Element]:
    with zipfile.ZipFile(io.BytesIO(render(export, "qti"))) as archive:
        name = next(n for n in archive.namelist() if n != "imsmanifest.xml")
        return ET.fromstring(archive.read(name)).findall(f"{QTI}assessment/{QTI}section/{QTI}item")


def test_a_strict_qti_engine_accepts_every_spelling_and_nothing_else(desk: TeacherDoor) -> None:
    export = desk.exports.bank_set("belgrade-offensive", modes=(Mode.MC, Mode.TYPED))
    items = _qti_items(export)
    several = 0
    for q, item in zip(export.questions, items, strict=True):
        if q.options:
            labels = {label.findtext(f"{QTI}material/{QTI}mattext"): label.get("ident")
                      for label in item.iter(f"{QTI}response_label")}
            assert [qti_score(item, labels[o] or "") for o in q.options] == [100.0 if o == q.answer else 0 for o in q.options]
            continue
        answers = typed_answers(q)
        several += len(answers) > 1
        assert all(qti_score(item, answer) == 100.0 for answer in answers), question_id(q)
        assert qti_score(item, "Not an answer at all") == 0.0
    assert several  # the bank has typed questions with more than one spelling


# -- 7: Moodle categories and tags, and the Common Cartridge ----------------------------------------
def test_a_papers_questions_go_into_a_category_named_after_it_with_the_facts_tags(desk: TeacherDoor) -> None:
    paper = desk.classroom.new_paper("belgrade-offensive", "Test: Ниш & Beograd", count=6, modes=(Mode.MC, Mode.TYPED),
                                     seed=3)
    export = desk.exports.paper_set(paper.code)
    tags = {fact.id: list(fact.tags) for fact in desk.bank("belgrade-offensive").facts}
    category = "$course$/top/belgrade-offensive/Test Ниш Beograd"
    from_xml = moodle_xml_reader.read(render(export, "moodle-xml"))
    from_gift = gift_reader.read(render(export, "gift").decode("utf-8"))
    for q, xml_q, gift_q in zip(paper.questions, from_xml, from_gift, strict=True):
        assert xml_q.category == gift_q.category == category
        assert xml_q.tags == gift_q.tags == tags[q.fact_id] and tags[q.fact_id]
    bank = desk.exports.bank_set("belgrade-offensive")
    assert {q.category for q in moodle_xml_reader.read(render(bank, "moodle-xml"))} == {"$course$/top/belgrade-offensive"}


def test_a_tag_moodle_would_misread_is_cleaned_or_escaped() -> None:
    q = hostile_questions()[1]
    export = ExportSet("t", "b", None, "", ((q,),), tags=((q.fact_id, ("a]b", "<x>\ny", "  ", "Ниш")),))
    (gift_q,) = gift_reader.read(render(export, "gift").decode("utf-8"))
    (xml_q,) = moodle_xml_reader.read(render(export, "moodle-xml"))
    assert gift_q.tags == xml_q.tags == ["a]b", "x y", "Ниш"]


def _cartridge(data: bytes) -> tuple[ET.Element, ET.Element, list[str]]:
    """The manifest and the assessment it names, checked as an LMS importer walks them."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
        names = archive.namelist()
        manifest = ET.fromstring(archive.read("imsmanifest.xml"))
        assert manifest.tag == f"{CC}manifest"
        assert manifest.findtext(f"{CC}metadata/{CC}schema") == "IMS Common Cartridge"
        assert manifest.findtext(f"{CC}metadata/{CC}schemaversion") == "1.1.0"
        identifiers = [e.get("identifier") for e in manifest.iter() if e.get("identifier")]
        assert len(identifiers) == len(set(identifiers))
        resources = {r.get("identifier"): r for r in manifest.iter(f"{CC}resource")}
        refs = [item.get("identifierref") for item in manifest.iter(f"{CC}item") if item.get("identifierref")]
        assert refs and all(ref in resources for ref in refs)
        (resource,) = resources.values()
        assert resource.get("type") == "imsqti_xmlv1p2/imscc_xmlv1p1/assessment"
        href = resource.find(f"{CC}file").get("href")  # type: ignore[union-attr]
        assert href in names
        return manifest, ET.fromstring(archive.read(href)), names


def _cartridge_answers(item: ET.Element) -> list[str]:
    """What Moodle's cartridge importer (cc11_quiz::get_answers_fib) takes as right: the
    `varequal`s directly in the first condition that sets SCORE to 100."""
    scoring = next(c for c in item.iter(f"{QTI}respcondition") if c.findtext(f"{QTI}setvar") == "100")
    return [v.text or "" for v in scoring.findall(f"{QTI}conditionvar/{QTI}varequal")]


def test_a_common_cartridge_wraps_the_quiz_for_any_lms(builtin_set: ExportSet) -> None:
    manifest, assessment, _ = _cartridge(render(builtin_set, "cartridge"))
    title = manifest.findtext(f"{CC}metadata/{LOM}lom/{LOM}general/{LOM}title/{LOM}string")
    assert title == builtin_set.title
    assert assessment.find(f"{QTI}assessment").get("title") == builtin_set.title  # type: ignore[union-attr]
    assert not list(assessment.iter(f"{QTI}or"))  # the cartridge profile of QTI has no <or>
    items = assessment.findall(f"{QTI}assessment/{QTI}section/{QTI}item")
    assert len(items) == len(builtin_set.questions)
    for q, item in zip(builtin_set.questions, items, strict=True):
        fields = {f.findtext(f"{QTI}fieldlabel"): f.findtext(f"{QTI}fieldentry") for f in item.iter(f"{QTI}qtimetadatafield")}
        assert fields["cc_profile"] == ("cc.multiple_choice.v0p1" if q.options else "cc.fib.v0p1")
        assert item.get("title") == question_id(q)
        assert item.findtext(f"{QTI}presentation/{QTI}material/{QTI}mattext") == q.prompt
        if q.options:
            labels = {label.get("ident"): label.findtext(f"{QTI}material/{QTI}mattext")
                      for label in item.iter(f"{QTI}response_label")}
            assert [labels[ident] for ident in _cartridge_answers(item)] == [q.answer]
        else:
            assert _cartridge_answers(item) == list(typed_answers(q))


def test_cartridge_from_the_command_line_for_a_bank_and_a_paper(tmp_path: Path) -> None:
    db = tmp_path / "quiz.db"
    desk = TeacherDoor(db, "teacher")
    paper = desk.classroom.new_paper("belgrade-offensive", "Week 3", count=5, modes=(Mode.MC, Mode.TYPED), seed=2)
    desk.close()
    runner = CliRunner()
    bank_out, paper_out = tmp_path / "bank.imscc", tmp_path / "paper.imscc"
    for args, out, count in (
        (["bank", "export", "belgrade-offensive", "-f", "cartridge", "--mode", "typed"], bank_out, None),
        (["paper", "export", paper.code, "-f", "cartridge"], paper_out, 5),
    ):
        result = runner.invoke(main, ["--db", str(db), *args, "-o", str(out)])
        assert result.exit_code == 0, result.output
        assert result.output.startswith(f"wrote {out}: ") and "Common Cartridge" in result.output
        manifest, assessment, _ = _cartridge(out.read_bytes())
        items = assessment.findall(f"{QTI}assessment/{QTI}section/{QTI}item")
        assert items and (count is None or len(items) == count)
    title = manifest.findtext(f"{CC}metadata/{LOM}lom/{LOM}general/{LOM}title/{LOM}string")
    assert title == "Week 3"
    assert export_format("cartridge").suffix == ".imscc"
