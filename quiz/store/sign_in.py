"""Sign-in failures and locks (the limits on wrong personal codes): record a wrong try, lock a
subject once it has had too many in a window, read and clear locks. The rules (how many, how
long) are the classroom's (`quiz.classroom.limits`); here they are parameters."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from quiz.clock import parse_utc, utc_iso
from quiz.store.engine import Database


@dataclass(frozen=True)
class Limit:
    """What one wrong try counts against: `kind` ("student", "address") and `subject` (a key for
    that student or address), locked for `lock` after `tries` failures within `window`."""

    kind: str
    subject: str
    tries: int
    window: timedelta
    lock: timedelta


def locked_until(db: Database, kind: str, subject: str, now: datetime) -> datetime | None:
    """The end of the subject's lock, if it is locked now."""
    row = db.execute(
        "SELECT locked_until FROM sign_in_locks WHERE kind = ? AND subject = ? AND locked_until > ?",
        [kind, subject, utc_iso(now)],
    ).fetchone()
    return parse_utc(row[0]) if row else None


def record_failure(db: Database, limits: list[Limit], now: datetime) -> list[tuple[Limit, datetime]]:
    """Count one wrong try against each limit, in one write; the limits it locked and until when.

    Failures older than their window and locks already over are dropped on the way; reaching the
    limit locks the subject and starts its count again, so the next lock needs as many tries again.
    Tries checked at the same moment in several tabs can each pass the lock check before the first
    is counted: a burst may get a few tries past the limit, never many."""
    stamp = utc_iso(now)
    locked: list[tuple[Limit, datetime]] = []
    with db.write():
        db.execute("DELETE FROM sign_in_locks WHERE locked_until <= ?", [stamp])
        for limit in limits:
            since = utc_iso(now - limit.window)
            # every subject's old failures go, not only this one's: names tried once never pile up
            db.execute("DELETE FROM sign_in_failures WHERE kind = ? AND failed_at <= ?", [limit.kind, since])
            db.execute("INSERT INTO sign_in_failures (kind, subject, failed_at) VALUES (?, ?, ?)",
                       [limit.kind, limit.subject, stamp])
            (count,) = db.execute("SELECT count(*) FROM sign_in_failures WHERE kind = ? AND subject = ?",
                                  [limit.kind, limit.subject]).fetchone()
            if int(count) < limit.tries:
                continue
            until = now + limit.lock
            db.execute(
                "INSERT INTO sign_in_locks (kind, subject, locked_until) VALUES (?, ?, ?) "
                "ON CONFLICT (kind, subject) DO UPDATE SET locked_until = excluded.locked_until",
                [limit.kind, limit.subject, utc_iso(until)],
            )
            db.execute("DELETE FROM sign_in_failures WHERE kind = ? AND subject = ?", [limit.kind, limit.subject])
            locked.append((limit, until))
    return locked


def clear(db: Database, kind: str, subjects: list[str], now: datetime) -> int:
    """Forget the subjects' locks and failures (a teacher's unlock); how many locks were in force."""
    cleared = 0
    with db.write():
        for subject in subjects:
            if db.execute("SELECT 1 FROM sign_in_locks WHERE kind = ? AND subject = ? AND locked_until > ?",
                          [kind, subject, utc_iso(now)]).fetchone():
                cleared += 1
            db.execute("DELETE FROM sign_in_locks WHERE kind = ? AND subject = ?", [kind, subject])
            db.execute("DELETE FROM sign_in_failures WHERE kind = ? AND subject = ?", [kind, subject])
    return cleared
