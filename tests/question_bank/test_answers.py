"""Answer checking: dates at the fact's precision, units by their parts, places by folded name."""

from __future__ import annotations

import time
from datetime import date, datetime, timedelta

import pytest
from anyascii import anyascii
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from question_bank.answers import check as answers
from question_bank.answers.check import Outcome, Verdict, check_answer, is_correct
from question_bank.answers.dates import parse_expected, read_date
from question_bank.answers.units import parse_unit_name, roman_value
from question_bank.facts.dates import FactDate, Precision
from question_bank.facts.entities import Catalog, Place, Unit

R, N, W = Outcome.CORRECT, Outcome.NEAR_MISS, Outcome.WRONG

CATALOG = Catalog(
    units=(
        Unit("64th Rifle Corps", "Soviet", "corps", aliases=("64th RC",)),
        Unit("46th Rifle Corps", "Soviet", "corps"),
        Unit("Army Group F", "German", "army group"),
        Unit("Army Group E", "German", "army group"),
        Unit("Battle group Groth", "German", "battle group", aliases=("Kampfgruppe Groth",)),
        Unit("Danube Flotilla", "Soviet", "flotilla"),
        Unit('7th SS Mountain Division "Prinz Eugen"', "German", "division"),
        Unit("1st Bulgarian Army", "Bulgarian", "army"),
        Unit("LXIX Army Corps", "German", "corps"),
        Unit("2nd Corps", "Yugoslav", "corps", aliases=("2nd Corps (NOVJ)", "II Corps (NOVJ)")),
        Unit("3rd Corps", "Yugoslav", "corps", aliases=("3rd Corps (NOVJ)",)),
        Unit("369th Infantry Division", "German", "division", aliases=("Devil's Division",)),
    ),
    places=(
        Place("Zaječar", "town"), Place("Bor", "town"), Place("Bar", "town"), Place("Niš", "city"),
        Place("Užice", "town"), Place("Pirot", "town"), Place("Danube", "river", aliases=("Dunav",)),
        Place("Belgrade", "city", aliases=("Beograd",)), Place("Novi Sad", "city"),
        Place("Negotin", "town"), Place("Pančevo", "town"), Place("Kraljevo", "town"),
        Place("Kragujevac", "city"), Place("Kraljevica", "town"),
    ),
)


def outcome(kind: str, expected: str, text: str, catalog: Catalog | None = CATALOG) -> Outcome:
    return check_answer(kind, expected, text, catalog=catalog).outcome


# --- dates -------------------------------------------------------------------------------------

DAY = "7 October 1944"


@pytest.mark.parametrize("expected", [DAY, "1944-10-07"])
@pytest.mark.parametrize(
    "text, want",
    [
        ("7 October 1944", R), ("7 Oct 1944", R), ("7 Oct. 1944", R), ("October 7, 1944", R),
        ("1944-10-07", R), ("7.10.1944", R), ("7.10.44", R), ("7th of October", N), ("7 October", N),
        ("the 7th of October 1944", R), ("Saturday, 7 October 1944", R), ("Oct 7th '44", R),
        ("7-Oct-1944", R), ("'7 October 1944'", R), ("7 October 1944.", R), ("  7 october 1944 ", R),
        ("1944/10/07", R), ("13/10/1944", W), ("10/13/1944", W),
        ("6 October 1944", W), ("8 October 1944", W), ("7 October 1945", W), ("7 Oct 1943", W),  # another day
        ("October 1944", N), ("1944", N),  # the year alone: short of the day as a month is
        ("5 October 1944", W), ("17 October 1944", W), ("1944-10-17", W), ("7 November 1944", W),
        ("7 September 1944", W), ("6–8 October 1944", W), ("July 1944", W),
    ],
)
def test_day_fact(expected: str, text: str, want: Outcome) -> None:
    assert outcome("date", expected, text) is want


@pytest.mark.parametrize(
    "text, want",
    [
        ("7/10/1944", R), ("7-10-1944", R),  # read day first, as the quiz writes its dates (two
        # teachers' readings marked "5/8/1943" right for 5 August)
        ("10/7/1944", N),  # only the month-first reading is right: asked to write the month as a word
        ("7/11/1944", W), ("11/7/1944", W),  # neither reading is right
        ("7/7/1944", W), ("25/10/1944", W),  # only one reading: no ambiguity
    ],
)
def test_all_numeric_dates_are_read_day_first(text: str, want: Outcome) -> None:
    verdict = check_answer("date", DAY, text)
    assert verdict.outcome is want
    if want is N:
        assert "write the month as a word" in verdict.reason
        assert "7 October 1944" in verdict.reason and "10 July 1944" in verdict.reason
    assert outcome("date", DAY, "7/10") is N  # day first, but no year


