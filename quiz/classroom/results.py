"""A paper's grades and item analysis: the `quiz paper results --json` contract, and its CSV.

Each student's last finished attempt counts (submitted, or past its deadline). Item statistics
are over the students who were asked the item (all of them, unless the paper draws questions).
"""

from __future__ import annotations

import csv
import io
from datetime import datetime

from quiz.classroom.analysis import item_stats, summary
from quiz.classroom.attempts import effective
from quiz.classroom.types import Paper, Verdict
from quiz.classroom.versions import Version
from quiz.clock import parse_utc, utc_iso
from quiz.store import classroom as rows

CORRECT = Verdict.CORRECT.value


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


def build(
    paper: Paper, attempts: list[rows.AttemptRow], answers: list[rows.AnswerRow],
    versions: dict[str, Version], now: datetime,
) -> dict:
    """The results object; `versions` gives the positions each student was asked."""
    stamp = utc_iso(now)
    counted, open_count = counted_attempts(attempts, stamp)
    by_attempt: dict[int, dict[int, rows.AnswerRow]] = {}
    for stored in answers:
        by_attempt.setdefault(stored.attempt_id, {})[stored.position] = stored
    everyone = tuple(range(len(paper.questions)))
    students: list[dict] = []
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
            row = given.get(position)
            verdict = effective(row)
            mark = 1.0 if verdict == CORRECT else 0.0
            marks.append(mark)
            answered = row.given if row is not None and row.verdict is not None else None
            item_scores[position].append(mark)
            item_choices[position].append(answered)
            item_takers[position].append(number)
            listed.append({
                "question": position + 1, "prompt": paper.questions[position].prompt, "given": answered,
                "verdict": verdict, "checker_verdict": row.verdict if row else None,
                "override": ({"verdict": row.override_verdict, "by": row.override_by, "at": row.override_at}
                             if row is not None and row.override_verdict else None),
            })
        score = sum(marks)
        totals.append(score)
        maxima.append(len(positions))
        matrix.append(marks)
        ended = parse_utc(finished(attempt, stamp))
        began = parse_utc(attempt.started)
        seconds = round((ended - began).total_seconds(), 3) if ended and began else None
        students.append({"name": name, "score": score, "max": len(positions), "seconds": seconds,
                         "attempt": attempt.number, "submitted": finished(attempt, stamp), "answers": listed})
    items = []
    for position in everyone:
        question = paper.questions[position]
        stats = item_stats(position, question.options, question.answer, item_scores[position],
                           [totals[i] for i in item_takers[position]], item_choices[position])
        items.append({
            "question": position + 1, "prompt": question.prompt, "kind": question.kind.value,
            "mode": question.mode.value, "answer": question.answer, "takers": stats.takers,
            "facility": stats.facility, "discrimination": stats.discrimination,
            "options": [{"text": o.text, "correct": o.correct, "chosen": o.chosen, "point_biserial": o.point_biserial}
                        for o in stats.options],
            "flags": list(stats.flags),
        })
    maximum = max(maxima, default=len(everyone))
    same_items = paper.draw is None or paper.draw >= len(everyone)
    figures = summary(totals, maximum, matrix if same_items else None)
    settings = paper.to_json()
    del settings["questions"]
    return {
        "paper": {**settings, "questions": len(everyone)},
        "students": students,
        "items": items,
        "summary": {"mean": figures.mean, "median": figures.median, "sd": figures.sd, "alpha": figures.alpha,
                    "attempts": figures.attempts, "in_progress": open_count, "max": maximum,
                    "histogram": list(figures.histogram)},
    }


CSV_HEADER = ("student", "score", "max", "seconds", "question", "prompt", "given", "verdict", "answer",
              "override_by", "override_at")


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> object:
    """Text as a spreadsheet shows it, never run: a student who types `=HYPERLINK(…)` as an
    answer must not plant a formula in the teacher's sheet, so such text gets a leading `'`."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def to_csv(report: dict, paper: Paper) -> str:
    """One row per student and answer, as a spreadsheet reads it (text that would start a
    formula is kept as text with a leading `'`)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    for student in report["students"]:
        for item in student["answers"]:
            override = item["override"] or {}
            writer.writerow(tuple(map(_cell, (
                student["name"], student["score"], student["max"], student["seconds"], item["question"],
                item["prompt"], item["given"] or "", item["verdict"], paper.questions[item["question"] - 1].answer,
                override.get("by", ""), override.get("at", ""),
            ))))
    return out.getvalue()
