"""`quiz paper take [CODE] [--student NAME]`: the student's door in a terminal (and in each served tab)."""

from __future__ import annotations

import click

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
    desk = obj.desk()
    if code is not None:
        desk.classroom.paper(code)  # an unknown code is one line here, before the screen opens
    desk.close()  # the app opens its own connection on its own thread

    from quiz.tui.take_app import TakeApp

    app = TakeApp(desk, paper_code=code, student=student)
    app.run()
    if app.return_code:
        raise SystemExit(app.return_code)
