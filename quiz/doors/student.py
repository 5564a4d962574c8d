"""The student's door: sign in to a paper with a name and personal code, answer, submit, see one's
own result; or sign in to one's class (a served tab's home) and see one's own homework, open papers
and progress, and study the homework; or join a live game of one's class and answer its questions.
Nothing else, and no one else's.

It stands on `quiz.classroom.taking`, `quiz.study` (a study session, one's own homework and
progress) and `quiz.live.player`: no making papers, no classes, no class results, no item
analysis, no exports, no statistics (import-linter's `student-door-chains` contract, and
tests/test_layers.py in a fresh interpreter). The take app (`quiz paper take`, every served tab)
is handed this door and no other.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from quiz.classroom.taking import OpenPaper, Taking
from quiz.classroom.types import AttemptResult, AttemptView
from quiz.clock import Clock
from quiz.doors.base import Door, lazy_attributes
from quiz.errors import ClassroomError
from quiz.store.learners import find_learner

if TYPE_CHECKING:  # the student's home only (homework, progress, studying, live games): a paper's tab loads none of it
    from quiz.live.model import PlayerView
    from quiz.live.player import LivePlayer
    from quiz.study.session import StudySession
    from quiz.study.student_home import HomeworkDue, OwnProgress

_LAZY = {  # value types re-exported for the front ends, imported on first use
    "HomeworkDue": ("quiz.study.student_home", "HomeworkDue"),
    "OwnProgress": ("quiz.study.student_home", "OwnProgress"),
    "PlayerView": ("quiz.live.model", "PlayerView"),
    "StudySession": ("quiz.study.session", "StudySession"),
}

__getattr__ = lazy_attributes(__name__, _LAZY)

__all__ = ["AttemptResult", "AttemptView", "CHECKED_MODES", "HomeworkDue", "OpenPaper", "OwnProgress",
           "PlayerView", "SignedIn", "StudentDoor", "StudySession"]

# Homework in a student's home is judged by the checker, never self-rated: no flip cards.
CHECKED_MODES = ("mc", "typed", "cloze")


@dataclass(frozen=True)
class SignedIn:
    """A student signed in to their class: who, as the roster has them."""

    learner_id: int
    name: str
    class_name: str
    class_id: int


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
        return self.kept("taking", lambda db: Taking(db, self.clock))

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

    # -- the student's home: signed in to a class --------------------------------------------------
    def sign_in_class(self, class_name: str, name: str, personal_code: str) -> SignedIn:
        """Sign in to one's class (name folded, wrong codes limited as for a paper); the door then
        serves this student only."""
        class_id, class_name, member = self.classroom.sign_in_member(class_name, name, personal_code, self.address)
        learner = find_learner(self.db, member)
        if learner is None:  # removed between the check and now
            raise ClassroomError(f"no student '{member}'")
        self.signed_in = SignedIn(learner.id, learner.name, class_name, class_id)
        return self.signed_in

    @property
    def student(self) -> SignedIn:
        found: SignedIn | None = getattr(self, "signed_in", None)
        if found is None:
            raise ClassroomError("sign in to your class first")
        return found

    def homework(self) -> list[HomeworkDue]:
        """The active homework of the student's class: cards due today, new cards left today."""
        from quiz.study.student_home import homework_due

        return homework_due(self.db, self.student.learner_id, self.clock())

    def progress(self) -> OwnProgress:
        from quiz.study.student_home import own_progress

        return own_progress(self.db, self.student.learner_id, self.clock())

    def open_papers(self) -> list[OpenPaper]:
        who = self.student
        return self.classroom.open_papers(who.class_id, who.name)

    def take(self, code: str) -> AttemptView:
        """Start or resume one of the class's open papers, the student already signed in."""
        who = self.student
        return self.classroom.start_signed_in(code, who.class_id, who.name)

    def study_session(self, seed: int | None = None) -> StudySession:
        """Today's queue of the homework's banks only, asked in checked modes only (never a flip
        card, never self-rated). The session opens its own connection; the caller closes it."""
        from quiz.study.session import StudySession

        homework = self.homework()
        banks = list(dict.fromkeys(h.bank for h in homework))
        if not banks:
            raise ClassroomError("no homework is set for your class")
        kinds = tuple(sorted({(h.bank, kind) for h in homework for kind in h.kinds}))  # the homework's cards only
        return StudySession(self.db_path, self.student.name, bank=None, clock=self.clock, seed=seed,
                            bank_names=lambda _db: banks, modes=CHECKED_MODES, card_kinds=kinds)

    # -- live games: a whole class answering the teacher's questions at once -------------------------
    @property
    def _live(self) -> LivePlayer:
        from quiz.live.player import LivePlayer

        return self.kept("live", lambda db: LivePlayer(db, self.clock))

    def live_class(self, code: str) -> str:
        """The class of live game `code` (LiveError for an unknown or ended one): `quiz live join`
        checks the code before it asks the student's name."""
        return self._live.class_of(code)

    def live_sign_in(self, code: str, name: str, personal_code: str) -> SignedIn:
        """Sign in to the class of live game `code` (its usual personal-code checks and lockouts)."""
        return self.sign_in_class(self._live.class_of(code), name, personal_code)

    def live_join(self, code: str) -> PlayerView:
        """Join (or rejoin, with one's score and answers) live game `code` as the signed-in student."""
        return self._live.join(code, self.student.learner_id)

    def live_view(self, code: str) -> PlayerView:
        return self._live.view(code, self.student.learner_id)

    def live_answer(self, code: str, index: int, given: str) -> PlayerView:
        """Answer the open question `index` once (an option's text or number, or typed text)."""
        return self._live.answer(code, self.student.learner_id, index, given)
