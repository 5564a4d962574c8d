"""Workbooks that are small on disk and huge once read (issue #19, item 22): parts that unpack past
the cap, rows padded out to the last column, cells longer than Excel allows. Each is one line naming
the file, exit 2, no traceback. The command runs in a child process with its memory capped, so a
reader that unpacks the bomb fails there (MemoryError) instead of taking the machine's memory."""

from __future__ import annotations

import os
import resource
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from question_bank.banks.loader import load_bank_file
from question_bank.banks.problems import BankError
from tests.question_bank.xlsx_bombs import HEADER, repeated, write_workbook

MEMORY_CAP = 1024 * 1024 * 1024  # bytes of address space the child may use


def _cap_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))


def quiz(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QUIZ_LEARNER": "teacher"}
    return subprocess.run(
        [sys.executable, "-m", "quiz", "--db", str(tmp_path / "quiz.db"), *args],
        capture_output=True, text=True, cwd=tmp_path, env=env, preexec_fn=_cap_memory, check=False,
    )


def test_a_workbook_that_unpacks_past_the_cap_is_one_line_and_stores_nothing(tmp_path: Path) -> None:
    strings = repeated(b"<si><t>ab</t></si>" * 4096, 300 * 1024 * 1024)  # ~17 million tiny shared strings
    bomb = write_workbook(tmp_path / "bomb.xlsx", strings=strings)
    assert bomb.stat().st_size < 2 * 1024 * 1024  # small on disk

    for command in (["bank", "validate", "bomb.xlsx"], ["bank", "import", "bomb.xlsx"]):
        done = quiz(tmp_path, *command)
        assert "Traceback" not in done.stderr and "MemoryError" not in done.stderr + done.stdout
        assert done.returncode == 2
        lines = (done.stdout + done.stderr).strip().splitlines()
        assert lines == ["bomb.xlsx:0: file: unpacks to 300 MB, more than the 32 MB a bank workbook may hold; "
                         "split it into smaller banks"]
    with sqlite3.connect(tmp_path / "quiz.db") as db:
        assert db.execute("SELECT count(*) FROM banks WHERE name = 'bomb'").fetchone() == (0,)


def test_rows_with_a_cell_in_the_last_column_are_not_padded_out(tmp_path: Path) -> None:
    """One cell in column XFD (16,384) a row: a reader that pads every row to it holds 16,384
    cells a row; 20,000 such rows unpack to about 1 MB."""
    far = (f'<row r="{n}"><c r="XFD{n}" t="inlineStr"><is><t>x</t></is></c></row>'.encode()
           for n in range(3, 20_003))
    wide = write_workbook(tmp_path / "wide.xlsx", sheet_tail=far)
    done = quiz(tmp_path, "bank", "validate", "wide.xlsx")
    assert "Traceback" not in done.stderr and "MemoryError" not in done.stderr + done.stdout
    assert done.returncode == 2
    assert (done.stdout + done.stderr).strip().splitlines() == [
        "wide.xlsx:3: row: has a value past column 64; a bank has at most 64 columns"
    ]
    assert wide.stat().st_size < 1024 * 1024


def test_a_cell_longer_than_excel_allows_is_named_by_row_and_column(tmp_path: Path) -> None:
    long_note = "a" * 32_768  # Excel's own limit is 32,767 characters
    book = write_workbook(tmp_path / "long.xlsx", rows=(HEADER, ("20 October 1944", "[Belgrade] was freed.",
                                                                 long_note, "A book")))
    with pytest.raises(BankError) as caught:
        load_bank_file(book)
    assert [str(p) for p in caught.value.problems] == [
        f"{book}:2: row: column 3 holds 32,768 characters; a cell holds at most 32,767"
    ]


def test_a_workbook_within_the_limits_still_loads(tmp_path: Path) -> None:
    """Even when it declares itself A1:XFD1048576, as some writers do: rows are read as they are."""
    book = write_workbook(tmp_path / "fine.xlsx", sheet_head='<dimension ref="A1:XFD1048576"/>')
    bank = load_bank_file(book)
    assert [(fact.date.iso(), fact.note) for fact in bank.facts] == [("1944-10-20", "A note.")]
