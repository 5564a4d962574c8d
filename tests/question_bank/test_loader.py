"""Loading bank files: every bad input is one exact `FILE:LINE: FIELD: reason` line, all problems
come out together, and nothing is returned; good files load with the right facts, and bank text is
never treated as a template."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from question_bank.banks.catalog import builtin_catalog
from question_bank.banks.loader import load_bank_bytes, load_bank_file
from question_bank.banks.problems import BankError
from question_bank.banks.records import FACT_OPTIONAL, FACT_REQUIRED
from question_bank.facts.dates import Precision
from question_bank.facts.entities import Catalog, Place, Unit
from question_bank.facts.model import Bank
from question_bank.questions.generate import generate_all

CATALOG = Catalog(
    units=(
        Unit("64th Rifle Corps", "Soviet", "corps", "rifle", aliases=("LXIV Rifle Corps",)),
        Unit("68th Rifle Corps", "Soviet", "corps", "rifle", aliases=("the other corps",)),
        Unit("75th Rifle Corps", "Soviet", "corps", "rifle", aliases=("the other corps",)),
        Unit("2nd Bulgarian Army", "Bulgarian", "army"),
    ),
    places=(
        Place("Zaječar", "town", "Eastern Serbia", "Serbia", aliases=("Zajecar", "Зајечар")),
        Place("Negotin", "town", "Eastern Serbia", "Serbia"),
        Place("Niš", "city", "Southern Serbia", "Serbia", aliases=("Nis",)),
        Place("Belgrade", "city", "Central Serbia", "Serbia"),
        Place("Danube", "river"),
    ),
)

HEAD = '[bank]\nname = "test-bank"\ntitle = "Test bank"\nsource = "Test source"\n\n'
# One fact, one field a line: [[fact]] is line 6, id 7, date 8, subject 9, verb 10, verb_base 11,
# rest 12, note 13, and any extra field from line 14 on.
FIELDS = {
    "id": "zajecar-taken",
    "date": "1944-10-07",
    "subject": "the [64th Rifle Corps]",
    "verb": "took",
    "verb_base": "take",
    "rest": "[Zaječar]",
    "note": "A note.",
}
HEADER_ERROR = (
    "(columns: date, statement (or subject, verb, rest), note, source; optional: id, verb_base, precision, tags, "
    "exclude, also_accept, asks, well_known)"
)
FACT_FIELDS = f"(expected: {', '.join((*FACT_REQUIRED, *FACT_OPTIONAL))})"
SLUG_NAME = "is not a slug (lowercase letters, digits and '-')"


class Raw(str):
    """A TOML value written as is (a bare date, a number), not as a string."""


def toml_value(value) -> str:
    if isinstance(value, Raw):
        return str(value)
    return json.dumps(value, ensure_ascii=False)


def fact_toml(**changes) -> str:
    """A [[fact]] table: FIELDS with `changes` (None drops a field; new keys go at the end)."""
    fields = {**FIELDS, **changes}
    lines = ["[[fact]]"] + [f"{k} = {toml_value(v)}" for k, v in fields.items() if v is not None]
    return "\n".join(lines) + "\n"


def bank_toml(*facts: str, head: str = HEAD, tail: str = "") -> str:
    return head + "\n".join(facts or (fact_toml(),)) + tail


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Work in tmp_path so problems name the file as a user typed it: `bank.toml:8: …`."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def write(filename: str, content: str | bytes) -> str:
    data = content if isinstance(content, bytes) else content.encode("utf-8")
    Path(filename).write_bytes(data)
    return filename


def problems(filename: str, content: str | bytes, **kwargs) -> list[str]:
    """The lines a user sees for a file that must not load (and must return nothing)."""
    write(filename, content)
    with pytest.raises(BankError) as caught:
        load_bank_file(filename, catalog=kwargs.pop("catalog", CATALOG), **kwargs)
    lines = [str(p) for p in caught.value.problems]
    assert str(caught.value) == "\n".join(lines)
    return lines


def load(filename: str, content: str | bytes, **kwargs) -> Bank:
    write(filename, content)
    return load_bank_file(filename, catalog=kwargs.pop("catalog", CATALOG), **kwargs)


# --- one fact, one problem ------------------------------------------------------------------

FACT_CASES = {
    "missing note": (
        {"note": None},
        ["bank.toml:6: note: missing"],
    ),
    "missing verb and verb_base": (
        {"verb": None, "verb_base": None},
        ["bank.toml:6: verb: missing", "bank.toml:6: verb_base: missing"],
    ),
    "empty note": (
        {"note": ""},
        ["bank.toml:13: note: missing"],
    ),
    "unknown field": (
        {"colour": "red"},
        [f"bank.toml:14: colour: unknown field {FACT_FIELDS}"],
    ),
    "31 September": (
        {"date": "1944-09-31"},
        ["bank.toml:8: date: '1944-09-31' is impossible: September 1944 has 30 days"],
    ),
    "29 February 1943": (
        {"date": "1943-02-29"},
        ["bank.toml:8: date: '1943-02-29' is impossible: February 1943 has 28 days"],
    ),
    "month 13": (
        {"date": "1944-13"},
        ["bank.toml:8: date: '1944-13' has no month 13"],
    ),
    "month 13 of a day": (
        {"date": "1944-13-01"},
        ["bank.toml:8: date: '1944-13-01' has no month 13"],
    ),
    "not ISO": (
        {"date": "7 October 1944"},
        ["bank.toml:8: date: '7 October 1944' is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)"],
    ),
    "range ends before it starts": (
        {"date": "1944-10/1944-09"},
        ["bank.toml:8: date: range '1944-10/1944-09' ends before it starts"],
    ),
    "range of a day and a month": (
        {"date": "1944-10-01/1944-11"},
        ["bank.toml:8: date: range '1944-10-01/1944-11' must give both ends as days or both as months"],
    ),
    "day precision on a month": (
        {"date": "1944-10", "precision": "day"},
        ["bank.toml:14: precision: precision 'day' does not fit '1944-10' (a month)"],
    ),
    "mid-month on a day": (
        {"precision": "mid-month"},
        ["bank.toml:14: precision: precision 'mid-month' does not fit '1944-10-07' (a day)"],
    ),
    "range precision on a day": (
        {"precision": "range"},
        ["bank.toml:14: precision: precision 'range' does not fit '1944-10-07' (a day)"],
    ),
    "day precision on a range": (
        {"date": "1944-07/1944-08", "precision": "day"},
        ["bank.toml:14: precision: precision 'day' does not fit the range '1944-07/1944-08'"],
    ),
    "unknown precision": (
        {"precision": "week"},
        [
            "bank.toml:14: precision: unknown precision 'week' "
            "(day, month, year, range, early-month, mid-month, late-month)"
        ],
    ),
    "unknown unit and unknown place": (
        {"subject": "the [99th Imaginary Corps]", "rest": "[Atlantis] from the enemy"},
        [
            "bank.toml:9: subject: unknown unit or place '99th Imaginary Corps'",
            "bank.toml:12: rest: unknown unit or place 'Atlantis'",
        ],
    ),
    "unknown catalog name behind a display text": (
        {"rest": "[the river|Nile]"},
        ["bank.toml:12: rest: unknown unit or place 'Nile'"],
    ),
    "ambiguous slot": (
        {"subject": "[the other corps]"},
        ["bank.toml:9: subject: 'the other corps' names more than one entity; use its full name"],
    ),
    "note is a number": (
        {"note": Raw("5")},
        ["bank.toml:13: note: must be text, not int"],
    ),
    "date is a TOML date": (
        {"date": Raw("1944-10-07")},
        ["bank.toml:8: date: must be text, not date"],
    ),
    "tags with a number": (
        {"tags": Raw('["political", 1]')},
        ["bank.toml:14: tags: must be a list of text"],
    ),
    "unbalanced opening bracket": (
        {"rest": "[Zaječar from the enemy"},
        ["bank.toml:12: rest: unbalanced '[' or ']' near '[Zaječar from the enemy'"],
    ),
    "unbalanced closing bracket": (
        {"subject": "the 64th Rifle Corps] and [Niš]"},
        ["bank.toml:9: subject: unbalanced '[' or ']' near 'the 64th Rifle Corps] and'"],
    ),
    "id not a slug": (
        {"id": "Zajecar Taken"},
        ["bank.toml:7: id: 'Zajecar Taken' is not a slug (lowercase letters, digits and '-')"],
    ),
    "was with another base form": (
        {"verb": "was", "verb_base": "be"},
        ["bank.toml:11: verb_base: with 'was' as the verb, verb_base must repeat it"],
    ),
    "no slot at all": (
        {"subject": "the Red Army", "rest": "the town"},
        ["bank.toml:9: subject: names no unit or place: mark at least one with [brackets]"],
    ),
}


@pytest.mark.parametrize("changes, expected", FACT_CASES.values(), ids=FACT_CASES.keys())
def test_bad_fact_is_reported_at_its_line(here, changes, expected):
    assert problems("bank.toml", bank_toml(fact_toml(**changes))) == expected


def test_every_problem_of_one_fact_is_reported_together(here):
    bad = fact_toml(
        id="Bad Id", date="1944-09-31", subject="the [99th Imaginary Corps]", rest="[Atlantis]",
        note=Raw("5"), colour="red",
    )
    assert problems("bank.toml", bank_toml(bad)) == [
        "bank.toml:7: id: 'Bad Id' is not a slug (lowercase letters, digits and '-')",
        "bank.toml:8: date: '1944-09-31' is impossible: September 1944 has 30 days",
        "bank.toml:9: subject: unknown unit or place '99th Imaginary Corps'",
        "bank.toml:12: rest: unknown unit or place 'Atlantis'",
        "bank.toml:13: note: must be text, not int",
        f"bank.toml:14: colour: unknown field {FACT_FIELDS}",
    ]


def test_problems_of_every_table_are_reported_together_in_file_order(here):
    text = bank_toml(
        fact_toml(id="first", date="1944-09-31"),  # lines 6-13
        fact_toml(id="second", note=None, precision="day", date="1944-10"),  # 15-22, precision last
        fact_toml(id="first", rest="[Atlantis]"),  # 24-31
        tail='\n[[place]]\nname = "Testville"\ntype = "town"\nlat = "north"\n\n[extra]\nx = 1\n',
    )  # [[place]] 33-36, [extra] 38
    assert problems("bank.toml", text) == [
        "bank.toml:8: date: '1944-09-31' is impossible: September 1944 has 30 days",
        "bank.toml:15: note: missing",
        "bank.toml:22: precision: precision 'day' does not fit '1944-10' (a month)",
        "bank.toml:25: id: duplicate id 'first' (first at line 7)",
        "bank.toml:30: rest: unknown unit or place 'Atlantis'",
        "bank.toml:36: lat: must be a number between -90 and 90",
        "bank.toml:38: extra: unknown table (expected [bank], [[fact]], [[unit]], [[place]])",
    ]


def test_duplicate_ids_are_reported_at_each_repeat_naming_the_first(here):
    text = bank_toml(fact_toml(), fact_toml(id="other"), fact_toml(), fact_toml())
    assert problems("bank.toml", text) == [
        "bank.toml:25: id: duplicate id 'zajecar-taken' (first at line 7)",
        "bank.toml:34: id: duplicate id 'zajecar-taken' (first at line 7)",
    ]


def test_line_numbers_skip_multi_line_strings(here):
    note = Raw('"""A note that runs\nid = "not-a-key"\nover three lines."""')
    text = bank_toml(fact_toml(note=note), fact_toml(precision="year"))  # note 13-15; 17-25
    assert problems("bank.toml", text) == [
        "bank.toml:18: id: duplicate id 'zajecar-taken' (first at line 7)",
        "bank.toml:25: precision: precision 'year' does not fit '1944-10-07' (a day)",
    ]


def test_wrong_types_in_entity_tables(here):
    tail = (
        '\n[[place]]\nname = "Testville"\ntype = "town"\nlat = "north"\n'  # 15-18
        '\n[[unit]]\nname = "9th Test Brigade"\nside = "martian"\nechelon = "brigade"\n'  # 20-23
        '\n[[unit]]\nname = "10th Test Brigade"\nside = "Soviet"\nechelon = "brigade"\n'  # 25-28
    )
    assert problems("bank.toml", bank_toml(tail=tail)) == [
        "bank.toml:18: lat: must be a number between -90 and 90",
        "bank.toml:22: side: 'martian' should be a side's name, such as Soviet or Union",
    ]


def test_tags_as_a_string_in_toml_is_a_wrong_type(here):
    assert problems("bank.toml", bank_toml(fact_toml(tags="x"))) == [
        "bank.toml:14: tags: must be a list of text",
    ]


def test_duplicate_ids_that_differ_only_in_spaces(here):
    text = bank_toml(fact_toml(), fact_toml(id=" zajecar-taken"))
    assert problems("bank.toml", text) == [
        "bank.toml:16: id: duplicate id 'zajecar-taken' (first at line 7)",
    ]


def test_missing_subject_is_one_line(here):
    text = bank_toml(fact_toml(subject=None, verb="was", verb_base="was", rest="freed"))
    assert problems("bank.toml", text) == ["bank.toml:6: subject: missing"]


def test_unit_with_a_missing_field_still_reports_its_other_problems(here):
    tail = '\n[[unit]]\nname = "9th Test Brigade"\nechelon = "brigad"\nside = "Sovet"\n'  # 15-18
    assert problems("bank.toml", bank_toml(tail=tail)) == [
        "bank.toml:17: echelon: 'brigad' is not one of battalion, regiment, brigade, division, corps, army, "
        "front, army group, battle group, air army, flotilla, command",
        "bank.toml:18: side: 'Sovet' is not a known side: did you mean 'Soviet'?",
    ]


def test_a_bank_s_own_unit_may_leave_out_its_echelon_but_not_its_side(here):
    """A teacher's regiment of unknown size is still a unit; a unit of no side cannot be asked."""
    tail = '\n[[unit]]\nname = "9th Test Brigade"\nside = "Soviet"\n\n[[unit]]\nname = "Free Corps"\n'  # 15-20
    assert problems("bank.toml", bank_toml(tail=tail)) == ["bank.toml:19: side: missing"]


