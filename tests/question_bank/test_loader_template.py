"""The example bank `quiz bank template` writes: every column explained, and it imports as it is."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from question_bank.banks.loader import load_bank_file, read_bank
from question_bank.banks.sheet_bank import COLUMNS
from question_bank.banks.template import ENTITY_COLUMNS, entities_path, write_template


def test_the_csv_template_explains_every_column_and_imports_as_it_is(tmp_path: Path):
    written = write_template(tmp_path / "my-bank.csv")
    assert written == [tmp_path / "my-bank.csv", tmp_path / "my-bank-entities.csv"]
    assert entities_path(tmp_path / "my-bank.csv") == written[1]
    text = written[0].read_text(encoding="utf-8")
    for column in COLUMNS:
        assert f"# {column} (" in text, column
    for column in ENTITY_COLUMNS:
        assert f"# {column} (" in written[1].read_text(encoding="utf-8"), column
    bank = load_bank_file(written[0], entities=written[1])
    assert bank.name == "my-bank"
    assert len(bank.facts) == 4
    assert {u.side for f in bank.facts for u in f.units} == {"Union", "Confederate"}


def test_the_xlsx_template_has_a_sheet_of_explanations_and_imports_as_it_is(tmp_path: Path):
    (path,) = write_template(tmp_path / "my-bank.xlsx")
    book = load_workbook(path, read_only=True)
    assert book.sheetnames == ["facts", "entities", "columns"]
    explained = {(row[0], row[1]) for row in book["columns"].iter_rows(min_row=2, values_only=True) if row[1]}
    book.close()
    assert {("facts", c) for c in COLUMNS} | {("entities", c) for c in ENTITY_COLUMNS} <= explained
    loaded = read_bank(path)  # the workbook's own entities sheet
    assert [f.date.human() for f in loaded.bank.facts] == ["12 April 1861", "July 1861", "1–3 July 1863",
                                                           "9 April 1865"]
    assert loaded.stored()[0] == "toml"


def test_the_format_comes_from_the_argument_or_the_suffix(tmp_path: Path):
    assert write_template(tmp_path / "bank", fmt="xlsx") == [tmp_path / "bank.xlsx"]
    assert load_workbook(tmp_path / "bank.xlsx", read_only=True).sheetnames[0] == "facts"
    assert write_template(tmp_path / "plain") == [tmp_path / "plain.csv", tmp_path / "plain-entities.csv"]
    with pytest.raises(ValueError, match="unknown template format 'ods'"):
        write_template(tmp_path / "bank.ods")
