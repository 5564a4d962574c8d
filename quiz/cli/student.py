"""`quiz student`: a student's home (homework, open papers, own progress) in a terminal, and in each
tab `quiz serve` opens without --paper. The student's door only: no teacher module is loaded."""

from __future__ import annotations

import os

import click

from quiz.cli.context import AppContext
from quiz.cli.take import CLIENT_ADDRESS, without_tls


@click.command()
@click.pass_obj
def student(obj: AppContext) -> None:
    """A student's home: sign in with your class, name and personal code; study the homework
    (answers checked, never self-rated) and take your class's open papers. ctrl+q leaves."""
    door = obj.student(os.environ.get(CLIENT_ADDRESS) or None)
    door.close()  # the app opens its own connection on its own thread

    without_tls(obj.db_path)
    from quiz.tui.student_app import StudentApp

    app = StudentApp(door)
    app.run()
    if app.return_code:
        raise SystemExit(app.return_code)
