"""`quiz bank validate` as a teacher runs it on a spreadsheet bank and its entities file."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from quiz.cli import main

EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "examples"


def test_validate_checks_a_sheet_with_its_entities_file() -> None:
    bank, entities = EXAMPLES / "civil-war.csv", EXAMPLES / "civil-war-entities.csv"
    alone = CliRunner().invoke(main, ["bank", "validate", str(bank)])
    assert alone.exit_code == 2
    assert f"{bank}:2: statement: unknown unit or place 'Fort Sumter' (declare it in an entities file: --entities)" in (
        alone.output
    )
    result = CliRunner().invoke(main, ["bank", "validate", str(bank), "--entities", str(entities)])
    assert result.exit_code == 0, result.output
    assert result.output == f"{bank}: ok, 10 facts\n"


def test_validate_names_a_missing_entities_file_in_one_line(tmp_path: Path) -> None:
    missing = tmp_path / "nope.csv"
    result = CliRunner().invoke(main, ["bank", "validate", str(EXAMPLES / "civil-war.csv"), "--entities", str(missing)])
    assert result.exit_code == 2
    assert str(missing) in result.output and "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1
