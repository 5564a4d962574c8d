"""What `quiz demo` asks before writing: does this database hold anything that is not demo data?"""

from __future__ import annotations

from quiz.store.engine import Database


def foreign_data(db: Database) -> str | None:
    """A short description of the first non-demo data found (a learner outside every class, an
    imported bank), or None when the database is empty or holds only demo classes."""
    (loners,) = db.execute(
        "SELECT count(*) FROM learners WHERE id NOT IN (SELECT learner_id FROM class_members)"
    ).fetchone()
    if loners:
        return f"{loners} learner{'' if loners == 1 else 's'} outside any class"
    (imported,) = db.execute("SELECT count(*) FROM banks WHERE origin = 'imported'").fetchone()
    if imported:
        return f"{imported} imported bank{'' if imported == 1 else 's'}"
    return None


def flush(db: Database) -> None:
    """Everything in the WAL into the database file, and the WAL emptied, so the file can be copied."""
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
