"""A paper's grades and item analysis (`PaperResults`, whose `to_dict()` is the `quiz paper
results --json` contract), and its CSV.

Each student's last finished attempt counts (submitted, or past its deadline). Item statistics
are over the students who were asked the item (all of them, unless the paper draws questions).
"""

from __future__ import annotations

import csv
import io
from datetime import datetime

from quiz.classroom.analysis import item_stats, summary
from quiz.classroom.attempts import effective
from quiz.classroom.report import (
    ItemResult,
    MarkedAnswer,
    Override,
    PaperResults,
    ResultsSummary,
    StudentResult,
)
from quiz.classroom.types import Paper
from quiz.classroom.versions import Version
from quiz.clock import parse_utc, utc_iso
from quiz.model import Outcome
from quiz.store import classroom as rows


def finished(attempt: rows.AttemptRow, now: str) -> str | None:
    """When the attempt ended (its submission, or its deadline once passed), else None."""
    if attempt.submitted:
        return attempt.submitted
    if attempt.deadline and attempt.deadline <= now:
        return attempt.deadline
    return None


def counted_attempts(attempts: list[rows.AttemptRow], now: str) -> tuple[dict[str, rows.AttemptRow], int]:
    """Each student's last finished attempt, and how many attempts are still open."""
    last: dict[str, rows.AttemptRow] = {}
    open_count = 0
    for attempt in attempts:  # in id order, so a later attempt replaces an earlier one
        if finished(attempt, now):
            last[attempt.learner] = attempt
        else:
            open_count += 1
    return last, open_count


def _marked(position: int, prompt: str, row: rows.AnswerRow | None) -> MarkedAnswer:
    """One answer as results show it (a row holding only an override: nothing given, the override counts)."""
    override = None
    if row is not None and row.override_verdict and row.override_by and row.override_at:
        at = parse_utc(row.override_at)
        assert at is not None
        override = Override(row.override_verdict, row.override_by, at)
    return MarkedAnswer(position + 1, prompt, row.given if row is not None and row.verdict is not None else None,
                        effective(row), row.verdict if row else None, override)


def build(
    paper: Paper, attempts: list[rows.AttemptRow], answers: list[rows.AnswerRow],
    versions: dict[str, Version], now: datetime,
) -> PaperResults:
    """The paper's results; `versions` gives the positions each student was asked."""
    stamp = utc_iso(now)
    counted, open_count = counted_attempts(attempts, stamp)
    by_attempt: dict[int, dict[int, rows.AnswerRow]] = {}
    for stored in answers:
        by_attempt.setdefault(stored.attempt_id, {})[stored.position] = stored
    everyone = tuple(range(len(paper.questions)))
    students: list[StudentResult] = []
    maxima: list[int] = []
    item_scores: dict[int, list[float]] = {p: [] for p in everyone}
    item_choices: dict[int, list[str | None]] = {p: [] for p in everyone}
    item_takers: dict[int, list[int]] = {p: [] for p in everyone}
    totals: list[float] = []
    matrix: list[list[float]] = []
    for number, name in enumerate(sorted(counted, key=str.casefold)):
        attempt = counted[name]
        given = by_attempt.get(attempt.id, {})
        version = versions.get(name)
        positions = sorted(p for p, _ in version) if version else everyone
        marks = []
        listed = []
        for position in positions:
            answer = _marked(position, paper.questions[position].prompt, given.get(position))
            mark = 1.0 if answer.verdict is Outcome.CORRECT else 0.0
            marks.append(mark)
            item_scores[position].append(mark)
            item_choices[position].append(answer.given)
            item_takers[position].append(number)
            listed.append(answer)
        score = sum(marks)
        totals.append(score)
        maxima.append(len(positions))
        matrix.append(marks)
        ended = parse_utc(finished(attempt, stamp))
        began = parse_utc(attempt.started)
        seconds = round((ended - began).total_seconds(), 3) if ended and began else None
        students.append(StudentResult(name, score, len(positions), seconds, attempt.number, ended, tuple(listed)))
    items = []
    for position in everyone:
        question = paper.questions[position]
        stats = item_stats(position, question.options, question.answer, item_scores[position],
                           [totals[i] for i in item_takers[position]], item_choices[position])
        items.append(ItemResult(
            position + 1, question.prompt, question.kind.value, question.mode.value, question.answer, stats.takers,
            stats.facility, stats.discrimination, stats.options, stats.flags,
        ))
    maximum = max(maxima, default=len(everyone))
    same_items = paper.draw is None or paper.draw >= len(everyone)
    figures = summary(totals, maximum, matrix if same_items else None)
    return PaperResults(
        paper, tuple(students), tuple(items),
        ResultsSummary(figures.mean, figures.median, figures.sd, figures.alpha, figures.attempts, open_count,
                       maximum, figures.histogram),
    )


CSV_HEADER = ("student", "score", "max", "seconds", "question", "prompt", "given", "verdict", "answer",
              "override_by", "override_at")


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> object:
    """Text as a spreadsheet shows it, never run: a student who types `=HYPERLINK(…)` as an
    answer must not plant a formula in the teacher's sheet, so such text gets a leading `'`."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def to_csv(report: PaperResults) -> str:
    """One row per student and answer, as a spreadsheet reads it (text that would start a
    formula is kept as text with a leading `'`)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    for student in report.students:
        for item in student.answers:
            override = item.override
            writer.writerow(tuple(map(_cell, (
                student.name, student.score, student.max, student.seconds, item.question,
                item.prompt, item.given or "", item.verdict.value, report.paper.questions[item.question - 1].answer,
                override.by if override else "", utc_iso(override.at) if override else "",
            ))))
    return out.getvalue()
