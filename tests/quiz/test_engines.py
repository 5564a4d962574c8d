"""What the two engines must agree on, run on each: the schema's bank columns, the migration
history, a newer database refused, the unit of work, and SQL written once for both."""

from __future__ import annotations

import pytest

from quiz.errors import NewerDatabase
from quiz.store import open_db
from quiz.store.bank_admin import BANK_TABLES
from quiz.store.migrations import SCHEMA_VERSION, applied_names, known_migrations, schema_version
from quiz.store.postgres.sql import to_psycopg

pytestmark = pytest.mark.engines


def _columns(db, table: str) -> list[str]:
    if db.engine == "sqlite":
        return [row[1] for row in db.execute(f"SELECT * FROM pragma_table_info('{table}')")]
    return [name for (name,) in db.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() "
        "AND table_name = ?", [table])]


def _tables(db) -> list[str]:
    if db.engine == "sqlite":
        return [name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    return [name for (name,) in db.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()")]


def test_every_table_with_a_bank_column_is_renamed_with_the_bank(db_path):
    db = open_db(db_path)
    assert sorted(t for t in _tables(db) if "bank" in _columns(db, t)) == sorted(BANK_TABLES)


def test_the_migration_history_is_complete_and_a_newer_database_is_refused(db_path):
    db = open_db(db_path)
    assert applied_names(db) == set(known_migrations()) and schema_version(db) == SCHEMA_VERSION
    db.execute("INSERT INTO quiz_migrations (name, applied_at) VALUES ('v99-future', 'x')")
    if db.engine == "sqlite":  # as a newer quiz leaves it: the count too (read first, so it is cheap)
        db.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    db.close()
    with pytest.raises(NewerDatabase, match="newer version of quiz"):
        open_db(db_path)


def test_a_write_is_all_or_nothing_and_returns_ids(db_path):
    db = open_db(db_path)
    with pytest.raises(RuntimeError):
        with db.write():
            db.execute("INSERT INTO learners (name, created) VALUES ('x', 'now')")
            raise RuntimeError
    assert db.execute("SELECT count(*) FROM learners").fetchone()[0] == 0 and not db.in_transaction
    with db.write():
        first = db.execute("INSERT INTO learners (name, created) VALUES ('a', 'now') RETURNING id").fetchall()[0][0]
        again = db.execute("INSERT INTO learners (name, created) VALUES ('a', 'now') ON CONFLICT DO NOTHING")
        assert again.rowcount == 0
        changed = db.executemany("INSERT INTO learners (name, created) VALUES (?, ?) ON CONFLICT DO NOTHING",
                                 [("a", "now"), ("b", "now"), ("c", "now")])
    assert changed == 2 and isinstance(first, int)


def test_text_sorts_bytewise_and_like_ignores_ascii_case(db_path):
    db = open_db(db_path)
    with db.write():
        db.executemany("INSERT INTO learners (name, created) VALUES (?, 'now')", [("b",), ("B",), ("a",), ("Ž",)])
    assert [n for (n,) in db.execute("SELECT name FROM learners ORDER BY name")] == ["B", "a", "b", "Ž"]
    like = f"SELECT count(*) FROM learners WHERE name {db.dialect.like} ?"
    assert db.execute(like, ["b%"]).fetchone()[0] == 2
    assert db.execute(f"SELECT {db.dialect.as_int('2.9')}, {db.dialect.as_int('-2.9')}").fetchone() == (2, -2)
    assert db.execute("SELECT avg(x) FROM (SELECT 1 AS x UNION ALL SELECT 2) t").fetchone()[0] == 1.5


def test_placeholders_become_psycopg_s_and_literals_stay(db_path):
    assert to_psycopg("SELECT '?', x FROM t WHERE a = ? AND b LIKE '%x' AND c = :name AND d::text = ?") == (
        "SELECT '?', x FROM t WHERE a = %s AND b LIKE '%x' AND c = %(name)s AND d::text = %s")
    assert to_psycopg("SELECT 5 % 2") == "SELECT 5 %% 2"
