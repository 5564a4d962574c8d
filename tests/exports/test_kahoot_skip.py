"""Kahoot's limits: a teacher may leave the questions over them out (each named) instead of failing."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from openpyxl import load_workbook

from quiz.cli import main
from quiz.exports.kahoot import ANSWER_MAX, HEADING_ROW, QUESTION_MAX


def test_skip_too_long_leaves_out_and_lists_what_kahoot_refuses(tmp_path: Path) -> None:
    db, out = tmp_path / "q.db", tmp_path / "k.xlsx"
    args = ["--db", str(db), "bank", "export", "belgrade-offensive", "-f", "kahoot", "-o", str(out)]
    refused = CliRunner().invoke(main, args)
    assert refused.exit_code == 2 and not out.exists()  # nothing half-written
    result = CliRunner().invoke(main, [*args, "--skip-too-long"])
    assert result.exit_code == 0, result.output
    left_out = [line for line in result.stderr.splitlines() if line.startswith("left out ")]
    assert left_out and all("Kahoot allows" in line for line in left_out)
    sheet = load_workbook(out).active
    assert sheet is not None
    rows = [row for row in sheet.iter_rows(min_row=HEADING_ROW + 1, values_only=True) if row[1]]
    assert rows and f"wrote {out}: {len(rows)} questions" in result.stdout
    assert all(len(str(row[1])) <= QUESTION_MAX for row in rows)
    assert all(len(str(answer)) <= ANSWER_MAX for row in rows for answer in row[2:6] if answer)
