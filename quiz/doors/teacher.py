"""The teacher's door: classes, papers, homework, live games, results, exports, a class's progress, and the demo class.

Plain Python (never imports Textual); the features are imported when first used. The student's
door (`quiz.doors.student`) never imports this module.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from question_bank.facts.model import Bank
from quiz.clock import Clock
from quiz.doors.base import Door, lazy_attributes
from quiz.errors import HomeworkError, SignInRefused
from quiz.library import banks as library_banks
from quiz.paths import default_learner

if TYPE_CHECKING:
    from quiz.classroom.service import Classroom
    from quiz.classroom.teachers import Teachers
    from quiz.demo import DemoResult
    from quiz.exports import FORMATS as EXPORT_FORMATS
    from quiz.exports import ExportSet
    from quiz.exports.service import Exports
    from quiz.homework.service import Homework
    from quiz.live.service import LiveHost
    from quiz.stats import Statistics
    from quiz.stats.progress_model import CSV_COLUMNS as PROGRESS_CSV_COLUMNS
    from quiz.stats.progress_model import LEGEND as PROGRESS_LEGEND
    from quiz.stats.progress_model import ClassProgress

_LAZY = {  # value types re-exported for the front ends, imported on first use
    "EXPORT_FORMATS": ("quiz.exports", "FORMATS"),
    "ExportSet": ("quiz.exports", "ExportSet"),
    "Exports": ("quiz.exports.service", "Exports"),
    "PROGRESS_LEGEND": ("quiz.stats.progress_model", "LEGEND"),
    "PROGRESS_CSV_COLUMNS": ("quiz.stats.progress_model", "CSV_COLUMNS"),
}


__getattr__ = lazy_attributes(__name__, _LAZY)


__all__ = ["EXPORT_FORMATS", "PROGRESS_CSV_COLUMNS", "PROGRESS_LEGEND", "ExportSet", "Exports", "TeacherDoor"]


class TeacherDoor(Door):
    """Everything a teacher can do on one database: the classroom, exports, class statistics.

    `teacher` is who signs an override (default: the OS user name). On a database with teacher
    accounts (`quiz teacher add`) it is also whose classes, papers, homework and results the door
    reaches: it must name a known teacher (or `sign_in` first), else each of those is refused with
    one line saying how to pick one. Without accounts, the door reaches everything, as before."""

    def __init__(
        self, db_path: Path | str, teacher: str | None = None, *, clock: Clock | None = None,
        create_folder: bool = True, address: str | None = None,
    ) -> None:
        super().__init__(db_path, clock=clock, create_folder=create_folder)
        self._teacher = teacher
        self.address = address  # a served teacher's tab's browser address (None in a terminal)

    @property
    def teacher(self) -> str:
        return self._teacher or default_learner()

    @property
    def accounts(self) -> Teachers:
        """The teacher accounts (the server host's own commands: add, list, remove, password)."""
        from quiz.classroom.teachers import Teachers

        return Teachers(self.db, self.clock)

    @property
    def owner(self) -> int | None:
        """Whose classes and papers this door reaches: None on a database without teachers, else
        the named teacher's id (TeacherError when none or an unknown one is named)."""
        return self.accounts.owner(self._teacher)

    def sign_in(self, name: str, password: str) -> str:
        """Check a teacher's password (rate-limited per name: see `quiz.classroom.teachers`; and per
        network address with the students' codes, `quiz.classroom.limits`); from then on this door
        is theirs. Their name as stored; `SignInRefused` with one line otherwise."""
        from quiz.classroom import limits

        now = self.clock()
        if self.address is not None:
            until = limits.address_locked_until(self.db, self.address, now)
            if until is not None:
                raise SignInRefused(f"too many wrong tries from this network address: try again at "
                                    f"{limits.at_minute(until)}")
        try:
            signed = self.accounts.sign_in(name, password)
        except SignInRefused:
            if self.address is not None:
                limits.count_address_failure(self.db, self.address, now)
            raise
        self._teacher = signed
        return signed

    def sign_out(self) -> None:
        """This door is no one's again (a served tab's sign-out): it reaches nothing until `sign_in`."""
        self._teacher = None

    def bank(self, name: str) -> Bank:
        """A bank by name (exports read their questions from it)."""
        return library_banks.get_bank(self.db, name)

    def bank_names(self) -> list[str]:
        return library_banks.bank_names(self.db)

    @property
    def classroom(self) -> Classroom:
        """Classes, papers, attempts and results (issue #11) on this door's connection and clock."""
        from quiz.classroom.service import Classroom

        owner = self.owner
        return self.kept("classroom", lambda db: Classroom(db, self.clock, owner), owner)

    @property
    def homework(self) -> Homework:
        """A bank's cards set to a class, at a daily pace, before an exam (issue #21)."""
        from quiz.homework.service import Homework

        return Homework(self.db, self.clock, self.owner)

    @property
    def live(self) -> LiveHost:
        """Live review games for a whole class (issue #22): make, run, end and report them (kept, as
        a game's frozen questions are read once)."""
        from quiz.live.service import LiveHost

        owner = self.owner
        return self.kept("live", lambda db: LiveHost(db, self.clock, owner), owner)

    @property
    def exports(self) -> Exports:
        """Bank and paper exports: GIFT, Moodle XML, QTI, Anki, Kahoot, CSV, Markdown, HTML, PDF (issue #12)."""
        from quiz.exports.service import Exports

        return Exports(self, self.classroom)

    @property
    def statistics(self) -> Statistics:
        """A class's progress over time (issue #13), or any one learner's; a period with no
        learner named is read in the teacher's days (their settings, if they study here)."""
        from quiz.stats import Statistics

        classroom = self.classroom
        return Statistics(self.db, self.clock, self.teacher, classroom.attempts_for, classroom.owner)

    def demo(self, **options: Any) -> DemoResult:
        """Simulate a demo class into this door's database (`quiz.demo.run_demo`'s options)."""
        from quiz.demo import run_demo

        self.close()
        return run_demo(self.db_path, **options)

    def class_progress(self, class_name: str, bank: str | None = None, exam: date | None = None,
                       idle_days: int | None = None) -> ClassProgress:
        """The homework view (#21): per student this week's work, backlog, habits and predicted recall
        on `exam` (None: now); per fact the class's predicted recall. `bank` None: every bank studied.
        With neither bank nor exam given, the class's active homework gives both (the latest one
        with an exam, else the latest one), so the view is the homework's on its exam day."""
        from quiz.stats.progress import IDLE_DAYS, class_progress

        kinds = None
        if bank is None and exam is None:
            bank, exam, kinds = self._homework_focus(class_name)
        return class_progress(self.db, self.clock, class_name, bank, exam,
                              IDLE_DAYS if idle_days is None else idle_days, self.teacher, self.owner, kinds)

    def _homework_focus(self, class_name: str) -> tuple[str | None, date | None, tuple[str, ...] | None]:
        """(bank, exam, kinds) of the class's active homework that the progress view follows, or Nones."""
        try:
            active = [info for info in self.homework.all(class_name) if info.active]
        except HomeworkError:  # no such class: the progress view says so in its own words
            return None, None, None
        if not active:
            return None, None, None
        chosen = max(active, key=lambda info: (info.exam is not None, info.id))
        return chosen.bank, chosen.exam, chosen.kinds
