"""`quiz homework …`: a bank's cards set to a class, at a daily pace, before an exam date."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

import click

from quiz.cli.context import AppContext
from quiz.cli.errors import UserError
from quiz.cli.format import counted
from quiz.cli.params import EnumList
from quiz.model import Kind


def _line(info: Any) -> str:
    kinds = ",".join(info.kinds)
    daily = "own pace" if info.daily is None else f"{info.daily} new a day"
    exam = f"exam {info.exam.isoformat()}" if info.exam else "no exam"
    if info.exam and info.retention is not None:
        exam += f" (recall {info.retention:.0%} wanted)"
    state = "active" if info.active else f"stopped {info.stopped.date().isoformat()}"
    return (f"#{info.id}  {info.class_name}  {info.bank}  [{kinds}]  {daily}  {exam}  "
            f"set {info.created.date().isoformat()}  {state}")


@click.group("homework")
def homework_group() -> None:
    """Homework: a bank's cards given to a class, a few new ones a day, reviewed before an exam."""


@homework_group.command("set")
@click.option("--class", "class_name", required=True, metavar="CLASS", help="The class to give it to.")
@click.option("--bank", required=True, metavar="NAME", help="The bank whose cards it gives.")
@click.option("--kinds", type=EnumList(Kind), metavar="date,unit,place", help="Which kinds of card (default: all three).")
@click.option("--daily", type=int, metavar="N", help="New cards a day at most (default: each student's own setting).")
@click.option("--exam", type=click.DateTime(["%Y-%m-%d"]), metavar="YYYY-MM-DD",
              help="The exam date: a card likely below --retention on the day is reviewed the day before.")
@click.option("--retention", type=float, metavar="R",
              help="Predicted recall wanted on the exam day, 0.7 to 0.99 (default: each student's desired "
                   "retention, which their usual intervals keep already; higher asks for a review before the exam).")
@click.option("--json", "as_json", is_flag=True, help='Print {"id", "class", "bank", "kinds", "daily", "exam", '
              '"retention", "created", "active", "stopped", "cards_made"}.')
@click.pass_obj
def set_command(
    obj: AppContext, class_name: str, bank: str, kinds: tuple[Kind, ...] | None, daily: int | None,
    exam: datetime | None, retention: float | None, as_json: bool,
) -> None:
    """Give the students of --class the cards of --bank (of --kinds), at most --daily new a day."""
    info, made = obj.teacher().homework.set(class_name, bank, kinds, daily, exam.date() if exam else None,
                                             retention)
    if as_json:
        click.echo(json.dumps({**info.to_dict(), "cards_made": made}, ensure_ascii=False, indent=2))
        return
    click.echo(f"Homework #{info.id} set: {_line(info)}")
    click.echo(f"{counted(made, 'card')} made; students see them in `quiz study`.")


@homework_group.command("list")
@click.option("--class", "class_name", metavar="CLASS", help="Only this class's homework.")
@click.option("--json", "as_json", is_flag=True, help="Print a list of the objects `set --json` prints.")
@click.pass_obj
def list_command(obj: AppContext, class_name: str | None, as_json: bool) -> None:
    """Every homework, by class: bank, kinds, daily pace, exam, when set, active or stopped."""
    found = obj.teacher().homework.all(class_name)
    if as_json:
        click.echo(json.dumps([info.to_dict() for info in found], ensure_ascii=False, indent=2))
        return
    if not found:
        click.echo("No homework yet: see `quiz homework set --help`.")
    for info in found:
        click.echo(_line(info))


@homework_group.command("show")
@click.argument("homework_id", metavar="ID", type=int, required=False)
@click.option("--class", "class_name", metavar="CLASS", help="Every homework of this class instead of one ID.")
@click.option("--json", "as_json", is_flag=True,
              help='Print a list of homework objects, each with "students": [{"name", "started", "total", "due_today"}].')
@click.pass_obj
def show_command(obj: AppContext, homework_id: int | None, class_name: str | None, as_json: bool) -> None:
    """A homework (ID, or every one of --class) and, per student, cards started of the total and due today."""
    if (homework_id is None) == (class_name is None):
        raise UserError("give a homework ID or --class, one of them")
    homework = obj.teacher().homework
    reports = [homework.report(homework_id)] if homework_id is not None else homework.reports(class_name or "")
    if as_json:
        click.echo(json.dumps([report.to_dict() for report in reports], ensure_ascii=False, indent=2))
        return
    if not reports:
        click.echo(f"No homework for class '{class_name}'.")
    for report in reports:
        click.echo(_line(report.homework))
        if not report.students:
            click.echo("  (no students in the class)")
        width = max((len(s.name) for s in report.students), default=0)
        for student in report.students:
            click.echo(f"  {student.name:<{width}}  {student.started}/{student.total} started  "
                       f"{student.due_today} due today")


@homework_group.command("stop")
@click.argument("homework_id", metavar="ID", type=int)
@click.pass_obj
def stop_command(obj: AppContext, homework_id: int) -> None:
    """Stop homework ID: its cards stay the students' own, scheduled as usual from now on."""
    info = obj.teacher().homework.stop(homework_id)
    click.echo(f"Homework #{info.id} stopped: {_line(info)}")
