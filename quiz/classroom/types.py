"""The classroom's value types: what the desk hands the CLI, the take screen, exports and stats.

Positions are a question's place in the paper as made (0-based), whatever order a student sees it
in, so answers, overrides and item statistics line up across versions.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from question_bank.questions import Question
from quiz.model import Outcome


@dataclass(frozen=True)
class ClassInfo:
    name: str
    students: list[str]


@dataclass(frozen=True)
class Paper:
    """A paper as made: its questions frozen, and the rules for taking it."""

    code: str
    title: str
    bank: str
    class_name: str | None
    questions: tuple[Question, ...]
    time_limit: timedelta | None
    attempts: int
    opens: datetime | None
    closes: datetime | None
    practice: bool
    draw: int | None
    show_key: bool
    created: datetime

    def to_json(self, key: bool = False) -> dict:
        """The paper's settings and questions; the key (answers) only when asked."""
        questions = []
        for position, question in enumerate(self.questions):
            item: dict = {"position": position, "kind": question.kind.value, "mode": question.mode.value,
                          "prompt": question.prompt, "options": list(question.options)}
            if key:
                item["answer"] = question.answer
                item["accepted"] = list(question.accepted)
            questions.append(item)
        return {
            "code": self.code, "title": self.title, "bank": self.bank, "class": self.class_name,
            "time_limit_s": int(self.time_limit.total_seconds()) if self.time_limit else None,
            "attempts": self.attempts, "opens": _iso(self.opens), "closes": _iso(self.closes),
            "practice": self.practice, "draw": self.draw, "show_key": self.show_key,
            "created": _iso(self.created), "questions": questions,
        }


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


@dataclass(frozen=True)
class TakeItem:
    """One question as a student's screen may show it: no answer, no key."""

    position: int
    kind: str
    mode: str
    prompt: str
    options: tuple[str, ...]


@dataclass(frozen=True)
class AttemptView:
    attempt_id: int
    paper_code: str
    paper_title: str
    student: str
    items: tuple[TakeItem, ...]  # in this student's order
    answers: dict[int, str]  # position -> answer given so far
    deadline: datetime | None
    submitted: bool


@dataclass(frozen=True)
class ResultItem:
    position: int
    prompt: str
    given: str | None
    verdict: Outcome  # only CORRECT earns the mark: a near miss is wrong until a teacher overrides it
    answer: str | None  # None unless the paper shows the key


@dataclass(frozen=True)
class AttemptResult:
    score: float
    max: int
    items: tuple[ResultItem, ...]
    key_shown: bool
