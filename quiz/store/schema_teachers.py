"""Teachers on one server (issue #21): accounts with a salted password hash, the sign-in failures
the rate limit counts, and an owner on classes and papers. `quiz.store.migrations` lists
`teachers-1` after `homework-1`.

An owner (`teacher_id`) of NULL is the machine's own teacher: every class and paper made before
there were teachers, and every one made on a database that has none. Homework belongs to its
class's teacher. Class names are unique per teacher (the machine's own counting as one), which on
SQLite means rebuilding `classes` without its column-level UNIQUE (SQLite cannot drop one), with
foreign keys off as SQLite's own procedure for changing a table asks (`migrate` turns them off).
"""

from __future__ import annotations

from quiz.errors import StoreError
from quiz.store.engine import Database

TEACHERS_1 = """
CREATE TABLE teachers (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    password_salt TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    created TEXT NOT NULL
);
CREATE TABLE teacher_sign_in_failures (
    id INTEGER PRIMARY KEY,
    teacher_id INTEGER NOT NULL REFERENCES teachers(id) ON DELETE CASCADE,
    at TEXT NOT NULL
);
CREATE INDEX teacher_sign_in_failures_teacher ON teacher_sign_in_failures (teacher_id, at);
ALTER TABLE papers ADD COLUMN teacher_id INTEGER REFERENCES teachers(id);
CREATE INDEX papers_teacher ON papers (teacher_id)
"""

# Unique per teacher; NULL (the machine's own) compares as 0, never a teacher's id.
CLASS_NAMES = "CREATE UNIQUE INDEX classes_teacher_name ON classes ((coalesce(teacher_id, 0)), name)"

_CLASSES = """
CREATE TABLE classes_new (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    created TEXT NOT NULL,
    teacher_id INTEGER REFERENCES teachers(id)
)"""


def run(db: Database, script: str) -> None:
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)


def teachers_1(db: Database) -> None:
    """teachers, teacher_sign_in_failures, papers.teacher_id, and classes rebuilt with teacher_id
    and names unique per teacher (the ids kept, so members, papers and homework keep their class)."""
    if db.execute("PRAGMA foreign_keys").fetchone()[0]:
        raise StoreError("rebuilding the classes table needs foreign keys off (see quiz.store.migrations)")
    run(db, TEACHERS_1)
    db.execute(_CLASSES)
    db.execute("INSERT INTO classes_new (id, name, created) SELECT id, name, created FROM classes")
    db.execute("DROP TABLE classes")
    db.execute("ALTER TABLE classes_new RENAME TO classes")
    db.execute(CLASS_NAMES)
    for table in ("class_members", "papers", "homework"):  # the tables that point at classes
        if db.execute(f"PRAGMA foreign_key_check({table})").fetchone() is not None:
            raise StoreError(f"rebuilding the classes table broke a reference in {table}")
