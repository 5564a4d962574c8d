"""The store: bank storage and the unit of work on both engines; SQLite's connection pragmas,
migrations from v1 and index use."""

from __future__ import annotations

import sqlite3

import pytest

from quiz.errors import BankConflict, StoreError
from quiz.store import (
    SCHEMA_VERSION,
    connect,
    delete_bank,
    open_db,
    save_bank,
    saved_bank_source,
    saved_banks,
    schema_version,
)
from quiz.store.classroom import class_names
from quiz.store.learners import all_learners
from quiz.store.migrations import applied_names, has_table, migrate

pytestmark = pytest.mark.engines  # the tests given a db_path run on both engines

FACTS = [("a", "A happened.", "1944-10-07"), ("b", "B happened.", "1944-10")]


def test_every_connection_has_the_pragmas(tmp_path):
    db = open_db(tmp_path / "deep" / "dir" / "quiz.db")
    pragma = lambda name: db.conn.execute(f"PRAGMA {name}").fetchone()[0]  # noqa: E731
    assert pragma("foreign_keys") == 1
    assert pragma("journal_mode") == "wal"
    assert pragma("busy_timeout") == 5000
    assert schema_version(db) == SCHEMA_VERSION
    assert db.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_save_list_and_read_back_a_bank(db_path):
    db = open_db(db_path)
    save_bank(db, "mine", "My bank", "imported", "toml", "text = 1", FACTS)
    assert [(b.name, b.title, b.origin, b.fmt, b.fact_count) for b in saved_banks(db)] == [
        ("mine", "My bank", "imported", "toml", 2)
    ]
    assert saved_bank_source(db, "mine") == ("toml", "text = 1")
    assert saved_bank_source(db, "other") is None


def test_reimport_replaces_the_bank_atomically(db_path):
    db = open_db(db_path)
    save_bank(db, "mine", "My bank", "imported", "toml", "v1", FACTS)
    save_bank(db, "mine", "Renamed", "imported", "csv", "v2", FACTS[:1])
    (saved,) = saved_banks(db)
    assert (saved.title, saved.fmt, saved.fact_count) == ("Renamed", "csv", 1)
    # A duplicate fact id fails (raw on SQLite, a StoreError on PostgreSQL): the old bank stays whole.
    with pytest.raises((sqlite3.IntegrityError, StoreError)):
        save_bank(db, "mine", "Broken", "imported", "toml", "v3", [FACTS[0], FACTS[0]])
    assert saved_banks(db)[0].title == "Renamed" and saved_bank_source(db, "mine") == ("csv", "v2")


def test_an_import_cannot_take_a_builtin_name(db_path):
    db = open_db(db_path)
    save_bank(db, "core", "Built in", "builtin", "toml", "x", FACTS)
    with pytest.raises(BankConflict):
        save_bank(db, "core", "Mine", "imported", "toml", "y", FACTS)
    with pytest.raises(BankConflict):
        delete_bank(db, "core")
    save_bank(db, "core", "Built in, updated", "builtin", "toml", "x2", FACTS)
    assert saved_banks(db)[0].title == "Built in, updated"


def test_bad_origin_or_format(db_path):
    db = open_db(db_path)
    with pytest.raises(ValueError):
        save_bank(db, "x", "X", "downloaded", "toml", "", [])
    with pytest.raises(ValueError):
        save_bank(db, "x", "X", "imported", "xlsx", "", [])


def test_delete_bank_removes_its_facts(db_path):
    db = open_db(db_path)
    save_bank(db, "mine", "My bank", "imported", "toml", "v1", FACTS)
    assert delete_bank(db, "mine") and not delete_bank(db, "mine")
    assert db.execute("SELECT count(*) FROM facts").fetchone()[0] == 0


def test_a_write_rolls_back_on_error(db_path):
    db = open_db(db_path)
    with pytest.raises(RuntimeError):
        with db.write():
            db.execute("INSERT INTO learners (name, created) VALUES ('x', 'now')")
            raise RuntimeError
    assert db.execute("SELECT count(*) FROM learners").fetchone()[0] == 0
    assert not db.in_transaction