# --- whole-file problems --------------------------------------------------------------------


@pytest.mark.parametrize("name", ["bank.toml", "bank.csv"])
@pytest.mark.parametrize("content", [b"", b"  \n\n\t \r\n"], ids=["empty", "whitespace"])
def test_empty_file(here, name, content):
    assert problems(name, content) == [f"{name}:1: file: is empty"]


@pytest.mark.parametrize(
    "broken, expected",
    [
        ('note = "A note.', "bank.toml:13: toml: Illegal character '\\n'"),
        ('note = = "A note."', "bank.toml:13: toml: Invalid value"),
        ('note = "A note."\nnote = "Again."', "bank.toml:14: toml: Cannot overwrite a value"),
    ],
    ids=["unterminated string", "no value", "repeated key"],
)
def test_toml_syntax_error_names_its_line(here, broken, expected):
    text = bank_toml(fact_toml()).replace('note = "A note."', broken)
    assert problems("bank.toml", text) == [expected]


def test_toml_array_header_error(here):
    text = bank_toml(fact_toml()).replace("[[fact]]", "[[fact]")
    assert problems("bank.toml", text) == [
        "bank.toml:6: toml: Expected ']]' at the end of an array declaration"
    ]


def test_bank_without_facts(here):
    assert problems("bank.toml", HEAD) == ["bank.toml:1: fact: the bank has no [[fact]] tables"]


