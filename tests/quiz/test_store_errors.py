"""SQLite's errors become one-line StoreErrors inside the store (#20 item 1): the CLI names no
engine, and a person sees one line and a non-zero exit, never a traceback."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from quiz.cli import main
from quiz.errors import StoreError
from quiz.store import open_db
from quiz.store.faults import DatabaseBusy, DatabaseDamaged, NotSaved, StatementRefused
from quiz.store.sqlite import connection
from quiz.store.sqlite.faults import store_error

BUSY = "quiz: the database is busy: other quiz windows kept it locked too long; try again"


def run(*args: object) -> subprocess.CompletedProcess[str]:
    """`python -m quiz ...` as a person runs it."""
    return subprocess.run(
        [sys.executable, "-m", "quiz", *map(str, args)], capture_output=True, text=True, timeout=60,
    )


def one_line(returncode: int, stderr: str) -> str:
    assert returncode != 0, stderr
    assert "Traceback" not in stderr
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    return lines[0]


def cli_line(result: Result) -> str:
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return one_line(result.exit_code, result.stderr)


def test_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    bad = tmp_path / "notes.db"
    bad.write_text("shopping: eggs, milk, bread\n" * 200)
    done = run("--db", bad, "status")
    line = one_line(done.returncode, done.stderr)
    assert line == f"quiz: cannot open {bad}: not a quiz database (the file is damaged or of another kind)"
    assert done.returncode == 1
    assert bad.read_text().startswith("shopping")


@pytest.fixture
def read_only(tmp_path: Path) -> Iterator[Path]:
    """A database file this process may not write: mode 0444, or for root ext4's immutable flag."""
    path = tmp_path / "ro.db"
    open_db(path).close()
    if os.geteuid() != 0:
        path.chmod(0o444)
        yield path
        path.chmod(0o644)
        return
    if not shutil.which("chattr") or subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode:
        pytest.skip("cannot make a file read-only for root here (needs chattr on ext2/3/4)")
    try:
        yield path
    finally:
        subprocess.run(["chattr", "-i", str(path)], check=False)


def test_a_read_only_database_file(read_only: Path) -> None:
    done = run("--db", read_only, "status")
    assert one_line(done.returncode, done.stderr) == f"quiz: cannot write {read_only}: read-only file"
    assert done.returncode == 1


@pytest.fixture
def short_waits(monkeypatch: pytest.MonkeyPatch) -> None:
    """The engine's busy waits cut to a few hundred milliseconds in all."""
    monkeypatch.setattr(connection, "BUSY_TIMEOUT_MS", 50)
    monkeypatch.setattr(connection, "BUSY_RETRIES", 1)
    monkeypatch.setattr(connection, "WRITE_WAIT_S", 0.2)


@pytest.fixture
def locked(tmp_path: Path) -> Iterator[Path]:
    """A quiz database whose write lock another connection holds throughout."""
    path = tmp_path / "q.db"
    open_db(path).close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        yield path
    finally:
        holder.execute("ROLLBACK")
        holder.close()


@pytest.mark.usefixtures("short_waits")
def test_a_database_locked_beyond_the_busy_wait(locked: Path) -> None:
    result = CliRunner().invoke(main, ["--db", str(locked), "learner", "add", "zoe"])
    assert cli_line(result) == BUSY
    assert result.exit_code == 1


@pytest.mark.usefixtures("short_waits")
def test_a_lock_met_mid_run_is_busy_not_an_operational_error(tmp_path: Path) -> None:
    path = tmp_path / "q.db"
    db = open_db(path)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(DatabaseBusy, match="the database is busy"), db.write():
            db.execute("INSERT INTO learners (name, created) VALUES ('zoe', 'x')")
        with pytest.raises(DatabaseBusy):  # a single statement, outside a unit of work
            db.execute("PRAGMA busy_timeout=50")
            db.execute("INSERT INTO learners (name, created) VALUES ('zoe', 'x')")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert db.execute("SELECT count(*) FROM learners").fetchone()[0] == 0
    db.close()


def test_a_write_the_disk_refuses_is_not_saved_and_kept_whole(tmp_path: Path) -> None:
    """As a full disk fails a statement half way (a trigger says so, as SQLite would)."""
    db = open_db(tmp_path / "q.db")
    db.execute("CREATE TEMP TRIGGER full BEFORE INSERT ON learners "
               "BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END")
    with pytest.raises(NotSaved, match="^not saved: the disk is full$"), db.write():
        db.execute("INSERT INTO learners (name, created) VALUES ('zoe', 'x')")
    assert not db.in_transaction
    db.close()


def test_no_sqlite3_error_leaves_the_store(tmp_path: Path) -> None:
    db = open_db(tmp_path / "q.db")
    db.execute("INSERT INTO learners (name, created) VALUES ('zoe', 'x')")
    with pytest.raises(StatementRefused, match="^the database refused a statement: UNIQUE constraint failed"):
        db.execute("INSERT INTO learners (name, created) VALUES ('zoe', 'y')")
    with pytest.raises(StoreError, match="syntax error") as caught:
        db.execute("SELEC 1")
    assert not isinstance(caught.value, sqlite3.Error)
    with pytest.raises(StoreError, match="a write is already open"), db.write(), db.write():
        pass
    db.close()


@pytest.mark.parametrize(("message", "kind", "line"), [
    ("database is locked", DatabaseBusy, BUSY.removeprefix("quiz: ")),
    ("database or disk is full", NotSaved, "not saved: the disk is full"),
    ("attempt to write a readonly database", NotSaved, "not saved: read-only file"),
    ("file is not a database", DatabaseDamaged,
     "cannot use q.db: not a quiz database (the file is damaged or of another kind)"),
    ("database disk image is malformed", DatabaseDamaged,
     "cannot use q.db: the file is damaged (database disk image is malformed)"),
])
def test_each_kind_is_one_line(message: str, kind: type[StoreError], line: str) -> None:
    error = store_error(sqlite3.OperationalError(message) if "malformed" not in message
                        else sqlite3.DatabaseError(message), "q.db")
    assert type(error) is kind and str(error) == line
