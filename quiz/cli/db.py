"""`quiz db`: whole databases. `quiz db copy SOURCE TARGET` moves one between SQLite and PostgreSQL."""

from __future__ import annotations

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeElapsedColumn

from quiz.cli.format import counted
from quiz.doors import admin


@click.group("db")
def db_group() -> None:
    """Whole databases: a SQLite file or a postgresql:// URL."""


@db_group.command("copy")
@click.argument("source")
@click.argument("target")
def copy_command(source: str, target: str) -> None:
    """Copy every table of SOURCE into TARGET, ids kept: a SQLite file or a postgresql:// URL each
    (SQLite to PostgreSQL, back, or SQLite to SQLite). TARGET is created and brought up to date if
    need be and must be empty; the copy is one transaction, so a failure leaves it empty. SOURCE is
    only read.

    \b
    quiz db copy quiz.db postgresql://quiz@server/school
    quiz db copy postgresql://quiz@server/school backup.db
    """
    console = Console(stderr=True)
    if not console.is_terminal:
        result = admin.copy(source, target)
    else:
        with Progress(TextColumn("copying {task.fields[table]:<16}"), BarColumn(), MofNCompleteColumn(),
                      TextColumn("rows"), TimeElapsedColumn(), console=console, transient=True) as bar:
            task: TaskID = bar.add_task("copy", total=None, table="")

            def advance(table: str, done: int, total: int) -> None:
                bar.update(task, completed=done, total=total, table=table)

            result = admin.copy(source, target, advance)
    reviews = result.rows.get("reviews", 0)
    click.echo(f"copied {counted(result.total, 'row')} ({counted(reviews, 'review')}, "
               f"{counted(result.rows.get('learners', 0), 'learner')}) from {result.source} to {result.target} "
               f"in {result.seconds:.1f} s")