def test_bank_header_problems(here):
    head = '[bank]\nname = "test-bank"\ntitle = 5\nsource = "Test source"\nauthor = "me"\n'
    assert problems("bank.toml", bank_toml(head=head)) == [
        "bank.toml:3: title: must be text, not int",
        "bank.toml:5: author: unknown field (expected: name, title, source, description)",
    ]


def test_fact_without_any_source(here):
    head = '[bank]\nname = "test-bank"\n\n'
    assert problems("bank.toml", bank_toml(head=head)) == [
        "bank.toml:4: source: missing: say where the fact comes from (here, or as [bank] source)",
    ]


def test_non_utf8_byte_is_reported_at_its_line_toml(here):
    text = HEAD + fact_toml(rest=None).replace("[[fact]]\n", '[[fact]]\nrest = "[Zajecar]"\n')
    raw = text.encode("utf-8").replace(b"[Zajecar]", b"[Zaje\xe8ar]")  # Latin-1 è
    assert raw.split(b"\n")[6] == b'rest = "[Zaje\xe8ar]"'  # line 7
    assert problems("bank.toml", raw) == [
        "bank.toml:7: file: not UTF-8 (byte 0xe8); save the file as UTF-8"
    ]


def test_bom_is_accepted_and_lines_still_count_from_the_top(here):
    bank = load("bank.toml", b"\xef\xbb\xbf" + bank_toml().encode("utf-8"))
    assert [f.id for f in bank.facts] == ["zajecar-taken"]
    bad = b"\xef\xbb\xbf" + bank_toml(fact_toml(date="1944-09-31")).encode("utf-8")
    assert problems("bad.toml", bad) == [
        "bad.toml:8: date: '1944-09-31' is impossible: September 1944 has 30 days"
    ]


