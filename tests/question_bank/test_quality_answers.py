"""Issue #10, items 1 and 7: typed answers get the verdict a teacher would give, on every path a
learner's answer takes (the study session's check_question, is_correct, and explain)."""

from __future__ import annotations

import random

import pytest

from question_bank.answers import Outcome, check_question, explain, is_correct
from question_bank.banks.builtin import load_builtin_bank
from question_bank.facts.entities import Catalog, Place
from question_bank.questions import Kind, Mode, make_question
from question_bank.questions.generate import Question, typed_questions

R, N, W = Outcome.CORRECT, Outcome.NEAR_MISS, Outcome.WRONG
BANK = load_builtin_bank("belgrade-offensive")

# (fact id, kind, typed answer, verdict): the answers of item 7 and the wrong "typos" of item 1.
CASES = [
    ("east-serbia-divisions-return", "place", "Western Serbia", W),
    ("east-serbia-divisions-return", "place", "Eastern Serbia", R),
    ("east-serbia-divisions-return", "place", "Serbia", W),
    ("batina-crossing", "place", "Atina", W),
    ("batina-crossing", "place", "Batina", R),
    ("batina-crossing", "place", "Batinna", R),
    ("belgrade-liberated", "date", "20. oktobar 1944.", R),
    ("belgrade-liberated", "date", "20 октобар 1944", R),
    ("belgrade-liberated", "date", "20. октобра 1944.", R),
    ("belgrade-liberated", "date", "the twentieth of October", N),  # no year: a near miss
    ("belgrade-liberated", "date", "20 October", N),
    ("belgrade-liberated", "date", "the twentieth of October 1944", R),
    ("belgrade-liberated", "date", "the twenty-first of October 1944", W),  # another day
    ("belgrade-liberated", "date", "20. novembar 1944.", W),
    ("novi-sad-liberated", "date", "okt 1944", R),
    ("novi-sad-liberated", "date", "okt. 1944.", R),
    ("novi-sad-liberated", "date", "10/1944", R),
    ("novi-sad-liberated", "date", "listopad 1944", R),
    ("novi-sad-liberated", "date", "11/1944", W),
    ("batina-crossing", "date", "11.-29.11.1944.", R),
    ("batina-crossing", "date", "11–29 November 1944", R),
    ("batina-crossing", "date", "November 11-29, 1944", R),
    ("batina-crossing", "date", "from the 11th to the 29th of November 1944", R),
    ("batina-crossing", "date", "11/11/1944 - 29/11/1944", R),
    ("batina-crossing", "date", "1-20 November 1944", W),
    ("east-serbia-divisions-return", "date", "July and August 1944", R),
    ("east-serbia-divisions-return", "date", "jul-avg 1944", R),
    ("east-serbia-divisions-return", "date", "July to August 1944", R),
    ("zajecar-taken", "unit", "Sixty-fourth Rifle Corps", R),
    ("zajecar-taken", "unit", "64th Rifle Corps", R),
    ("zajecar-taken", "unit", "46th Rifle Corps", W),
    ("bulgarians-attack-leskovac", "unit", "Bulgarian Second Army", R),
    ("bulgarians-attack-leskovac", "unit", "Second Bulgarian Army", R),
    ("bulgarians-attack-leskovac", "unit", "Bulgarian First Army", W),
    ("tank-brigade-near-topola", "unit", "36th Gds Tank Bde", R),
    ("red-army-enters-bulgaria", "unit", "3rd Ukr Front", R),
    ("red-army-enters-bulgaria", "unit", "2nd Ukr Front", W),
    ("nis-liberated", "unit", "XIII Corps", R),
    ("nis-liberated", "unit", "XIV Corps", W),
    ("negotin-delegation", "place", "River Danube", R),
    ("negotin-delegation", "place", "the Danube river", R),
    ("negotin-delegation", "place", "Negotino", W),
    ("negotin-delegation", "place", "Negotin", R),
    ("belgrade-liberated", "place", "Belgrade, Yugoslavia", R),
    ("belgrade-liberated", "place", "Beograd", R),
    ("belgrade-liberated", "place", "Београд", R),
    ("brigade-reaches-morava", "place", "Morava", N),
    ("brigade-reaches-morava", "place", "Great Morava", R),
    ("brigade-reaches-morava", "place", "Velika Morava", R),
    ("brigade-reaches-morava", "place", "West Morava", W),
]


@pytest.mark.parametrize("fact_id, kind, text, want", CASES, ids=[f"{c[0]}:{c[2]}" for c in CASES])
def test_typed_answers_get_a_teacher_s_verdict(fact_id: str, kind: str, text: str, want: Outcome) -> None:
    verdict, expected = explain(BANK, fact_id, kind, text)
    assert verdict.outcome is want, (verdict.reason, expected)


