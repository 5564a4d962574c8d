"""The command line: a thin door into the core. Bare `quiz` opens the study app."""

from __future__ import annotations

import importlib
from pathlib import Path

import click
from click_default_group import DefaultGroup

from quiz.cli.context import AppContext
from quiz.paths import default_db_path

# Each command family lives in its own module, imported only when that command runs (or help
# lists it): `quiz study` should not pay for the bank and status commands' imports.
# Registration order is help order.
COMMANDS = {
    "study": ("quiz.cli.study", "study"),
    "bank": ("quiz.cli.bank", "bank"),
    "status": ("quiz.cli.progress", "status"),
    "learner": ("quiz.cli.progress", "learner"),
}


class LazyGroup(DefaultGroup):
    """A `DefaultGroup` whose subcommands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return [*COMMANDS, *(name for name in super().list_commands(ctx) if name not in COMMANDS)]

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        # An unknown name falls through to the default command (`quiz --learner x`), so load that.
        name = cmd_name if cmd_name in COMMANDS else self.default_cmd_name
        if name not in self.commands and name in COMMANDS:
            module, attr = COMMANDS[name]
            self.add_command(getattr(importlib.import_module(module), attr), name)
        return super().get_command(ctx, cmd_name)


@click.group(cls=LazyGroup, default="study", default_if_no_args=True, invoke_without_command=True)
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
        study = main.get_command(ctx, "study")

        with study.make_context("study", [], parent=ctx) as study_ctx:  # reads its env vars too
            study.invoke(study_ctx)