@pytest.mark.parametrize("newline", ["\r\n", "\r"], ids=["crlf", "cr"])
def test_crlf_is_accepted_and_line_numbers_stay_right(here, newline):
    good = bank_toml(fact_toml(), fact_toml(id="second", note="Two\nlines.")).replace("\n", newline)
    bank = load("bank.toml", good)
    assert [f.id for f in bank.facts] == ["zajecar-taken", "second"]
    assert bank.facts[1].note == "Two\nlines."
    bad = bank_toml(fact_toml(), fact_toml(id="second", date="1944-09-31")).replace("\n", newline)
    assert problems("bad.toml", bad) == [
        "bad.toml:17: date: '1944-09-31' is impossible: September 1944 has 30 days"
    ]


def test_bank_name_not_a_slug():
    text = bank_toml(head=HEAD.replace('"test-bank"', '"Test Bank"'))
    with pytest.raises(BankError) as caught:
        load_bank_bytes(text.encode(), "bank.toml", "toml", catalog=CATALOG)
    assert str(caught.value) == (
        f"bank.toml:2: name: bank name 'Test Bank' {SLUG_NAME}; use --name test-bank"
    )


def test_name_given_by_the_caller_must_be_a_slug(here):
    assert problems("bank.toml", bank_toml(), name="My Class") == [
        f"bank.toml:2: name: bank name 'My Class' {SLUG_NAME}; use --name my-class"
    ]


