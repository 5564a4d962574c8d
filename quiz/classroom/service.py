"""`Classroom`: what a teacher does with classes, papers and results (reached as
`TeacherDoor.classroom`), on a student's `Taking`. Bad input raises `ClassroomError` with one line."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from pathlib import Path

from question_bank.facts.kinds import Kind
from question_bank.questions import Mode, Question
from quiz.classroom import attempts, classes, limits, papers, results, versions
from quiz.classroom.members import need_member, student_name
from quiz.classroom.report import PaperResults
from quiz.classroom.taking import Taking
from quiz.classroom.types import ClassInfo, Paper
from quiz.clock import Clock, parse_utc, utc_iso, utc_now
from quiz.errors import ClassroomError
from quiz.library.learners import has_control_character
from quiz.model import Outcome
from quiz.store import Database
from quiz.store import classroom as rows

OVERRIDES = (Outcome.CORRECT, Outcome.WRONG, Outcome.NEAR_MISS)
MAX_BY = 64


def clean_by(by: str) -> str:
    """Who overrode an answer, as results show it: one short line of printable text."""
    if has_control_character(str(by)):
        raise ClassroomError("a name cannot hold control characters", "by")
    who = " ".join(str(by).split())
    if not who:
        raise ClassroomError("an override needs the teacher's name", "by")
    if len(who) > MAX_BY:
        raise ClassroomError(f"a name is at most {MAX_BY} characters", "by")
    return who


class Classroom(Taking):
    """The teacher's classroom: classes, papers, printed versions, results and overrides, on top of
    a student's `Taking` (which it shares its paper and version caches with).

    `owner` is the teacher whose classes and papers these are (a teacher's id; None: the machine's
    own, which is everything on a database without teachers). Another teacher's class or paper is
    "no class"/"no paper", as if it did not exist."""

    def __init__(self, db: Database, clock: Clock = utc_now, owner: int | None = None) -> None:
        super().__init__(db, clock)
        self.owner = owner

    def _paper(self, code: str) -> tuple[int, Paper]:
        paper_id, paper = super()._paper(code)
        if rows.paper_owner(self.db, paper_id) != (True, self.owner):
            self._papers.pop(paper_id, None)
            raise ClassroomError(f"no paper '{code.strip()}' (see `quiz paper list`)")
        return paper_id, paper

    # -- classes --------------------------------------------------------------------------------
    def new_class(self, name: str) -> ClassInfo:
        return classes.new_class(self.db, name, self.clock, self.owner)

    def add_students(self, class_name: str, names: Iterable[str]) -> list[tuple[str, str]]:
        """Add students, each with a fresh personal code: [(name, code)]; codes are never shown again."""
        return classes.add_students(self.db, class_name, list(names), self.clock, self.owner)

    def add_roster(self, class_name: str, path: Path | str) -> list[tuple[str, str]]:
        return classes.add_roster(self.db, class_name, Path(path), self.clock, self.owner)

    def classes(self) -> list[ClassInfo]:
        return classes.all_classes(self.db, self.owner)

    def class_info(self, name: str) -> ClassInfo:
        return classes.class_info(self.db, name, self.owner)

    def reset_code(self, class_name: str, student: str) -> str:
        return classes.reset_code(self.db, class_name, student, self.owner)

    def unlock(self, class_name: str, student: str) -> tuple[str, bool]:
        """Clear a student's sign-in lock (too many wrong codes): (their name, whether one was in force)."""
        class_id, name = need_member(self.db, class_name, student, self.owner)
        return name, limits.unlock_student(self.db, class_id, name, self._now())  # by folded name

    def unlock_address(self, address: str) -> bool:
        """Clear a network address's sign-in lock; whether one was in force."""
        return limits.unlock_address(self.db, address.strip(), self._now())

    # -- papers ---------------------------------------------------------------------------------
    def new_paper(
        self, bank: str, title: str, *, class_name: str | None = None, count: int | None = None,
        kinds: Iterable[Kind] | None = None, modes: Iterable[Mode] = (Mode.MC,), options: int = 4,
        seed: int | None = None, time_limit: timedelta | None = None, attempts: int = 1,
        opens: datetime | None = None, closes: datetime | None = None, practice: bool = False,
        draw: int | None = None, show_key: bool = False,
    ) -> Paper:
        """Make and store a paper (kinds None: all of them; a moment without a zone is local time).
        A broken rule is a `ClassroomError` naming its field ("time_limit")."""
        request = papers.read_request(count=count, kinds=kinds, modes=modes, options=options, seed=seed,
                                      time_limit=time_limit, attempts=attempts, opens=opens, closes=closes,
                                      draw=draw, now=self._now())
        return papers.make_paper(self.db, self.clock, bank, title, class_name=class_name, request=request,
                                 practice=practice, show_key=show_key, owner=self.owner)

    def papers(self) -> list[Paper]:
        return papers.list_papers(self.db, self.owner)

    def delete_paper(self, code: str) -> None:
        papers.remove_paper(self.db, code, self.owner)
        self._papers.clear()
        self._versions.clear()

    # -- versions ----
    def print_version(self, paper: Paper, index: int) -> tuple[Question, ...]:
        """Printed copy number `index` (0, 1, 2 …); copy n is student n's version on the roster."""
        if index < 0:
            raise ClassroomError("a version number is 0 or more")
        return tuple(q for _, q in versions.numbered(paper, index))

    # -- results --------------------------------------------------------------------------------
    def results(self, code: str) -> PaperResults:
        """Grades and item analysis; `.to_dict()` is the `quiz paper results --json` contract."""
        paper_id, paper = self._paper(code)
        return self._results(paper_id, paper)

    def _results(self, paper_id: int, paper: Paper) -> PaperResults:
        attempts = rows.paper_attempts(self.db, paper_id)
        drawn: dict[str, versions.Version] = {}
        if paper.draw is not None and paper.draw < len(paper.questions):
            roster = self._roster(paper)
            dealt = versions.first_versions(paper, len(roster))
            drawn = {name: dealt[i] for i, name in enumerate(roster)}
            for attempt in attempts:
                if attempt.learner not in drawn:
                    drawn[attempt.learner] = versions.for_student(paper, attempt.learner, roster)
        return results.build(paper, attempts, rows.paper_answers(self.db, paper_id), drawn, self._now())

    def not_taken(self, code: str) -> list[tuple[str, bool]]:
        """The class's students with no finished attempt at the paper, in roster order, each with
        whether an attempt of theirs is open now."""
        paper_id, paper = self._paper(code)
        attempts = rows.paper_attempts(self.db, paper_id)
        done, _ = results.counted_attempts(attempts, utc_iso(self._now()))
        started = {attempt.learner for attempt in attempts}
        return [(name, name in started) for name in self._roster(paper) if name not in done]

    def results_csv(self, code: str) -> str:
        paper_id, paper = self._paper(code)
        return results.to_csv(self._results(paper_id, paper))

    def override(self, code: str, student: str, position: int, verdict: Outcome, by: str) -> None:
        """A teacher's verdict on one answer of the student's counted (last finished) attempt."""
        paper_id, paper = self._paper(code)
        name = student_name(student)
        if verdict not in OVERRIDES:
            raise ClassroomError(f"a verdict is one of {', '.join(OVERRIDES)}")
        who = clean_by(by)
        counted, _ = results.counted_attempts(rows.paper_attempts(self.db, paper_id), utc_iso(self._now()))
        attempt = counted.get(name)
        if attempt is None:
            raise ClassroomError(f"'{name}' has no finished attempt at paper {paper.code}")
        if position not in self.version_positions(paper, name):
            raise ClassroomError(f"question {position + 1} is not on {name}'s paper")
        rows.set_override(self.db, attempt.id, position, verdict, who, utc_iso(self.clock()))

    def attempts_for(self, learner_name: str) -> list[tuple[str, str, float, int, datetime]]:
        """(paper code, title, score, max, finished) of each finished attempt of the learner."""
        now = utc_iso(self._now())
        found = []
        for attempt, code in rows.learner_attempts(self.db, student_name(learner_name), self.owner):
            ended = results.finished(attempt, now)
            if ended is None:
                continue
            paper = self._paper_by_id(attempt.paper_id)
            version = self._version(paper, attempt.learner)
            marked = attempts.result(self.db, paper, attempt.id, version)
            moment = parse_utc(ended)
            assert moment is not None
            found.append((code, paper.title, marked.score, marked.max, moment))
        return found
