"""`quiz bank export` and `quiz paper export` through click: a file per format, one clear line
and exit 2 for what cannot be done, and a classroom paper exported with its printed versions."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from pypdf import PdfReader

from quiz.cli import main
from quiz.doors.teacher import EXPORT_FORMATS, TeacherDoor
from quiz.model import Mode


@pytest.fixture
def run(tmp_path: Path):  # type: ignore[no-untyped-def]
    runner = CliRunner()

    def invoke(*args: str) -> Result:
        return runner.invoke(main, ["--db", str(tmp_path / "quiz.db"), *args])

    return invoke


def test_bank_export_writes_every_format(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    for name, fmt in EXPORT_FORMATS.items():
        out = tmp_path / f"out{fmt.suffix}"
        result = run("bank", "export", "belgrade-offensive", "--format", name, "--mode", "mc", "--kind", "date",
                     "-o", str(out))
        if name == "kahoot":  # the built-in bank's prompts are longer than Kahoot allows: reported, not cut
            assert result.exit_code == 2 and "Kahoot allows" in result.output and not out.exists()
            continue
        assert result.exit_code == 0, result.output
        assert result.output.startswith(f"wrote {out}: ")
        assert out.stat().st_size > 0
    with zipfile.ZipFile(tmp_path / "out.qti.zip") as archive:
        assert "imsmanifest.xml" in archive.namelist()


def test_print_options_only_for_print_formats(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = run("bank", "export", "belgrade-offensive", "-f", "gift", "--key", "-o", str(tmp_path / "x"))
    assert result.exit_code == 2 and "--key is for the print formats" in result.output
    result = run("bank", "export", "belgrade-offensive", "-f", "csv", "--versions", "2", "-o", str(tmp_path / "x"))
    assert result.exit_code == 2 and "--versions is for the print formats" in result.output
    result = run("bank", "export", "no-such-bank", "-f", "csv", "-o", str(tmp_path / "x"))
    assert result.exit_code == 2 and result.output.startswith("quiz: ") and "Traceback" not in result.output


def test_bank_export_to_standard_output(run) -> None:  # type: ignore[no-untyped-def]
    result = run("bank", "export", "belgrade-offensive", "-f", "markdown", "--versions", "2", "--key", "-o", "-")
    assert result.exit_code == 0
    assert "## Version A" in result.output and "## Answer key, version B" in result.output


def test_paper_export_prints_each_version_with_its_key(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    desk = TeacherDoor(tmp_path / "quiz.db", "teacher")
    desk.classroom.new_class("7/b")
    paper = desk.classroom.new_paper("belgrade-offensive", "Test: Ниш", class_name="7/b", count=12,
                                     modes=(Mode.MC, Mode.TYPED), seed=5)
    versions = [desk.classroom.print_version(paper, i) for i in range(3)]
    desk.close()
    out = tmp_path / "paper.pdf"
    result = run("paper", "export", paper.code, "--format", "pdf", "--versions", "3", "--key", "-o", str(out))
    assert result.exit_code == 0, result.output
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(out.read_bytes())).pages)
    assert "Class: 7/b" in text and "Test: Ниш" in text
    for letter, version in zip("ABC", versions, strict=True):
        key = text.split(f"Answer key, version {letter}")[1]
        first = version[0]
        expected = first.answer if not first.options else f"{'abcd'[first.options.index(first.answer)]}) {first.answer}"
        assert " ".join(f"1. {expected}".split()) in " ".join(key.split())
    csv_out = tmp_path / "paper.csv"
    assert run("paper", "export", paper.code, "-f", "csv", "-o", str(csv_out)).exit_code == 0
    assert csv_out.read_text(encoding="utf-8-sig").count(paper.questions[0].prompt) == 1
    missing = run("paper", "export", "NOPE", "-f", "gift", "-o", str(tmp_path / "x"))
    assert missing.exit_code == 2 and "NOPE" in missing.output
