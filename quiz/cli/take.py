"""`quiz paper take [CODE] [--student NAME]`: the student's door in a terminal (and in each served tab)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from quiz.cli.context import AppContext
from quiz.locations import is_url

# Set by `quiz serve` for each tab's process (quiz.cli.served): the browser's network address, which
# wrong personal codes are also counted against. A terminal take has none: only the student's count.
CLIENT_ADDRESS = "QUIZ_CLIENT_ADDRESS"


def without_tls(db_path: Path | str) -> None:
    """Keep Python's `ssl` out of a student's app on a SQLite file: nothing in it speaks TLS, and
    asyncio imports ssl only to offer it (1.3 MB of each served tab's memory). Call it before the
    app's first Textual import. On PostgreSQL ssl stays importable: psycopg's pure-Python
    fallback imports it (the binary one, a dependency, does not)."""
    if not is_url(db_path) and "asyncio" not in sys.modules and "ssl" not in sys.modules:
        sys.modules["ssl"] = None  # type: ignore[assignment]  # makes `import ssl` fail: asyncio offers no TLS


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

    without_tls(obj.db_path)
    from quiz.tui.take_app import TakeApp

    app = TakeApp(door, paper_code=code, student=student)
    app.run()
    if app.return_code:
        raise SystemExit(app.return_code)
