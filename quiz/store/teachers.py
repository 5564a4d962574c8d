"""Teacher rows (issue #21): accounts with a salted password hash, their sign-in failures, and
who owns what. Owners are teacher ids; None is the machine's own teacher (`teacher_id IS NULL`)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from quiz.store.engine import Database


@dataclass(frozen=True)
class TeacherRow:
    id: int
    name: str
    created: str
    classes: int
    papers: int


class PasswordCheck(Protocol):
    """Whether the password being tried matches a stored (salt, hash)."""

    def __call__(self, salt: str, digest: str) -> bool: ...


class Lockout(Protocol):
    """Whether a teacher is locked out now, given their latest failures (ISO times, newest first)."""

    def __call__(self, failures: list[str]) -> bool: ...


class SignIn(StrEnum):
    OK = "ok"
    WRONG = "wrong"  # a wrong password, or no such teacher
    LOCKED = "locked"


def any_teachers(db: Database) -> bool:
    return db.execute("SELECT 1 FROM teachers LIMIT 1").fetchone() is not None


def teacher_id(db: Database, name: str) -> int | None:
    row = db.execute("SELECT id FROM teachers WHERE name = ?", [name]).fetchone()
    return int(row[0]) if row else None


def insert_teacher(db: Database, name: str, salt: str, digest: str, created: str) -> bool:
    """Add a teacher; False when the name is taken."""
    with db.write():
        if db.execute("SELECT 1 FROM teachers WHERE name = ?", [name]).fetchone():
            return False
        db.execute(
            "INSERT INTO teachers (name, password_salt, password_hash, created) VALUES (?, ?, ?, ?)",
            [name, salt, digest, created],
        )
    return True


def teacher_rows(db: Database) -> list[TeacherRow]:
    rows = db.execute(
        "SELECT t.id, t.name, t.created, "
        "(SELECT count(*) FROM classes c WHERE c.teacher_id = t.id), "
        "(SELECT count(*) FROM papers p WHERE p.teacher_id = t.id) "
        f"FROM teachers t ORDER BY {db.dialect.order_nocase('t.name')}"
    )
    return [TeacherRow(int(i), name, created, int(c), int(p)) for i, name, created, c, p in rows]


def set_password(db: Database, name: str, salt: str, digest: str) -> bool:
    """Replace a teacher's password hash (and forget their failures); False when there is no such teacher."""
    with db.write():
        cursor = db.execute(
            "UPDATE teachers SET password_salt = ?, password_hash = ? WHERE name = ?", [salt, digest, name]
        )
        db.execute(
            "DELETE FROM teacher_sign_in_failures WHERE teacher_id = (SELECT id FROM teachers WHERE name = ?)", [name]
        )
    return cursor.rowcount == 1


def owned_counts(db: Database, owner: int | None) -> tuple[int, int]:
    """(classes, papers) the teacher owns (None: the machine's own)."""
    classes = db.execute("SELECT count(*) FROM classes WHERE teacher_id IS NOT DISTINCT FROM ?", [owner]).fetchone()[0]
    papers = db.execute("SELECT count(*) FROM papers WHERE teacher_id IS NOT DISTINCT FROM ?", [owner]).fetchone()[0]
    return int(classes), int(papers)


def hand_over(db: Database, owner: int | None, to: int | None) -> tuple[int, int]:
    """Give every class and paper of `owner` to `to` (None: the machine's own), with the classes'
    live games; how many classes and papers.
    A class whose name `to` already has keeps `owner`: the caller sees it in the counts."""
    with db.write():
        classes = db.execute(
            "UPDATE classes SET teacher_id = ? WHERE teacher_id IS NOT DISTINCT FROM ? AND name NOT IN "
            "(SELECT name FROM classes WHERE teacher_id IS NOT DISTINCT FROM ?)",
            [to, owner, to],
        ).rowcount
        papers = db.execute(
            "UPDATE papers SET teacher_id = ? WHERE teacher_id IS NOT DISTINCT FROM ?", [to, owner]
        ).rowcount
        db.execute(  # a live game follows its class
            "UPDATE live_games SET teacher_id = ? WHERE teacher_id IS NOT DISTINCT FROM ? "
            "AND class_id IN (SELECT id FROM classes WHERE teacher_id IS NOT DISTINCT FROM ?)",
            [to, owner, to],
        )
    return classes, papers


def delete_teacher(db: Database, owner: int) -> bool:
    """Remove a teacher who owns nothing; False when they still own a class or paper (or are gone)."""
    with db.write():
        if any(owned_counts(db, owner)):
            return False
        cursor = db.execute("DELETE FROM teachers WHERE id = ?", [owner])
    return cursor.rowcount == 1


def sign_in(db: Database, name: str, check: PasswordCheck, now: str, limit: int, locked: Lockout) -> tuple[SignIn, list[str]]:
    """One sign-in under the write lock, so guesses racing each other are all counted: the outcome,
    and the teacher's latest `limit` failures (newest first). A try refused while `locked` says so
    is not counted (the lock does not grow); a right password clears the failures."""
    with db.write():
        row = db.execute("SELECT id, password_salt, password_hash FROM teachers WHERE name = ?", [name]).fetchone()
        if row is None:
            return SignIn.WRONG, []
        owner, salt, digest = int(row[0]), row[1], row[2]
        latest = [at for (at,) in db.execute(
            "SELECT at FROM teacher_sign_in_failures WHERE teacher_id = ? ORDER BY at DESC, id DESC LIMIT ?",
            [owner, limit],
        )]
        if locked(latest):
            return SignIn.LOCKED, latest
        if check(salt, digest):
            db.execute("DELETE FROM teacher_sign_in_failures WHERE teacher_id = ?", [owner])
            return SignIn.OK, []
        db.execute("INSERT INTO teacher_sign_in_failures (teacher_id, at) VALUES (?, ?)", [owner, now])
        db.execute(  # only the latest few are ever read
            "DELETE FROM teacher_sign_in_failures WHERE teacher_id = ? AND id NOT IN "
            "(SELECT id FROM teacher_sign_in_failures WHERE teacher_id = ? ORDER BY at DESC, id DESC LIMIT ?)",
            [owner, owner, limit],
        )
    return SignIn.WRONG, [now, *latest][:limit]