def test_roman_month_numerals_as_written_in_serbia() -> None:
    assert outcome("date", DAY, "7. X 1944.") is R
    assert outcome("date", DAY, "7 x 1944") is R
    assert outcome("date", "July–August 1944", "VII–VIII 1944") is R
    assert outcome("date", DAY, "7. XI 1944.") is W


def test_accepted_answers_that_are_not_dates_match_as_typed() -> None:
    verdict = check_answer("date", "1944-10", "the autumn of 1944", accepted=["autumn of 1944"])
    assert verdict.correct
    assert outcome("date", "1944-10", "the autumn of 1944") is N  # a season around the month: a near miss


def test_unambiguous_numeric_forms() -> None:
    assert outcome("date", "13 October 1944", "13/10/1944") is R
    assert outcome("date", "13 October 1944", "10/13/1944") is R
    assert outcome("date", "7 July 1944", "7/7/1944") is R


@pytest.mark.parametrize("expected", ["October 1944", "1944-10"])
@pytest.mark.parametrize(
    "text, want",
    [
        ("October 1944", R), ("Oct 1944", R), ("1944-10", R), ("october", N), ("oct-1944", R),
        ("in October 1944", R), ("15 October 1944", R), ("1 October 1944", R), ("10/1944", R),
        ("October 1945", W), ("1944", N),
        ("November 1944", W), ("September 1944", W), ("15 November 1944", W), ("'44", N),
    ],
)
def test_month_fact(expected: str, text: str, want: Outcome) -> None:
    assert outcome("date", expected, text) is want


@pytest.mark.parametrize(
    "text, want",
    [
        ("1944", R), ("'44", R), ("’44", R), ("in 1944", R), ("7 October 1944", R), ("March 1944", R),
        ("44", R),  # "In which year": 44 is '44 (a teacher's reading marked "09" right for 2009)
        ("1945", W), ("2044", W), ("'45", W), ("45", W), ("7", W), ("", W),
    ],
)
def test_year_fact(text: str, want: Outcome) -> None:
    assert outcome("date", "1944", text) is want


@pytest.mark.parametrize("expected", ["July–August 1944", "1944-07/1944-08"])
@pytest.mark.parametrize(
    "text, want",
    [
        ("July–August 1944", R), ("July-August 1944", R), ("July to August 1944", R),
        ("Jul–Aug 1944", R), ("July and August 1944", R), ("from July to August 1944", R),
        ("1944-07/1944-08", R), ("july - august", N), ("1 July – 31 August 1944", R),
        ("July 1944", N), ("12 August 1944", N), ("July–August 1945", W),  # the right months of another year
        ("July–September 1944", W), ("June–August 1944", W), ("October 1944", W),
    ],
)
def test_month_range_fact(expected: str, text: str, want: Outcome) -> None:
    assert outcome("date", expected, text) is want


@pytest.mark.parametrize(
    "text, want",
    [
        ("14 September – 24 November 1944", R), ("14 Sep to 24 Nov 1944", R),
        ("1944-09-14/1944-11-24", R), ("September 14 - November 24, 1944", R),
        ("14 September – 23 November 1944", N), ("September–November 1944", N),
        ("14 September – 24 December 1944", W), ("14 September 1944", N), ("1 January 1944", W),
    ],
)
def test_day_range_fact(text: str, want: Outcome) -> None:
    assert outcome("date", "14 September – 24 November 1944", text) is want


def test_ranges_within_one_month_and_across_a_new_year() -> None:
    assert outcome("date", "14–20 September 1944", "14-20 Sep 1944") is R
    assert outcome("date", "14–20 September 1944", "September 14–20, 1944") is R
    stated = check_answer("date", "1944-12/1945-01", "December to January", year_stated=True)
    assert stated.correct
    assert outcome("date", "1944-12/1945-01", "December to January") is N  # no years given
    assert outcome("date", "1944-12/1945-01", "December–January 1945") is R
    assert outcome("date", "December 1944 – January 1945", "December 1944 to January 1945") is R