def test_learners_and_classes_are_listed_ignoring_ascii_case(db_path):
    db = open_db(db_path)
    with db.write():
        db.executemany("INSERT INTO learners (name, created) VALUES (?, 'now')", [("bo",), ("Ana",), ("carl",), ("Ćira",)])
        db.executemany("INSERT INTO classes (name, created) VALUES (?, 'now')", [("7b",), ("7A",), ("8a",)])
    assert [row.name for row in all_learners(db)] == ["Ana", "bo", "carl", "Ćira"]
    assert class_names(db) == ["7A", "7b", "8a"]


def test_upgrade_from_v1_keeps_everything(tmp_path):
    path = tmp_path / "old.db"
    old = connect(path)
    migrate(old, stop_before="v2")  # a database as the first release left it
    assert schema_version(old) == 1 and not has_table(old, "card_sync")
    old.execute("INSERT INTO learners (id, name, created) VALUES (1, 'ann', '2026-01-01T00:00:00.000000+00:00')")
    old.execute(
        "INSERT INTO cards (id, learner_id, bank, fact_id, kind, state, due, reps, created) VALUES "
        "(7, 1, 'b', 'f', 'date', 'review', '2026-01-02T00:00:00.000000+00:00', 3, '2026-01-01T00:00:00.000000+00:00')"
    )
    columns = [c[1] for c in old.execute("SELECT * FROM pragma_table_info('reviews')") if c[1].endswith("_before")]
    old.execute(
        f"INSERT INTO reviews (card_id, learner_id, reviewed_at, rating, mode, verdict, state_after, "
        f"reps_after, lapses_after, leech_after, suspended_after, {', '.join(columns)}) VALUES "
        f"(7, 1, '2026-01-01T00:00:00.000000+00:00', 3, 'mc', 'correct', 'review', 3, 0, 0, 0, "
        f"{', '.join('0' if c.split('_')[0] in ('reps', 'lapses', 'leech', 'suspended') else repr('new') if c == 'state_before' else 'NULL' for c in columns)})"
    )
    old.close()
    db = open_db(path)
    assert schema_version(db) == SCHEMA_VERSION
    assert has_table(db, "card_sync")
    assert {"v1", "v2"} <= applied_names(db)
    assert db.conn.execute("SELECT reps FROM cards WHERE id = 7").fetchone()[0] == 3
    assert db.conn.execute("SELECT count(*) FROM reviews").fetchone()[0] == 1
    assert db.conn.execute("PRAGMA foreign_key_check").fetchall() == []
    open_db(path).close()  # idempotent


def _plan(db, sql, params):
    return " | ".join(row[3] for row in db.conn.execute(f"EXPLAIN QUERY PLAN {sql}", params))


def test_due_and_new_queries_are_index_searches(tmp_path):
    db = open_db(tmp_path / "q.db")
    due = _plan(
        db,
        "SELECT id, bank FROM cards WHERE learner_id = ? AND suspended = 0 AND due < ? AND state = 'review' "
        "ORDER BY due LIMIT 200",
        [1, "2026"],
    )
    assert "SEARCH cards USING INDEX cards_queue (learner_id=? AND state=? AND suspended=? AND due<?)" in due
    assert "TEMP B-TREE" not in due
    new = _plan(
        db, "SELECT id, bank FROM cards WHERE learner_id = ? AND state = 'new' AND suspended = 0 AND due IS NULL ORDER BY id", [1]
    )
    assert "SEARCH cards USING INDEX cards_queue (learner_id=? AND state=? AND suspended=? AND due=?)" in new
    assert "TEMP B-TREE" not in new
    today = _plan(db, "SELECT count(*) FROM reviews WHERE learner_id = ? AND reviewed_at >= ?", [1, "2026"])
    assert "USING COVERING INDEX reviews_learner_time" in today