@pytest.mark.parametrize(
    "kind, expected, text, want",
    [("place", "Pirot", "Pirot, Serbia", R), ("place", "Pirot", "Pirot, Yugoslavia", R),
     ("place", "Pirot", "Pirot, Bulgaria", N), ("place", "Pirot", "Pirot, Atlantis", W),
     ("unit", "4th Guards Mechanized Corps", "4th Gds Mech Corps", R),
     ("unit", "1st Proletarian Corps", "1st Prol Corps", R),
     ("unit", "45th Serbian Division", "45th Serbian Div", R),
     ("place", "Yugoslavia", "Jugoslavija", R),
     ("unit", "4th Guards Mechanized Corps", "4th Gds Mech Bde", W)],
)
def test_is_correct_reads_the_same_forms(kind: str, expected: str, text: str, want: Outcome) -> None:
    assert is_correct(kind, expected, text) is (want is R)


def test_the_study_path_checks_with_the_catalog() -> None:
    """A session makes a typed question and calls check_question(question, given) and nothing
    else: the catalog travels with the question."""
    fact = BANK.fact("east-serbia-divisions-return")
    for seed in range(10):
        question = make_question(BANK, fact, Kind.PLACE, Mode.TYPED, random.Random(seed))
        assert question is not None and question.answer == "Eastern Serbia"
        assert question.catalog is BANK.catalog
        assert check_question(question, "Western Serbia").outcome is W
        assert check_question(question, "Eastern Serbia").outcome is R


def test_a_question_built_without_a_catalog_still_uses_the_built_in_one() -> None:
    question = Question("f", Kind.PLACE, Mode.TYPED, "place.type", "Where?", "Batina", ("Batina",), (), "", "", "")
    assert check_question(question, "Atina").outcome is W
    assert not is_correct("place", "Batina", "Atina")
    assert not is_correct("place", "Eastern Serbia", "Western Serbia")
    assert not is_correct("place", "Negotin", "Negotino")


def test_a_bank_s_own_catalog_is_used_for_its_questions() -> None:
    """A place only the bank knows still counts as another place, not a typo."""
    catalog = Catalog(places=(Place("Batina", "village"), Place("Batin", "village")))
    question = Question("f", Kind.PLACE, Mode.TYPED, "place.type", "Where?", "Batina", ("Batina",), (), "", "", "",
                        catalog)
    assert check_question(question, "Batin").outcome is W


def test_explain_checks_every_slot_a_session_could_ask() -> None:
    verdict, expected = explain(BANK, "zajecar-taken", "unit", "Battle Group Groth")
    assert verdict.correct and expected == "Battle Group Groth"
    verdict, expected = explain(BANK, "zajecar-taken", "unit", "Sixty-fourth Rifle Corps")
    assert verdict.correct and expected == "64th Rifle Corps"
    # The 45th Serbian Division is asked only in a wording that reads badly ("the 64th Rifle Corps,
    # with elements of which division, took …"), so a session never asks it typed.
    verdict, expected = explain(BANK, "zajecar-taken", "unit", "45th Serbian Division")
    assert not verdict.correct and expected == "64th Rifle Corps"
    assert [q.mode for q in typed_questions(BANK, BANK.fact("zajecar-taken"), Kind.UNIT)] != []


def test_a_date_without_its_year_is_a_near_miss_unless_the_question_gives_the_year() -> None:
    """QA: `quiz bank answer belgrade-offensive belgrade-liberated date "20 October"` was correct."""
    verdict, expected = explain(BANK, "belgrade-liberated", "date", "20 October")
    assert (verdict.outcome, verdict.reason, expected) == (N, "Right day and month; the year is 1944", "20 October 1944")
    fact = BANK.fact("belgrade-liberated")
    asked = {q.wording_id: q for q in typed_questions(BANK, fact, Kind.DATE)}
    month = asked["date.which_month"]
    assert "1944" in month.prompt and month.answer == "October 1944"
    assert check_question(month, "October").outcome is R  # "In which month of 1944 …?"
    assert check_question(month, "October 1944").outcome is R
    for wording in ("date.when", "date.on_what_date"):
        question = asked[wording]
        assert "1944" not in question.prompt
        assert check_question(question, "20 October").outcome is N
        assert check_question(question, "20 October 1944").outcome is R


@pytest.mark.parametrize("text", ["banana", "[/]{}=", "Ниш"])
def test_an_answer_that_is_no_unit_is_not_told_to_give_the_number(text: str) -> None:
    """QA: `quiz bank answer belgrade-offensive red-army-enters-bulgaria unit banana` said
    "Give the number: the answer is 3rd Ukrainian Front"."""
    verdict, expected = explain(BANK, "red-army-enters-bulgaria", "unit", text)
    assert verdict.outcome is W and expected == "3rd Ukrainian Front"
    assert verdict.reason == "The answer is 3rd Ukrainian Front"
    verdict, _ = explain(BANK, "red-army-enters-bulgaria", "unit", "Ukrainian Front")
    assert verdict.reason == "Give the number: the answer is 3rd Ukrainian Front"


@pytest.mark.parametrize(
    "args, error",
    [(("no-such-fact", "date", "1944"), KeyError), (("zajecar-taken", "colour", "red"), ValueError),
     (("romania-leaves-axis", "unit", "x"), ValueError)],
)
def test_explain_refuses_what_it_cannot_check(args: tuple[str, str, str], error: type[Exception]) -> None:
    with pytest.raises(error):
        explain(BANK, *args)