@pytest.mark.parametrize(
    "text, want",
    [
        ("mid-February 1945", R), ("February 1945", R), ("mid February 1945", R),
        ("mid-Feb 1945", R), ("middle of February 1945", R), ("15 February 1945", R),
        ("early February 1945", N), ("2 February 1945", N), ("mid-February 1944", W),
        ("mid-March 1945", W),
    ],
)
def test_part_of_month_fact(text: str, want: Outcome) -> None:
    assert outcome("date", "mid-February 1945", text) is want


@pytest.mark.parametrize(
    "text",
    [
        "", "   ", "garbage", "{0.__class__}", "'; DROP TABLE facts; --", "🙂", "😀😀😀",
        "x" * 10_000, "7" * 500, "1" * 60 + "a", "31 February 1944", "32 October 1944",
        "yesterday", "two days ago", "7", "1944-13-01", "7 October 1944 and then", "\x00", "7 0ctober",
        "October October 1944", "1944-10-07/", "/", "-", "Зајечар",
    ],
)
def test_garbage_dates_are_wrong(text: str) -> None:
    verdict = check_answer("date", DAY, text)
    assert verdict.outcome is W
    assert len(verdict.reason) < 120


def test_date_reasons() -> None:
    assert check_answer("date", "7 October 1945", "7 October 1944").reason == (
        "Right day, but the year is 1945, not 1944"
    )
    assert check_answer("date", DAY, "8 October 1944").reason == "Off by one day: it was 7 October 1944"
    # A teacher marks a name or "idk" for a date wrong; only a date attempt it cannot read is asked again.
    assert check_answer("date", DAY, "garbage").reason == "That is not a date: it was 7 October 1944"
    assert check_answer("date", DAY, "7 Octobr 19444").reason == "Could not read a date in '7 Octobr 19444'"
    assert check_answer("date", DAY, "").reason == "No answer given"
    assert check_answer("date", DAY, "October 1944").reason == (
        "Right month; give the day: 7 October 1944"
    )
    assert check_answer("date", DAY, "1944").reason == "Right year; give the day and month: 7 October 1944"


def test_accepted_dates_also_count() -> None:
    assert outcome("date", DAY, "8 October 1944") is W
    verdict = check_answer("date", DAY, "8 October 1944", accepted=["8 October 1944"])
    assert verdict.outcome is R


def test_unreadable_expected_date_is_a_bank_error() -> None:
    with pytest.raises(ValueError, match="cannot read the expected date"):
        check_answer("date", "sometime in autumn", "October 1944")


def test_unknown_kind() -> None:
    with pytest.raises(ValueError, match="unknown answer kind"):
        check_answer("colour", "red", "red")


def test_expected_forms_agree() -> None:
    for human, iso in [
        ("7 October 1944", "1944-10-07"), ("October 1944", "1944-10"), ("1944", "1944"),
        ("July–August 1944", "1944-07/1944-08"),
        ("14 September – 24 November 1944", "1944-09-14/1944-11-24"),
    ]:
        assert parse_expected(human) == parse_expected(iso)
    assert parse_expected("mid-February 1945").qualifier == "mid"


# --- dateparser: the pitfalls our own reader exists for ----------------------------------------


@pytest.mark.parametrize(
    "expected, text, reason",
    [
        (DAY, "7 October", "Right day and month; the year is 1944"),
        (DAY, "7th of October", "Right day and month; the year is 1944"),
        (DAY, "the seventh of October", "Right day and month; the year is 1944"),
        (DAY, "7.10.", "Right day and month; the year is 1944"),
        (DAY, "Oct 7th", "Right day and month; the year is 1944"),
        (DAY, "7th day of October", "Right day and month; the year is 1944"),  # via dateparser
        ("October 1944", "october", "Right month; the year is 1944"),
        ("October 1944", "15 October", "Right month; the year is 1944"),
        ("mid-February 1945", "mid-February", "Right month; the year is 1945"),
        ("July–August 1944", "july - august", "Right months; the year is 1944"),
        ("14 September – 24 November 1944", "14 September – 24 November", "Right dates; the year is 1944"),
        ("1944-12/1945-01", "December to January", "Right months; the years are 1944–1945"),
    ],
)
def test_a_date_without_its_year_is_a_near_miss(expected: str, text: str, reason: str) -> None:
    """QA: "20 October" was full marks for 20 October 1944; like a date without its day it is a
    near miss, unless the question gives the year ("In which month of 1944 …?")."""
    verdict = check_answer("date", expected, text)
    assert (verdict.outcome, verdict.reason) == (N, reason)
    assert check_answer("date", expected, text, year_stated=True).correct


