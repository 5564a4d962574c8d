"""`Taking`: what a student does with a paper (sign in, answer, submit, see the marks), without
the teacher's modules (making papers, classes, results, analysis): the student's door stands on
this alone. `Classroom` (service.py) is the teacher's, built on it. Bad input raises
`ClassroomError` with one line."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from question_bank.facts.entities import Catalog
from question_bank.facts.text import fold
from question_bank.questions import Question
from quiz.classroom import attempts, frozen, versions
from quiz.classroom.members import check_code, clean_class_name, match_member, student_name
from quiz.classroom.types import AttemptResult, AttemptView, Paper
from quiz.clock import Clock, parse_utc, utc_now
from quiz.errors import ClassroomError
from quiz.store import Database
from quiz.store import classroom as rows
from quiz.store import now as store_clock


@dataclass(frozen=True)
class OpenPaper:
    """A paper of the student's class open now, as the student's home lists it."""

    code: str
    title: str
    questions: int
    attempts_left: int  # new attempts the student may still start
    in_progress: bool  # an attempt is open: taking the paper resumes it
    closes: datetime | None
    time_limit_s: int | None


class Taking:
    """A student's part of the classroom on one connection: read a paper, sign in with a personal
    code, answer, submit, see the marks. Papers are frozen, so they are cached once read."""

    def __init__(self, db: Database, clock: Clock = utc_now) -> None:
        self.db = db
        self.clock = clock
        self._papers: dict[int, tuple[str, Paper]] = {}
        self._catalogs: dict[str, Catalog | None] = {}  # bank -> catalog typed answers are checked with
        self._versions: dict[tuple[str, str], versions.Version] = {}  # (paper code, student) -> version

    def _now(self) -> datetime:
        """The time the paper rules are judged by: the store's (see `quiz.store.now`)."""
        return store_clock.store_now(self.db, self.clock)

    def paper(self, code: str) -> Paper:
        return self._paper(code)[1]

    def _paper(self, code: str) -> tuple[int, Paper]:
        paper_id, paper = frozen.load_paper(self.db, code, self._catalogs)
        self._papers[paper_id] = (paper.code, paper)
        return paper_id, paper

    def _paper_by_id(self, paper_id: int) -> Paper:
        cached = self._papers.get(paper_id)
        if cached is None:
            row = rows.paper_row_by_id(self.db, paper_id)
            if row is None:
                raise ClassroomError("this paper no longer exists")
            return self._paper(row.code)[1]
        return cached[1]

    # -- versions -------------------------------------------------------------------------------
    def _roster(self, paper: Paper) -> list[str]:
        if paper.class_name is None:
            return []
        class_id = rows.paper_class_id(self.db, paper.code)
        return rows.class_students(self.db, class_id) if class_id is not None else []

    def _version(self, paper: Paper, student: str) -> versions.Version:
        """The student's version, dealt once per instance (it never changes for a paper)."""
        key = (paper.code, student)
        found = self._versions.get(key)
        if found is None:
            found = self._versions[key] = versions.for_student(paper, student, self._roster(paper))
        return found

    def version(self, paper: Paper, student: str) -> tuple[Question, ...]:
        """The student's questions, in their order, with their option order."""
        return tuple(q for _, q in self._version(paper, student_name(student)))

    def version_positions(self, paper: Paper, student: str) -> tuple[int, ...]:
        """The paper positions of the student's questions, in the order they see them."""
        return tuple(p for p, _ in self._version(paper, student_name(student)))

    # -- taking ---------------------------------------------------------------------------------
    def start_attempt(self, code: str, student: str, personal_code: str, address: str | None = None) -> AttemptView:
        """Start an attempt, or resume the open one (its deadline unchanged). The name is matched
        without case or accents; wrong codes count against the student and the network `address`
        (a served tab's; None in a terminal) and lock them after too many (`limits.py`)."""
        paper_id, paper = self._paper(code)
        class_id = rows.paper_class_id(self.db, paper.code) if paper.class_name is not None else None
        name = check_code(self.db, student_name(student), personal_code, class_id, address, self._now())
        version = self._version(paper, name)
        return attempts.start(self.db, paper_id, paper, name, version, self.clock)

    def _attempt(self, attempt_id: int) -> tuple[rows.AttemptRow, Paper]:
        attempt = rows.attempt_row(self.db, attempt_id)
        if attempt is None:
            raise ClassroomError(f"no attempt {attempt_id}")
        return attempt, self._paper_by_id(attempt.paper_id)

    def answer(self, attempt_id: int, position: int, given: str) -> None:
        """Commit one answer now; refused once the deadline has passed or the attempt is submitted."""
        attempt, paper = self._attempt(attempt_id)
        version = self._version(paper, attempt.learner)
        attempts.answer(self.db, attempt, version, position, given, self.clock)

    def submit(self, attempt_id: int) -> AttemptResult:
        """Submit (at the deadline if it has passed) and mark; submitting twice gives the same result."""
        attempt, paper = self._attempt(attempt_id)
        _, newly = rows.finish_attempt(self.db, attempt_id, self.clock)
        version = self._version(paper, attempt.learner)
        marked = attempts.result(self.db, paper, attempt_id, version)
        if newly and paper.practice:
            asked = dict(version)
            answered = [(asked[i.position], i.given, i.verdict) for i in marked.items if i.given is not None]
            from quiz.classroom import practice  # the study schedule: only a practice paper's submission

            practice.schedule(self.db, paper.bank, attempt.learner, answered, self.clock())
        return marked

    def attempt_result(self, attempt_id: int) -> AttemptResult:
        """The marks of an attempt so far (the key only if the paper shows it)."""
        attempt, paper = self._attempt(attempt_id)
        version = self._version(paper, attempt.learner)
        return attempts.result(self.db, paper, attempt_id, version)

    # -- a student signed in to their class (the home in a served tab) -------------------------
    def sign_in_member(self, typed_class: str, student: str, personal_code: str,
                       address: str | None = None) -> tuple[int, str, str]:
        """(class id, class name, member name as the roster has them) of a student signing in to
        their class: the same folding, one message and limits as signing in to a paper
        (`members.check_code`). Class names are unique per teacher only: of several classes so
        named (each teacher's own), the one with the student on its roster is theirs."""
        name = student_name(student)
        candidates = self._classes_named(typed_class)
        if len(candidates) > 1:
            theirs = [c for c in candidates if match_member(self.db, name, c[0]) is not None]
            if len(theirs) > 1:
                raise ClassroomError(f"two classes '{candidates[0][1]}' have a student like '{name}': "
                                     "ask your teacher to sign you in to a paper by its code")
            candidates = theirs or candidates[:1]
        class_id, class_name = candidates[0]
        return class_id, class_name, check_code(self.db, name, personal_code, class_id, address, self._now())

    def _classes_named(self, typed: str) -> list[tuple[int, str]]:
        """Every teacher's classes `typed` names, matched without case or accents ('7b' is '7B'):
        the exact name's if any, else the folded name's."""
        cleaned = clean_class_name(typed)
        classes = rows.every_class(self.db)
        found = [c for c in classes if c[1] == cleaned] or [c for c in classes if fold(c[1]) == fold(cleaned)]
        if not found:
            raise ClassroomError(f"no class '{cleaned}': check its name with your teacher")
        return found

    def open_papers(self, class_id: int, student: str) -> list[OpenPaper]:
        """The class's papers open now that the student can still take (or is taking), oldest first."""
        now = self._now()
        used: dict[int, list[rows.AttemptRow]] = {}
        for attempt, _ in rows.learner_attempts(self.db, student):
            used.setdefault(attempt.paper_id, []).append(attempt)
        found = []
        for row in rows.class_papers(self.db, class_id):
            paper = frozen.thaw(row, None)
            try:
                attempts.check_window(paper, now)
            except ClassroomError:
                continue
            mine = used.get(row.id, [])
            open_now = any(a.submitted is None and (a.deadline is None or _after(a.deadline, now))
                           for a in mine)
            left = max(0, paper.attempts - len(mine))
            if left or open_now:
                limit = int(paper.time_limit.total_seconds()) if paper.time_limit else None
                found.append(OpenPaper(paper.code, paper.title, len(paper.questions), left, open_now,
                                       paper.closes, limit))
        return found

    def start_signed_in(self, code: str, class_id: int, student: str) -> AttemptView:
        """Start (or resume) a paper of the student's own class for a student already signed in to
        it: the personal code is not asked twice. Another class's paper is refused."""
        paper_id, paper = self._paper(code)
        if rows.paper_class_id(self.db, paper.code) != class_id:
            raise ClassroomError(f"paper {paper.code} is not one of your class's papers")
        version = self._version(paper, student)
        return attempts.start(self.db, paper_id, paper, student, version, self.clock)


def _after(stored: str, now: datetime) -> bool:
    moment = parse_utc(stored)
    return moment is not None and moment > now
