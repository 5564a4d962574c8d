"""A database that cannot be used is one line and a non-zero exit, never a traceback or a write."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from quiz.cli import main
from quiz.store import open_db


def quiz(*args: object) -> Result:
    return CliRunner().invoke(main, [str(a) for a in args])


def one_line(result: Result) -> str:
    """The error as a person sees it: non-zero exit, no traceback, one line on stderr."""
    assert result.exit_code != 0, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.output
    return lines[0]


def test_a_corrupt_file_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "corrupt.db"
    bad.write_bytes(b"this is not a database, just some text " * 100)
    line = one_line(quiz("--db", bad, "status"))
    assert line.startswith(f"quiz: cannot open {bad}: not a quiz database")
    assert bad.read_bytes().startswith(b"this is not a database")  # nothing written


def test_a_missing_folder_is_named_unless_create(tmp_path: Path) -> None:
    target = tmp_path / "missing" / "dir" / "x.db"
    line = one_line(quiz("--db", target, "status"))
    assert line == f"quiz: cannot open {target}: the folder {target.parent} does not exist"
    assert not target.parent.exists()
    assert quiz("--db", target, "--create", "status").exit_code == 0
    assert target.exists()


def test_a_folder_whose_parent_is_a_file(tmp_path: Path) -> None:
    plain = tmp_path / "notes.txt"
    plain.write_text("hello")
    target = plain / "sub" / "q.db"
    line = one_line(quiz("--db", target, "--create", "status"))
    assert line == f"quiz: cannot create {target}: {plain} is a file, not a folder"


def _newer(path: Path) -> None:
    open_db(path).close()
    with closing(sqlite3.connect(path)) as conn, conn:  # closed, so the WAL is in the file
        conn.execute(
            "INSERT INTO quiz_migrations (name, applied_at) VALUES ('v99-future', 'x')"
        )
        conn.execute("PRAGMA user_version=99")


def test_a_database_from_a_newer_quiz_is_refused_and_not_written(tmp_path: Path) -> None:
    path = tmp_path / "newer.db"
    _newer(path)
    before = path.read_bytes()
    line = one_line(quiz("--db", path, "learner", "add", "zoe"))
    assert line == f"quiz: {path} was made by a newer version of quiz; upgrade quiz to open it"
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT count(*) FROM learners").fetchone()[0] == 0
    assert path.read_bytes() == before


def test_an_unknown_migration_name_alone_also_means_newer(tmp_path: Path) -> None:
    path = tmp_path / "newer.db"
    _newer(path)
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA user_version=0")  # the count says nothing; the unknown name does
    assert "newer version of quiz" in one_line(quiz("--db", path, "status"))


@pytest.fixture
def immutable(tmp_path: Path) -> Iterator[Path]:
    """A database file the OS will not let anyone write, root included (ext4's immutable flag)."""
    path = tmp_path / "ro.db"
    open_db(path).close()
    if not shutil.which("chattr") or subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode:
        pytest.skip("cannot make a file immutable here (needs root on ext2/3/4)")
    try:
        yield path
    finally:
        subprocess.run(["chattr", "-i", str(path)], check=False)


def test_a_read_only_database_is_reported_at_start(immutable: Path) -> None:
    line = one_line(quiz("--db", immutable, "learner", "add", "zoe"))
    assert line == f"quiz: cannot write {immutable}: read-only file"