def test_a_date_without_its_year_stays_wrong_or_near_as_it_was() -> None:
    assert outcome("date", DAY, "8 October") is W  # off by one day: another date, whatever the year
    assert outcome("date", DAY, "17 October") is W
    assert outcome("date", DAY, "7 November") is W
    assert check_answer("date", DAY, "October").reason == "Right month; give the day: 7 October 1944"
    # the year is the whole answer: a month alone does not name it
    assert check_answer("date", "1944", "March").reason == "Give the year: it was 1944"
    assert outcome("date", "1944", "March") is W
    assert outcome("date", DAY, "7/10") is N  # day first, but no year


def test_dateparser_puts_a_yearless_date_in_the_current_year_but_we_use_the_facts_year() -> None:
    import dateparser

    parsed = dateparser.parse("October 7", languages=["en"])
    assert parsed is not None and parsed.year >= datetime.now().year - 1
    assert check_answer("date", DAY, "October 7", year_stated=True).correct
    assert check_answer("date", "7 October 1950", "October 7", year_stated=True).correct
    assert check_answer("date", "7 October 1950", "October 7").reason == "Right day and month; the year is 1950"


def test_dateparser_reads_apostrophe_44_as_2044_but_we_read_1944() -> None:
    import dateparser

    assert dateparser.parse("'44", languages=["en"]).year == 2044
    assert outcome("date", "1944", "'44") is R
    assert outcome("date", "2044", "'44") is R  # the fact's century decides


def test_dateparser_reads_dotted_dates_month_first_but_dots_are_day_month() -> None:
    import dateparser

    assert dateparser.parse("7.10.1944", languages=["en"]) == datetime(1944, 7, 10)
    assert outcome("date", DAY, "7.10.1944") is R
    assert outcome("date", "10 July 1944", "7.10.1944") is W


def test_dateparser_cannot_flag_day_month_ambiguity() -> None:
    import dateparser

    assert dateparser.parse("7/10/1944", languages=["en"]) == datetime(1944, 7, 10)
    assert dateparser.parse("10/7/1944", languages=["en"]) == datetime(1944, 10, 7)
    assert outcome("date", DAY, "7/10/1944") is R  # read day first, as the quiz writes its dates
    assert outcome("date", DAY, "10/7/1944") is N  # month first fits only the other reading


def test_dateparser_invents_a_day_for_a_month_and_reads_relative_words() -> None:
    from dateparser.date import DateDataParser

    parser = DateDataParser(languages=["en"], settings={"RELATIVE_BASE": datetime(1944, 12, 31)})
    data = parser.get_date_data("September 1944")
    assert data.period == "month"  # the day in date_obj is made up: judge by the period
    assert parser.get_date_data("yesterday").date_obj == datetime(1944, 12, 30)
    assert parser.get_date_data("7").period == "month"  # a lone number becomes July
    assert outcome("date", "1944-12-30", "yesterday") is W
    assert outcome("date", "1944-07", "7") is W


