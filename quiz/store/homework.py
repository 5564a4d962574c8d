"""Homework rows (issue #21): a bank's cards of some kinds set to a class, and what its students did.

Writes run in their own transaction. `kinds` are stored comma-separated (`date,unit`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from quiz.clock import utc_iso
from quiz.store.engine import Database

_COLUMNS = "h.id, h.class_id, c.name, h.bank, h.kinds, h.daily, h.exam, h.retention, h.created, h.stopped, c.teacher_id"
_SELECT = f"SELECT {_COLUMNS} FROM homework h JOIN classes c ON c.id = h.class_id"


@dataclass(frozen=True)
class HomeworkRow:
    id: int
    class_id: int
    class_name: str
    bank: str
    kinds: tuple[str, ...]
    daily: int | None  # None: each learner's own new-card setting
    exam: str | None  # an ISO date
    retention: float | None  # wanted on the exam day; None: each learner's desired retention
    created: str
    stopped: str | None
    teacher_id: int | None  # its class's owner (None: the machine's own teacher)

    @property
    def active(self) -> bool:
        return self.stopped is None


def _row(row: tuple) -> HomeworkRow:
    hid, class_id, class_name, bank, kinds, daily, exam, retention, created, stopped, owner = row
    return HomeworkRow(
        int(hid), int(class_id), class_name, bank, tuple(k for k in kinds.split(",") if k),
        None if daily is None else int(daily), exam,
        None if retention is None else float(retention), created, stopped, None if owner is None else int(owner),
    )


def insert_homework(
    db: Database, class_id: int, bank: str, kinds: Sequence[str], daily: int | None, exam: str | None,
    retention: float | None, created: str,
) -> int:
    """Add a homework; its id."""
    with db.write():
        (hid,) = db.execute(
            "INSERT INTO homework (class_id, bank, kinds, daily, exam, retention, created) "
            "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
            [class_id, bank, ",".join(kinds), daily, exam, retention, created],
        ).fetchall()[0]
    return int(hid)


def homework_row(db: Database, homework_id: int) -> HomeworkRow | None:
    row = db.execute(f"{_SELECT} WHERE h.id = ?", [homework_id]).fetchone()
    return _row(row) if row else None


def homework_rows(db: Database, class_id: int | None = None, owner: int | None = None) -> list[HomeworkRow]:
    """Every homework of the owner's classes (or one class's), by class name then as set."""
    where, params = ("h.class_id = ?", [class_id]) if class_id is not None else ("c.teacher_id IS NOT DISTINCT FROM ?", [owner])
    order = db.dialect.order_nocase("c.name")
    return [_row(r) for r in db.execute(f"{_SELECT} WHERE {where} ORDER BY {order}, h.id", params)]


def stop_homework(db: Database, homework_id: int, at: datetime) -> bool:
    """Mark a homework stopped; False when it is unknown or stopped already."""
    with db.write():
        cursor = db.execute(
            "UPDATE homework SET stopped = ? WHERE id = ? AND stopped IS NULL", [utc_iso(at), homework_id]
        )
    return cursor.rowcount == 1


def class_learners(db: Database, class_id: int) -> list[tuple[int, str]]:
    """(learner id, name) of the class's members, in the order they joined."""
    rows = db.execute(
        "SELECT l.id, l.name FROM class_members m JOIN learners l ON l.id = m.learner_id "
        "WHERE m.class_id = ? ORDER BY m.rowid",
        [class_id],
    )
    return [(int(lid), name) for lid, name in rows]


def learner_homework(db: Database, learner_id: int) -> list[HomeworkRow]:
    """The active homework of every class the learner is in, oldest first."""
    rows = db.execute(
        f"{_SELECT} JOIN class_members m ON m.class_id = h.class_id "
        "WHERE m.learner_id = ? AND h.stopped IS NULL ORDER BY h.id",
        [learner_id],
    )
    return [_row(r) for r in rows]


def _kinds_in(kinds: Sequence[str]) -> str:
    return f"kind IN ({', '.join('?' * len(kinds)) or 'NULL'})"


def homework_cards(db: Database, learner_id: int, bank: str, kinds: Sequence[str], due_before: datetime) -> tuple[int, int, int]:
    """(cards started, cards, cards due before `due_before`) of the learner's cards of the bank in
    these kinds (suspended cards count as cards, never as due)."""
    row = db.execute(
        "SELECT count(CASE WHEN state <> 'new' THEN 1 END), count(*), "
        "count(CASE WHEN state <> 'new' AND suspended = 0 AND due < ? THEN 1 END) "
        f"FROM cards WHERE learner_id = ? AND bank = ? AND {_kinds_in(kinds)}",
        [utc_iso(due_before), learner_id, bank, *kinds],
    ).fetchone()
    return int(row[0]), int(row[1]), int(row[2])


def new_started_since(db: Database, learner_id: int, bank: str, kinds: Sequence[str], since: datetime) -> int:
    """How many of these cards the learner answered for the first time since `since` (today's new)."""
    row = db.execute(
        "SELECT count(*) FROM reviews r JOIN cards c ON c.id = r.card_id "
        f"WHERE r.learner_id = ? AND r.reviewed_at >= ? AND r.state_before = 'new' AND c.bank = ? AND c.{_kinds_in(kinds)}",
        [learner_id, utc_iso(since), bank, *kinds],
    ).fetchone()
    return int(row[0])
