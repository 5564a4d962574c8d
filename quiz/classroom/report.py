"""A paper's results as typed values: what `Classroom.results` hands the results screen, the CLI
and the demo. Front ends read attributes; `PaperResults.to_dict()` is the `quiz paper results
--json` contract (see `quiz paper results --help`), its keys and their order kept exactly."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from quiz.classroom.analysis import OptionStats
from quiz.classroom.types import Paper
from quiz.clock import utc_iso
from quiz.model import Outcome


def _iso(moment: datetime | None) -> str | None:
    return utc_iso(moment) if moment else None


@dataclass(frozen=True)
class Override:
    """A teacher's verdict on one answer, and who gave it when."""

    verdict: Outcome
    by: str
    at: datetime

    def to_dict(self) -> dict[str, object]:
        return {"verdict": self.verdict.value, "by": self.by, "at": utc_iso(self.at)}


@dataclass(frozen=True)
class MarkedAnswer:
    """One question of a student's counted attempt: `question` is its number on the paper as made."""

    question: int
    prompt: str
    given: str | None  # None: left unanswered
    verdict: Outcome  # the one that counts: the override, else the checker's, else UNANSWERED
    checker_verdict: Outcome | None
    override: Override | None

    def to_dict(self) -> dict[str, object]:
        return {
            "question": self.question, "prompt": self.prompt, "given": self.given, "verdict": self.verdict.value,
            "checker_verdict": self.checker_verdict.value if self.checker_verdict else None,
            "override": self.override.to_dict() if self.override else None,
        }


@dataclass(frozen=True)
class StudentResult:
    """A student's last finished attempt, marked."""

    name: str
    score: float
    max: int
    seconds: float | None
    attempt: int  # which of the student's attempts counts (1 …)
    submitted: datetime | None  # when it ended: submitted, or its deadline passed
    answers: tuple[MarkedAnswer, ...]

    def to_dict(self) -> dict[str, object]:
        return {"name": self.name, "score": self.score, "max": self.max, "seconds": self.seconds,
                "attempt": self.attempt, "submitted": _iso(self.submitted),
                "answers": [answer.to_dict() for answer in self.answers]}


@dataclass(frozen=True)
class ItemResult:
    """One question's item analysis, over the students who were asked it."""

    question: int
    prompt: str
    kind: str
    mode: str
    answer: str
    takers: int
    facility: float | None
    discrimination: float | None
    options: tuple[OptionStats, ...]  # none for a typed question
    flags: tuple[str, ...]  # unchosen_distractor, negative_discrimination

    def to_dict(self) -> dict[str, object]:
        return {
            "question": self.question, "prompt": self.prompt, "kind": self.kind, "mode": self.mode,
            "answer": self.answer, "takers": self.takers, "facility": self.facility,
            "discrimination": self.discrimination,
            "options": [{"text": o.text, "correct": o.correct, "chosen": o.chosen, "point_biserial": o.point_biserial}
                        for o in self.options],
            "flags": list(self.flags),
        }


@dataclass(frozen=True)
class ResultsSummary:
    """The paper's figures over the counted attempts (None where there is no spread to measure)."""

    mean: float | None
    median: float | None
    sd: float | None
    alpha: float | None
    attempts: int
    in_progress: int
    max: int
    histogram: tuple[int, ...]  # histogram[s] = how many scored s

    def to_dict(self) -> dict[str, object]:
        return {"mean": self.mean, "median": self.median, "sd": self.sd, "alpha": self.alpha,
                "attempts": self.attempts, "in_progress": self.in_progress, "max": self.max,
                "histogram": list(self.histogram)}


@dataclass(frozen=True)
class PaperResults:
    """Grades per student (by name, ignoring case), item analysis per question, the summary."""

    paper: Paper
    students: tuple[StudentResult, ...]
    items: tuple[ItemResult, ...]
    summary: ResultsSummary

    def to_dict(self) -> dict[str, object]:
        """The `--json` contract."""
        settings = self.paper.to_json()
        del settings["questions"]
        return {
            "paper": {**settings, "questions": len(self.paper.questions)},
            "students": [student.to_dict() for student in self.students],
            "items": [item.to_dict() for item in self.items],
            "summary": self.summary.to_dict(),
        }