# --- units -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "expected, text, want",
    [
        ("64th Rifle Corps", "64 rifle corps", R), ("64th Rifle Corps", "64th Rifle Corps", R),
        ("64th Rifle Corps", "64th rifle corps", R), ("64th Rifle Corps", "LXIV Rifle Corps", R),
        ("64th Rifle Corps", "lxiv rifle corps", R), ("64th Rifle Corps", "the 64th Rifle Corps", R),
        ("64th Rifle Corps", "64th RC", R), ("64th Rifle Corps", "Soviet 64th Rifle Corps", R),
        ("64th Rifle Corps", "64th rifle corp", R), ("64th Rifle Corps", "64th Rifle Copрs", W),
        ("64th Rifle Corps", "64th Corps", N), ("64th Rifle Corps", "64", N),
        ("64th Rifle Corps", "46th Rifle Corps", W), ("64th Rifle Corps", "64th Rifle Division", W),
        ("64th Rifle Corps", "Rifle Corps", W), ("64th Rifle Corps", "64th Guards Rifle Corps", W),
        ("64th Rifle Corps", "LXIV", W), ("64th Rifle Corps", "641st Rifle Corps", W),
        ("64th Rifle Corps", "6 4th Rifle Corps", W),
        ("LXIX Army Corps", "69th Army Corps", R), ("LXIX Army Corps", "LXIX Corps", N),
        ("LXIX Army Corps", "69th Army", W), ("LXIX Army Corps", "LXIV Army Corps", W),
        ("1st Bulgarian Army", "First Bulgarian Army", R),
        ("1st Bulgarian Army", "Bulgarian 1st Army", R),
        ("1st Bulgarian Army", "I Bulgarian Army", R), ("1st Bulgarian Army", "1st Army", N),
        ("1st Bulgarian Army", "2nd Bulgarian Army", W),
        ("Army Group F", "army group f", R), ("Army Group F", "Heeresgruppe F", R),
        ("Army Group F", "Army Group E", W), ("Army Group F", "Army Group", W), ("Army Group F", "F", N),
        ("Army Group F", "1st Army Group", W),
        ("Battle group Groth", "Battlegroup Groth", R), ("Battle group Groth", "Kampfgruppe Groth", R),
        ("Battle group Groth", "battle group Grot", R), ("Battle group Groth", "Groth", N),
        ("Battle group Groth", "battle group Smith", W),
        ("Danube Flotilla", "the Danube Flotilla", R), ("Danube Flotilla", "Danube Flotila", R),
        ("Danube Flotilla", "Danube", N), ("Danube Flotilla", "Volga Flotilla", W),
        ('7th SS Mountain Division "Prinz Eugen"', "Prinz Eugen", R),
        ('7th SS Mountain Division "Prinz Eugen"', "prinz eugen division", R),
        ('7th SS Mountain Division "Prinz Eugen"', "7th SS Mountain Division", R),
        ('7th SS Mountain Division "Prinz Eugen"', "7th SS Mountain Division Prinz Eugen", R),
        ('7th SS Mountain Division "Prinz Eugen"', "Prinz Eugn", R),
        ('7th SS Mountain Division "Prinz Eugen"', "7th Mountain Division", N),
        ('7th SS Mountain Division "Prinz Eugen"', "8th SS Mountain Division", W),
        ('7th SS Mountain Division "Prinz Eugen"', "Prinz Eugen Corps", W),
        ("2nd Corps", "II Corps", R), ("2nd Corps", "2nd Corps (NOVJ)", R), ("2nd Corps", "2", N),
        ("2nd Corps", "NOVJ", W),  # a bracketed qualifier is not a name of its own
        ("2nd Corps", "3rd Corps (NOVJ)", W), ("2nd Corps", "2nd Corps NOVJ", R),
        ("369th Infantry Division", "Croatian", W), ("369th Infantry Division", "Devil's Division", R),
        ("369th Infantry Division", "Devils Division", R), ("369th Infantry Division", "Devil", N),
    ],
)
def test_units(expected: str, text: str, want: Outcome) -> None:
    assert outcome("unit", expected, text) is want


@pytest.mark.parametrize(
    "text",
    ["", "  ", "{0.__class__}", "'; DROP TABLE units; --", "🪖", "64th 🪖 Corps", "x" * 10_000,
     "IIIIIIIIIIIIIIIIIIIIIIIIII", "mmmmcmxcix rifle corps", "Ⅻ Corps", "６5th Rifle Corps"],
)
def test_garbage_units_are_wrong(text: str) -> None:
    assert outcome("unit", "64th Rifle Corps", text) is W


def test_fuzzy_score_would_prefer_the_wrong_number_but_we_do_not() -> None:
    from rapidfuzz import fuzz

    right = "64th Rifle Corps"
    assert fuzz.ratio("46th Rifle Corps", right) > fuzz.ratio("64 rifle corps", right)
    assert outcome("unit", "64th Rifle Corps", "46th Rifle Corps", catalog=None) is W
    assert outcome("unit", "64th Rifle Corps", "64 rifle corps", catalog=None) is R


def test_unit_reasons_and_aliases() -> None:
    reason = check_answer("unit", "64th Rifle Corps", "64th Corps").reason
    assert reason == "Give the full name: 64th Rifle Corps"
    assert outcome("unit", "64th Rifle Corps", "64th RC", catalog=None) is W  # a catalog alias
    assert check_answer("unit", "64th Rifle Corps", "64th RC", accepted=["64th RC"]).correct
    assert check_answer("unit", "64th Rifle Corps", "46th Rifle Corps", catalog=CATALOG).reason == (
        "That is 46th Rifle Corps; the answer is 64th Rifle Corps"
    )
    assert check_answer("unit", "64th Rifle Corps", "46th Rifle Corps").reason == (
        "Wrong number: the answer is 64th Rifle Corps"
    )
    assert check_answer("unit", "64th Rifle Corps", "６４th Rifle Corps").correct  # full-width digits


