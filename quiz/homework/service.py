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
from quiz.errors import BankNotFound, HomeworkError
from quiz.homework.model import HomeworkInfo, HomeworkReport, StudentProgress
from quiz.library.banks import get_bank, sync_builtin_banks
from quiz.library.card_sync import card_keys, ensure_kind_cards
from quiz.library.preferences import load_settings
from quiz.settings import machine_zone, next_day_start
from quiz.store import Database
from quiz.store import classroom as class_rows
from quiz.store import homework as rows

KINDS = tuple(str(kind) for kind in Kind)


def parse_kinds(text: str | Iterable[str] | None) -> tuple[str, ...]:
    """`date,unit` as kinds in their usual order (None: every kind); HomeworkError names a bad one."""
    if text is None:
        return KINDS
    words = text.split(",") if isinstance(text, str) else list(text)
    chosen = {" ".join(word.split()).lower() for word in words} - {""}
    unknown = sorted(chosen - set(KINDS))
    if unknown:
        raise HomeworkError(f"kinds: '{unknown[0]}' is not a kind (choose from {', '.join(KINDS)})")
    if not chosen:
        raise HomeworkError(f"kinds: name at least one of {', '.join(KINDS)}")
    return tuple(kind for kind in KINDS if kind in chosen)


class Homework:
    """Setting, listing, showing and stopping homework on one connection and clock."""

    def __init__(self, db: Database, clock: Clock) -> None:
        self.db = db
        self.clock = clock

    # -- setting -------------------------------------------------------------------------------
    def set(
        self, class_name: str, bank: str, kinds: str | Iterable[str] | None = None, daily: int | None = None,
        exam: date | None = None,
    ) -> tuple[HomeworkInfo, int]:
        """Give the class's students the bank's cards of `kinds`; the homework and how many cards
        were made (cards a student had already keep their progress)."""
        class_id = self._class_id(class_name)
        chosen = parse_kinds(kinds)
        if daily is not None and daily < 0:
            raise HomeworkError(f"daily: new cards a day must be 0 or more, not {daily}")
        now = self.clock()
        today = now.astimezone(machine_zone()).date()
        if exam is not None and exam < today:
            raise HomeworkError(f"exam: {exam.isoformat()} is in the past (today is {today.isoformat()})")
        loaded = self._bank(bank)
        keys = card_keys(loaded, kinds_for, chosen)
        if not keys:
            raise HomeworkError(f"kinds: bank '{bank}' has no {' or '.join(chosen)} questions")
        homework_id = rows.insert_homework(
            self.db, class_id, bank, chosen, daily, exam.isoformat() if exam else None, utc_iso(now)
        )
        made = sum(
            ensure_kind_cards(self.db, learner_id, bank, keys, now)
            for learner_id, _ in rows.class_learners(self.db, class_id)
        )
        return self.get(homework_id), made

    def _class_id(self, name: str) -> int:
        cleaned = " ".join(str(name).split())
        found = class_rows.class_id(self.db, cleaned)
        if found is None:
            raise HomeworkError(f"class: no class '{cleaned}' (see `quiz class list`)")
        return found

    def _bank(self, name: str) -> Bank:
        sync_builtin_banks(self.db)
        try:
            return get_bank(self.db, name)
        except BankNotFound:
            raise HomeworkError(f"bank: no bank called '{name}' (see `quiz bank list`)") from None

    # -- reading -------------------------------------------------------------------------------
    def get(self, homework_id: int) -> HomeworkInfo:
        row = rows.homework_row(self.db, homework_id)
        if row is None:
            raise HomeworkError(f"id: no homework {homework_id} (see `quiz homework list`)")
        return _info(row)

    def all(self, class_name: str | None = None) -> list[HomeworkInfo]:
        """Every homework (or one class's), by class, oldest first."""
        class_id = self._class_id(class_name) if class_name is not None else None
        return [_info(row) for row in rows.homework_rows(self.db, class_id)]

    def report(self, homework_id: int) -> HomeworkReport:
        """The homework and, per student, cards started of the homework's total and due today."""
        row = rows.homework_row(self.db, homework_id)
        if row is None:
            raise HomeworkError(f"id: no homework {homework_id} (see `quiz homework list`)")
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
            raise HomeworkError(f"id: homework {homework_id} was stopped already")
        rows.stop_homework(self.db, homework_id, self.clock())
        return self.get(homework_id)


def _info(row: rows.HomeworkRow) -> HomeworkInfo:
    created = parse_utc(row.created)
    assert created is not None
    return HomeworkInfo(
        row.id, row.class_name, row.bank, row.kinds, row.daily,
        date.fromisoformat(row.exam) if row.exam else None, created, parse_utc(row.stopped),
    )


__all__ = ["Homework", "HomeworkInfo", "HomeworkReport", "StudentProgress", "parse_kinds"]
