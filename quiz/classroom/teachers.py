"""Teachers on one server (issue #21): accounts with a password stored salted and hashed (scrypt,
as students' personal codes are), signing in with a rate limit, and whose classes and papers a
teacher's door reaches.

A database without teachers is a single teacher's machine, as before: its classes and papers
have no owner (None) and every teacher's door reaches them. Once a teacher exists, a door must
name a known teacher and reaches only that teacher's. The host's shell user is trusted (the CLI
names a teacher without a password); the password is for signing in from a browser tab.
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from datetime import datetime, timedelta

from quiz.classroom import limits
from quiz.classroom.codes import SCRYPT_N, hash_secret
from quiz.clock import Clock, parse_utc, utc_iso
from quiz.errors import SignInRefused, TeacherError
from quiz.library.learners import has_control_character
from quiz.store import Database
from quiz.store import teachers as rows

MIN_PASSWORD = 8
MAX_PASSWORD = 1024  # scrypt reads it all: a megabyte "password" would be a cheap way to load the server
MAX_NAME = 64
PASSWORD_N = SCRYPT_N * 8  # a person's password is weaker than a random code: costlier to guess (~40 ms)
FAILURES = 5  # wrong passwords within WINDOW lock the teacher out for LOCKOUT
WINDOW = timedelta(minutes=15)
LOCKOUT = timedelta(minutes=15)
NO_TEACHER = ("this database has teachers: say which one you are with `quiz --teacher NAME …` "
              "or QUIZ_TEACHER=NAME (see `quiz teacher list`)")
WRONG = "wrong teacher name or password"


@dataclass(frozen=True)
class TeacherInfo:
    name: str
    created: datetime
    classes: int
    papers: int


def teacher_name(name: str) -> str:
    """A teacher's name as stored: one line of printable text, spaces folded."""
    if has_control_character(str(name)):
        raise TeacherError("a teacher's name cannot hold control characters")
    cleaned = " ".join(str(name).split())
    if not cleaned:
        raise TeacherError("a teacher needs a name")
    if len(cleaned) > MAX_NAME:
        raise TeacherError(f"a teacher's name is at most {MAX_NAME} characters")
    return cleaned