@pytest.mark.parametrize(
    "text, reason",
    [
        ("Ukrainian Front", "Give the number: the answer is 3rd Ukrainian Front"),
        ("Front", "Give the number: the answer is 3rd Ukrainian Front"),
        ("Ukrainian", "Give the number: the answer is 3rd Ukrainian Front"),
        ("banana", "The answer is 3rd Ukrainian Front"),
        ("[/]{}=", "The answer is 3rd Ukrainian Front"),
        ("Ниш", "The answer is 3rd Ukrainian Front"),
        ("Ukrainian Army", "The answer is 3rd Ukrainian Front"),
        ("Belorussian Front", "The answer is 3rd Ukrainian Front"),
    ],
)
def test_give_the_number_only_for_the_name_without_its_number(text: str, reason: str) -> None:
    """QA: "banana" was told "Give the number", as if it were the unit's name without its number."""
    verdict = check_answer("unit", "3rd Ukrainian Front", text, catalog=CATALOG)
    assert verdict.outcome is W
    assert verdict.reason == reason


def test_parse_unit_name() -> None:
    def parts(name: str) -> tuple[object, ...]:
        unit = parse_unit_name(name)
        return unit.number, unit.echelon, unit.words

    assert parts("LXIV Rifle Corps") == (64, "corps", ("rifle",))
    assert parts("Army Group F") == (None, "army group", ("f",))
    assert parts("Army Group C") == (None, "army group", ("c",))  # not Roman 100
    assert parts("LXIX Army Corps") == (69, "corps", ("army",))
    assert parts("17th Air Army") == (17, "air army", ())
    assert parts("Kampfgruppe Groth") == (None, "battle group", ("groth",))
    assert parse_unit_name('7th SS Mountain Division "Prinz Eugen"').nickname == ("prinz", "eugen")
    assert parse_unit_name("Danube Flotila").loose
    assert [roman_value(r) for r in ("i", "iv", "ix", "xiv", "lxix", "mcmxliv", "iiii", "f")] == [
        1, 4, 9, 14, 69, 1944, None, None,
    ]


# --- places ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "expected, text, want",
    [
        ("Zaječar", "zajecar", R), ("Zaječar", "ZAJEČAR", R), ("Zaječar", "Зајечар", R),
        ("Zaječar", "Zajechar", R), ("Zaječar", "Zajcar", R), ("Zaječar", "Zajecar.", R),
        ("Zaječar", '"Zaječar"', R), ("Zaječar", "Zajcr", N), ("Zaječar", "Zaj", W),
        ("Niš", "Nis", R), ("Niš", "Ниш", R), ("Niš", "Nish", R), ("Niš", "NIŠ", R), ("Niš", "Nic", W),
        ("Užice", "Uzice", R), ("Užice", "Ужице", R), ("Užice", "Uzica", R),
        ("Western Serbia", "W Serbia", R), ("Western Serbia", "W. Serbia", R), ("Western Serbia", "E Serbia", W),
        ("Bor", "Bar", W), ("Bor", "Bur", W), ("Bor", "BOR", R), ("Bor", "Borr", R),
        ("Pirot", "Pirkot", R), ("Pirot", "Pirot", R),
        ("Danube", "the Danube", R), ("Danube", "Dunav", R), ("Danube", "Дунав", R),
        ("Danube", "Danube river", R), ("Danube", "Dnieper", W),
        ("Belgrade", "Beograd", R), ("Belgrade", "Београд", R), ("Belgrade", "Belgrad", R),
        ("Belgrade", "Belgarde", R),  # two letters swapped: one slip, as a teacher reads it ("Frnace")
        ("Novi Sad", "Novisad", R), ("Novi Sad", "Novi-Sad", R), ("Novi Sad", "Нови Сад", R),
        ("Negotin", "Pančevo", W), ("Negotin", "Pancevo", W), ("Negotin", "Negtin", R),
        ("Kraljevo", "Kraljevca", W),  # within reach of Kraljevo, but nearer to Kraljevica
        ("Kraljevo", "Kraljevoo", R), ("Kragujevac", "Kragujevc", R), ("Kragujevac", "Kraguevc", R),
    ],
)
def test_places(expected: str, text: str, want: Outcome) -> None:
    assert outcome("place", expected, text) is want


@pytest.mark.parametrize(
    "text",
    ["", " ", "{0.__class__}", "'; DROP TABLE places; --", "🏙️", "Zaječar" * 1000, "?", "\u200b",
     "Z a j e č a r x y z"],
)
def test_garbage_places_are_wrong(text: str) -> None:
    assert outcome("place", "Zaječar", text) is W


