"""The student's door: sign in to a paper with a name and personal code, answer, submit, see one's
own result, and nothing else.

It stands on `quiz.classroom.taking` alone: no making papers, no classes, no class results, no item
analysis, no exports, no statistics (import-linter's `student-door-chains` contract, and
tests/test_layers.py in a fresh interpreter). The take app (`quiz paper take`, every served tab)
is handed this door and no other.
"""

from __future__ import annotations

from pathlib import Path

from quiz.classroom.taking import Taking
from quiz.classroom.types import AttemptResult, AttemptView
from quiz.clock import Clock
from quiz.doors.base import Door

__all__ = ["AttemptResult", "AttemptView", "StudentDoor"]


class StudentDoor(Door):
    """One student's way to a paper, on one database. Not a learner's or a teacher's door (it is
    no subclass of theirs, and they are not imported here)."""

    def __init__(self, db_path: Path | str, *, clock: Clock | None = None, create_folder: bool = True,
                 address: str | None = None) -> None:
        super().__init__(db_path, clock=clock, create_folder=create_folder)
        self.address = address  # a served tab's browser's network address (None in a terminal)

    @property
    def classroom(self) -> Taking:
        """The taking service on this door's connection and clock (the take screens' calls)."""
        db = self.db
        cached: Taking | None = getattr(self, "_taking", None)
        if cached is None or cached.db is not db:
            cached = self._taking = Taking(db, self.clock)
        return cached

    def paper_title(self, code: str) -> str:
        """The title of paper `code` (ClassroomError, one line, if there is none)."""
        return self.classroom.paper(code).title

    def sign_in(self, code: str, student: str, personal_code: str) -> AttemptView:
        """Start an attempt at paper `code`, or resume the open one (its deadline unchanged). Wrong
        codes count against the student and this door's `address` (see `quiz.classroom.limits`)."""
        return self.classroom.start_attempt(code, student, personal_code, self.address)

    def answer(self, attempt_id: int, position: int, given: str) -> None:
        """Commit one answer now; refused past the deadline or once submitted."""
        self.classroom.answer(attempt_id, position, given)

    def submit(self, attempt_id: int) -> AttemptResult:
        """Submit and mark (the key only if the paper shows it)."""
        return self.classroom.submit(attempt_id)

    def result(self, attempt_id: int) -> AttemptResult:
        """The marks of one's own attempt so far."""
        return self.classroom.attempt_result(attempt_id)
