"""`quiz paper take [CODE] [--student NAME]`: the student's door in a terminal (quiz.tab.take, which
each served tab runs too)."""

from __future__ import annotations

import click

from quiz import tab
from quiz.cli.context import AppContext


@click.command()
@click.argument("code", required=False)
@click.option("--student", metavar="NAME", help="Who is taking it (asked on screen otherwise, with the personal code).")
@click.pass_obj
def take(obj: AppContext, code: str | None, student: str | None) -> None:
    """Take a paper: give your name and personal code, answer, then submit with ctrl+s and y.

    Each answer is stored as you give it: if the terminal or browser tab closes, taking the paper
    again resumes where you were, with the clock still running. Without CODE, the screen asks for it.
    """
    done = tab.take(obj.db_path, code, student, create_folder=obj.create_folder)
    if done:
        raise SystemExit(done)
