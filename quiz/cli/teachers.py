"""`quiz teacher …`: the teacher accounts of a shared server (run on the server host, whose shell
user is trusted: no password asked here but a new one). Passwords are for signing in from a browser."""

from __future__ import annotations

import json
import sys

import click

from quiz.cli.context import AppContext
from quiz.errors import TeacherError


@click.group("teacher")
def teacher_group() -> None:
    """Teachers sharing this database: each sees only their own classes, papers and homework."""


def _classes(n: int) -> str:
    return f"{n} class{'' if n == 1 else 'es'}"


def _papers(n: int) -> str:
    return f"{n} paper{'' if n == 1 else 's'}"


def _password(from_stdin: bool) -> str:
    if from_stdin:
        line = sys.stdin.readline()
        if not line:
            raise TeacherError("--password-stdin: no password on standard input")
        return line.rstrip("\r\n")
    password: str = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    return password


@teacher_group.command("add")
@click.argument("name")
@click.option("--password-stdin", "from_stdin", is_flag=True, help="Read the password from one line of standard input.")
@click.option("--adopt", is_flag=True, help="Give this teacher the classes and papers made before there were teachers.")
@click.pass_obj
def add_command(obj: AppContext, name: str, from_stdin: bool, adopt: bool) -> None:
    """Add teacher NAME with a password (asked twice, hidden; stored salted and hashed)."""
    accounts = obj.teacher_accounts().accounts
    first = not accounts.exist()
    unowned = accounts.unowned()
    info = accounts.add(name, _password(from_stdin), adopt=adopt)
    click.echo(f"Teacher '{info.name}' added; act as them here with `quiz --teacher '{info.name}' …` or QUIZ_TEACHER.")
    if adopt:
        click.echo(f"'{info.name}' now has {_classes(info.classes)} and {_papers(info.papers)}.")
    elif first and any(unowned):
        click.echo(f"The {_classes(unowned[0])} and {_papers(unowned[1])} made before "
                   "there were teachers belong to no teacher now: give them to one with `quiz teacher adopt NAME`.")


@teacher_group.command("adopt")
@click.argument("name")
@click.pass_obj
def adopt_command(obj: AppContext, name: str) -> None:
    """Give teacher NAME the classes and papers that belong to no teacher (made before there were
    teachers, or by `quiz demo`)."""
    accounts = obj.teacher_accounts().accounts
    left = accounts.unowned()
    if not any(left):
        click.echo("Every class and paper already belongs to a teacher.")
        return
    classes, papers = accounts.adopt(name)
    info = accounts.get(name)
    click.echo(f"'{info.name}' adopted {_classes(classes)} and {_papers(papers)}.")
    if classes < left[0]:
        click.echo(f"{_classes(left[0] - classes)} left unowned: '{info.name}' already has classes of the same names.")


@teacher_group.command("list")
@click.option("--json", "as_json", is_flag=True, help='Print [{"name", "classes", "papers", "created"}].')
@click.pass_obj
def list_command(obj: AppContext, as_json: bool) -> None:
    """The teachers, with how many classes and papers each has."""
    found = obj.teacher_accounts().accounts.all()
    if as_json:
        click.echo(json.dumps([{"name": t.name, "classes": t.classes, "papers": t.papers,
                                "created": t.created.isoformat()} for t in found], ensure_ascii=False))
        return
    if not found:
        click.echo("No teachers: this database is one teacher's (see `quiz teacher add`).")
    for info in found:
        click.echo(f"{info.name}  ({_classes(info.classes)}, {_papers(info.papers)})")


@teacher_group.command("remove")
@click.argument("name")
@click.option("--to", "to", metavar="NAME", help="Give NAME's classes and papers to this teacher first.")
@click.pass_obj
def remove_command(obj: AppContext, name: str, to: str | None) -> None:
    """Remove teacher NAME (refused while they have classes or papers, unless --to takes them)."""
    classes, papers = obj.teacher_accounts().accounts.remove(name, to)
    moved = f"; {_classes(classes)} and {_papers(papers)} given to '{to}'" if to else ""
    click.echo(f"Teacher '{' '.join(name.split())}' removed{moved}.")


@teacher_group.command("password")
@click.argument("name")
@click.option("--password-stdin", "from_stdin", is_flag=True, help="Read the password from one line of standard input.")
@click.pass_obj
def password_command(obj: AppContext, name: str, from_stdin: bool) -> None:
    """Set a new password for teacher NAME (their failed sign-ins are forgotten)."""
    accounts = obj.teacher_accounts().accounts
    accounts.get(name)  # an unknown teacher before asking for a password
    accounts.set_password(name, _password(from_stdin))
    click.echo(f"Password of '{' '.join(name.split())}' changed.")
