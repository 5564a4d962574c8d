"""`quiz class …`: classes of students, each with a personal code printed once."""

from __future__ import annotations

import json
from pathlib import Path

import click

from quiz.cli.class_progress import progress_command
from quiz.cli.context import AppContext
from quiz.cli.format import counted
from quiz.errors import ClassroomError


@click.group("class")
def class_group() -> None:
    """Classes: rosters of students with personal codes for taking papers."""


@class_group.command("new")
@click.argument("name")
@click.pass_obj
def new_command(obj: AppContext, name: str) -> None:
    """Make an empty class NAME."""
    made = obj.teacher().classroom.new_class(name)
    click.echo(f"Class '{made.name}' made; add students with `quiz class add '{made.name}' NAME…`.")


def _print_codes(codes: list[tuple[str, str]], as_json: bool) -> None:
    if as_json:
        click.echo(json.dumps([{"name": name, "code": code} for name, code in codes], ensure_ascii=False, indent=2))
        return
    width = max(len(name) for name, _ in codes)
    for name, code in codes:
        click.echo(f"{name:<{width}}  {code}")
    click.echo("Give each student their code now: it is stored hashed and never shown again.")


@class_group.command("add")
@click.argument("name")
@click.argument("students", nargs=-1)
@click.option("--roster", type=click.Path(dir_okay=False, path_type=Path), metavar="FILE.csv",
              help="Read students from a CSV: a 'name' column, or the first column.")
@click.option("--json", "as_json", is_flag=True, help='Print [{"name", "code"}].')
@click.pass_obj
def add_command(obj: AppContext, name: str, students: tuple[str, ...], roster: Path | None, as_json: bool) -> None:
    """Add STUDENTS (or a --roster CSV) to class NAME, each with a fresh personal code (printed once)."""
    classroom = obj.teacher().classroom
    if roster is not None and students:
        raise ClassroomError("give student names or --roster, not both")
    codes = classroom.add_roster(name, roster) if roster is not None else classroom.add_students(name, students)
    _print_codes(codes, as_json)


@class_group.command("list")
@click.option("--json", "as_json", is_flag=True, help='Print [{"name", "students"}].')
@click.pass_obj
def list_command(obj: AppContext, as_json: bool) -> None:
    """Classes with their number of students."""
    found = obj.teacher().classroom.classes()
    if as_json:
        click.echo(json.dumps([{"name": c.name, "students": len(c.students)} for c in found], ensure_ascii=False))
        return
    if not found:
        click.echo("No classes yet: see `quiz class new`.")
    for info in found:
        click.echo(f"{info.name}  ({counted(len(info.students), 'student')})")


@class_group.command("show")
@click.argument("name")
@click.option("--json", "as_json", is_flag=True, help='Print {"name", "students": [names in roster order]}.')
@click.pass_obj
def show_command(obj: AppContext, name: str, as_json: bool) -> None:
    """The students of class NAME, in roster order (codes are never shown: see reset-code)."""
    info = obj.teacher().classroom.class_info(name)
    if as_json:
        click.echo(json.dumps({"name": info.name, "students": info.students}, ensure_ascii=False, indent=2))
        return
    click.echo(f"{info.name}: {counted(len(info.students), 'student')}")
    for student in info.students:
        click.echo(f"  {student}")


@class_group.command("reset-code")
@click.argument("name")
@click.argument("student")
@click.option("--json", "as_json", is_flag=True, help='Print [{"name", "code"}].')
@click.pass_obj
def reset_code_command(obj: AppContext, name: str, student: str, as_json: bool) -> None:
    """Give STUDENT of class NAME a new personal code (the old one stops working)."""
    code = obj.teacher().classroom.reset_code(name, student)
    _print_codes([(" ".join(student.split()), code)], as_json)


@class_group.command("unlock")
@click.argument("name")
@click.argument("student")
@click.pass_obj
def unlock_command(obj: AppContext, name: str, student: str) -> None:
    """Let STUDENT of class NAME sign in again after too many wrong codes (the count starts afresh)."""
    found, cleared = obj.teacher().classroom.unlock(name, student)
    if cleared:
        click.echo(f"{found} can sign in again.")
    else:
        click.echo(f"{found} was not locked; any wrong codes counted so far are forgotten.")


@class_group.command("unlock-address")
@click.argument("address")
@click.pass_obj
def unlock_address_command(obj: AppContext, address: str) -> None:
    """Let browsers at network ADDRESS sign in again after too many wrong codes from it (`quiz serve`)."""
    if obj.teacher().classroom.unlock_address(address):
        click.echo(f"{address.strip()} can sign in again.")
    else:
        click.echo(f"{address.strip()} was not locked; any wrong codes counted from it are forgotten.")


class_group.add_command(progress_command)
