"""A mistyped command line is one line too, as every other error: not click's usage block."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from quiz.cli import main


@pytest.mark.parametrize(("args", "expected"), [
    (["paper", "export", "XYZ"], "quiz: Missing option '--format' / '-f'. Choose from: gift, moodle-xml, qti, "
                                 "cartridge, anki, kahoot, csv, markdown, html, pdf (see `quiz paper export --help`)"),
    (["bank", "show"], "quiz: Missing argument 'NAME'. (see `quiz bank show --help`)"),
    (["bank", "questions", "belgrade-offensive", "--options", "9"], "quiz: Invalid value for '--options': 9 is not"),
])
def test_a_usage_error_is_one_line_and_exit_2(tmp_path: Path, args: list[str], expected: str) -> None:
    result = CliRunner().invoke(main, ["--db", str(tmp_path / "q.db"), *args], prog_name="quiz")
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(expected), result.stderr
    assert "Usage:" not in result.output


def test_help_and_version_still_exit_0(tmp_path: Path) -> None:
    assert CliRunner().invoke(main, ["--help"]).exit_code == 0
    assert CliRunner().invoke(main, ["--version"]).exit_code == 0