def test_load_bank_file_uses_the_bank_header_name(here):
    assert load("My Bank.toml", bank_toml()).name == "test-bank"
    assert problems("bank.toml", bank_toml(head=HEAD.replace('"test-bank"', '"Test Bank"'))) == [
        f"bank.toml:2: name: bank name 'Test Bank' {SLUG_NAME}; use --name test-bank"
    ]


def test_unknown_format(here):
    assert problems("bank.txt", "id,date\n") == [
        "bank.txt:0: file: unknown format '.txt' (use .toml, .csv or .xlsx)"
    ]


# --- good TOML ------------------------------------------------------------------------------

GOOD_TOML = '''\
[bank]
name = "good-bank"
title = "A good bank"
source = "Bank source"
description = "For tests."

[[unit]]
name = "9th Test Brigade"
side = "Yugoslav"
echelon = "brigade"
branch = "infantry"
aliases = ["IX Test Brigade"]

[[place]]
name = "Testville"
type = "village"
region = "Eastern Serbia"
country = "Serbia"
aliases = ["Testovo", "Тестово"]
lat = 43.5
lon = 22

[[fact]]
id = "zajecar-taken"
date = "1944-10-07"
precision = "day"
subject = "the [64th Rifle Corps], with the [IX Test Brigade|9th Test Brigade],"
verb = "took"
verb_base = "take"
rest = "[Zajecar|Zaječar] from a German battle group"
note = "Why it mattered."
tags = ["liberation", "east"]

[[fact]]
id = "testville-held"
date = "1945-02"
precision = "mid-month"
subject = "[Тестово]"
verb = "was"
verb_base = "was"
rest = "held by the [9th Test Brigade]"
note = "Own entities work."
source = "Fact source"

[[fact]]
id = "summer-crossing"
date = "1944-07/1944-08"
subject = "the [2nd Bulgarian Army]"
verb = "crossed"
verb_base = "cross"
rest = "[the Danube|Danube] near [Negotin]"
note = "A range."

[[fact]]
id = "year-only"
date = "1944"
subject = "the [64th Rifle Corps]"
verb = "reached"
verb_base = "reach"
rest = "[Belgrade]"
note = "A year."

[[fact]]
id = "day-range"
date = "1944-10-14/1944-10-20"
subject = "the [68th Rifle Corps]"
verb = "fought"
verb_base = "fight"
rest = "in [Belgrade]"
note = "Days."
'''


def test_valid_toml_bank_loads_with_the_right_facts(here):
    bank = load("good-bank.toml", GOOD_TOML)
    assert (bank.name, bank.title, bank.source, bank.description) == (
        "good-bank", "A good bank", "Bank source", "For tests."
    )
    by_id = {f.id: f for f in bank.facts}
    assert list(by_id) == ["zajecar-taken", "testville-held", "summer-crossing", "year-only", "day-range"]

    taken = by_id["zajecar-taken"]
    assert (taken.date.iso(), taken.date.precision, taken.date.human()) == (
        "1944-10-07", Precision.DAY, "7 October 1944"
    )
    assert [u.name for u in taken.units] == ["64th Rifle Corps", "9th Test Brigade"]
    assert [p.name for p in taken.places] == ["Zaječar"]
    assert taken.note == "Why it mattered."
    assert taken.source == "Bank source"  # the [bank] default
    assert taken.tags == ("liberation", "east")
    assert taken.statement() == (
        "On 7 October 1944, the 64th Rifle Corps, with the IX Test Brigade, took Zajecar from a "
        "German battle group."
    )

    held = by_id["testville-held"]
    assert (held.date.iso(), held.date.precision, held.date.qualifier, held.date.human()) == (
        "1945-02", Precision.MONTH, "mid", "mid-February 1945"
    )
    assert held.source == "Fact source"
    assert [p.name for p in held.places] == ["Testville"]
    assert [u.name for u in held.units] == ["9th Test Brigade"]
    assert held.is_passive
    assert held.tags == ()

    crossing = by_id["summer-crossing"]
    assert (crossing.date.iso(), crossing.date.precision, crossing.date.human()) == (
        "1944-07/1944-08", Precision.RANGE, "July–August 1944"
    )
    assert [p.name for p in crossing.places] == ["Danube", "Negotin"]
    assert by_id["year-only"].date.iso() == "1944"
    assert by_id["year-only"].date.precision is Precision.YEAR
    days = by_id["day-range"].date
    assert (days.iso(), days.precision, days.human()) == (
        "1944-10-14/1944-10-20", Precision.RANGE, "14–20 October 1944"
    )


