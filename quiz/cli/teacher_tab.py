"""`quiz teacher-tab`: a teacher's sign-in and homework view in a terminal (quiz.tab.teacher_tab,
which each tab `quiz serve --teachers` opens at /teacher runs too). The door is signed in to no
one: `--teacher` and $QUIZ_TEACHER (which a served tab inherits from the server's shell) are
ignored, a password is asked."""

from __future__ import annotations

import click

from quiz import tab
from quiz.cli.context import AppContext


@click.command("teacher-tab")
@click.pass_obj
def teacher_tab(obj: AppContext) -> None:
    """A teacher's view: sign in with your teacher's name and password (`quiz teacher add`), then
    your classes and each one's homework view (read-only). Refused on a database without teacher
    accounts. What `quiz serve --teachers` runs in each tab at /teacher; ctrl+q leaves."""
    done = tab.teacher_tab(obj.db_path)
    if done:
        raise SystemExit(done)
