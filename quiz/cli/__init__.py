"""The command line: a thin door into the core. Bare `quiz` opens the study app."""

from __future__ import annotations

from pathlib import Path

import click
from click_default_group import DefaultGroup

from quiz.cli.context import AppContext
from quiz.paths import default_db_path


@click.group(cls=DefaultGroup, default="study", default_if_no_args=True, invoke_without_command=True)
@click.option(
    "--db",
    "db_path",
    type=click.Path(dir_okay=False, path_type=Path),
    envvar="QUIZ_DB",
    help="SQLite file to use (default: $QUIZ_DB, else the user data dir).",
)
@click.version_option(package_name="quiz")
@click.pass_context
def main(ctx: click.Context, db_path: Path | None) -> None:
    """quiz: study fact banks with spaced repetition."""
    ctx.obj = AppContext(db_path or default_db_path())
    if ctx.invoked_subcommand is None:  # `quiz --db FILE` with no command opens the app too
        from quiz.cli.study import study

        with study.make_context("study", [], parent=ctx) as study_ctx:  # reads its env vars too
            study.invoke(study_ctx)


def _register() -> None:
    # Each command family lives in its own module; registration order is help order.
    from quiz.cli import bank, progress, study

    main.add_command(study.study)
    main.add_command(bank.bank)
    main.add_command(progress.status)
    main.add_command(progress.learner)


_register()