def test_bank_own_entities_join_the_catalog(here):
    bank = load("good-bank.toml", GOOD_TOML)
    brigade = bank.catalog.unit("IX Test Brigade")
    assert brigade is not None and (brigade.side, brigade.echelon) == ("Yugoslav", "brigade")
    village = bank.catalog.place("testovo")
    assert village is not None and (village.type, village.lat, village.lon) == ("village", 43.5, 22.0)
    assert bank.catalog.place("Negotin") is not None  # the given catalog is still there
    assert CATALOG.find("Testville") == ()  # and was not changed


def test_own_entities_are_not_shared_between_banks(here):
    load("good-bank.toml", GOOD_TOML)
    text = bank_toml(fact_toml(rest="[Testville]"))
    assert problems("other.toml", text) == ["other.toml:12: rest: unknown unit or place 'Testville'"]


def test_valid_bank_loads_against_the_builtin_catalog(here):
    write("good.toml", GOOD_TOML)
    bank = load_bank_file("good.toml")  # catalog=None: the built-in one
    assert len(bank.facts) == 5
    assert bank.catalog.place("Zaječar") == builtin_catalog().place("Zaječar")


# --- CSV ------------------------------------------------------------------------------------

CSV_HEADER = "id,date,precision,subject,verb,verb_base,rest,note,source,tags\n"


def csv_row(id="zajecar-taken", date="1944-10-07", precision="day", subject="the [64th Rifle Corps]",
            verb="took", verb_base="take", rest="[Zaječar]", note="A note.", source="Class notes",
            tags="") -> str:
    return ",".join([id, date, precision, subject, verb, verb_base, rest, note, source, tags]) + "\n"


GOOD_CSV = (
    CSV_HEADER
    + 'nis-freed,1944-10-14,day,the [2nd Bulgarian Army],freed,free,[Niš] with Yugoslav Partisans,'
      '"Opened the road north, along the Morava.","Class notes, autumn",liberation; south\n'
    + "zajecar-taken,1944-10-07,,the [64th Rifle Corps],took,take,[Zajecar|Zaječar],Short.,Notes,\n"
    + "\n"
    + "belgrade-freed,1944-10-20,day,[Belgrade],was,was,freed,Capital.,Notes,liberation;capital\n"
)


def test_valid_csv_bank_loads_with_the_right_facts(here):
    bank = load("my-class.csv", GOOD_CSV)
    assert bank.name == "my-class"
    assert [f.id for f in bank.facts] == ["nis-freed", "zajecar-taken", "belgrade-freed"]
    nis, zajecar, belgrade = bank.facts
    assert (nis.date.iso(), nis.date.precision) == ("1944-10-14", Precision.DAY)
    assert [u.name for u in nis.units] == ["2nd Bulgarian Army"]
    assert [p.name for p in nis.places] == ["Niš"]
    assert nis.note == "Opened the road north, along the Morava."
    assert nis.source == "Class notes, autumn"
    assert nis.tags == ("liberation", "south")
    assert zajecar.tags == ()
    assert [p.name for p in zajecar.places] == ["Zaječar"]
    assert belgrade.is_passive and belgrade.statement() == "On 20 October 1944, Belgrade was freed."


def test_csv_columns_in_any_order_without_optional_ones(here):
    text = "note,rest,verb_base,verb,subject,date,id,source\nN.,[Zaječar],take,took,the [64th Rifle Corps],1944-10,z,S\n"
    bank = load("order.csv", text)
    assert bank.facts[0].date.precision is Precision.MONTH
    assert bank.facts[0].note == "N."


