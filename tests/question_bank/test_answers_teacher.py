"""A teacher marked 175 typed answers and would change 19 verdicts: each class of them here, on real
questions of the built-in bank, through the paths a learner's answer takes (explain, which
`quiz bank answer` uses, and check_question, which a study session uses)."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from question_bank.answers import Outcome, Verdict, check_answer, check_question, explain
from question_bank.answers.units import parse_unit_name
from question_bank.banks.builtin import load_builtin_bank
from question_bank.facts.dates import Precision, parse_fact_date
from question_bank.facts.entities import Catalog
from question_bank.facts.model import Bank, Fact
from question_bank.facts.text import fold
from question_bank.questions import Kind, Mode
from question_bank.questions.generate import Question, typed_questions

R, N, W = Outcome.CORRECT, Outcome.NEAR_MISS, Outcome.WRONG
BANK = load_builtin_bank("belgrade-offensive")
EXTRA: dict[str, Bank] = {}  # a fact id -> the bank with that made-up fact added (see `dated`)


def dated(human: str) -> Fact:
    """The first fact of the bank dated `human` (the bank's data changes; its dates stay); a year
    the bank no longer holds (2009, since its one fact of that year went) is given to the bank's
    first fact dated by a year alone."""
    found = next((f for f in BANK.facts if f.date.human() == human), None)
    if found is None and human.isdigit():
        first = next(f for f in BANK.facts if f.date.precision is Precision.YEAR)
        found = dataclasses.replace(first, id=f"{first.id}-{human}", date=parse_fact_date(human))
        EXTRA[found.id] = Bank(BANK.name, BANK.title, (*BANK.facts, found), BANK.catalog, BANK.source)
    assert found is not None, f"the built-in bank has no fact dated {human} any more"
    return found


def naming(name: str) -> Fact:
    """The first fact of the bank asked with `name` as the typed answer (the bank's data changes;
    its places and units stay)."""
    for fact in BANK.facts:
        for kind in (Kind.UNIT, Kind.PLACE):
            if any(e.name == name for e in (*fact.units, *fact.places)):
                try:
                    if any(q.answer == name for q in typed_questions(BANK, fact, kind)):
                        return fact
                except ValueError:
                    continue
    raise AssertionError(f"the built-in bank asks no typed question for {name} any more")


def place_question(place: str) -> Question:
    """A real typed question asking for `place`; where the bank asks none (its gate withholds
    some), the plain "Which place?" a bank of that fact would ask, with the bank's catalog."""
    for fact in BANK.facts:
        if any(p.name == place for p in fact.places):
            for question in typed_questions(BANK, fact, Kind.PLACE):
                if question.answer == place:
                    return question
    fact = next(f for f in BANK.facts if any(p.name == place for p in f.places))
    return Question(fact.id, Kind.PLACE, Mode.TYPED, "place.where", "Which place?", place, (place,), (), "", "", "",
                    BANK.catalog)


def judge(fact: Fact, kind: str, text: str) -> Verdict:
    return explain(EXTRA.get(fact.id, BANK), fact.id, kind, text)[0]


# --- 1. dates: two-digit and spelled years, seasons, unreadable answers ------------------------


@pytest.mark.parametrize(
    "day, text",
    [("7 October 1944", "7 Oct 44"), ("7 October 1944", "Oct 7 44"), ("7 October 1944", "7 October 44"),
     ("October 1944", "October 44"), ("October 1944", "Oct 44"), ("13 November 1944", "13 Nov 44")],
)
def test_a_two_digit_year_beside_its_month_is_read_as_the_year(day: str, text: str) -> None:
    """"7 Oct 44" was "Write the year in full"; with a month beside it, 44 can only be the year."""
    verdict = judge(dated(day), "date", text)
    assert verdict.outcome is R, verdict.reason


def test_a_two_digit_year_is_read_nearest_the_fact_s_year() -> None:
    """'98 for a fact of 2009 is 1998, not 2098 (the fact's century); '44 for 1944 stays 1944."""
    verdict = judge(dated("2009"), "date", "'98")
    assert verdict.outcome is W and verdict.reason == "It was 2009, not 1998"
    assert judge(dated("2009"), "date", "'09").outcome is R
    assert judge(dated("1944"), "date", "'44").outcome is R
    assert judge(dated("7 October 1944"), "date", "7 Oct '44").outcome is R
    assert judge(dated("1944"), "date", "44").outcome is R  # "In which year": '44 (a teacher read "09" so)
    assert judge(dated("7 October 1944"), "date", "44").outcome is not R  # a lone number for a day is no date


@pytest.mark.parametrize(
    "day, text, want",
    [("1944", "nineteen forty-four", R), ("1944", "Nineteen Forty Four", R),
     ("1944", "nineteen hundred and forty-four", R), ("1944", "one thousand nine hundred forty-four", R),
     ("7 October 1944", "7 October nineteen forty-four", R),
     ("7 October 1944", "the seventh of October, nineteen forty-four", R),
     ("2009", "two thousand and nine", R), ("2009", "two thousand nine", R),
     ("1944", "nineteen forty-five", W), ("7 October 1944", "7 October nineteen forty-five", W)],
)
def test_a_spelled_year_is_read(day: str, text: str, want: Outcome) -> None:
    verdict = judge(dated(day), "date", text)
    assert verdict.outcome is want, verdict.reason
    assert not verdict.unreadable


@pytest.mark.parametrize(
    "day, text",
    [("7 October 1944", "autumn 1944"), ("7 October 1944", "fall of 1944"),
     ("7 October 1944", "in the autumn of 1944"), ("7 October 1944", "Fall 1944"),
     ("7 October 1944", "autumn '44"), ("October 1944", "autumn 1944"), ("October 1944", "jesen 1944."),
     ("13 November 1944", "late autumn 1944"), ("mid-February 1945", "winter 1944/45"),
     ("mid-February 1945", "winter 1945"), ("mid-February 1945", "the winter of 1944-45"),
     ("9 June 1945", "summer 1945"), ("11–29 November 1944", "autumn 1944")],
)
def test_a_season_around_the_fact_is_a_near_miss(day: str, text: str) -> None:
    """Not wrong (the learner knew when, roughly) and not right (a season is three months)."""
    verdict = judge(dated(day), "date", text)
    assert verdict.outcome is N, verdict.reason
    assert verdict.reason.startswith("Right season; give the")


@pytest.mark.parametrize(
    "day, text",
    [("7 October 1944", "spring 1945"), ("7 October 1944", "summer 1944"), ("7 October 1944", "autumn 1945"),
     ("9 June 1945", "spring 1945"), ("mid-February 1945", "spring 1945"), ("mid-February 1945", "winter 1946"),
     ("7 October 1944", "early autumn 1944"), ("7 October 1944", "autumn")],
)
def test_a_season_that_misses_the_fact_or_its_year_is_wrong_not_unreadable(day: str, text: str) -> None:
    verdict = judge(dated(day), "date", text)
    assert verdict.outcome is W and not verdict.unreadable, verdict.reason


def test_a_season_is_read_by_the_study_session_not_asked_again() -> None:
    """The session asks again when it cannot read a date; a season it now reads counts as Hard."""
    from quiz.study.collaborators import default_checker

    question = typed_questions(BANK, dated("7 October 1944"), Kind.DATE)[0]
    assert default_checker(question, "autumn 1944")[0] == "near_miss"
    assert default_checker(question, "nineteen forty-four")[0] == "near_miss"  # read: the right year, no day


@pytest.mark.parametrize("text", ["7 Octbrrr 1944", "7 0ctober", "7 Xyzzyq 1944"])
def test_an_unreadable_date_is_asked_again(text: str) -> None:
    """A date the learner tried to write but the checker cannot read; a name or "idk" is wrong
    instead (test_a_name_or_idk_for_a_date_is_wrong_not_asked_again)."""
    verdict = judge(dated("7 October 1944"), "date", text)
    assert verdict.unreadable and verdict.outcome is W
    question = typed_questions(BANK, dated("7 October 1944"), Kind.DATE)[0]
    assert check_question(question, text).unreadable
    assert not check_question(question, "7 November 1944").unreadable  # read, and wrong


def test_quiz_bank_answer_reports_an_unreadable_date_as_asked_again(tmp_path: Path) -> None:
    """`quiz bank answer` said "wrong" where the study screen asks again."""
    from quiz.cli import main

    fact = dated("7 October 1944")
    base = ["--db", str(tmp_path / "quiz.db"), "bank", "answer", BANK.name, fact.id, "date"]
    result = CliRunner().invoke(main, [*base, "7 Octbrrr 1944", "--json"])
    assert result.exit_code == 0, result.output
    answer = json.loads(result.output)
    assert answer["outcome"] == "unreadable" and answer["expected"] == "7 October 1944"
    assert "asks again" in answer["reason"]
    plain = CliRunner().invoke(main, [*base, "7 Octbrrr 1944"])
    assert plain.output.startswith("unreadable: ")
    assert json.loads(CliRunner().invoke(main, [*base, "banana", "--json"]).output)["outcome"] == "wrong"
    wrong = json.loads(CliRunner().invoke(main, [*base, "7 November 1944", "--json"]).output)
    assert wrong["outcome"] == "wrong"
    season = json.loads(CliRunner().invoke(main, [*base, "autumn 1944", "--json"]).output)
    assert season["outcome"] == "near_miss"


# --- 2. places: a generic word around the name that fits the place's type ----------------------


@pytest.mark.parametrize(
    "place, text",
    [("Great Morava", "the Great Morava valley"), ("Great Morava", "Great Morava river valley"),
     ("Great Morava", "valley of the Great Morava"), ("Great Morava", "Great Morava basin"),
     ("Great Morava", "Velika Morava valley"), ("Danube", "Danube valley"), ("Danube", "the river Danube"),
     ("Kraljevo", "Kraljevo bridgehead"), ("Kraljevo", "the Kraljevo bridgehead"), ("Kraljevo", "Kraljevo area"),
     ("Kraljevo", "Kraljevo district"), ("Kraljevo", "town of Kraljevo"), ("Kraljevo", "outskirts of Kraljevo"),
     ("Kraljevo", "Kraljevo outskirts"), ("Zaječar", "Zajecar district"), ("Belgrade", "city of Belgrade"),
     ("Skopje", "city of Skopje")],
)
def test_a_place_with_a_fitting_generic_word_is_right(place: str, text: str) -> None:
    verdict = judge(naming(place), "place", text)
    assert verdict.outcome is R, verdict.reason


@pytest.mark.parametrize(
    "place, text, reason",
    [("Zaječar", "Zaječar river", "Zaječar is a town, not a river"),
     ("Zaječar", "Zajecar valley", "Zaječar is a town, not a valley"),
     ("Kraljevo", "Kraljevo valley", "Kraljevo is a town, not a valley"),
     ("Great Morava", "Great Morava bridgehead", "Great Morava is a river, not a bridgehead"),
     ("Great Morava", "city of Great Morava", "Great Morava is a river, not a city"),
     ("Skopje", "Skopje river", "Skopje is a city, not a river")],
)
def test_a_generic_word_that_contradicts_the_place_s_type_is_wrong(place: str, text: str, reason: str) -> None:
    """"Zaječar river" was accepted for the town Zaječar."""
    verdict = judge(naming(place), "place", text)
    assert verdict.outcome is W and verdict.reason.startswith(reason), verdict.reason


@pytest.mark.parametrize(
    "place, text, want",
    [("Kraljevo", "Kraljevica bridgehead", W), ("Great Morava", "West Morava valley", W),
     ("Zaječar", "Timok river", W), ("Great Morava", "Morava valley", N)],
)
def test_a_generic_word_never_makes_another_place_right(place: str, text: str, want: Outcome) -> None:
    verdict = judge(naming(place), "place", text)
    assert verdict.outcome is want, verdict.reason


# --- 3. historical and other-language names, in any script, with or without diacritics ---------


@pytest.mark.parametrize(
    "place, alias, typed",
    [("Zemun", "Semlin", ["Semlin", "SEMLIN", "Земун"]),
     ("Novi Sad", "Újvidék", ["Újvidék", "Ujvidek", "újvidek", "UJVIDÉK"]),
     ("Skopje", "Shkup", ["Shkup", "shkup", "Скопје", "Shkupi"])],
)
def test_historical_names_in_the_catalog_are_right(place: str, alias: str, typed: list[str]) -> None:
    entry = BANK.catalog.place(place)
    assert entry is not None
    if fold(alias) not in {fold(n) for n in entry.aliases}:
        pytest.skip(f"needs catalog alias {alias!r} for {place}")
    question = place_question(place)
    for text in typed:
        verdict = check_question(question, text)
        assert verdict.outcome is R, (text, verdict.reason)


def with_aliases(question: Question, place: str, *aliases: str) -> Question:
    """`question` with `aliases` added to `place` in its catalog, as the catalog data will have them."""
    catalog = question.catalog if question.catalog is not None else BANK.catalog
    entry = catalog.place(place)
    assert entry is not None
    more = dataclasses.replace(entry, aliases=(*entry.aliases, *aliases))
    return dataclasses.replace(question, catalog=catalog.merged((), [more]))


@pytest.mark.parametrize(
    "place, aliases, typed",
    [("Novi Sad", ("Újvidék",), ["Ujvidek", "ÚJVIDÉK", "újvidék", "Ujvidék"]),
     ("Skopje", ("Shkup", "Shkupi"), ["Shkup", "SHKUPI"]),
     ("Zemun", ("Semlin", "Zimony"), ["semlin", "Zimony"]),
     ("Niš", ("Nissa", "Naissus"), ["Naissus", "Ниш"]),
     ("Batina", ("Kiskőszeg",), ["Kiskoszeg", "Kiskőszeg", "KISKÖSZEG"]),
     ("Athens", ("Athinë",), ["Athine", "ATHINË"])],
)
def test_an_alias_in_any_script_and_without_its_diacritics_is_matched(
    place: str, aliases: tuple[str, ...], typed: list[str]
) -> None:
    """Folding reads Hungarian and Albanian diacritics and Serbian Cyrillic, whoever adds the alias."""
    question = with_aliases(place_question(place), place, *aliases)
    for text in typed:
        verdict = check_question(question, text)
        assert verdict.outcome is R, (text, verdict.reason)
    assert check_question(question, "Kragujevac").outcome is W  # another catalog place


@pytest.mark.parametrize(
    "unit, text, want",
    [("57th Army", "57. армија", R), ("57th Army", "57-я армия", R), ("57th Army", "57-ая армия", R),
     ("57th Army", "57 armija", R), ("57th Army", "57. дивизија", W), ("57th Army", "75-я армия", W),
     ("2nd Bulgarian Army", "2-я болгарская армия", R), ("2nd Bulgarian Army", "2. бугарска армија", R),
     ("2nd Bulgarian Army", "Друга бугарска армија", R), ("2nd Bulgarian Army", "Вторая болгарская армия", R),
     ("2nd Bulgarian Army", "1-я болгарская армия", W),
     ("64th Rifle Corps", "64-й стрелковый корпус", R), ("64th Rifle Corps", "64. стрељачки корпус", R),
     ("64th Rifle Corps", "46-й стрелковый корпус", W),
     ("3rd Ukrainian Front", "3-й Украинский фронт", R), ("3rd Ukrainian Front", "Трећи украјински фронт", R),
     ("3rd Ukrainian Front", "2-й Украинский фронт", W),
     ("36th Guards Tank Brigade", "36-я гвардейская танковая бригада", R),
     ("17th Air Army", "17-я воздушная армия", R), ("13th Corps", "13. корпус", R)],
)
def test_cyrillic_ordinal_unit_names_parse_as_the_number_and_echelon(unit: str, text: str, want: Outcome) -> None:
    verdict = judge(naming(unit), "unit", text)
    assert verdict.outcome is want, verdict.reason


def test_russian_and_serbian_unit_words_read_as_english() -> None:
    def parts(name: str) -> tuple[object, ...]:
        found = parse_unit_name(name)
        return found.number, found.echelon, found.words

    assert parts("57-я армия") == parts("57. армија") == (57, "army", ())
    assert parts("Седьмая гвардейская армия") == (7, "army", ("guards",))
    assert parts("группа армий Е") == (None, "army group", ("e",))
    assert parts("5-я воздушная армия") == (5, "air army", ())
    assert parts("Pet Division") == (None, "division", ("pet",))  # an ordinal stem needs its ending


# --- 4. a unit's number and echelon without its side, where another side has the same ----------


def test_a_unit_without_its_side_is_a_near_miss_when_another_side_has_the_same() -> None:
    """"2nd Army" for the 2nd Bulgarian Army: the catalog also has the German 2nd Army."""
    fact = naming("2nd Bulgarian Army")
    assert any(u.name == "2nd Army" and u.side == "German" for u in BANK.catalog.units)
    verdict = judge(fact, "unit", "2nd Army")
    assert verdict.outcome is N and verdict.reason == "Which 2nd Army? Give the side: 2nd Bulgarian Army"
    assert judge(fact, "unit", "Bulgarian 2nd Army").outcome is R
    assert judge(fact, "unit", "German 2nd Army").outcome is W
    assert judge(fact, "unit", "2nd Panzer Army").outcome is W


def test_a_side_that_is_not_the_unit_s_is_wrong() -> None:
    """"German 57th Army" was right for the Soviet 57th Army (side words were ignored)."""
    verdict = judge(naming("57th Army"), "unit", "German 57th Army")
    assert verdict.outcome is W and verdict.reason.startswith("Wrong side (German)")
    assert judge(naming("57th Army"), "unit", "Soviet 57th Army").outcome is R
    assert judge(naming("2nd Bulgarian Army"), "unit", "2nd Soviet Army").outcome is W


def test_without_a_unit_of_that_number_on_another_side_the_verdict_is_as_before() -> None:
    fact = naming("2nd Bulgarian Army")
    questions = [q for q in typed_questions(BANK, fact, Kind.UNIT) if q.answer == "2nd Bulgarian Army"]
    catalog = questions[0].catalog if questions[0].catalog is not None else BANK.catalog
    alone = Catalog(tuple(u for u in catalog.units if u.name != "2nd Army"), catalog.places, catalog.relations)
    question = dataclasses.replace(questions[0], catalog=alone)
    verdict = check_question(question, "2nd Army")
    assert (verdict.outcome, verdict.reason) == (N, "Give the full name: 2nd Bulgarian Army")
    assert check_question(question, "57th Army").outcome is W


# --- 5. an entity the question itself names is never its answer -------------------------------


def asked(fact: Fact, kind: Kind, answer: str, named: str) -> Question:
    """The typed question for `answer` whose text names `named`, with `named` among its accepted
    answers (as the templates listed a fact's other slots before another developer's change)."""
    found = [q for q in typed_questions(BANK, fact, kind) if q.answer == answer and named in q.prompt]
    assert found, f"no typed question asks for {answer} and names {named}"
    return dataclasses.replace(found[0], accepted=(*found[0].accepted, named))


@pytest.mark.parametrize(
    "fact_name, kind, answer, named, typed",
    [("64th Rifle Corps", Kind.UNIT, "64th Rifle Corps", "45th Serbian Division",
      ["45th Serbian Division", "45th serbian division", "45th Serbian Div"]),
     ("57th Army", Kind.UNIT, "57th Army", "51st Vojvodina Division",
      ["51st Vojvodina Division", "51st vojvodina div", "51st Vojvodina"]),
     ("Drava", Kind.PLACE, "Drava", "Bosnia", ["Bosnia", "Bosna", "Босниа"]),
     ("Drava", Kind.PLACE, "Drava", "Sandžak", ["Sandžak", "Sandzak", "sandzak"])],
)
def test_an_entity_named_in_the_question_is_wrong(
    fact_name: str, kind: Kind, answer: str, named: str, typed: list[str]
) -> None:
    question = asked(naming(fact_name), kind, answer, named)
    assert check_answer(kind.value, answer, named, accepted=question.accepted).correct  # as before
    verdict = check_question(question, named)
    assert verdict.outcome is W and verdict.reason.startswith(f"{named}: that one is named in the question")
    for text in typed:
        verdict = check_question(question, text)
        assert verdict.outcome is W, (text, verdict.reason)
    assert check_question(question, answer).outcome is R


def test_the_key_is_right_even_where_the_question_names_a_place_inside_it() -> None:
    """The key is never "named in the question", whatever else the text names."""
    fact = naming("Drava")
    for question in typed_questions(BANK, fact, Kind.PLACE):
        if question.answer == "Drava":
            assert check_question(question, "Drava").outcome is R
            assert check_question(question, "Drau").outcome is R
            assert check_question(question, "the Drava river").outcome is R



# --- what an independent teacher's reading of 350 typed verdicts changed ---------------------


@pytest.mark.parametrize("text", ["7 Ocotber 1944", "Octobre 7, 1944", "7 octobre 1944", "7 Oktobar 1944", "7 Otcober 1944"])
def test_a_misspelt_or_french_month_is_read(text: str) -> None:
    assert check_answer("date", "7 October 1944", text).outcome is Outcome.CORRECT, text


@pytest.mark.parametrize("text", ["Eastern Serbia", "Tito", "idk", "not sure", "Belgorod"])
def test_a_name_or_idk_for_a_date_is_wrong_not_asked_again(text: str) -> None:
    verdict = check_answer("date", "7 October 1944", text)
    assert verdict.outcome is Outcome.WRONG and not verdict.unreadable, text


def test_a_date_attempt_that_cannot_be_read_is_still_asked_again() -> None:
    assert check_answer("date", "7 October 1944", "7 Octbrrr 1944").unreadable