def check_password(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise TeacherError(f"a password is at least {MIN_PASSWORD} characters")
    if len(password) > MAX_PASSWORD:
        raise TeacherError(f"a password is at most {MAX_PASSWORD} characters")
    return password


def hash_password(password: str, salt: str | None = None) -> tuple[str, str]:
    """(salt, hash) of a password, both hex text; a fresh salt unless one is given."""
    return hash_secret(password, salt, PASSWORD_N)


def password_matches(password: str, salt: str, digest: str) -> bool:
    if len(password) > MAX_PASSWORD:
        return False
    return hmac.compare_digest(hash_password(password, salt)[1], digest)


def locked_until(failures: list[str]) -> datetime | None:
    """When a lock from these failures (newest first) ends: FAILURES of them within WINDOW lock the
    teacher out for LOCKOUT after the last; None when they do not."""
    if len(failures) < FAILURES:
        return None
    newest, oldest = parse_utc(failures[0]), parse_utc(failures[FAILURES - 1])
    assert newest is not None and oldest is not None
    return newest + LOCKOUT if newest - oldest <= WINDOW else None


class Teachers:
    """The teacher accounts of one database: add, list, remove, change a password, sign in."""

    def __init__(self, db: Database, clock: Clock) -> None:
        self.db = db
        self.clock = clock

    def exist(self) -> bool:
        return rows.any_teachers(self.db)

    def owner(self, name: str | None) -> int | None:
        """Whose classes and papers a door for `name` reaches: None on a database without teachers
        (the machine's own), else the teacher's id; TeacherError when none or an unknown one is named."""
        if not rows.any_teachers(self.db):
            return None
        if name is None:
            raise TeacherError(NO_TEACHER)
        found = rows.teacher_id(self.db, teacher_name(name))
        if found is None:
            raise TeacherError(f"no teacher '{teacher_name(name)}' (see `quiz teacher list`)")
        return found

    def add(self, name: str, password: str, *, adopt: bool = False) -> TeacherInfo:
        """Add a teacher; `adopt` gives them the machine's own classes and papers (those made before
        there were teachers), which no teacher's door reaches otherwise."""
        cleaned = teacher_name(name)
        salt, digest = hash_password(check_password(password))
        if not rows.insert_teacher(self.db, cleaned, salt, digest, utc_iso(self.clock())):
            raise TeacherError(f"teacher '{cleaned}' already exists")
        if adopt:
            rows.hand_over(self.db, None, rows.teacher_id(self.db, cleaned))
        return self.get(cleaned)

    def adopt(self, name: str) -> tuple[int, int]:
        """Give teacher `name` the classes and papers no teacher owns (made before there were
        teachers, or by `quiz demo`); the (classes, papers) given. A class of a name they already
        have stays unowned, and the counts show it."""
        return rows.hand_over(self.db, None, self._id(name))

    def get(self, name: str) -> TeacherInfo:
        cleaned = teacher_name(name)
        for info in self.all():
            if info.name == cleaned:
                return info
        raise TeacherError(f"no teacher '{cleaned}' (see `quiz teacher list`)")

    def all(self) -> list[TeacherInfo]:
        found = []
        for row in rows.teacher_rows(self.db):
            created = parse_utc(row.created)
            assert created is not None
            found.append(TeacherInfo(row.name, created, row.classes, row.papers))
        return found

    def unowned(self) -> tuple[int, int]:
        """(classes, papers) of the machine's own teacher: made before there were teachers."""
        return rows.owned_counts(self.db, None)

    def remove(self, name: str, to: str | None = None) -> tuple[int, int]:
        """Remove a teacher, first giving their classes and papers to teacher `to` (None: refused
        while they own any). The (classes, papers) handed over."""
        owner = self._id(name)
        moved = (0, 0)
        if to is not None:
            receiver = self._id(to)
            if receiver == owner:
                raise TeacherError("give the classes and papers to another teacher than the one removed")
            moved = rows.hand_over(self.db, owner, receiver)
        if not rows.delete_teacher(self.db, owner):
            classes, papers = rows.owned_counts(self.db, owner)
            clash = " (the other teacher has classes of the same names)" if to is not None else ""
            raise TeacherError(
                f"teacher '{teacher_name(name)}' still has {_count(classes, 'class', 'classes')} and "
                f"{_count(papers, 'paper', 'papers')}{clash}: give them to another teacher with --to NAME"
            )
        return moved

    def set_password(self, name: str, password: str) -> None:
        salt, digest = hash_password(check_password(password))
        if not rows.set_password(self.db, teacher_name(name), salt, digest):
            raise TeacherError(f"no teacher '{teacher_name(name)}' (see `quiz teacher list`)")

    def sign_in(self, name: str, password: str) -> str:
        """The teacher's name if the password is theirs; SignInRefused otherwise, one line: a wrong
        name or password (alike), or locked for a while after FAILURES wrong ones within WINDOW."""
        try:
            cleaned = teacher_name(name)
        except TeacherError:
            raise SignInRefused(WRONG) from None
        now = self.clock()

        def locked(failures: list[str]) -> bool:
            until = locked_until(failures)
            return until is not None and now < until

        outcome, failures = rows.sign_in(
            self.db, cleaned, lambda salt, digest: password_matches(password, salt, digest), utc_iso(now), FAILURES,
            locked,
        )
        if outcome is rows.SignIn.OK:
            return cleaned
        until = locked_until(failures)
        if outcome is rows.SignIn.WRONG and not failures:  # no such teacher: the same cost, count and answer
            until = limits.unknown_teacher_locked_until(self.db, cleaned, now)
            if until is None:
                hash_password(password[:MAX_PASSWORD], "00" * 16)
                until = limits.count_unknown_teacher(self.db, cleaned, now, FAILURES, WINDOW, LOCKOUT)
            else:
                outcome = rows.SignIn.LOCKED
        if until is not None and now < until:
            minutes = max(1, -int(-(until - now).total_seconds() // 60))
            wait = f"try again in {_count(minutes, 'minute', 'minutes')}"
            if outcome is rows.SignIn.LOCKED:
                raise SignInRefused(f"too many wrong passwords for '{cleaned}': {wait}")
            raise SignInRefused(f"{WRONG}; too many for '{cleaned}': {wait}")
        raise SignInRefused(WRONG)

    def _id(self, name: str) -> int:
        found = rows.teacher_id(self.db, teacher_name(name))
        if found is None:
            raise TeacherError(f"no teacher '{teacher_name(name)}' (see `quiz teacher list`)")
        return found


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"
