"""What the homework feature hands the front ends: frozen values, no behaviour."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class HomeworkInfo:
    """One homework as set: a bank's cards of some kinds for a class."""

    id: int
    class_name: str
    bank: str
    kinds: tuple[str, ...]
    daily: int | None  # new cards a day at most; None: each student's own new-card setting
    exam: date | None
    retention: float | None  # predicted recall wanted on the exam day; None: each student's desired retention
    created: datetime
    stopped: datetime | None

    @property
    def active(self) -> bool:
        return self.stopped is None

    def to_dict(self) -> dict:
        return {
            "id": self.id, "class": self.class_name, "bank": self.bank, "kinds": list(self.kinds),
            "daily": self.daily, "exam": self.exam.isoformat() if self.exam else None, "retention": self.retention,
            "created": self.created.isoformat(), "active": self.active,
            "stopped": self.stopped.isoformat() if self.stopped else None,
        }


@dataclass(frozen=True)
class StudentProgress:
    """A student's part of a homework: cards started of the homework's total, and due today."""

    name: str
    started: int
    total: int
    due_today: int

    def to_dict(self) -> dict:
        return {"name": self.name, "started": self.started, "total": self.total, "due_today": self.due_today}


@dataclass(frozen=True)
class HomeworkReport:
    homework: HomeworkInfo
    students: tuple[StudentProgress, ...]

    def to_dict(self) -> dict:
        return {**self.homework.to_dict(), "students": [s.to_dict() for s in self.students]}
