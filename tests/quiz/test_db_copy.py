"""`quiz db copy`: whole databases between SQLite and PostgreSQL, ids, sequences, roll-up and outputs kept."""

from __future__ import annotations

import json
from collections.abc import Generator, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from quiz.cli import main
from quiz.demo import run_demo
from quiz.store import copy_streams, copying
from quiz.store import live as live_rows
from quiz.store.copying import TABLES, copy_database
from quiz.store.migrations import TABLE as MIGRATIONS
from quiz.store.opening import open_db
from quiz.study.session import StudySession
from tests.support.engines import fresh_postgres

END = datetime(2026, 5, 10, 12, tzinfo=UTC)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("copy") / "demo.db"
    run_demo(path, students=5, days=10, seed=0, end=END)
    homework = cli("--db", str(path), "homework", "set", "--class", "demo", "--bank", "belgrade-offensive",
                   "--kinds", "date", "--daily", "3")  # so the copy carries a homework row too
    assert homework.exit_code == 0, homework.output
    _live_game(path, "demo", END)
    return path


@pytest.fixture
def pg_url() -> Iterator[str]:
    yield from fresh_postgres()


@pytest.fixture
def pg_url_2() -> Iterator[str]:
    yield from fresh_postgres()


def cli(*args: str) -> Any:
    return CliRunner().invoke(main, list(args))


def copy_cli(source: str | Path, target: str | Path) -> None:
    result = cli("db", "copy", str(source), str(target))
    assert result.exit_code == 0, result.output
    assert result.output.startswith("copied ")


def dump(location: str | Path) -> dict[str, list[tuple]]:
    """Every table's rows, ordered by key (class members by the order they joined)."""
    db = open_db(location)
    try:
        tables = {}
        for table in TABLES:
            names = sorted(copying._columns(db, table.name))
            rows = db.execute(f"SELECT {', '.join(names)} FROM {table.name} ORDER BY {', '.join(table.key)}")
            tables[table.name] = [tuple(row) for row in rows]
        return tables
    finally:
        db.close()


def new_target(engine: str, tmp_path: Path) -> Generator[str]:
    """A new SQLite file, or a URL on a fresh PostgreSQL schema."""
    if engine == "postgresql":
        yield from fresh_postgres()
    else:
        yield str(tmp_path / "copy.db")


def ids(location: str | Path, table: str, column: str) -> list[int]:
    db = open_db(location)
    try:
        return [row[0] for row in db.execute(f"SELECT {column} FROM {table} ORDER BY {column}")]
    finally:
        db.close()


def outputs(location: str | Path) -> list[str]:
    """What a teacher reads: the class's statistics, each student's, and each paper's results."""
    texts = [cli("--db", str(location), "stats", "--class", "demo", "--json")]
    names = [s["name"] for s in json.loads(texts[0].output)["students"]]
    texts += [cli("--db", str(location), "stats", "--learner", name, "--json") for name in names]
    papers = json.loads(cli("--db", str(location), "paper", "list", "--json").output)
    texts += [cli("--db", str(location), "paper", "results", paper["code"], "--json") for paper in papers]
    assert all(text.exit_code == 0 for text in texts), [t.output for t in texts if t.exit_code]
    assert len(papers) == 2
    return [text.output for text in texts]


def test_the_copy_knows_every_table(tmp_path: Path) -> None:
    db = open_db(tmp_path / "new.db")
    try:
        assert set(copying._tables(db)) == {t.name for t in TABLES} | {MIGRATIONS}
    finally:
        db.close()


def test_sqlite_to_sqlite_keeps_every_row_and_output(demo_db: Path, tmp_path: Path) -> None:
    target = tmp_path / "copy.db"
    copy_cli(demo_db, target)
    before = dump(demo_db)
    assert dump(target) == before
    assert len(before["reviews"]) > 300 and before["review_hours"] and before["attempt_answers"]
    assert outputs(target) == outputs(demo_db)


