"""`quiz demo`: a simulated class in a database of its own, so every screen has something to show."""

from __future__ import annotations

from pathlib import Path

import click
from click.core import ParameterSource
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from quiz.cli.format import counted
from quiz.doors.teacher import TeacherDoor


@click.command()
@click.option("--students", type=click.IntRange(1, 500), default=25, show_default=True, help="Students in the class.")
@click.option("--days", type=click.IntRange(2, 730), default=60, show_default=True, help="Days of study to simulate, ending yesterday.")
@click.option("--seed", type=int, default=0, show_default=True, help="The same seed gives the same class and histories.")
@click.option("--class", "class_name", default="demo", show_default=True, metavar="NAME", help="The class's name.")
@click.option("--db", "db_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Database to write (default: demo.db beside the usual database). One holding anything "
                   "but demo data is refused.")
@click.pass_context
def demo(ctx: click.Context, students: int, days: int, seed: int, class_name: str, db_path: Path | None) -> None:
    """Simulate a class studying the built-in bank: Faker names, each student with an ability and a
    habit (most study most days, some drop out, some cram before a paper), every answer given
    through the real study session on a simulated clock, and two papers sat and submitted.

    Then try `quiz --db PATH stats --class demo`, or open the app on PATH and press t.
    """
    from quiz.paths import default_db_path

    parent = ctx.parent
    typed = parent is not None and parent.get_parameter_source("db_path") is ParameterSource.COMMANDLINE
    if db_path is None and typed:  # `quiz --db PATH demo`: the PATH typed before the command
        db_path = ctx.obj.db_path
    target = db_path or default_db_path().with_name("demo.db")
    console = Console(stderr=True)
    with Progress(TextColumn("simulating"), BarColumn(), MofNCompleteColumn(), TextColumn("student-days"),
                  TimeElapsedColumn(), console=console, transient=True) as bar:
        task = bar.add_task("demo", total=students * days)

        def advance(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        result = TeacherDoor(target).demo(students=students, days=days, seed=seed, class_name=class_name,
                                           progress=advance)
    click.echo(f"{counted(result.students, 'student')}, {counted(result.reviews, 'review')} over "
               f"{counted(days, 'day')}, papers "
               f"{', '.join(result.papers)}; class '{result.class_name}' in {result.db_path}")
    click.echo(f"try: quiz --db {result.db_path} stats --class {result.class_name}")
