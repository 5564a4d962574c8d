"""Limits on wrong personal codes: 5 for one student, or 20 from one network address, within 15
minutes lock that student's (or that address's) sign-in for 15 minutes.

A student is counted by the name as typed, folded (case, accents, script), within the paper's
class: a name that is on no roster is counted and locked like one that is, so the lock says
nothing about who is in the class. Failures and locks are stored (`quiz.store.sign_in`), so the
limit holds across tabs, processes and hosts; time comes from the caller's clock.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from question_bank.facts.text import fold
from quiz.errors import ClassroomError
from quiz.store import Database
from quiz.store import sign_in as store

STUDENT, ADDRESS, UNKNOWN_TEACHER = "student", "address", "unknown teacher"
STUDENT_TRIES, ADDRESS_TRIES = 5, 20
WINDOW = timedelta(minutes=15)
LOCK = timedelta(minutes=15)


class SignInLocked(ClassroomError):
    """Too many wrong codes: sign-in refused until the lock ends (or a teacher clears it)."""


def student_subject(class_id: int | None, name: str) -> str:
    """The key a student's wrong codes count against: the class ('any' for a paper without one)
    and the folded name, so 'mila petrovic' and 'Mila Petrović' share one count."""
    return f"{'any' if class_id is None else class_id}:{fold(name) or name}"


def at_minute(moment: datetime) -> str:
    """'14:32': the end of a lock in this machine's local time, rounded up to the minute."""
    if moment.second or moment.microsecond:
        moment = moment.replace(second=0, microsecond=0) + timedelta(minutes=1)
    return moment.astimezone().strftime("%H:%M")


def _message(kind: str, shown: str, until: datetime) -> str:
    who = f"for {shown}" if kind == STUDENT else "from this network address"
    return f"too many wrong codes {who}: try again at {at_minute(until)}, or ask your teacher"


def refuse_if_locked(db: Database, subject: str, shown: str, address: str | None, now: datetime) -> None:
    """Raise `SignInLocked` while the address or the student is locked (before any code is checked)."""
    checks = [(ADDRESS, address)] if address else []
    for kind, key in [*checks, (STUDENT, subject)]:
        until = store.locked_until(db, kind, key, now)
        if until is not None:
            raise SignInLocked(_message(kind, shown, until))


def count_failure(db: Database, subject: str, shown: str, address: str | None, now: datetime) -> None:
    """Record one wrong try; raise `SignInLocked` if it was the one that reached a limit."""
    limits = [store.Limit(STUDENT, subject, STUDENT_TRIES, WINDOW, LOCK)]
    if address:
        limits.append(store.Limit(ADDRESS, address, ADDRESS_TRIES, WINDOW, LOCK))
    locked = store.record_failure(db, limits, now)
    if locked:
        limit, until = locked[-1]  # the address's lock, when both came at once: it is the wider one
        raise SignInLocked(_message(limit.kind, shown, until))


def address_locked_until(db: Database, address: str, now: datetime) -> datetime | None:
    """When the address's lock ends (None: not locked): for a teacher's sign-in in a served tab."""
    return store.locked_until(db, ADDRESS, address, now)


def count_address_failure(db: Database, address: str, now: datetime) -> datetime | None:
    """Record one wrong try from `address` alone (a teacher's password); when its lock ends if this
    try reached the limit. Students' wrong codes and teachers' wrong passwords share one count."""
    locked = store.record_failure(db, [store.Limit(ADDRESS, address, ADDRESS_TRIES, WINDOW, LOCK)], now)
    return locked[-1][1] if locked else None


def unknown_teacher_locked_until(db: Database, name: str, now: datetime) -> datetime | None:
    """When the lock on a teacher name nobody has ends (None: not locked)."""
    return store.locked_until(db, UNKNOWN_TEACHER, fold(name) or name, now)


def count_unknown_teacher(db: Database, name: str, now: datetime, tries: int, window: timedelta,
                          lock: timedelta) -> datetime | None:
    """Record a wrong password for a teacher name nobody has, counted as a real teacher's are
    (`tries` within `window` lock for `lock`), so the lockout never tells which names exist; when
    the lock ends if this try reached it."""
    locked = store.record_failure(db, [store.Limit(UNKNOWN_TEACHER, fold(name) or name, tries, window, lock)], now)
    return locked[-1][1] if locked else None


def unlock_student(db: Database, class_id: int, name: str, now: datetime) -> bool:
    """Clear a student's lock and count in a class (and on papers without a class); True if one was in force."""
    subjects = [student_subject(class_id, name), student_subject(None, name)]
    return store.clear(db, STUDENT, subjects, now) > 0


def unlock_address(db: Database, address: str, now: datetime) -> bool:
    return store.clear(db, ADDRESS, [address], now) > 0
