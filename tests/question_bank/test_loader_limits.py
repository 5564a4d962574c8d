"""Hostile bank files (issue #9, items 2–4): control characters in any text field, names that only
look like slugs, TOML nested hundreds deep, and files without end. Each gives `FILE:LINE: FIELD:
reason` lines, never a traceback, and no problem line carries a raw control character."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from question_bank.banks.loader import load_bank_bytes, load_bank_file
from question_bank.banks.problems import BankError, Problem
from question_bank.banks.reading import read_bank_bytes
from question_bank.banks.records import NAME_MAX, check_bank_name
from question_bank.facts.entities import Catalog, Place, Unit

CATALOG = Catalog(
    units=(Unit("64th Rifle Corps", "Soviet", "corps", "rifle"),),
    places=(Place("Zaječar", "town", "Eastern Serbia", "Serbia"),),
)
HEAD = '[bank]\nname = "test-bank"\ntitle = "Test bank"\nsource = "Test source"\n\n'
FACT = {
    "id": "zajecar-taken", "date": "1944-10-07", "subject": "the [64th Rifle Corps]", "verb": "took",
    "verb_base": "take", "rest": "[Zaječar]", "note": "A note.",
}  # [[fact]] on line 6, then one field a line: id 7 … note 13
CSV_HEADER = "id,date,subject,verb,rest,note,source\n"
CSV_ROW = "zajecar-taken,1944-10-07,the [64th Rifle Corps],took,[Zaječar],A note.,Class notes\n"


def fact_toml(**changes: str) -> str:
    fields = {**FACT, **changes}
    return "[[fact]]\n" + "".join(f"{k} = {json.dumps(v, ensure_ascii=False)}\n" for k, v in fields.items())


def problems(filename: str, content: str, **kwargs: object) -> list[str]:
    Path(filename).write_text(content, encoding="utf-8")
    with pytest.raises(BankError) as caught:
        load_bank_file(filename, catalog=CATALOG, **kwargs)  # type: ignore[arg-type]
    return [str(p) for p in caught.value.problems]


@pytest.fixture(autouse=True)
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


# --- control characters (item 2) --------------------------------------------------------------

@pytest.mark.parametrize(
    "field, value, line, code",
    [
        ("note", "Red \x1b[31malert", 13, "001B"),
        ("subject", "the [64th Rifle Corps]\x07", 9, "0007"),
        ("rest", "[Zaječar] \x9b31m", 12, "009B"),  # C1: a one-byte CSI
        ("note", "bell\x85", 13, "0085"),
        ("verb", "took\x00", 10, "0000"),
        ("id", "zajecar\x90taken", 7, "0090"),
    ],
)
def test_control_character_in_a_fact_field_is_one_problem_line(field: str, value: str, line: int, code: str):
    found = problems("bank.toml", HEAD + fact_toml(**{field: value}))
    assert found == [f"bank.toml:{line}: {field}: contains the control character U+{code}; remove it"]


def test_newline_and_tab_are_allowed():
    path = Path("bank.toml")
    path.write_text(HEAD + fact_toml(note="First line,\n\tsecond line."), encoding="utf-8")
    assert load_bank_file(path, catalog=CATALOG).facts[0].note == "First line,\n\tsecond line."


def test_control_characters_in_the_bank_header_and_entity_tables():
    head = HEAD.replace('"Test bank"', '"Test \\u001b]8;;file:///etc/passwd\\u001b\\\\bank"')
    tail = (
        '\n[[place]]\nname = "Testville"\ntype = "town"\naliases = ["Test\\u001bville"]\n'  # 15-18
    )
    assert problems("bank.toml", head + fact_toml() + tail) == [
        "bank.toml:3: title: contains the control character U+001B; remove it",
        "bank.toml:18: aliases: contains the control character U+001B; remove it",
    ]


def test_control_character_in_a_csv_cell_names_its_line_and_column():
    text = (
        CSV_HEADER + CSV_ROW
        + CSV_ROW.replace("zajecar-taken", "second").replace("A note.", "A \x1b[2J note.")
        + CSV_ROW.replace("zajecar-taken", "third").replace("Class notes", "Class\x7fnotes")
    )
    assert problems("bank.csv", text) == [
        "bank.csv:3: note: contains the control character U+001B; remove it",
        "bank.csv:4: source: contains the control character U+007F; remove it",
    ]


def test_a_problem_line_never_carries_a_raw_control_character():
    found = problems("bank.toml", HEAD + fact_toml(id="Bad\x1b[31mId", subject="the [Nowhere\x1b]"))
    text = "\n".join(found)
    assert "\x1b" not in text
    assert found == [
        "bank.toml:7: id: contains the control character U+001B; remove it",
        "bank.toml:9: subject: contains the control character U+001B; remove it",
    ]
    assert str(Problem("b.toml", 1, "name", "bank name 'x\n\x1b' is not a slug")) == (
        "b.toml:1: name: bank name 'x\\n\\x1b' is not a slug"
    )


# --- names (item 3) ---------------------------------------------------------------------------

@pytest.mark.parametrize(
    "name, reason",
    [
        ("belgrade-offensive\n", "bank name 'belgrade-offensive\n' is not a slug (lowercase letters, digits and "
                                 "'-'); use --name belgrade-offensive"),
        ("", "bank name is empty"),
        ("a" * (NAME_MAX + 1), f"bank name is longer than {NAME_MAX} characters"),
        ("Kursk 1943", "bank name 'Kursk 1943' is not a slug (lowercase letters, digits and '-'); use --name kursk-1943"),
        ("-kursk", "bank name '-kursk' is not a slug (lowercase letters, digits and '-'); use --name kursk"),
    ],
)
def test_check_bank_name_refuses(name: str, reason: str):
    assert check_bank_name(name) == reason


@pytest.mark.parametrize("name", ["belgrade-offensive", "kursk-1943", "a" * NAME_MAX, "9th-army"])
def test_check_bank_name_accepts(name: str):
    assert check_bank_name(name) is None


def test_a_trailing_newline_does_not_make_a_name_or_an_id():
    with pytest.raises(BankError) as caught:
        load_bank_bytes((HEAD + fact_toml()).encode(), "bank.toml", "toml", name="belgrade-offensive\n",
                        catalog=CATALOG)
    assert [p.field for p in caught.value.problems] == ["name"]
    with pytest.raises(BankError) as caught:
        load_bank_bytes((CSV_HEADER + CSV_ROW).encode(), "bank.csv", "csv", name="my-class\n", catalog=CATALOG)
    assert [p.field for p in caught.value.problems] == ["name"]


def test_an_empty_name_given_by_the_caller_is_an_error_not_the_default():
    assert problems("bank.toml", HEAD + fact_toml(), name="") == ["bank.toml:2: name: bank name is empty"]
    assert problems("bank.csv", CSV_HEADER + CSV_ROW, name="") == ["bank.csv:1: name: bank name is empty"]


def test_a_long_name_in_the_bank_header():
    head = HEAD.replace('"test-bank"', json.dumps("x" * 65))
    assert problems("bank.toml", head + fact_toml()) == ["bank.toml:2: name: bank name is longer than 64 characters"]


# --- loader limits (item 4) -------------------------------------------------------------------

@pytest.mark.parametrize("opening, closing", [("[", "]"), ("{a = ", "}")])
def test_toml_nested_500_deep_is_a_problem_line(opening: str, closing: str):
    deep = "x = " + opening * 500 + "1" * (opening == "{a = ") + closing * 500 + "\n"
    assert problems("deep.toml", HEAD + fact_toml() + "\n[extra]\n" + deep) == [
        "deep.toml:16: toml: arrays or tables nested too deeply (more than 100 levels)"
    ]


def test_brackets_inside_strings_do_not_count_as_nesting():
    fine = HEAD + fact_toml(note="[" * 300 + " and { " * 200)
    Path("bank.toml").write_text(fine, encoding="utf-8")
    assert load_bank_file("bank.toml", catalog=CATALOG).facts[0].note.startswith("[[[")


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
@pytest.mark.parametrize("suffix", ["toml", "csv", "xlsx"])
def test_a_link_to_dev_zero_stops_at_the_size_cap(suffix: str):
    Path(f"zero.{suffix}").symlink_to("/dev/zero")
    with pytest.raises(BankError) as caught:
        load_bank_file(f"zero.{suffix}", catalog=CATALOG)
    assert str(caught.value) == f"zero.{suffix}:0: file: is larger than 20 MB; split it into smaller banks"


def test_the_entities_file_is_capped_too():
    Path("bank.csv").write_text(CSV_HEADER + CSV_ROW, encoding="utf-8")
    Path("zero.csv").symlink_to("/dev/zero")
    with pytest.raises(BankError) as caught:
        load_bank_file("bank.csv", catalog=CATALOG, entities="zero.csv")
    assert str(caught.value) == "zero.csv:0: file: is larger than 20 MB; split it into smaller banks"


def test_read_bank_bytes_reads_at_most_one_byte_past_the_cap():
    Path("big.toml").write_bytes(b"x" * 101)
    Path("fits.toml").write_bytes(b"x" * 100)
    assert read_bank_bytes(Path("fits.toml"), limit=100) == b"x" * 100
    with pytest.raises(BankError) as caught:
        read_bank_bytes(Path("big.toml"), limit=100)
    assert str(caught.value) == "big.toml:0: file: is larger than 100 bytes; split it into smaller banks"


def test_a_fifo_is_refused_without_blocking():
    os.mkfifo("pipe.toml")
    with pytest.raises(BankError) as caught:
        load_bank_file("pipe.toml", catalog=CATALOG)
    assert str(caught.value) == "pipe.toml:0: file: is not a regular file"
