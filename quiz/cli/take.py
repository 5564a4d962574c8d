"""`quiz paper take [CODE] [--student NAME]`: the student's door in a terminal (and in each served tab)."""

from __future__ import annotations

import os

import click

from quiz.cli.context import AppContext

# Set by `quiz serve` for each tab's process (quiz.cli.served): the browser's network address, which
# wrong personal codes are also counted against. A terminal take has none: only the student's count.
CLIENT_ADDRESS = "QUIZ_CLIENT_ADDRESS"


@click.command()
@click.argument("code", required=False)
@click.option("--student", metavar="NAME", help="Who is taking it (asked on screen otherwise, with the personal code).")
@click.pass_obj
def take(obj: AppContext, code: str | None, student: str | None) -> None:
    """Take a paper: give your name and personal code, answer, then submit with ctrl+s and y.

    Each answer is stored as you give it: if the terminal or browser tab closes, taking the paper
    again resumes where you were, with the clock still running. Without CODE, the screen asks for it.
    """
    door = obj.student(os.environ.get(CLIENT_ADDRESS) or None)  # the student's door, and no other: no teacher module is loaded
    if code is not None:
        door.paper_title(code)  # an unknown code is one line here, before the screen opens
    door.close()  # the app opens its own connection on its own thread

    from quiz.tui.take_app import TakeApp

    app = TakeApp(door, paper_code=code, student=student)
    app.run()
    if app.return_code:
        raise SystemExit(app.return_code)
