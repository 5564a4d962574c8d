"""Issue 19 item 19: `-o` onto the database destroyed it. Every command that writes a file refuses
the database and its -wal/-shm/-journal files, by any name (relative, symlink, hard link), in one
line with exit 2, and the database still opens afterwards."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from quiz.cli import main
from quiz.doors.teacher import TeacherDoor

ARTICLE = "On 7 October 1944 the [64th Rifle Corps] took [Zaječar].\nThe 64th Rifle Corps took Zaječar on 7 October 1944.\n"


@pytest.fixture
def classroom(tmp_path: Path) -> tuple[Path, str]:
    """A database with a paper in it, and the paper's code."""
    db = tmp_path / "cc.db"
    desk = TeacherDoor(db, "teacher")
    code = desk.classroom.new_paper("belgrade-offensive", "Paper", count=5, seed=1).code
    desk.close()
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    return db, code


def _commands(code: str, article: Path) -> dict[str, Callable[[str], list[str]]]:
    return {
        "bank export": lambda out: ["bank", "export", "belgrade-offensive", "-f", "gift", "-o", out],
        "bank export anki": lambda out: ["bank", "export", "belgrade-offensive", "-f", "anki", "-o", out],
        "paper export": lambda out: ["paper", "export", code, "-f", "csv", "-o", out],
        "bank extract": lambda out: ["bank", "extract", str(article), "-o", out],
        "bank template": lambda out: ["bank", "template", out],
    }


def _names_of_the_database(tmp_path: Path, db: Path) -> dict[str, str]:
    """Every way the brief's attacker named it: as given, relative with '..', a symlink, a hard
    link, and SQLite's companion files."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir(exist_ok=True)
    (tmp_path / "link.db").unlink(missing_ok=True)
    (tmp_path / "link.db").symlink_to(db)
    (tmp_path / "hard.db").unlink(missing_ok=True)
    os.link(db, tmp_path / "hard.db")
    return {
        "itself": str(db),
        "relative": "../elsewhere/../cc.db",  # from the folder the command runs in
        "symlink": str(tmp_path / "link.db"),
        "hard link": str(tmp_path / "hard.db"),
        "wal": f"{db}-wal",
        "shm": f"{db}-shm",
        "journal": f"{db}-journal",
    }


def _intact(db: Path, before: bytes) -> None:
    assert db.read_bytes() == before
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    result = CliRunner().invoke(main, ["--db", str(db), "paper", "list"])
    assert result.exit_code == 0 and "Paper" in result.output, result.output


@pytest.mark.parametrize("command", ["bank export", "bank export anki", "paper export", "bank extract",
                                     "bank template"])
def test_every_writing_command_refuses_every_name_of_the_database(
    classroom: tuple[Path, str], tmp_path: Path, command: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    db, code = classroom
    before = db.read_bytes()
    names = _names_of_the_database(tmp_path, db)
    monkeypatch.chdir(tmp_path / "elsewhere")
    make = _commands(code, tmp_path / "article.txt")[command]
    for how, name in names.items():
        result: Result = CliRunner().invoke(main, ["--db", str(db), *make(name)])
        lines = result.output.strip().splitlines()
        assert result.exit_code == 2, (how, result.output)
        assert len(lines) == 1 and lines[0].startswith(f"quiz: {name}: is the database"), (how, result.output)
        assert "Traceback" not in result.output
        _intact(db, before)
    assert not [p for p in tmp_path.rglob("*.tmp")]


def test_the_database_reached_through_a_symlinked_db_option_is_refused_too(classroom: tuple[Path, str],
                                                                            tmp_path: Path) -> None:
    db, _ = classroom
    before = db.read_bytes()
    link = tmp_path / "via-link.db"
    link.symlink_to(db)
    result = CliRunner().invoke(main, ["--db", str(link), "bank", "export", "belgrade-offensive", "-f", "gift",
                                       "-o", str(db) + "-wal"])
    assert result.exit_code == 2 and "is the database's -wal file" in result.output
    _intact(db, before)


def test_another_file_beside_the_database_is_written(classroom: tuple[Path, str], tmp_path: Path) -> None:
    db, _ = classroom
    out = tmp_path / "cc.db.gift"  # shares the name's start, is not the database
    result = CliRunner().invoke(main, ["--db", str(db), "bank", "export", "belgrade-offensive", "-f", "gift",
                                       "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").count("::") > 10
