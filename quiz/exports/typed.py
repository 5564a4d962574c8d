"""The answers an LMS should accept for a typed question. Moodle and QTI compare a short answer
as typed (case aside), so the key alone would fail "July-August 1944" that `quiz` itself marks
right: the forms a student is likely to type are written out, each kept only if `quiz`'s own
checker accepts it, so an export is never more lenient than the app."""

from __future__ import annotations

import re
from functools import lru_cache

from question_bank.answers.check import check_question
from question_bank.answers.dates import parse_expected
from question_bank.facts.dates import FactDate, Precision
from question_bank.facts.kinds import Kind
from question_bank.questions import Mode, Question
from quiz.exports.model import accepted_answers

_DASH = re.compile(r"\s*–\s*")
_DASHES = ("-", " - ", "–", " – ")
_THE = re.compile(r"^the\s+", re.IGNORECASE)


def typed_answers(question: Question) -> tuple[str, ...]:
    """The key and the other accepted answers first, then their variants the checker accepts."""
    given = accepted_answers(question)
    if question.mode is Mode.MC or question.wording_id == "date.what_happened":
        return given
    seen: dict[str, None] = dict.fromkeys(given)
    folded = {answer.casefold() for answer in given}
    for answer in given:
        for variant in _variants(question.kind, answer):
            if variant.casefold() not in folded and check_question(question, variant).correct:
                seen.setdefault(variant, None)
                folded.add(variant.casefold())
    return tuple(seen)


def _variants(kind: Kind, answer: str) -> list[str]:
    found = _dash_forms(answer)
    if kind is Kind.DATE:
        found += _date_forms(answer)
    elif _THE.match(answer):
        found.append(_THE.sub("", answer))
    elif kind is Kind.UNIT:  # "the 1st Proletarian Corps", as a unit is written in prose
        found.append(f"the {answer}")
    return found


def _dash_forms(text: str) -> list[str]:
    """An en dash as a student types it: a hyphen, with or without spaces."""
    if "–" not in text:
        return []
    return [_DASH.sub(dash, text) for dash in _DASHES]


@lru_cache(maxsize=1024)
def _date_forms(answer: str) -> tuple[str, ...]:
    """Other ways to write a date at its own precision: October 12, 1944; 1944-10-12; Oct 1944."""
    try:
        when = parse_expected(answer)
    except ValueError:
        return ()
    return tuple(_point_forms(when))


def _point_forms(when: FactDate) -> list[str]:
    start = when.start
    month = when.month_name()
    short = month[:3]
    if when.precision is Precision.DAY:
        return [f"{month} {start.day}, {start.year}", f"{month} {start.day} {start.year}",
                f"{start.day} {short} {start.year}", f"{start.day}. {month} {start.year}", start.isoformat()]
    if when.precision is Precision.MONTH and not when.qualifier:
        return [f"{short} {start.year}", f"{month}, {start.year}", f"{start.year}-{start.month:02d}", month]
    if when.precision is Precision.MONTH and when.qualifier == "mid":
        return [f"mid {month} {start.year}", f"the middle of {month} {start.year}"]
    if when.precision is Precision.MONTH:
        return [f"{when.qualifier} {short} {start.year}"]
    if when.precision is Precision.RANGE:
        human = when.human()
        return [_DASH.sub(" to ", human), *_dash_forms(human)]
    return []
