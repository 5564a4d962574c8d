"""Typed answers in the LMS formats: the forms a student types that `quiz` accepts (a hyphen for
the en dash of a range, the month written short, the date the American way) are accepted there too,
and nothing `quiz` itself would mark wrong."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
import zipfile

import pytest

from question_bank.answers.check import check_question
from question_bank.questions import Kind, Mode, Question
from quiz.exports import ExportSet
from quiz.exports.registry import export_format
from quiz.exports.typed import typed_answers
from tests.exports.gift_reader import read


def _typed(answer: str, kind: Kind = Kind.DATE, wording: str = "date.when", prompt: str = "When was it?") -> Question:
    return Question("f", kind, Mode.TYPED, wording, prompt, answer, (answer,), (), "", "", "")


def _lms_answers(question: Question) -> dict[str, set[str]]:
    export = ExportSet("t", "b", None, "", ((question,),))
    gift = {text for text, _ in read(export_format("gift").render(export).decode("utf-8"))[0].answers}
    moodle = {a.findtext("text") or "" for a in ET.fromstring(export_format("moodle-xml").render(export)).iter("answer")}
    with zipfile.ZipFile(io.BytesIO(export_format("qti").render(export))) as archive:
        name = next(n for n in archive.namelist() if n != "imsmanifest.xml")
        qti = {e.text or "" for e in ET.fromstring(archive.read(name)).iter() if e.tag.endswith("varequal")}
    return {"gift": gift, "moodle": moodle, "qti": qti}


def test_a_range_is_accepted_with_a_hyphen_in_every_typed_format() -> None:
    for found in _lms_answers(_typed("July–August 1944")).values():
        assert {"July–August 1944", "July-August 1944", "July - August 1944"} <= found


@pytest.mark.parametrize(
    ("answer", "wording", "prompt", "wanted"),
    [
        ("14 September – 24 November 1944", "date.when", "When?", {"14 September - 24 November 1944"}),
        ("12 October 1944", "date.on_what_date", "On what date?", {"October 12, 1944", "1944-10-12", "12 Oct 1944"}),
        ("October 1944", "date.when", "When?", {"Oct 1944", "1944-10"}),
        ("October 1944", "date.which_month", "In which month of 1944 was it?", {"October"}),
        ("mid-February 1945", "date.when", "When?", {"mid February 1945"}),
    ],
)
def test_date_forms_at_the_keys_precision(answer: str, wording: str, prompt: str, wanted: set[str]) -> None:
    assert wanted <= set(typed_answers(_typed(answer, wording=wording, prompt=prompt)))


def test_every_added_form_is_one_quiz_accepts_and_none_is_broader() -> None:
    month = _typed("October 1944")
    assert "October" not in typed_answers(month)  # the year is not in the question: a month alone is too little
    for answer in ("July–August 1944", "12 October 1944", "late August 1944", "1944", "mid-February 1945"):
        question = _typed(answer)
        for form in typed_answers(question):
            assert check_question(question, form).correct, form


def test_names_with_and_without_the() -> None:
    unit = _typed("1st Proletarian Corps", Kind.UNIT, "unit.in_situ", "Which corps?")
    assert "the 1st Proletarian Corps" in typed_answers(unit)
    river = Question("f", Kind.PLACE, Mode.TYPED, "place.in_situ", "Which river?", "the Morava", ("the Morava",), (),
                     "", "", "")
    assert "Morava" in typed_answers(river)


def test_multiple_choice_keeps_the_key_alone() -> None:
    mc = Question("f", Kind.DATE, Mode.MC, "date.when", "When?", "July–August 1944", ("July–August 1944",),
                  ("July–August 1944", "May 1944"), "", "", "")
    assert typed_answers(mc) == ("July–August 1944",)
