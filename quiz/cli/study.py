"""`quiz study [--bank NAME] [--learner NAME]` (and bare `quiz`): open the study app."""

from __future__ import annotations

import click

from quiz.cli.context import AppContext
from quiz.errors import BankNotFound


@click.command()
@click.option("--bank", "bank", metavar="NAME", help="Start studying this bank at once.")
@click.option("--learner", "learner", metavar="NAME", envvar="QUIZ_LEARNER",
              help="Who is studying (default: $QUIZ_LEARNER, else who studied here last, else your user name).")
@click.pass_obj
def study(obj: AppContext, bank: str | None, learner: str | None) -> None:
    """Open the study app: your banks, what is due, and a session one key away."""
    desk = obj.desk(learner)
    names = desk.bank_names()
    if bank is not None and bank not in names:
        raise BankNotFound(f"no bank '{bank}' (banks: {', '.join(names) or 'none'})")
    desk.close()  # the app opens its own connection on its own thread

    from quiz.doors.teacher import TeacherDoor
    from quiz.tui.app import FIRST_QUESTION_MARKER, QuizApp

    # the palette's paper results and class statistics are a teacher's: their door, opened when first used
    teacher = TeacherDoor(obj.db_path, obj.teacher_name or desk.learner, create_folder=obj.create_folder)
    app = QuizApp(desk, teacher=teacher, bank=bank)
    shown_at = app.run()
    if app.exit_after_first_question and shown_at is not None:
        click.echo(f"{FIRST_QUESTION_MARKER} {shown_at:.6f}")
    if app.return_code:
        raise SystemExit(app.return_code)
