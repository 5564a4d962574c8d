"""`quiz student`: a student's home (homework, open papers, own progress) in a terminal
(quiz.tab.student, which each tab `quiz serve` opens without --paper runs too). The student's door
only: no teacher module is loaded."""

from __future__ import annotations

import click

from quiz import tab
from quiz.cli.context import AppContext


@click.command()
@click.pass_obj
def student(obj: AppContext) -> None:
    """A student's home: sign in with your class, name and personal code; study the homework
    (answers checked, never self-rated) and take your class's open papers. ctrl+q leaves."""
    done = tab.student(obj.db_path, create_folder=obj.create_folder)
    if done:
        raise SystemExit(done)
