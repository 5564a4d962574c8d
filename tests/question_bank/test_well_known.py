"""`well_known`: a teacher's mark that a fact's date is common knowledge for the topic, read from
TOML, CSV and workbooks (a bad value one `FILE:LINE: well_known: …` line), kept when a sheet is
stored as TOML, and said by the publication report (papers leave the date out)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import Workbook

from question_bank.banks.loader import load_bank_bytes, load_bank_file, read_bank
from question_bank.banks.problems import BankError
from question_bank.facts.entities import Catalog, Place, Unit
from question_bank.questions.report import WELL_KNOWN, publication_report
from quiz.cli import main

CATALOG = Catalog(
    units=(Unit("64th Rifle Corps", "Soviet", "corps", "rifle"),),
    places=(Place("Zaječar", "town", "Eastern Serbia", "Serbia"), Place("Belgrade", "city", "Central Serbia", "Serbia")),
)
TOML = """\
[bank]
name = "marks"
source = "Notes"

[[fact]]
id = "zajecar-taken"
date = "1944-10-07"
subject = "the [64th Rifle Corps]"
verb = "took"
verb_base = "take"
rest = "[Zaječar]"
note = "N."
{mark}
[[fact]]
id = "belgrade-freed"
date = "1944-10-20"
subject = "[Belgrade]"
verb = "was"
verb_base = "was"
rest = "freed"
note = "N."
"""
CSV_HEAD = "date,statement,note,source,well_known\n"


def csv_row(mark: str, statement: str = "The [64th Rifle Corps] took [Zaječar].") -> str:
    return f"7 October 1944,{statement},N.,Notes,{mark}\n"


def test_a_toml_fact_is_well_known_only_when_marked_true() -> None:
    bank = load_bank_bytes(TOML.format(mark="well_known = true").encode(), "marks.toml", "toml", catalog=CATALOG)
    assert [f.well_known for f in bank.facts] == [True, False]
    assert bank.fact("zajecar-taken").to_json()["well_known"] is True


@pytest.mark.parametrize("value, shown", [('"yes"', "'yes'"), ("1", "1")])
def test_a_toml_mark_that_is_not_true_or_false_is_one_line(value: str, shown: str) -> None:
    with pytest.raises(BankError) as caught:
        load_bank_bytes(TOML.format(mark=f"well_known = {value}").encode(), "marks.toml", "toml", catalog=CATALOG)
    assert [str(p) for p in caught.value.problems] == [f"marks.toml:13: well_known: must be true or false, not {shown}"]


@pytest.mark.parametrize("cell, expected", [
    ("yes", True), ("Yes", True), ("TRUE", True), ("1", True), (" true ", True),
    ("no", False), ("false", False), ("0", False), ("", False),
])
def test_a_csv_well_known_cell_is_yes_or_no(tmp_path: Path, cell: str, expected: bool) -> None:
    path = tmp_path / "marks.csv"
    path.write_text(CSV_HEAD + csv_row(cell), encoding="utf-8")
    assert load_bank_file(path, catalog=CATALOG).facts[0].well_known is expected


def test_a_bad_csv_cell_is_one_line_naming_file_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "marks.csv"
    path.write_text(CSV_HEAD + csv_row("") + csv_row("maybe", "[Belgrade] was freed."), encoding="utf-8")
    with pytest.raises(BankError) as caught:
        load_bank_file(path, catalog=CATALOG)
    assert [str(p) for p in caught.value.problems] == [
        f"{path}:3: well_known: 'maybe' is not yes, no, true, false, 1 or 0 (blank is no)"
    ]


def test_a_workbook_tick_box_reads_as_well_known(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "facts"
    sheet.append(["date", "statement", "note", "source", "well_known"])
    sheet.append(["7 October 1944", "The [64th Rifle Corps] took [Zaječar].", "N.", "Notes", True])
    sheet.append(["20 October 1944", "[Belgrade] was freed.", "N.", "Notes", False])
    book.save(tmp_path / "marks.xlsx")
    assert [f.well_known for f in load_bank_file(tmp_path / "marks.xlsx", catalog=CATALOG).facts] == [True, False]


def test_a_sheet_stored_as_toml_keeps_its_marks(tmp_path: Path) -> None:
    path = tmp_path / "marks.csv"
    path.write_text(CSV_HEAD + csv_row("yes") + csv_row("", "[Belgrade] was freed."), encoding="utf-8")
    fmt, text = read_bank(path, catalog=CATALOG).stored()
    again = load_bank_bytes(text.encode(), "<marks>", fmt, name="marks", catalog=CATALOG)
    assert [f.well_known for f in again.facts] == [True, False]


def test_the_report_says_papers_leave_out_a_well_known_date_only() -> None:
    bank = load_bank_bytes(TOML.format(mark="well_known = true").encode(), "marks.toml", "toml", catalog=CATALOG)
    report = publication_report(bank)
    left_out = {(s.fact_id, s.slot): s.left_out_of_papers for s in report.slots}
    assert left_out[("zajecar-taken", "date")] == WELL_KNOWN
    assert left_out[("zajecar-taken", "64th Rifle Corps")] is None
    assert left_out[("belgrade-freed", "date")] is None
    assert report.to_json()["slots"][0]["left_out_of_papers"] == "well_known"


def test_quiz_bank_questions_report_names_the_well_known_date(tmp_path: Path) -> None:
    runner, db = CliRunner(), str(tmp_path / "q.db")
    teacher = Path(__file__).parents[1] / "data" / "teacher_banks" / "french-revolution"
    imported = runner.invoke(main, ["--db", db, "bank", "import", str(teacher / "facts.csv"), "--entities",
                                    str(teacher / "entities.csv"), "--name", "french-revolution"])
    assert imported.exit_code == 0, imported.output
    result = runner.invoke(main, ["--db", db, "bank", "questions", "french-revolution", "--report"])
    assert result.exit_code == 0, result.output
    assert "crowds-in-paris-stormed-bastille-royal-fortress · date · date: well known: left out of papers" in (
        result.output)


def test_quiz_bank_import_refuses_a_bad_mark_in_one_line_without_a_traceback(tmp_path: Path) -> None:
    path = tmp_path / "marks.csv"
    path.write_text("date,statement,note,source,well_known\n20 October 1944,[Belgrade] was freed.,N.,Notes,often\n",
                    encoding="utf-8")
    db = str(tmp_path / "q.db")
    result = CliRunner().invoke(main, ["--db", db, "bank", "import", str(path)])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert result.output.strip().splitlines() == [
        f"{path}:2: well_known: 'often' is not yes, no, true, false, 1 or 0 (blank is no)"
    ]
    listed = CliRunner().invoke(main, ["--db", db, "bank", "list"])
    assert "marks" not in listed.output  # nothing half-written