def test_place_reasons() -> None:
    def reason(expected: str, text: str) -> str:
        return check_answer("place", expected, text, catalog=CATALOG).reason

    assert reason("Zaječar", "Zajcar") == "Accepted; it is spelled Zaječar"
    assert reason("Zaječar", "Zajcr") == "Close: 'Zajcr' is two letters off 'Zaječar'"
    assert reason("Bor", "Bar") == "Bar is a different place; the answer is Bor"
    assert reason("Kraljevo", "Kraljevca") == "That looks like Kraljevica; the answer is Kraljevo"
    assert reason("Zaječar", "Negotin") == "Negotin is a different place; the answer is Zaječar"
    assert reason("Zaječar", "Paris") == "The answer is Zaječar"


def test_aliases_are_cleaned_like_answers() -> None:
    catalog = Catalog(places=(Place("Đerdap", "region", aliases=("the Iron Gates",)),))
    assert outcome("place", "Đerdap", "Iron Gates", catalog) is R
    assert outcome("place", "Đerdap", "the iron gates.", catalog) is R
    assert outcome("place", "Đerdap", "Djerdap", catalog) is R


def test_without_a_catalog_only_spelling_counts() -> None:
    assert outcome("place", "Bor", "Bar", catalog=None) is W  # too short for a typo
    assert outcome("place", "Negotin", "Negtin", catalog=None) is R
    assert outcome("place", "Belgrade", "Beograd", catalog=None) is N
    assert outcome("place", "Belgrade", "Beograd", catalog=None) is N
    assert check_answer("place", "Belgrade", "Beograd", accepted=["Beograd"]).correct


# --- is_correct and the built-in catalog -------------------------------------------------------


