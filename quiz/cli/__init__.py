"""The command line: a thin door into the core. Bare `quiz` opens the study app."""

from __future__ import annotations

from pathlib import Path

import click
from click_default_group import DefaultGroup

from quiz.cli.context import AppContext
from quiz.paths import default_db_path


@click.group(cls=DefaultGroup, default="study", default_if_no_args=True)
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


def _register() -> None:
    # Each command family lives in its own module; registration order is help order.
    from quiz.cli import bank

    main.add_command(bank.bank)
    from quiz.cli import study
    main.add_command(study.study)
    from quiz.cli import progress; main.add_command(progress.status)
    main.add_command(progress.learner)
    # (more command modules are registered here)


_register()
