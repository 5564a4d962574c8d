"""Taking a paper: start or resume an attempt, commit each answer as it is given, submit.

The deadline is fixed when an attempt starts (started + time limit, never past the paper's
closing time) and the store refuses an answer after it, comparing in its write transaction. Every
time rule is judged at the store's clock (`quiz.store.now`), read inside that transaction: this
process never decides by its own reading of the time.
"""

from __future__ import annotations

import unicodedata
from datetime import datetime

from question_bank.answers import check_question
from question_bank.questions import Mode
from quiz.classroom.types import AttemptResult, AttemptView, Paper, ResultItem, TakeItem
from quiz.classroom.versions import Version
from quiz.clock import Clock, parse_utc
from quiz.errors import ClassroomError
from quiz.model import Outcome
from quiz.store import Database
from quiz.store import classroom as rows

MAX_ANSWER = 500


def check_window(paper: Paper, now: datetime) -> None:
    if paper.opens and now < paper.opens:
        raise ClassroomError(f"paper {paper.code} opens at {paper.opens.isoformat(timespec='minutes')}")
    if paper.closes and now >= paper.closes:
        raise ClassroomError(f"paper {paper.code} closed at {paper.closes.isoformat(timespec='minutes')}")


def deadline_for(paper: Paper, now: datetime) -> datetime | None:
    ends = [moment for moment in (now + paper.time_limit if paper.time_limit else None, paper.closes) if moment]
    return min(ends) if ends else None


def rules_for(paper: Paper) -> rows.AttemptRules:
    """The paper's time rules, for the store to judge at its own now."""

    def rules(now: datetime) -> datetime | None:
        check_window(paper, now)
        return deadline_for(paper, now)

    return rules


def start(
    db: Database, paper_id: int, paper: Paper, student: str, version: Version, clock: Clock
) -> AttemptView:
    status, attempt = rows.start_or_resume(db, paper_id, student, paper.attempts, rules_for(paper), clock)
    if status == "no_learner":
        raise ClassroomError(f"no student '{student}'")
    if status == "used_up" or attempt is None:
        raise ClassroomError(f"'{student}' has used {_all_attempts(paper.attempts)} at paper {paper.code}")
    answers = {a.position: a.given for a in rows.attempt_answers(db, attempt.id) if a.verdict is not None}
    items = tuple(
        TakeItem(position, q.kind.value, q.mode.value, q.prompt, q.options) for position, q in version
    )
    return AttemptView(attempt.id, paper.code, paper.title, student, items, answers,
                       parse_utc(attempt.deadline), attempt.submitted is not None)


def clean_answer(text: str) -> str:
    given = " ".join(str(text).split())
    if not given:
        raise ClassroomError("an empty answer (give one, or leave the question)")
    if len(given) > MAX_ANSWER:
        raise ClassroomError(f"an answer is at most {MAX_ANSWER} characters")
    if any(unicodedata.category(ch) == "Cc" for ch in given):
        raise ClassroomError("an answer cannot hold control characters")
    return given


def answer(
    db: Database, attempt: rows.AttemptRow, version: Version, position: int, text: str, clock: Clock
) -> None:
    asked = dict(version)
    question = asked.get(position)
    if question is None:
        raise ClassroomError(f"question {position + 1} is not on this student's paper")
    given = clean_answer(text) if question.mode is not Mode.MC else str(text).strip()
    if question.mode is Mode.MC and given not in question.options:
        raise ClassroomError(f"question {position + 1}: '{given}' is not one of its options")
    verdict = check_question(question, given).outcome
    status = rows.record_answer(db, attempt.id, position, given, verdict, clock)
    if status == "late":
        raise ClassroomError("the time is up: the answer was not taken")
    if status == "submitted":
        raise ClassroomError("this attempt is submitted: the answer was not taken")
    if status == "missing":
        raise ClassroomError("this attempt no longer exists")


def effective(row: rows.AnswerRow | None) -> Outcome:
    """The verdict that counts: the teacher's override, else the checker's, else unanswered."""
    if row is None:
        return Outcome.UNANSWERED
    return row.override_verdict or row.verdict or Outcome.UNANSWERED


def result(db: Database, paper: Paper, attempt_id: int, version: Version) -> AttemptResult:
    given = {a.position: a for a in rows.attempt_answers(db, attempt_id)}
    items = []
    for position, question in version:
        row = given.get(position)
        items.append(ResultItem(position, question.prompt, row.given if row and row.verdict else None,
                                effective(row), question.answer if paper.show_key else None))
    score = sum(1 for item in items if item.verdict is Outcome.CORRECT)
    return AttemptResult(float(score), len(items), tuple(items), paper.show_key)


def _all_attempts(n: int) -> str:
    return "the one attempt allowed" if n == 1 else f"all {n} attempts"