def test_streams_in_batches(demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(copy_streams, "BATCH", 7)
    seen: list[tuple[str, int, int]] = []
    result = copy_database(demo_db, tmp_path / "copy.db", lambda table, done, total: seen.append((table, done, total)))
    assert dump(tmp_path / "copy.db") == dump(demo_db)
    assert len([s for s in seen if s[0] == "reviews"]) >= result.rows["reviews"] // 7
    assert seen[-1][1] == seen[-1][2] == result.total


@pytest.mark.postgres
def test_round_trip_through_postgresql(demo_db: Path, pg_url: str, tmp_path: Path) -> None:
    back = tmp_path / "back.db"
    copy_cli(demo_db, pg_url)
    copy_cli(pg_url, back)
    source = dump(demo_db)
    assert dump(pg_url) == source
    assert dump(back) == source
    expected = outputs(demo_db)
    assert outputs(pg_url) == expected
    assert outputs(back) == expected


@pytest.mark.postgres
def test_postgresql_to_postgresql_and_in_batches(demo_db: Path, pg_url: str, pg_url_2: str,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    copy_database(demo_db, pg_url)
    monkeypatch.setattr(copy_streams, "BATCH", 7)
    copy_database(pg_url, pg_url_2)
    assert dump(pg_url_2) == dump(demo_db)


def _new_rows(location: str | Path) -> None:
    """A new learner answers a card, a new class takes them in."""
    session = StudySession(location, "Newcomer", clock=lambda: END + timedelta(days=1), seed=1)
    with session:
        session.rate(3, 1000)
    door = cli("--db", str(location), "class", "new", "after")
    assert door.exit_code == 0, door.output
    added = cli("--db", str(location), "class", "add", "after", "Newcomer")
    assert added.exit_code == 0, added.output
    homework = cli("--db", str(location), "homework", "set", "--class", "after", "--bank", "belgrade-offensive")
    assert homework.exit_code == 0, homework.output
    _live_game(location, "after", END + timedelta(days=1))


def _live_game(location: str | Path, class_name: str, at: datetime) -> None:
    """A live game of the class, its first student joined with an answer."""
    db = open_db(location)
    try:
        class_id, learner_id = db.execute(
            "SELECT c.id, m.learner_id FROM class_members m JOIN classes c ON c.id = m.class_id WHERE c.name = ? "
            "ORDER BY m.learner_id LIMIT 1", [class_name]).fetchone()
        code = f"LIVE{class_id}"
        assert live_rows.insert_game(db, code, class_id, None, "belgrade-offensive", "weak", "{}", "[]", at)
        game = live_rows.game_row(db, code)
        assert game is not None
        with db.write():
            live_rows.add_player(db, game.id, learner_id, at)
            live_rows.insert_answer(db, game.id, 0, learner_id, "1944", "correct", 900, at, 2000)
    finally:
        db.close()


@pytest.mark.parametrize("engine", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def test_rows_added_after_a_copy_get_fresh_ids(engine: str, demo_db: Path, tmp_path: Path) -> None:
    urls = new_target(engine, tmp_path)
    location = next(urls)
    try:
        copy_database(demo_db, location)
        keys = [(t.name, t.identity) for t in TABLES if t.identity is not None]
        before = {table: ids(location, table, key) for table, key in keys}
        _new_rows(location)
        for table, key in keys:
            if table in ("papers", "attempts", "sign_in_failures", "teachers", "teacher_sign_in_failures"):
                continue
            new = [i for i in ids(location, table, key) if i not in before[table]]
            assert new and min(new) == max(before[table]) + 1, table
        # the roll-up went on counting from the copied rows
        db = open_db(location)
        try:
            assert db.execute("SELECT sum(reviews) FROM review_hours").fetchone()[0] == len(ids(location, "reviews", "id"))
        finally:
            db.close()
    finally:
        urls.close()


@pytest.mark.parametrize("engine", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def test_a_target_with_rows_is_refused(engine: str, demo_db: Path, tmp_path: Path) -> None:
    urls = new_target(engine, tmp_path)
    location = next(urls)
    try:
        copy_database(demo_db, location)
        rows = dump(location)
        result = cli("db", "copy", str(demo_db), location)
        assert result.exit_code == 2
        lines = result.output.strip().splitlines()
        assert len(lines) == 1 and "is not empty (the table learners has rows)" in lines[0]
        assert lines[0].startswith("quiz: ") and ("postgresql://" in lines[0] or location in lines[0])
        assert dump(location) == rows
    finally:
        urls.close()


@pytest.mark.parametrize("engine", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def test_a_failure_leaves_the_target_empty(engine: str, demo_db: Path, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    urls = new_target(engine, tmp_path)
    location = next(urls)
    try:
        writer = copy_streams._PostgresWriter if engine == "postgresql" else copy_streams._SqliteWriter
        insert = writer.insert

        def failing(self: Any, table: str, names: Any, rows: Any) -> None:
            if table == "papers":
                raise copy_streams.StoreError("the disk is full")
            insert(self, table, names, rows)

        monkeypatch.setattr(writer, "insert", failing)
        with pytest.raises(copy_streams.StoreError):
            copy_database(demo_db, location)
        assert all(rows == [] for rows in dump(location).values())
        monkeypatch.setattr(writer, "insert", insert)
        copy_database(demo_db, location)  # and it can be copied into afterwards
        assert dump(location) == dump(demo_db)
    finally:
        urls.close()


def test_bad_input_is_one_line_and_exit_2(demo_db: Path, tmp_path: Path) -> None:
    cases = [
        ([str(tmp_path / "missing.db"), str(tmp_path / "t.db")], "missing.db: no such database file"),
        ([str(demo_db), str(demo_db)], "the source and the target are the same database"),
        ([str(demo_db), str(tmp_path / "no" / "folder.db")], "does not exist"),
        ([str(demo_db), "postgresql://quiz@127.0.0.1:1/nowhere"], "cannot reach postgresql://quiz@127.0.0.1:1/nowhere"),
        (["postgresql://nobody:secret@127.0.0.1:1/x", str(tmp_path / "t2.db")], "cannot reach postgresql://nobody:***@"),
    ]
    not_quiz = tmp_path / "notes.db"
    not_quiz.write_text("not a database at all, just some text " * 100)
    cases.append(([str(not_quiz), str(tmp_path / "t3.db")], "notes.db: not a quiz database"))
    for args, message in cases:
        result = cli("db", "copy", *args)
        lines = result.output.strip().splitlines()
        assert result.exit_code == 2, (args, result.output)
        assert len(lines) == 1 and message in lines[0], (args, result.output)
        assert "Traceback" not in result.output and "secret" not in result.output


def test_a_newer_source_is_refused(demo_db: Path, tmp_path: Path) -> None:
    import shutil
    import sqlite3

    newer = tmp_path / "newer.db"
    shutil.copyfile(demo_db, newer)
    with sqlite3.connect(newer) as conn:
        conn.execute(f"INSERT INTO {MIGRATIONS} (name, applied_at) VALUES ('from-the-future', 'x')")
    result = cli("db", "copy", str(newer), str(tmp_path / "t.db"))
    assert result.exit_code == 1 and "made by a newer version of quiz" in result.output
    assert result.output.count("\n") == 1