def test_csv_bank_named_by_the_caller(here):
    assert load("Teacher Bank.csv", GOOD_CSV, name="my-class").name == "my-class"


def test_csv_bank_name_not_a_slug(here):
    assert problems("Teacher Bank.csv", GOOD_CSV) == [
        f"Teacher Bank.csv:1: name: bank name 'Teacher Bank' {SLUG_NAME}; use --name teacher-bank"
    ]


@pytest.mark.parametrize(
    "header, reason",
    [
        (CSV_HEADER.replace(",note", ""), f"missing column(s) note {HEADER_ERROR}"),
        (CSV_HEADER.replace("id,date", "id"), f"missing column(s) date {HEADER_ERROR}"),
        (CSV_HEADER.replace(",tags", ",tags,colour"), f"unknown column(s) colour {HEADER_ERROR}"),
        (
            CSV_HEADER.replace("verb_base", "base"),
            f"unknown column(s) base {HEADER_ERROR}",
        ),
        (CSV_HEADER.replace(",tags", ",note"), f"repeated column(s) note {HEADER_ERROR}"),
    ],
    ids=["missing note", "missing date", "unknown column", "renamed column", "repeated column"],
)
def test_csv_wrong_header(here, header, reason):
    assert problems("bank.csv", header + csv_row()) == [f"bank.csv:1: header: {reason}"]


def test_csv_row_with_too_many_or_too_few_cells(here):
    text = (
        CSV_HEADER
        + csv_row()  # 2
        + csv_row(id="extra", tags="a,b")  # 3: eleven cells
        + "short,1944-10-07\n"  # 4
        + csv_row(id="late", date="1944-09-31")  # 5
    )
    assert problems("bank.csv", text) == [
        "bank.csv:3: row: has 11 cells, the header has 10",
        "bank.csv:4: row: has 2 cells, the header has 10",
        "bank.csv:5: date: '1944-09-31' is impossible: September 1944 has 30 days",
    ]


def test_csv_every_problem_of_a_row(here):
    text = CSV_HEADER + csv_row(
        id="Bad Id", date="1944-10", precision="mid-month", subject="the [99th Imaginary Corps]",
        rest="[Atlantis", note="",
    )
    assert problems("bank.csv", text) == [
        "bank.csv:2: id: 'Bad Id' is not a slug (lowercase letters, digits and '-')",
        "bank.csv:2: note: missing",
        "bank.csv:2: rest: unbalanced '[' or ']' near '[Atlantis'",
        "bank.csv:2: subject: unknown unit or place '99th Imaginary Corps' (declare it in an entities file: --entities)",
    ]


def test_csv_quoted_multi_line_note_keeps_later_line_numbers(here):
    text = (
        CSV_HEADER
        + csv_row(note='"First line,\nsecond line,\nthird line."')  # lines 2-4
        + csv_row(id="second", date="1944-09-31")  # 5
        + "\n"  # 6: blank, skipped
        + csv_row(id="third", rest="[Atlantis]")  # 7
        + csv_row()  # 8
    )
    assert problems("bank.csv", text) == [
        "bank.csv:5: date: '1944-09-31' is impossible: September 1944 has 30 days",
        "bank.csv:7: rest: unknown unit or place 'Atlantis' (declare it in an entities file: --entities)",
        "bank.csv:8: id: duplicate id 'zajecar-taken' (first at line 2)",
    ]
    good = CSV_HEADER + csv_row(note='"First line,\nsecond line."') + csv_row(id="second")
    bank = load("good.csv", good)
    assert bank.facts[0].note == "First line,\nsecond line."
    assert [f.id for f in bank.facts] == ["zajecar-taken", "second"]


def test_csv_only_a_header(here):
    assert problems("bank.csv", CSV_HEADER) == ["bank.csv:2: row: the file has a header but no facts"]
    assert problems("blank.csv", CSV_HEADER + "\n,,,,,,,,,\n") == [
        "blank.csv:2: row: the file has a header but no facts"
    ]


def test_csv_unterminated_quote(here):
    text = CSV_HEADER + csv_row() + csv_row(id="open", note='"never closed')
    assert problems("bank.csv", text) == ["bank.csv:3: row: unexpected end of data"]


def test_csv_bom_is_accepted(here):
    bank = load("bom.csv", b"\xef\xbb\xbf" + GOOD_CSV.encode("utf-8"))
    assert [f.id for f in bank.facts] == ["nis-freed", "zajecar-taken", "belgrade-freed"]


