"""Homework (issue #21): a teacher gives a class a bank's cards, at a daily pace, before an exam.

Setting it makes each member's cards of those kinds at once (the library's card sync); a student
who joins later gets them from their next study session, which syncs every stored bank. The study
session reads the active homework itself (`quiz.store.homework.learner_homework`): its new cards
come first at `daily` a day, and its exam date caps intervals (`quiz.scheduling.exam`).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from question_bank.facts.model import Bank
from question_bank.questions import Kind, kinds_for
from quiz.clock import Clock, parse_utc, utc_iso
from quiz.errors import BankNotFound, HomeworkError, mention
from quiz.homework.model import HomeworkInfo, HomeworkReport, StudentProgress
from quiz.library.banks import get_bank, sync_builtin_banks
from quiz.library.card_sync import card_keys, ensure_kind_cards
from quiz.library.preferences import load_settings
from quiz.settings import machine_zone, next_day_start
from quiz.store import Database
from quiz.store import classroom as class_rows
from quiz.store import homework as rows

KINDS = tuple(str(kind) for kind in Kind)
RETENTION_RANGE = (0.7, 0.99)  # as the learner's own desired retention allows


def chosen_kinds(kinds: Iterable[Kind] | None) -> tuple[str, ...]:
    """The kinds in their usual order (None: every kind); HomeworkError when none is named."""
    if kinds is None:
        return KINDS
    chosen = {str(kind) for kind in kinds}
    if not chosen:
        raise HomeworkError("name at least one kind", "kinds")
    return tuple(kind for kind in KINDS if kind in chosen)


class Homework:
    """Setting, listing, showing and stopping homework on one connection and clock, for the classes
    of one teacher (`owner`: a teacher's id; None, the machine's own): a homework belongs to its class's teacher."""

    def __init__(self, db: Database, clock: Clock, owner: int | None = None) -> None:
        self.db = db
        self.clock = clock
        self.owner = owner

    # -- setting -------------------------------------------------------------------------------
    def set(
        self, class_name: str, bank: str, kinds: Iterable[Kind] | None = None, daily: int | None = None,
        exam: date | None = None, retention: float | None = None,
    ) -> tuple[HomeworkInfo, int]:
        """Give the class's students the bank's cards of `kinds`; the homework and how many cards
        were made (cards a student had already keep their progress). With an `exam`, `retention`
        is the predicted recall wanted on that day (None: each student's desired retention)."""
        class_id = self._class_id(class_name)
        chosen = chosen_kinds(kinds)
        if retention is not None:
            low, high = RETENTION_RANGE
            if exam is None:
                raise HomeworkError(f"is the recall wanted on the exam day: give {mention('exam')} too", "retention")
            if not low <= retention <= high:
                raise HomeworkError(f"must be between {low} and {high}, not {retention}", "retention")
        if daily is not None and daily < 0:
            raise HomeworkError(f"new cards a day must be 0 or more, not {daily}", "daily")
        now = self.clock()
        today = now.astimezone(machine_zone()).date()
        if exam is not None and exam < today:
            raise HomeworkError(f"{exam.isoformat()} is in the past (today is {today.isoformat()})", "exam")
        loaded = self._bank(bank)
        keys = card_keys(loaded, kinds_for, chosen)
        if not keys:
            raise HomeworkError(f"bank '{bank}' has no {' or '.join(chosen)} questions", "kinds")
        homework_id = rows.insert_homework(
            self.db, class_id, bank, chosen, daily, exam.isoformat() if exam else None, retention, utc_iso(now)
        )
        made = sum(
            ensure_kind_cards(self.db, learner_id, bank, keys, now)
            for learner_id, _ in rows.class_learners(self.db, class_id)
        )
        return self.get(homework_id), made

    def _class_id(self, name: str) -> int:
        cleaned = " ".join(str(name).split())
        found = class_rows.class_id(self.db, cleaned, self.owner)
        if found is None:
            raise HomeworkError(f"no class '{cleaned}' (see `quiz class list`)", "class_name")
        return found

    def _bank(self, name: str) -> Bank:
        sync_builtin_banks(self.db)
        try:
            return get_bank(self.db, name)
        except BankNotFound:
            raise HomeworkError(f"no bank called '{name}' (see `quiz bank list`)", "bank") from None

    # -- reading -------------------------------------------------------------------------------
    def get(self, homework_id: int) -> HomeworkInfo:
        return _info(self._row(homework_id))

    def _row(self, homework_id: int) -> rows.HomeworkRow:
        """The homework, if it is of this teacher's classes (another's is unknown here)."""
        row = rows.homework_row(self.db, homework_id)
        if row is None or row.teacher_id != self.owner:
            raise HomeworkError(f"no homework {homework_id} (see `quiz homework list`)")
        return row

    def all(self, class_name: str | None = None) -> list[HomeworkInfo]:
        """Every homework (or one class's), by class, oldest first."""
        class_id = self._class_id(class_name) if class_name is not None else None
        return [_info(row) for row in rows.homework_rows(self.db, class_id, self.owner)]

    def report(self, homework_id: int) -> HomeworkReport:
        """The homework and, per student, cards started of the homework's total and due today."""
        row = self._row(homework_id)
        info = _info(row)
        try:
            total = len(card_keys(get_bank(self.db, info.bank), kinds_for, info.kinds))
        except BankNotFound:  # the bank was removed since: count the cards the students have
            total = -1
        now = self.clock()
        students = []
        for learner_id, name in rows.class_learners(self.db, row.class_id):
            day_end = next_day_start(now, load_settings(self.db, learner_id))
            started, cards, due = rows.homework_cards(self.db, learner_id, info.bank, info.kinds, day_end)
            students.append(StudentProgress(name, started, cards if total < 0 else total, due))
        return HomeworkReport(info, tuple(students))

    def reports(self, class_name: str) -> list[HomeworkReport]:
        return [self.report(info.id) for info in self.all(class_name)]

    # -- stopping ------------------------------------------------------------------------------
    def stop(self, homework_id: int) -> HomeworkInfo:
        """Stop a homework: its cards stay the students' own, scheduled as usual from now on."""
        info = self.get(homework_id)
        if not info.active:
            raise HomeworkError(f"homework {homework_id} was stopped already")
        rows.stop_homework(self.db, homework_id, self.clock())
        return self.get(homework_id)


def _info(row: rows.HomeworkRow) -> HomeworkInfo:
    created = parse_utc(row.created)
    assert created is not None
    return HomeworkInfo(
        row.id, row.class_name, row.bank, row.kinds, row.daily,
        date.fromisoformat(row.exam) if row.exam else None, row.retention, created, parse_utc(row.stopped),
    )


__all__ = ["Homework", "HomeworkInfo", "HomeworkReport", "StudentProgress", "chosen_kinds"]
