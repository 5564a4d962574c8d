"""`quiz paper …`: make, list, show and delete papers; their results, and a teacher's overrides.

(`quiz paper take` lives in `quiz.cli.take`.) Options are read here ("15m", "mc,typed": a bad one
is click's one line) and handed over typed; the classroom checks its rules and names the field.
"""

from __future__ import annotations

import importlib
import importlib.util
import json
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

import click

from quiz.cli.context import AppContext
from quiz.cli.format import counted
from quiz.cli.params import DURATION, WHEN, EnumList
from quiz.console import printable
from quiz.errors import ClassroomError
from quiz.model import Kind, Mode, Outcome

if TYPE_CHECKING:
    from quiz.classroom.report import PaperResults
    from quiz.classroom.types import Paper

NEW_JSON = '{"code", "title", "questions"}'
OVERRIDE_WORDS = (Outcome.CORRECT, Outcome.WRONG, Outcome.NEAR_MISS)  # what a teacher may mark an answer


def _whole(text: str, option: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise ClassroomError(f"{option}: '{text}' is not a whole number") from None


class PaperGroup(click.Group):
    """The paper commands, with `take` (the student's) and `export` loaded on first use: taking a
    paper loads no export or teacher module."""

    LAZY = {"take": ("quiz.cli.take", "take"), "export": ("quiz.cli.export", "paper_export")}  # export: issue #12

    def list_commands(self, ctx: click.Context) -> list[str]:
        lazy = [name for name, (module, _) in self.LAZY.items() if importlib.util.find_spec(module)]
        return [*super().list_commands(ctx), *(name for name in lazy if name not in self.commands)]

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.LAZY and cmd_name not in self.commands:
            module, attr = self.LAZY[cmd_name]
            if importlib.util.find_spec(module):
                self.add_command(getattr(importlib.import_module(module), attr), cmd_name)
        return super().get_command(ctx, cmd_name)


@click.group("paper", cls=PaperGroup)
def paper_group() -> None:
    """Papers: questions frozen from a bank for a class to take, and their results."""


@paper_group.command("new")
@click.option("--bank", "bank", metavar="NAME", help="The bank to draw questions from (required).")
@click.option("--title", metavar="TEXT", help="The paper's title (required).")
@click.option("--class", "class_name", metavar="NAME", help="The class that takes it (codes are checked against it).")
@click.option("--count", type=int, metavar="N", help="How many questions (default: one per fact and kind, none that gives another's answer away).")
@click.option("--kinds", type=EnumList(Kind), metavar="LIST", help="Kinds of question, e.g. date,unit,place (default: all).")
@click.option("--modes", type=EnumList(Mode), metavar="LIST", default="mc", show_default=True,
              help="Answer modes: mc, typed, cloze.")
@click.option("--options", "n_options", type=int, metavar="N", default=4, show_default=True, help="Options per mc question.")
@click.option("--seed", type=int, metavar="S", help="Seed for the draw (default: a random one, kept with the paper).")
@click.option("--time-limit", type=DURATION, metavar="DURATION", help="Per attempt, e.g. 15m, 1h30m, 90s.")
@click.option("--attempts", type=int, metavar="N", default=1, show_default=True, help="Attempts allowed per student.")
@click.option("--opens", type=WHEN, metavar="WHEN", help="Opens at, e.g. '2026-12-01 14:00' (local time) or ISO.")
@click.option("--closes", type=WHEN, metavar="WHEN", help="Closes at (no answer is taken after it).")
@click.option("--practice", is_flag=True, help="A practice paper.")
@click.option("--draw", type=int, metavar="N", help="Each student gets N of the questions, balanced by kind.")
@click.option("--show-key", is_flag=True, help="Students see the key after submitting.")
@click.option("--json", "as_json", is_flag=True, help=f"Print {NEW_JSON}.")
@click.pass_obj
def new_command(
    obj: AppContext, bank: str | None, title: str | None, class_name: str | None, count: int | None,
    kinds: tuple[Kind, ...] | None, modes: tuple[Mode, ...], n_options: int, seed: int | None,
    time_limit: timedelta | None, attempts: int, opens: datetime | None, closes: datetime | None, practice: bool,
    draw: int | None, show_key: bool, as_json: bool,
) -> None:
    """Make a paper from a bank; its questions are frozen now (later bank edits never change it)."""
    if not bank:
        raise ClassroomError("--bank: name the bank to draw from (see `quiz bank list`)")
    if title is None:
        raise ClassroomError("--title: a paper needs a title")
    paper = obj.teacher().classroom.new_paper(
        bank, title, class_name=class_name, count=count, kinds=kinds, modes=modes, options=n_options, seed=seed,
        time_limit=time_limit, attempts=attempts, opens=opens, closes=closes, practice=practice, draw=draw,
        show_key=show_key,
    )
    if as_json:
        click.echo(json.dumps({"code": paper.code, "title": paper.title, "questions": len(paper.questions)},
                              ensure_ascii=False))
        return
    click.echo(f"Paper {paper.code}: {paper.title} ({counted(len(paper.questions), 'question')} from {paper.bank})")


@paper_group.command("list")
@click.option("--json", "as_json", is_flag=True, help='Print [{"code", "title", "bank", "class", "questions", …}].')
@click.pass_obj
def list_command(obj: AppContext, as_json: bool) -> None:
    """Papers, oldest first."""
    found = obj.teacher().classroom.papers()
    if as_json:
        rows = []
        for paper in found:
            row = paper.to_json()
            row["questions"] = len(paper.questions)
            rows.append(row)
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if not found:
        click.echo("No papers yet: see `quiz paper new`.")
    for paper in found:
        where = f"  class {paper.class_name}" if paper.class_name else ""
        click.echo(f"{paper.code}  {counted(len(paper.questions), 'question', 3):<13}  {paper.title}{where}")


@paper_group.command("show")
@click.argument("code")
@click.option("--key", is_flag=True, help="Show the answers too.")
@click.option("--copy", metavar="N", help="Show printed copy N (0, 1, 2 …): its own order of questions and options.")
@click.option("--json", "as_json", is_flag=True, help="Print the paper's settings and questions.")
@click.pass_obj
def show_command(obj: AppContext, code: str, key: bool, copy: str | None, as_json: bool) -> None:
    """Paper CODE: its rules and questions (in the order made, or as printed copy N)."""
    classroom = obj.teacher().classroom
    paper = classroom.paper(code)
    questions = paper.questions if copy is None else classroom.print_version(paper, _whole(copy, "--copy"))
    if as_json:
        report = paper.to_json(key=key)
        if copy is not None:
            report["questions"] = [
                {"kind": q.kind.value, "mode": q.mode.value, "prompt": q.prompt, "options": list(q.options),
                 **({"answer": q.answer} if key else {})}
                for q in questions
            ]
        click.echo(json.dumps(report, ensure_ascii=False, indent=2))
        return
    click.echo(f"{paper.code}: {paper.title}  ({paper.bank}, {counted(len(paper.questions), 'question')})")
    for line in _rules(paper):
        click.echo(f"  {line}")
    for number, question in enumerate(questions, start=1):
        click.echo(f"{number}. {question.prompt}")
        for letter, option in zip("abcdefghij", question.options, strict=False):
            click.echo(f"   {letter}) {option}")
        if key:
            click.echo(f"   key: {question.answer}")


def _moment(moment: datetime | None) -> str:
    return f"{moment:%Y-%m-%d %H:%M} UTC" if moment else "—"


def _duration(limit: timedelta) -> str:
    total = int(limit.total_seconds())
    hours, rest = divmod(total, 3600)
    minutes, seconds = divmod(rest, 60)
    parts = [f"{hours}h" if hours else "", f"{minutes}m" if minutes else "", f"{seconds}s" if seconds else ""]
    return "".join(parts)


def _rules(paper: Paper) -> list[str]:
    """The rules a teacher set, one per line, as `quiz paper new` took them."""
    drawn = len(paper.questions) if paper.draw is None else min(paper.draw, len(paper.questions))
    return [
        f"class: {paper.class_name or '— (anyone with a personal code)'}",
        f"practice: {'yes (answers are scheduled for review)' if paper.practice else 'no'}",
        f"draw: {'each student gets ' + str(drawn) + ' of the questions' if paper.draw is not None else 'no'}",
        f"opens: {_moment(paper.opens)}",
        f"closes: {_moment(paper.closes)}",
        f"time limit: {_duration(paper.time_limit) if paper.time_limit else 'none'}",
        f"attempts: {paper.attempts}",
        f"show key: {'yes (after submitting)' if paper.show_key else 'no'}",
    ]


@paper_group.command("delete")
@click.argument("code")
@click.option("--yes", is_flag=True, help="Do not ask.")
@click.pass_obj
def delete_command(obj: AppContext, code: str, yes: bool) -> None:
    """Delete paper CODE with all its attempts and answers."""
    classroom = obj.teacher().classroom
    paper = classroom.paper(code)
    if not yes:
        if not click.confirm(f"Delete paper {paper.code} ({paper.title}) and all its attempts?"):
            click.echo(f"Paper {paper.code} not deleted.")
            raise SystemExit(1)
    classroom.delete_paper(paper.code)
    click.echo(f"Deleted paper {paper.code}.")


@paper_group.command("results")
@click.argument("code")
@click.option("--json", "as_json", is_flag=True, help="Print the JSON contract below.")
@click.option("--csv", "as_csv", is_flag=True, help="One row per student and answer, for a spreadsheet.")
@click.pass_obj
def results_command(obj: AppContext, code: str, as_json: bool, as_csv: bool) -> None:
    """Grades and item analysis of paper CODE (each student's last finished attempt counts).

    \b
    --json prints one object (a stable contract):
      {"paper": {"code", "title", "bank", "class", "questions", "time_limit_s", "attempts", "opens",
                 "closes", "practice", "draw", "show_key", "created"},
       "students": [{"name", "score", "max", "seconds", "attempt", "submitted",
                     "answers": [{"question", "prompt", "given", "verdict", "checker_verdict",
                                  "override": {"verdict", "by", "at"} | null}]}],
       "items": [{"question", "prompt", "kind", "mode", "answer", "takers", "facility",
                  "discrimination", "flags",
                  "options": [{"text", "correct", "chosen", "point_biserial"}]}],
       "summary": {"mean", "median", "sd", "alpha", "attempts", "in_progress", "max", "histogram"}}
    "question" is the question's number on the paper as made (1 …). verdict: correct, wrong,
    near_miss (counts as wrong unless overridden) or unanswered. facility: mean item score (0–1).
    discrimination: correlation of the item with the rest of the test (Moodle). point_biserial:
    correlation of choosing the option with the total score (Canvas). flags: unchosen_distractor,
    negative_discrimination. sd is the sample standard deviation; alpha is Cronbach's (null when
    undefined, e.g. with --draw); histogram[s] counts the students who scored s. Statistics with no
    spread to measure are null.
    """
    if as_json and as_csv:
        raise ClassroomError("give --json or --csv, not both")
    classroom = obj.teacher().classroom
    if as_csv:
        click.echo(classroom.results_csv(code), nl=False)
        return
    report = classroom.results(code)
    if as_json:
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
        return
    _print_results(report, classroom.not_taken(code))


def _num(value: float | None, digits: int = 2) -> str:
    return "—" if value is None else f"{value:.{digits}f}"


def _print_results(report: PaperResults, not_taken: list[tuple[str, bool]]) -> None:
    paper, summary = report.paper, report.summary
    click.echo(f"{paper.code}: {paper.title}  ({summary.attempts} finished, {summary.in_progress} in progress)")
    for label, wanted in (("in progress: ", True), ("not taken: ", False)):  # an open attempt is not "not taken"
        names = [name for name, started in not_taken if started is wanted]
        if names:
            click.echo(label + ", ".join(names))
    if not report.students:
        click.echo("No finished attempts yet.")
        return
    width = max(len(s.name) for s in report.students)
    for student in report.students:
        seconds = student.seconds or 0
        click.echo(f"  {student.name:<{width}}  {student.score:g}/{student.max}  "
                   f"{int(seconds // 60)}m{int(seconds % 60):02d}s")
        for answer in student.answers:
            if answer.override:
                override = answer.override
                was = answer.checker_verdict or Outcome.UNANSWERED
                click.echo(f"  {'':<{width}}    question {answer.question}: {override.verdict} "
                           f"(override by {printable(override.by)}; marked {was})")
    click.echo(f"mean {_num(summary.mean)}  median {_num(summary.median)}  sd {_num(summary.sd)}  "
               f"alpha {_num(summary.alpha)}  of {summary.max}")
    click.echo("histogram: " + "  ".join(f"{score}:{n}" for score, n in enumerate(summary.histogram) if n))
    click.echo("question  facility  discrimination  flags")
    for item in report.items:
        click.echo(f"  {item.question:>6}  {_num(item.facility):>8}  {_num(item.discrimination):>14}  "
                   f"{', '.join(item.flags)}")


@paper_group.command("override")
@click.argument("code")
@click.argument("student")
@click.argument("question")
@click.argument("verdict")
@click.option("--by", "by", metavar="NAME", help="Who overrides (default: the learner name, $QUIZ_LEARNER).")
@click.pass_obj
def override_command(obj: AppContext, code: str, student: str, question: str, verdict: str, by: str | None) -> None:
    """Mark STUDENT's answer to QUESTION (its number on the paper) of paper CODE as VERDICT
    (correct, wrong or near_miss); who and when are kept with it."""
    teacher = obj.teacher()
    number = _whole(question, "QUESTION")
    if number < 1:
        raise ClassroomError("QUESTION: a question number is 1 or more")
    outcome = _override_verdict(verdict)
    teacher.classroom.override(code, student, number - 1, outcome, by or teacher.teacher)
    click.echo(f"{' '.join(student.split())}'s answer to question {number} is now {outcome}.")


def _override_verdict(text: str) -> Outcome:
    """VERDICT as typed, read as an outcome a teacher may give (the classroom refuses `unanswered`)."""
    try:
        return Outcome(text.strip().lower())
    except ValueError:
        raise ClassroomError(f"a verdict is one of {', '.join(OVERRIDE_WORDS)}") from None