def test_csv_crlf_is_accepted_and_line_numbers_stay_right(here):
    bank = load("crlf.csv", GOOD_CSV.replace("\n", "\r\n"))
    assert len(bank.facts) == 3
    text = (CSV_HEADER + csv_row(note='"Two\nlines"') + csv_row(id="b") + csv_row()).replace("\n", "\r\n")
    assert problems("bank.csv", text) == [
        "bank.csv:5: id: duplicate id 'zajecar-taken' (first at line 2)"
    ]


def test_csv_non_utf8_byte_is_reported_at_its_line(here):
    rows = [CSV_HEADER] + [csv_row(id=f"fact-{i}") for i in range(5)] + [csv_row(id="latin")]
    raw = "".join(rows).encode("utf-8")
    lines = raw.split(b"\n")
    lines[6] = lines[6].replace("Zaječar".encode(), b"Zaje\xe8ar")  # line 7, Latin-1
    assert problems("bank.csv", b"\n".join(lines)) == [
        "bank.csv:7: file: not UTF-8 (byte 0xe8); save the file as UTF-8"
    ]


def test_csv_without_a_source_column_is_refused_at_the_header(here):
    header = CSV_HEADER.replace(",source", "")
    row = csv_row().replace(",Class notes,", ",")
    with pytest.raises(BankError) as raised:
        load("bank.csv", header + row)
    (problem,) = raised.value.problems
    assert (problem.line, problem.field) == (1, "header")
    assert "missing column(s) source" in problem.reason


def test_csv_with_the_builtin_catalog(here):
    example = Path(__file__).resolve().parents[2] / "docs" / "examples" / "teacher-bank.csv"
    bank = load_bank_file(example, name="teacher-bank")
    assert [f.id for f in bank.facts] == ["nis-freed", "zajecar-taken", "belgrade-freed"]
    assert bank.facts[2].tags == ("liberation", "capital")


# --- bank text is never a template ----------------------------------------------------------

MARKERS = ("{0.__class__}", "{fact.__init__.__globals__}", "%(x)s")

EVIL_TOML = '''\
[bank]
name = "evil"
title = "Evil {0.__class__}"
source = "Source %(x)s"

[[fact]]
id = "subject-and-rest"
date = "1944-10-07"
subject = "the [64th Rifle Corps] {0.__class__}"
verb = "took"
verb_base = "take"
rest = "[Zaječar] {fact.__init__.__globals__} %(x)s"
note = "{0.__class__} {fact.__init__.__globals__} %(x)s"

[[fact]]
id = "all-in-front"
date = "1944-10"
subject = "{0.__class__} %(x)s {fact.__init__.__globals__} the [64th Rifle Corps]"
verb = "crossed"
verb_base = "cross"
rest = "[the Danube|Danube]"
note = "Plain."

[[fact]]
id = "all-behind"
date = "1944-10-20"
subject = "[Belgrade]"
verb = "was"
verb_base = "was"
rest = "freed {0.__class__} {fact.__init__.__globals__} %(x)s"
note = "Plain."

[[fact]]
id = "plain"
date = "1944-10-14"
subject = "the [2nd Bulgarian Army]"
verb = "freed"
verb_base = "free"
rest = "[Niš]"
note = "Plain."
'''


def test_template_syntax_in_bank_text_stays_literal(here):
    bank = load("evil.toml", EVIL_TOML, catalog=builtin_catalog())
    assert bank.title == "Evil {0.__class__}"
    facts = {f.id: f for f in bank.facts}
    assert facts["subject-and-rest"].statement() == (
        "On 7 October 1944, the 64th Rifle Corps {0.__class__} took Zaječar "
        "{fact.__init__.__globals__} %(x)s."
    )
    assert facts["subject-and-rest"].note == "{0.__class__} {fact.__init__.__globals__} %(x)s"
    assert facts["subject-and-rest"].source == "Source %(x)s"
    for fact_id in ("subject-and-rest", "all-in-front", "all-behind"):
        statement = facts[fact_id].statement()
        assert all(marker in statement for marker in MARKERS), statement

    questions = generate_all(bank, seed=3)
    asked = {q.fact_id for q in questions}
    assert {"subject-and-rest", "all-in-front", "all-behind"} <= asked
    for q in questions:
        if q.fact_id == "plain":
            continue
        shown = q.prompt if q.wording_id != "date.what_happened" else q.answer
        assert all(marker in shown for marker in MARKERS), (q.wording_id, q.prompt)
        everything = " ".join((q.prompt, q.answer, *q.options, q.statement, q.note, q.source))
        assert "<class" not in everything and "__builtins__" not in everything
