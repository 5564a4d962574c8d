"""Issue 19 item 23: a failed write left a broken file (a truncated .apkg, the previous deck gone).
Every output file goes to a temporary file beside the target and is renamed when whole: on a
failure the previous file is intact, no temporary file remains, and the error is one line."""

from __future__ import annotations

import io
import os
import sqlite3
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from quiz import files
from quiz.cli import main
from quiz.doors.teacher import TeacherDoor

ARTICLE = "The 64th Rifle Corps took Zaječar on 7 October 1944.\nThe 13th Corps freed Niš on 14 October 1944.\n"


def _leftovers(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.name.endswith(".tmp") or p.name.startswith(".quiz-")]


def _deck_notes(data: bytes, tmp_path: Path) -> int:
    """How many notes Anki's own collection file in the .apkg holds (read with sqlite3)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        (tmp_path / "collection.anki2").write_bytes(archive.read("collection.anki2"))
    with sqlite3.connect(tmp_path / "collection.anki2") as collection:
        return int(collection.execute("SELECT count(*) FROM notes").fetchone()[0])


@pytest.fixture
def failing_rename(monkeypatch: pytest.MonkeyPatch) -> None:
    """The disk fills at the last moment: the rename onto the target fails."""

    def full(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full)


def _export(tmp_path: Path, out: Path, fmt: str = "anki") -> list[str]:
    return ["--db", str(tmp_path / "q.db"), "bank", "export", "belgrade-offensive", "-f", fmt, "-o", str(out)]


def test_a_failed_apkg_re_export_keeps_the_previous_deck(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "deck.apkg"
    first = CliRunner().invoke(main, _export(tmp_path, out))
    assert first.exit_code == 0, first.output
    previous = out.read_bytes()
    notes = _deck_notes(previous, tmp_path)
    assert notes > 10

    def full(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    again = CliRunner().invoke(main, _export(tmp_path, out))
    assert again.exit_code == 1, again.output
    lines = again.output.strip().splitlines()
    assert lines == [f"quiz: {out}: could not be written (No space left on device); the file there before is unchanged"]
    assert out.read_bytes() == previous and _deck_notes(out.read_bytes(), tmp_path) == notes
    assert _leftovers(tmp_path) == []


def test_a_full_disk_mid_write_keeps_the_previous_files(tmp_path: Path) -> None:
    """A real short write: RLIMIT_FSIZE makes the kernel refuse bytes past 4 KiB (EFBIG), as a full
    disk would, while the export is written; run in a child process so the limit stays there."""
    db = tmp_path / "q.db"
    TeacherDoor(db, "t").close()
    for name in ("old.gift.txt", "old.apkg", "old.kahoot.xlsx"):
        (tmp_path / name).write_bytes(b"previous " + name.encode())
    script = textwrap.dedent(f"""
        import resource, sys
        from pathlib import Path
        from quiz import files
        from quiz.doors.teacher import TeacherDoor
        from quiz.errors import QuizError
        folder = Path({str(tmp_path)!r})
        desk = TeacherDoor(Path({str(db)!r}), "t")
        export = desk.exports.bank_set("belgrade-offensive")
        kahoot, _ = desk.exports.fit(export, "kahoot", skip=True)
        # genanki builds its deck in a temporary folder of its own: render before the disk fills
        deck, sheet = desk.exports.render(export, "anki"), desk.exports.render(kahoot, "kahoot")
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))
        for fmt, name, write in (
            ("gift", "old.gift.txt", lambda path: desk.exports.write(export, "gift", path)),
            ("anki", "old.apkg", lambda path: files.write_bytes(path, deck)),
            ("kahoot", "old.kahoot.xlsx", lambda path: files.write_bytes(path, sheet)),
        ):
            try:
                write(folder / name)
            except QuizError as error:
                print(fmt, type(error).__name__, error)
            else:
                print(fmt, "written")
    """)
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=tmp_path, timeout=300)
    assert run.returncode == 0, run.stderr
    report = run.stdout.splitlines()
    assert len(report) == 3 and not any(line.endswith("written") for line in report), report
    for line in report:
        assert " WriteFailed " in line and "(File too large); the file there before is unchanged" in line, line
    for name in ("old.gift.txt", "old.apkg", "old.kahoot.xlsx"):
        assert (tmp_path / name).read_bytes() == b"previous " + name.encode()
    assert _leftovers(tmp_path) == []


def test_a_writer_that_fails_half_way_leaves_nothing(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    target.write_text("previous", encoding="utf-8")
    os.chmod(target, 0o640)
    with pytest.raises(RuntimeError, match="render failed"), files.replacing(target) as temporary:
        temporary.write_text("half of a fi", encoding="utf-8")
        raise RuntimeError("render failed")
    assert target.read_text(encoding="utf-8") == "previous" and _leftovers(tmp_path) == []
    files.write_text(target, "whole")  # a good write keeps the file's permissions
    assert target.read_text(encoding="utf-8") == "whole" and (target.stat().st_mode & 0o777) == 0o640


def test_a_symlinked_target_stays_a_link(tmp_path: Path) -> None:
    real, link = tmp_path / "real.gift", tmp_path / "link.gift"
    real.write_text("previous", encoding="utf-8")
    link.symlink_to(real)
    files.write_text(link, "new")
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "new"


def test_a_failed_draft_keeps_the_previous_draft(tmp_path: Path, failing_rename: None) -> None:
    article, draft = tmp_path / "article.txt", tmp_path / "draft.toml"
    article.write_text(ARTICLE, encoding="utf-8")
    draft.write_text("# the teacher's reviewed draft\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["--db", str(tmp_path / "q.db"), "bank", "extract", str(article),
                                       "-o", str(draft), "--year", "1944"])
    assert result.exit_code == 1 and result.output.strip().splitlines() == [
        f"quiz: {draft}: could not be written (No space left on device); the file there before is unchanged"]
    assert draft.read_text(encoding="utf-8") == "# the teacher's reviewed draft\n"
    assert _leftovers(tmp_path) == []


def test_a_failed_template_leaves_no_half_files(tmp_path: Path, failing_rename: None) -> None:
    target = tmp_path / "bank.csv"
    target.write_text("mine", encoding="utf-8")
    result = CliRunner().invoke(main, ["--db", str(tmp_path / "q.db"), "bank", "template", str(target)])
    assert result.exit_code == 1 and "could not write (No space left on device)" in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert target.read_text(encoding="utf-8") == "mine" and not (tmp_path / "bank-entities.csv").exists()
    assert _leftovers(tmp_path) == []


def test_a_missing_folder_is_still_bad_input(tmp_path: Path) -> None:
    out = tmp_path / "no" / "such" / "deck.apkg"
    result = CliRunner().invoke(main, _export(tmp_path, out))
    assert result.exit_code == 2 and result.output.startswith(f"quiz: {out}: cannot write there")
