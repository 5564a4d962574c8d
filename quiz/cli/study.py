"""`quiz study [--bank NAME] [--learner NAME]` (and bare `quiz`): open the study app."""

from __future__ import annotations

import click

from quiz.cli.errors import UserError
from quiz.paths import default_learner


@click.command()
@click.option("--bank", "bank", metavar="NAME", help="Start studying this bank at once.")
@click.option("--learner", "learner", metavar="NAME", envvar="QUIZ_LEARNER",
              help="Who is studying (default: $QUIZ_LEARNER, else your user name).")
@click.pass_context
def study(ctx: click.Context, bank: str | None, learner: str | None) -> None:
    """Open the study app: your banks, what is due, and a session one key away."""
    from quiz.banks import bank_names
    from quiz.learners import LearnerError, clean_name
    from quiz.store import open_db

    try:
        learner = clean_name(learner or default_learner())
    except LearnerError as error:
        raise UserError(str(error)) from None
    db = open_db(ctx.obj.db_path)
    try:
        names = bank_names(db)
    finally:
        db.close()
    if bank is not None and bank not in names:
        raise UserError(f"no bank '{bank}' (banks: {', '.join(names) or 'none'})")

    from quiz.tui.app import FIRST_QUESTION_MARKER, QuizApp

    app = QuizApp(ctx.obj.db_path, learner, bank=bank)
    shown_at = app.run()
    if app.exit_after_first_question and shown_at is not None:
        click.echo(f"{FIRST_QUESTION_MARKER} {shown_at:.6f}")
