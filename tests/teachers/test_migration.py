"""A database made before teachers (both engines) keeps its classes, members, papers and homework
through `teachers-1`, reached as before; class names are unique per teacher in the store itself."""

from __future__ import annotations

import pytest

from quiz.doors.teacher import TeacherDoor
from quiz.errors import StoreError
from quiz.store.engine import Database
from quiz.store.migrations import migrate
from quiz.store.opening import open_db
from quiz.store.postgres.connection import PostgresDatabase
from quiz.store.sqlite.connection import connect

pytestmark = pytest.mark.engines
T = "2026-03-01T10:00:00.000000Z"


def _raw(location) -> Database:
    return PostgresDatabase(str(location)) if str(location).startswith("postgresql") else connect(location)


def test_old_rows_survive_the_migration(db_path, clock) -> None:
    db = _raw(db_path)
    migrate(db, stop_before="teachers-1")
    with db.write():
        db.execute("INSERT INTO learners (name, created) VALUES ('Ivo', ?)", [T])
        db.execute("INSERT INTO classes (name, created) VALUES ('7b', ?)", [T])
        db.execute("INSERT INTO class_members (class_id, learner_id, code_hash, code_salt) VALUES (1, 1, 'h', 's')")
        db.execute("INSERT INTO papers (code, title, bank, class_id, settings_json, questions_json, created) "
                   "VALUES ('ABCDEF', 'Old', 'belgrade-offensive', 1, '{}', '[]', ?)", [T])
        db.execute("INSERT INTO homework (class_id, bank, kinds, created) VALUES (1, 'belgrade-offensive', 'date', ?)",
                   [T])
    db.close()
    teacher = TeacherDoor(db_path, clock=clock)
    assert [(c.name, c.students) for c in teacher.classroom.classes()] == [("7b", ["Ivo"])]
    assert [(p.code, p.class_name) for p in teacher.classroom.papers()] == [("ABCDEF", "7b")]
    assert [h.class_name for h in teacher.homework.all()] == ["7b"]
    teacher.close()


def test_class_names_are_unique_per_teacher_in_the_store(db_path) -> None:
    db = open_db(db_path)
    try:
        with db.write():
            db.execute("INSERT INTO teachers (name, password_salt, password_hash, created) VALUES ('A', 's', 'h', ?)", [T])
            for owner in (None, 1):
                db.execute("INSERT INTO classes (name, created, teacher_id) VALUES ('7b', ?, ?)", [T, owner])
        for owner in (None, 1):
            with pytest.raises(StoreError), db.write():
                db.execute("INSERT INTO classes (name, created, teacher_id) VALUES ('7b', ?, ?)", [T, owner])
    finally:
        db.close()
