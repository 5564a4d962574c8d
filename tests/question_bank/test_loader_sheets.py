"""Spreadsheet banks a teacher can write (issue #14, part 1): a `statement` column split into the
parts of a fact, units and places declared in an entities file, dates as teachers write them,
ids made from the statement, `;` and tab separators, .xlsx read directly, and what the app stores
so the bank reads back the same."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from question_bank.banks.loader import load_bank_bytes, load_bank_file, read_bank
from question_bank.banks.problems import BankError
from question_bank.facts.dates import Precision
from question_bank.facts.entities import Catalog, Place, Unit
from question_bank.facts.text import strip_markup
from question_bank.questions.generate import generate_all

CATALOG = Catalog(
    units=(
        Unit("64th Rifle Corps", "Soviet", "corps", "rifle"),
        Unit("2nd Bulgarian Army", "Bulgarian", "army"),
    ),
    places=(
        Place("Zaječar", "town", "Eastern Serbia", "Serbia", aliases=("Zajecar",)),
        Place("Niš", "city", "Southern Serbia", "Serbia"),
        Place("Belgrade", "city", "Central Serbia", "Serbia"),
        Place("Negotin", "town", "Eastern Serbia", "Serbia"),
    ),
)
HEADER = "date,statement,note,source\n"
ENTITIES_HEADER = "kind,name,side,echelon,branch,type,region,country,aliases\n"


@pytest.fixture(autouse=True)
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def write(filename: str, text: str) -> str:
    Path(filename).write_text(text, encoding="utf-8")
    return filename


def load(filename: str, text: str, **kwargs: object):
    write(filename, text)
    return load_bank_file(filename, catalog=kwargs.pop("catalog", CATALOG), **kwargs)  # type: ignore[arg-type]


def problems(filename: str, text: str, **kwargs: object) -> list[str]:
    write(filename, text)
    with pytest.raises(BankError) as caught:
        load_bank_file(filename, catalog=kwargs.pop("catalog", CATALOG), **kwargs)  # type: ignore[arg-type]
    return [str(p) for p in caught.value.problems]


def row(statement: str, date: str = "7 October 1944", note: str = "A note.", source: str = "Notes") -> str:
    quoted = f'"{statement}"' if "," in statement else statement
    return f"{date},{quoted},{note},{source}\n"


# --- the statement column ---------------------------------------------------------------------

@pytest.mark.parametrize(
    "statement, subject, verb, verb_base, rest",
    [
        ("The [64th Rifle Corps] took [Zaječar].", "the [64th Rifle Corps]", "took", "take", "[Zaječar]"),
        ("The [64th Rifle Corps], with Yugoslav partisans, took [Zaječar] from battle group Groth.",
         "the [64th Rifle Corps], with Yugoslav partisans,", "took", "take", "[Zaječar] from battle group Groth"),
        ("[Belgrade] was freed by Soviet and Yugoslav troops.", "[Belgrade]", "was", "was",
         "freed by Soviet and Yugoslav troops"),
        ("The combined forces freed [Niš].", "the combined forces", "freed", "free", "[Niš]"),
        ("Troops led by the [2nd Bulgarian Army] reached [Niš].", "Troops led by the [2nd Bulgarian Army]",
         "reached", "reach", "[Niš]"),
        ("The [2nd Bulgarian Army] fought its way to [Niš]", "the [2nd Bulgarian Army]", "fought", "fight",
         "its way to [Niš]"),
        ("The [64th Rifle Corps] broke through at [Negotin].", "the [64th Rifle Corps]", "broke", "break",
         "through at [Negotin]"),
    ],
)
def test_a_statement_is_split_into_the_parts_of_a_fact(statement, subject, verb, verb_base, rest):
    (fact,) = load("bank.csv", HEADER + row(statement)).facts
    assert (fact.subject.marked, fact.verb, fact.verb_base, fact.rest.marked) == (subject, verb, verb_base, rest)
    assert fact.statement(with_date=False) == strip_markup(statement.rstrip(".")) + "."


@pytest.mark.parametrize(
    "statement, reason",
    [
        ("The [64th Rifle Corps] takes [Zaječar].",
         "found no verb in the past tense: if 'takes' is the verb, write 'took'"),
        ("The [64th Rifle Corps] had taken [Zaječar].", "'had taken': write the simple past ('took')"),
        ("[Belgrade] is free.", "'is' is in the present tense: write the past ('was')"),
        ("The [64th Rifle Corps] near [Zaječar].",
         "found no verb in the past tense: if 'near' is the verb, write 'neared'"),
        ("[Zaječar] and [Negotin].",
         "found no verb in the past tense outside the [slots]: write it as 'The [64th Rifle Corps] took [Zaječar].'"),
        ("The [64th Rifle Corps] surrendered.",
         "nothing follows the verb 'surrendered': say what, where or whom after it, so there is something to "
         "ask about"),
        ("Took [Zaječar].",
         "'Took' has nothing before it: start with who or what ('The [64th Rifle Corps] took [Zaječar].')"),
        ("On 7 October 1944, the [64th Rifle Corps] took [Zaječar].",
         "starts with a date ('On 7 October 1944,'): leave the date to the date column and start with who or what"),
        ("The [64th Rifle Corps took [Zaječar].", "unbalanced '[' or ']' near 'The [64th Rifle Corps took'"),
        ("The [64th Rifle Corps] took [Smallville].", "unknown unit or place 'Smallville' (declare it in an entities file: --entities)"),
        ("The Red Army took the town.", "names no unit or place: mark at least one with [brackets]"),
    ],
)
def test_a_statement_that_cannot_be_split_says_what_to_change(statement, reason):
    assert problems("bank.csv", HEADER + row("The [64th Rifle Corps] took [Zaječar].") + row(statement)) == [
        f"bank.csv:3: statement: {reason}"
    ]


def test_statement_and_parts_may_share_a_sheet_but_not_a_row():
    text = (
        "date,statement,subject,verb,rest,note,source\n"
        "1944-10-07,The [64th Rifle Corps] took [Zaječar].,,,,N.,S\n"
        "1944-10-14,,the [2nd Bulgarian Army],freed,[Niš],N.,S\n"  # verb_base made from the verb
        "1944-10-20,[Belgrade] was freed.,[Belgrade],was,freed,N.,S\n"
    )
    assert problems("bank.csv", text) == [
        "bank.csv:4: statement: give either a statement or subject, verb and rest, not both"
    ]
    bank = load("good.csv", "\n".join(text.split("\n")[:3]) + "\n")
    assert [(f.verb, f.verb_base) for f in bank.facts] == [("took", "take"), ("freed", "free")]


def test_every_problem_of_a_statement_row_comes_at_once():
    text = HEADER + "31 September 1944,The [64th Rifle Corps] takes [Zaječar].,,\n"
    assert problems("bank.csv", text) == [
        "bank.csv:2: date: '31 September 1944' is impossible: September 1944 has 30 days",
        "bank.csv:2: note: missing",
        "bank.csv:2: source: missing: say where the fact comes from (here, or as [bank] source)",
        "bank.csv:2: statement: found no verb in the past tense: if 'takes' is the verb, write 'took'",
    ]


def test_header_without_statement_or_parts():
    assert problems("bank.csv", "date,note,source\n1944,N.,S\n") == [
        "bank.csv:1: header: missing column(s) statement (or subject, verb, rest) (columns: date, statement "
        "(or subject, verb, rest), note, source; optional: id, verb_base, precision, tags, exclude, also_accept, asks, "
        "well_known)"
    ]


def test_headers_are_read_as_teachers_write_them():
    bank = load("bank.csv", "Date,Statement,Note,Source,Verb base\n1944,The [64th Rifle Corps] took [Zaječar].,N.,S,\n")
    assert bank.facts[0].verb_base == "take"


# --- dates as teachers write them -------------------------------------------------------------

@pytest.mark.parametrize(
    "written, iso, precision, qualifier",
    [
        ("20 October 1944", "1944-10-20", Precision.DAY, None),
        ("October 20, 1944", "1944-10-20", Precision.DAY, None),
        ("20th Oct. 1944", "1944-10-20", Precision.DAY, None),
        ("Oct 1944", "1944-10", Precision.MONTH, None),
        ("Sept 1944", "1944-09", Precision.MONTH, None),
        ("1944", "1944", Precision.YEAR, None),
        ("July–August 1944", "1944-07/1944-08", Precision.RANGE, None),
        ("July-August 1944", "1944-07/1944-08", Precision.RANGE, None),
        ("December 1944 – January 1945", "1944-12/1945-01", Precision.RANGE, None),
        ("14–20 October 1944", "1944-10-14/1944-10-20", Precision.RANGE, None),
        ("28 September – 20 October 1944", "1944-09-28/1944-10-20", Precision.RANGE, None),
        ("mid-February 1945", "1945-02", Precision.MONTH, "mid"),
        ("early March 1945", "1945-03", Precision.MONTH, "early"),
        ("1944-10-20", "1944-10-20", Precision.DAY, None),
        ("1944-07/1944-08", "1944-07/1944-08", Precision.RANGE, None),
    ],
)
def test_dates_as_teachers_write_them(written, iso, precision, qualifier):
    (fact,) = load("bank.csv", HEADER + row("The [64th Rifle Corps] took [Zaječar].", date=f'"{written}"')).facts
    assert (fact.date.iso(), fact.date.precision, fact.date.qualifier) == (iso, precision, qualifier)


@pytest.mark.parametrize(
    "written, reason",
    [
        ("7/10/1944", "'7/10/1944' could be read day-first or month-first: write the month as a word, such as "
                      "20 October 1944, Oct 1944, 1944, July–August 1944, mid-February 1945 or 1944-10-20"),
        ("31 September 1944", "'31 September 1944' is impossible: September 1944 has 30 days"),
        ("Octobre 1944", "'Octobre 1944': 'Octobre' is not a month (January … December, or Jan … Dec)"),
        ("last autumn", "'last autumn' is not a date this can read: write it as 20 October 1944, Oct 1944, "
                        "1944, July–August 1944, mid-February 1945 or 1944-10-20"),
    ],
)
def test_a_date_that_cannot_be_read_names_the_forms_that_can(written, reason):
    text = HEADER + row("The [64th Rifle Corps] took [Zaječar].", date=written)
    assert problems("bank.csv", text) == [f"bank.csv:2: date: {reason}"]


def test_a_precision_column_must_agree_with_a_written_qualifier():
    text = "date,precision,statement,note,source\nmid-February 1945,day,The [64th Rifle Corps] took [Zaječar].,N.,S\n"
    assert problems("bank.csv", text) == ["bank.csv:2: precision: 'day' does not fit 'mid-February 1945' (mid-month)"]


# --- ids ------------------------------------------------------------------------------------

def test_ids_are_made_from_the_statement_and_stay_the_same_when_rows_move():
    rows = [
        row("The [64th Rifle Corps] took [Zaječar]."),
        row("The [2nd Bulgarian Army] freed [Niš].", date="14 October 1944"),
        row("[Belgrade] was freed.", date="20 October 1944"),
    ]
    first = load("bank.csv", HEADER + "".join(rows))
    again = load("again.csv", HEADER + "".join(reversed(rows)))
    assert [f.id for f in first.facts] == ["64th-rifle-corps-took-zajecar", "2nd-bulgarian-army-freed-nis",
                                           "belgrade-was-freed"]
    assert {f.id: f.statement() for f in first.facts} == {f.id: f.statement() for f in again.facts}


def test_two_facts_with_the_same_words_get_distinct_stable_ids():
    text = HEADER + row("The [64th Rifle Corps] took [Zaječar].") + row("The [64th Rifle Corps] took [Zaječar].",
                                                                       date="1945")
    ids = [f.id for f in load("bank.csv", text).facts]
    assert ids[0] == "64th-rifle-corps-took-zajecar"
    assert ids[1].startswith("64th-rifle-corps-took-zajecar-") and len(ids[1]) == len(ids[0]) + 7
    assert [f.id for f in load("again.csv", text).facts] == ids


def test_a_row_repeated_word_for_word_is_named():
    text = HEADER + row("The [64th Rifle Corps] took [Zaječar].") * 2
    assert problems("bank.csv", text) == ["bank.csv:3: statement: repeats line 2 (the same sentence and date)"]


def test_an_explicit_id_is_kept_and_checked():
    text = "id,date,statement,note,source\nzajecar,1944,The [64th Rifle Corps] took [Zaječar].,N.,S\n" \
           "Bad Id,1944,The [2nd Bulgarian Army] freed [Niš].,N.,S\n"
    assert problems("bank.csv", text) == ["bank.csv:3: id: 'Bad Id' is not a slug (lowercase letters, digits and '-')"]


# --- separators, comments, names ------------------------------------------------------------

@pytest.mark.parametrize("separator", [";", "\t"])
def test_semicolon_and_tab_separators_are_detected(separator):
    text = (
        separator.join(["date", "statement", "note", "source", "tags"]) + "\n"
        + separator.join(["7 October 1944", "The [64th Rifle Corps], with partisans, took [Zaječar].",
                          "Short, and to the point.", "Notes", '"east;towns"']) + "\n"
    )
    (fact,) = load("bank.csv", text).facts
    assert fact.note == "Short, and to the point."
    assert fact.subject.marked == "the [64th Rifle Corps], with partisans,"
    assert fact.tags == ("east", "towns")


def test_rows_starting_with_a_hash_are_notes():
    text = "# my notes, for me\n" + HEADER + "# a comment row, skipped\n" + row("The [64th Rifle Corps] took [Zaječar].")
    bank = load("bank.csv", text)
    assert len(bank.facts) == 1


def test_a_file_name_that_is_not_a_slug_suggests_a_name():
    assert problems("My Class 1944.csv", HEADER + row("The [64th Rifle Corps] took [Zaječar].")) == [
        "My Class 1944.csv:1: name: bank name 'My Class 1944' is not a slug (lowercase letters, digits and '-'); "
        "use --name my-class-1944"
    ]


# --- the entities file ----------------------------------------------------------------------

SMALLVILLE = HEADER + row("The [1st Kansas Regiment] took [Smallville].", date="Oct 1861")
KANSAS = (
    ENTITIES_HEADER
    + "unit,1st Kansas Regiment,Union,regiment,infantry,,,,1st Kansas;First Kansas\n"
    + "place,Smallville,,,,town,Kansas,United States,\n"
)


def test_entities_the_catalog_lacks_come_from_an_entities_file():
    assert problems("bank.csv", SMALLVILLE) == [
        "bank.csv:2: statement: unknown unit or place '1st Kansas Regiment' (declare it in an entities file: --entities)",
        "bank.csv:2: statement: unknown unit or place 'Smallville' (declare it in an entities file: --entities)",
    ]
    write("entities.csv", KANSAS)
    (fact,) = load("bank.csv", SMALLVILLE, entities="entities.csv").facts
    (unit,) = fact.units
    assert (unit.name, unit.side, unit.echelon, unit.branch, unit.aliases) == (
        "1st Kansas Regiment", "Union", "regiment", "infantry", ("1st Kansas", "First Kansas")
    )
    assert [(p.name, p.type, p.region, p.country) for p in fact.places] == [
        ("Smallville", "town", "Kansas", "United States")
    ]


def test_entities_of_one_bank_do_not_leak_into_another():
    write("entities.csv", KANSAS)
    load("bank.csv", SMALLVILLE, entities="entities.csv")
    assert "bank.csv:2: statement: unknown unit or place 'Smallville' (declare it in an entities file: --entities)" in problems("bank.csv", SMALLVILLE)


def test_every_problem_of_an_entities_file():
    write("bank.csv", SMALLVILLE)
    write("entities.csv", (
        ENTITIES_HEADER
        + "army,Red Army,Soviet,army,,,,,\n"  # 2
        + "unit,1st Kansas Regiment,Union,regiment,,town,,,\n"  # 3
        + "place,Smallville,,,,hamlet 2,,,\n"  # 4
        + "unit,2nd Kansas,union,regiment,,,,,\n"  # 5
        + "unit,3rd Kansas,Sovet,legion,,,,,\n"  # 6
        + "place,Smallville,,,,town,,,\n"  # 7
        + "place,smallville,,,,town,,,\n"  # 8
        + "place,,,,,town,,,\n"  # 9
    ))
    with pytest.raises(BankError) as caught:
        load_bank_file("bank.csv", catalog=CATALOG, entities="entities.csv")
    assert [str(p) for p in caught.value.problems] == [
        "entities.csv:2: kind: 'army' must be one of unit, person, organisation, ship, craft or place",
        "entities.csv:3: type: a unit leaves the type column empty",
        "entities.csv:4: type: 'hamlet 2' is not one of city, town, village, river, region, country, landmark, "
        "mountain, nor a lower-case word or two, such as launch site, island, astronaut or agency",
        "entities.csv:5: side: 'union' should be a side's name, such as Soviet or Union",
        "entities.csv:6: echelon: 'legion' is not one of battalion, regiment, brigade, division, corps, army, "
        "front, army group, battle group, air army, flotilla, command",
        "entities.csv:6: side: 'Sovet' is not a known side: did you mean 'Soviet'?",
        "entities.csv:8: name: 'smallville' is declared twice (first at line 7)",
        "entities.csv:9: name: missing",
    ]


def test_entities_file_header_problems():
    write("bank.csv", SMALLVILLE)
    write("entities.csv", "kind,title,side\nunit,X,Union\n")
    with pytest.raises(BankError) as caught:
        load_bank_file("bank.csv", catalog=CATALOG, entities="entities.csv")
    assert str(caught.value) == (
        "entities.csv:1: header: missing column(s) name; unknown column(s) title (columns: kind, name, side, "
        "echelon, branch, type, region, country, aliases; optional: lat, lon)"
    )


def test_a_missing_entities_file_is_one_line():
    write("bank.csv", SMALLVILLE)
    with pytest.raises(BankError) as caught:
        load_bank_file("bank.csv", catalog=CATALOG, entities="nowhere.csv")
    assert str(caught.value) == "nowhere.csv:0: file: No such file or directory"


def test_an_entities_file_also_serves_a_toml_bank():
    toml = (
        '[bank]\nname = "kansas"\nsource = "Notes"\n\n[[fact]]\nid = "smallville"\ndate = "1861-10"\n'
        'subject = "the [1st Kansas Regiment]"\nverb = "took"\nverb_base = "take"\nrest = "[Smallville]"\n'
        'note = "N."\n'
    )
    write("entities.csv", KANSAS)
    bank = load("bank.toml", toml, entities="entities.csv")
    assert [u.name for u in bank.facts[0].units] == ["1st Kansas Regiment"]


# --- .xlsx --------------------------------------------------------------------------------------

def workbook(path: str, facts: list[list[object]], entities: list[list[object]] | None = None) -> str:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "facts"
    for values in facts:
        sheet.append(values)
    if entities is not None:
        other = book.create_sheet("entities")
        for values in entities:
            other.append(values)
    book.save(path)
    return path


def test_an_xlsx_sheet_is_read_directly_with_its_entities_sheet():
    import datetime as dt

    workbook(
        "kansas.xlsx",
        [
            ["Date", "Statement", "Note", "Source"],
            [dt.datetime(1861, 10, 3), "The [1st Kansas Regiment] took [Smallville].", "Excel made a date.", "Notes"],
            [1862, "The [1st Kansas Regiment] was sent to [Smallville].", "A year as a number.", "Notes"],
            [None, None, None, None],
            ["Oct 1863", "The [1st Kansas Regiment] left [Smallville].", "Line\r\nbreak.", "Notes"],
        ],
        [
            ["kind", "name", "side", "echelon", "branch", "type", "region", "country", "aliases"],
            ["unit", "1st Kansas Regiment", "Union", "regiment", "infantry"],
            ["place", "Smallville", None, None, None, "town", "Kansas", "United States", "Small ville"],
        ],
    )
    bank = load_bank_file("kansas.xlsx", catalog=CATALOG)
    assert bank.name == "kansas"
    assert [f.date.iso() for f in bank.facts] == ["1861-10-03", "1862", "1863-10"]
    assert bank.facts[2].note == "Line\nbreak."
    assert [f.id for f in bank.facts] == [
        "1st-kansas-regiment-took-smallville", "1st-kansas-regiment-was-sent-to-smallville",
        "1st-kansas-regiment-left-smallville",
    ]


def test_problems_of_a_workbook_entities_sheet_name_the_sheet():
    workbook(
        "bank.xlsx",
        [["date", "statement", "note", "source"], [1944, "The [1st X Corps] took [Zaječar].", "N.", "S"]],
        [["kind", "name", "side", "echelon"], ["unit", "1st X Corps", "", "corps"]],
    )
    with pytest.raises(BankError) as caught:
        load_bank_file("bank.xlsx", catalog=CATALOG)
    assert str(caught.value) == "bank.xlsx[entities]:2: side: missing"


def test_xlsx_problems_name_the_sheet_row():
    workbook("bad.xlsx", [
        ["date", "statement", "note", "source"],
        ["1944", "The [64th Rifle Corps] took [Zaječar].", "N.", "S"],
        ["1944", "The [64th Rifle Corps] takes [Negotin].", "N.", "S"],
        ["1944", "The [64th Rifle Corps] took [Niš].", "N.", "S", "stray"],
    ])
    with pytest.raises(BankError) as caught:
        load_bank_file("bad.xlsx", catalog=CATALOG)
    assert [str(p) for p in caught.value.problems] == [
        "bad.xlsx:3: statement: found no verb in the past tense: if 'takes' is the verb, write 'took'",
        "bad.xlsx:4: row: has a value in column 5, past the header",
    ]


def test_a_file_named_xlsx_that_is_not_a_workbook():
    write("fake.xlsx", "date,statement\n")
    with pytest.raises(BankError) as caught:
        load_bank_file("fake.xlsx", catalog=CATALOG)
    (problem,) = caught.value.problems
    assert (problem.line, problem.field) == (0, "file")
    assert problem.reason.startswith("is not an .xlsx workbook")


# --- what the app stores --------------------------------------------------------------------

def same_bank(first, second) -> None:
    assert second.name == first.name and second.title == first.title
    assert [(f.id, f.statement(), f.date, f.note, f.source, f.tags, f.units, f.places) for f in second.facts] == [
        (f.id, f.statement(), f.date, f.note, f.source, f.tags, f.units, f.places) for f in first.facts
    ]


def test_a_sheet_with_entities_is_stored_as_toml_that_reads_back_the_same():
    write("entities.csv", KANSAS)
    text = (
        "date,statement,note,source,tags\n"
        "Oct 1861,The [1st Kansas Regiment] took [Smallville].,\"Note, with comma\",Notes,a;b\n"
        "mid-February 1862,The [1st Kansas Regiment] left [Smallville] {0.__class__}.,Plain [/] note,Notes,\n"
        "July–August 1862,The [First Kansas|1st Kansas Regiment] held [Zaječar].,N.,Notes,\n"
    )
    write("kansas.csv", text)
    loaded = read_bank("kansas.csv", catalog=CATALOG, entities="entities.csv")
    fmt, stored = loaded.stored()
    assert fmt == "toml"
    again = load_bank_bytes(stored.encode(), "<kansas>", fmt, name="kansas", catalog=CATALOG)
    same_bank(loaded.bank, again)
    assert again.facts[1].date.qualifier == "mid"


def test_a_workbook_is_stored_as_toml():
    workbook("ww.xlsx", [["date", "statement", "note", "source"], ["1944", "[Belgrade] was freed.", "N.", "S"]])
    loaded = read_bank("ww.xlsx", catalog=CATALOG)
    fmt, stored = loaded.stored()
    same_bank(loaded.bank, load_bank_bytes(stored.encode(), "<ww>", fmt, name="ww", catalog=CATALOG))


def test_a_toml_bank_is_stored_as_it_is_and_with_an_entities_file_gains_its_tables():
    toml = (
        '# a comment the teacher wrote\n[bank]\nname = "kansas"\nsource = "Notes"\n\n'
        '[[place]]\nname = "Smallville"\ntype = "village"\n\n'  # the bank's own entry wins
        '[[fact]]\nid = "smallville"\ndate = "1861-10"\n'
        'subject = "the [1st Kansas Regiment]"\nverb = "took"\nverb_base = "take"\nrest = "[Smallville]"\n'
        'note = "N."\n'
    )
    plain = toml.replace("[1st Kansas Regiment]", "[64th Rifle Corps]")
    write("plain.toml", plain)
    assert read_bank("plain.toml", catalog=CATALOG).stored() == ("toml", plain)
    write("bank.toml", toml)
    write("entities.csv", KANSAS)
    loaded = read_bank("bank.toml", catalog=CATALOG, entities="entities.csv")
    fmt, stored = loaded.stored()
    assert stored.startswith(toml.rstrip())
    again = load_bank_bytes(stored.encode(), "<kansas>", fmt, catalog=CATALOG)
    same_bank(loaded.bank, again)
    assert again.facts[0].places[0].type == "village"


# --- the example spreadsheet of another war -------------------------------------------------

EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "examples"


def test_the_civil_war_example_imports_and_asks_questions():
    loaded = read_bank(EXAMPLES / "civil-war.csv", entities=EXAMPLES / "civil-war-entities.csv")
    bank = loaded.bank
    assert bank.name == "civil-war" and len(bank.facts) == 10
    assert {u.side for f in bank.facts for u in f.units} == {"Union", "Confederate"}
    questions = generate_all(bank, seed=1)
    assert {q.fact_id for q in questions} == {f.id for f in bank.facts}
    fmt, stored = loaded.stored()
    same_bank(bank, load_bank_bytes(stored.encode(), "<civil-war>", fmt, name="civil-war"))


def test_every_unknown_unit_and_place_of_a_statement_is_reported():
    text = HEADER + row("The [Aaa Corps] and [Bbb Corps] took [Fooville] near [Barville].", date="1863")
    assert [line.split(": ", 2)[2] for line in problems("bank.csv", text)] == [
        "unknown unit or place 'Aaa Corps' (declare it in an entities file: --entities)",
        "unknown unit or place 'Bbb Corps' (declare it in an entities file: --entities)",
        "unknown unit or place 'Fooville' (declare it in an entities file: --entities)",
        "unknown unit or place 'Barville' (declare it in an entities file: --entities)",
    ]


def test_a_bracket_that_names_nothing_says_brackets_always_mark_a_unit_or_place():
    text = HEADER + row("The [64th Rifle Corps] took [Zaječar] [/] [Niš].")
    assert problems("bank.csv", text) == [
        "bank.csv:2: statement: '[/]' names no unit or place: square brackets always mark one; write other text "
        "in round brackets"
    ]