def test_is_correct_counts_only_correct(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(answers, "_builtin_catalog", lambda: CATALOG)
    assert is_correct("place", "Belgrade", "Beograd")
    assert is_correct("unit", "64th Rifle Corps", "LXIV Rifle Corps")
    assert is_correct("date", DAY, "October 7, 1944")
    assert not is_correct("place", "Zaječar", "Zajcr")  # a near miss is not correct
    assert is_correct("date", DAY, "7/10/1944")  # day first, as the quiz writes dates (a teacher's reading)
    assert not is_correct("date", DAY, "10/7/1944")  # only the month-first reading fits: a near miss
    assert not is_correct("unit", "64th Rifle Corps", "46th Rifle Corps")


def test_is_correct_without_a_builtin_catalog(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(answers, "_builtin_catalog", lambda: None)
    assert is_correct("place", "Niš", "nis")
    assert not is_correct("place", "Belgrade", "Beograd")


@pytest.fixture(scope="module")
def builtin() -> Catalog:
    try:
        from question_bank.banks.catalog import builtin_catalog

        return builtin_catalog()
    except (ImportError, OSError) as error:  # the shipped catalog is still being written
        pytest.skip(f"built-in catalog not available: {error}")


def test_builtin_aliases_are_accepted(builtin: Catalog) -> None:
    entities = (*builtin.places, *builtin.units)
    with_alias = [e for e in entities if e.aliases and len(builtin.find(e.name)) == 1]
    if not with_alias:
        pytest.skip("the built-in catalog has no aliases yet")
    for entity in with_alias[:50]:
        kind = "place" if isinstance(entity, Place) else "unit"
        for alias in entity.aliases:
            assert is_correct(kind, entity.name, alias), (entity.name, alias)


def test_builtin_names_are_correct_and_other_places_are_wrong(builtin: Catalog) -> None:
    places = [p for p in builtin.places if len(builtin.find(p.name)) == 1][:40]
    for place in places:
        assert is_correct("place", place.name, place.name.upper())
    for place, other in zip(places, places[1:], strict=False):
        if not set(map(answers._fold, place.names)) & set(map(answers._fold, other.names)):
            assert not is_correct("place", place.name, other.name), (place.name, other.name)


# --- properties --------------------------------------------------------------------------------

days = st.dates(min_value=date(1000, 1, 1), max_value=date(2999, 12, 31))


@settings(max_examples=150, deadline=None)
@given(days)
def test_any_day_in_its_common_forms_is_correct(day: date) -> None:
    fact = FactDate(day, day, Precision.DAY)
    for text in (fact.human(), fact.iso(), f"{day.day}.{day.month}.{day.year}"):
        for expected in (fact.human(), fact.iso()):
            assert outcome("date", expected, text, None) is R, (expected, text)


@settings(max_examples=150, deadline=None)
@given(days, st.integers(2, 364), st.booleans())
def test_a_day_two_or_more_days_away_is_wrong(day: date, shift: int, later: bool) -> None:
    try:
        other = day + timedelta(days=shift if later else -shift)
    except OverflowError:
        return
    if not 1000 <= other.year <= 9999:
        return
    fact = FactDate(other, other, Precision.DAY)
    for text in (fact.human(), fact.iso(), f"{other.day}.{other.month}.{other.year}"):
        assert outcome("date", FactDate(day, day, Precision.DAY).human(), text, None) is W


@st.composite
def fact_dates(draw: st.DrawFn) -> FactDate:
    start = draw(st.dates(min_value=date(1800, 1, 1), max_value=date(2099, 12, 31)))
    precision = draw(st.sampled_from(list(Precision)))
    if precision is Precision.DAY:
        return FactDate(start, start, precision)
    if precision is Precision.YEAR:
        return parse_expected(f"{start.year}")
    month = parse_expected(f"{start.year}-{start.month:02d}")
    if precision is Precision.MONTH:
        qualifier = draw(st.sampled_from([None, "early", "mid", "late"]))
        return FactDate(month.start, month.end, precision, Precision.MONTH, qualifier)
    end = start + timedelta(days=draw(st.integers(1, 400)))
    if draw(st.booleans()):
        return FactDate(start, end, precision, Precision.DAY)
    end_month = parse_expected(f"{end.year}-{end.month:02d}")
    if end_month.start <= month.start:
        end_month = parse_expected(f"{end.year + 1}-{end.month:02d}")
    return FactDate(month.start, end_month.end, precision, Precision.MONTH)


@settings(max_examples=200, deadline=None)
@given(fact_dates())
def test_any_fact_date_human_and_iso_forms_agree(fact: FactDate) -> None:
    assert outcome("date", fact.human(), fact.iso(), None) is R
    assert outcome("date", fact.iso(), fact.human(), None) is R
    assert outcome("date", fact.human(), fact.human().lower(), None) is R


serbian = st.text(alphabet="abcčćdđefghijklmnoprsštuvzž", min_size=1, max_size=12)


@settings(max_examples=100, deadline=None)
@given(st.lists(serbian, min_size=1, max_size=3))
def test_any_place_name_in_upper_case_or_ascii_is_correct(words: list[str]) -> None:
    name = " ".join(w.capitalize() for w in words)
    catalog = Catalog(places=(Place(name, "town"), Place("Bor", "town")))
    for text in (name, name.upper(), name.lower(), anyascii(name), anyascii(name).upper()):
        assert outcome("place", name, text, catalog) is R, text


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(["date", "unit", "place"]), st.text(max_size=60))
def test_any_text_gets_a_verdict(kind: str, text: str) -> None:
    expected = {"date": DAY, "unit": "64th Rifle Corps", "place": "Zaječar"}[kind]
    verdict = check_answer(kind, expected, text, catalog=CATALOG)
    assert isinstance(verdict, Verdict) and verdict.reason


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(1, 999), st.sampled_from(["rifle", "guards rifle", "ss mountain", "tank"]),
       st.sampled_from(["corps", "division", "brigade", "army"]))
def test_any_numbered_unit_needs_its_own_number(number: int, words: str, echelon: str) -> None:
    name = f"{number} {words} {echelon}".title()
    assert outcome("unit", name, name.lower(), None) is R
    assert outcome("unit", name, f"{number + 10} {words} {echelon}", None) is W
    swapped = str(number)[::-1]
    if swapped.lstrip("0") and int(swapped) != number:
        assert outcome("unit", name, f"{swapped} {words} {echelon}", None) is W


# --- speed -------------------------------------------------------------------------------------


def test_regex_paths_take_well_under_a_millisecond() -> None:
    cases = [
        ("date", DAY, "October 7, 1944"), ("date", DAY, "7.10.1944"), ("date", "1944-10", "Oct 1944"),
        ("unit", "64th Rifle Corps", "LXIV Rifle Corps"), ("place", "Zaječar", "Zajcar"),
    ]
    for case in cases:
        check_answer(*case, catalog=CATALOG)
    start = time.perf_counter()
    for _ in range(200):
        for case in cases:
            check_answer(*case, catalog=CATALOG)
    per_call = (time.perf_counter() - start) / (200 * len(cases))
    assert per_call < 0.0005
    assert read_date.cache_info().hits > 0
