"""Checking a typed answer against the bank's: right, a near miss worth a second try, or wrong.

Dates are judged at the fact's precision, units by number, echelon and type words (never by a fuzzy
score), places by folded name with a typo allowance that grows with the name's length.
"""

from __future__ import annotations

from collections.abc import Iterable

from question_bank.answers.date_check import check_date, check_other_date, states_year
from question_bank.answers.place_check import check_place
from question_bank.answers.unit_check import check_unit
from question_bank.answers.verdict import Outcome, Verdict, best, clean, fold_name, wrong
from question_bank.facts.entities import Catalog, Entity
from question_bank.questions.question import Mode, Question

__all__ = ["KINDS", "MAX_ANSWER", "Outcome", "Verdict", "check_answer", "check_question", "clean", "is_correct"]

KINDS = ("date", "unit", "place")
MAX_ANSWER = 200  # longer than any real answer; keeps the edit-distance work bounded
_fold = fold_name  # kept for callers that fold names as the checker does


def check_answer(
    kind: str,
    expected: str,
    given: str,
    *,
    accepted: Iterable[str] = (),
    catalog: Catalog | None = None,
    year_stated: bool = False,
) -> Verdict:
    """Judge `given` against `expected` (a date, unit or place as the bank states it).

    `accepted` are other answers that also count; `catalog` adds the aliases of the entity
    `expected` names, and lets a place that is really another known place be marked wrong.
    A date without its year is a near miss unless `year_stated` (the question gives the year).
    Raises ValueError for an unknown kind or an expected date it cannot read (a bank bug).
    """
    if kind not in KINDS:
        raise ValueError(f"unknown answer kind '{kind}' (date, unit or place)")
    given = clean(given if isinstance(given, str) else "")
    if not given:
        return wrong("No answer given")
    if len(given) > MAX_ANSWER:
        return wrong(f"That is too long to be a {kind}")
    if kind == "date":
        expected = expected.strip()
        others = (check_other_date(a, given, year_stated) for a in accepted if a.strip())
        return best([check_date(expected, given, year_stated), *others])
    expected = clean(expected)
    entities = catalog.find(expected) if catalog else ()
    names = [expected, *accepted, *(n for e in entities for n in e.names)]
    names = list(dict.fromkeys(clean(n) for n in names if clean(n)))
    if kind == "unit":
        return check_unit(expected, names, given, entities, catalog)
    return check_place(expected, names, given, entities, catalog)


def is_correct(kind: str, expected: str, given: str) -> bool:
    """True only for a CORRECT verdict (a near miss is not correct); uses the built-in catalog."""
    return check_answer(kind, expected, given, catalog=_builtin_catalog()).outcome is Outcome.CORRECT


def _builtin_catalog() -> Catalog:
    """The shipped catalog (cached by `builtin_catalog` itself), imported only when first needed."""
    from question_bank.banks.catalog import builtin_catalog

    return builtin_catalog()


def check_question(question: Question, given: str) -> Verdict:
    """Judge an answer to a question: multiple choice by the option picked, typed by the rules
    of `question_bank.answers.check`, always with the catalog the question's bank was resolved
    against (the built-in one for a question made without it). Flip cards are graded by the
    learner, not here."""
    if question.mode is Mode.MC or question.wording_id == "date.what_happened":
        if given.strip() == question.answer:
            return Verdict(Outcome.CORRECT, "Right.")
        return Verdict(Outcome.WRONG, f"The answer is {question.answer}.")
    catalog = question.catalog if question.catalog is not None else _builtin_catalog()
    stated = question.kind.value == "date" and states_year(question.prompt, question.answer)
    verdict = check_answer(
        question.kind.value, question.answer, given, accepted=question.accepted, catalog=catalog,
        year_stated=stated,
    )
    if verdict.outcome is Outcome.WRONG or question.kind.value == "date" or catalog is None:
        return verdict
    named = _named_in_question(question, given, catalog)
    if named is not None:
        return wrong(f"{named.name}: that one is named in the question; the answer is {question.answer}")
    return verdict


def _named_in_question(question: Question, given: str, catalog: Catalog) -> Entity | None:
    """The entity other than the key that `given` names, if the question's own text names it
    (whole words, any case): "Which division and the 25th Serbian Division …?" is not answered by
    the 25th, even where the bank's accepted answers list it."""
    keys = catalog.find(question.answer)
    folded = fold_name(clean(given))
    if folded == fold_name(question.answer) or any(folded == fold_name(n) for k in keys for n in k.names):
        return None
    prompt = f" {fold_name(question.prompt)} "
    pool: tuple[Entity, ...] = catalog.units if question.kind.value == "unit" else catalog.places
    for entity in pool:
        if entity in keys or not any(f" {fold_name(n)} " in prompt for n in entity.names):
            continue
        if check_answer(question.kind.value, entity.name, given, catalog=catalog).correct:
            return entity
    return None

