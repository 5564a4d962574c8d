"""The command line: thin click commands over the desk. Bare `quiz` opens the study app."""

from __future__ import annotations

import importlib
import os
import sys
from typing import Any

import click
from click.core import ParameterSource
from click_default_group import DefaultGroup

from quiz.cli.context import AppContext
from quiz.cli.errors import as_user_error
from quiz.console import printable
from quiz.errors import QuizError
from quiz.locations import db_location

# Each command family lives in its own module, imported only when that command runs (or help
# lists it): `quiz study` should not pay for the bank and status commands' imports.
# Registration order is help order.
COMMANDS = {
    "study": ("quiz.cli.study", "study"),
    "bank": ("quiz.cli.bank", "bank"),
    "status": ("quiz.cli.progress", "status"),
    "learner": ("quiz.cli.progress", "learner"),
    "stats": ("quiz.cli.stats", "stats"),
    "demo": ("quiz.cli.demo", "demo"),
    "class": ("quiz.cli.classroom", "class_group"),
    "paper": ("quiz.cli.paper", "paper_group"),
    "homework": ("quiz.cli.homework", "homework_group"),
    "live": ("quiz.cli.live", "live_group"),
    "teacher": ("quiz.cli.teachers", "teacher_group"),
    "serve": ("quiz.cli.serve", "serve"),
    "student": ("quiz.cli.student", "student"),
    "teacher-tab": ("quiz.cli.teacher_tab", "teacher_tab"),
    "optimize": ("quiz.cli.optimize", "optimize"),
    "simulate": ("quiz.cli.optimize", "simulate"),
    "db": ("quiz.cli.db", "db_group"),
}


class LazyGroup(DefaultGroup):
    """A `DefaultGroup` whose subcommands are imported on first use, and the one place errors are
    caught: a `QuizError` (store errors included) or `OSError` becomes one line and an exit code."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return [*COMMANDS, *(name for name in super().list_commands(ctx) if name not in COMMANDS)]

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        # An unknown name falls through to the default command (`quiz --learner x`), so load that.
        name = cmd_name if cmd_name in COMMANDS else self.default_cmd_name
        if name is not None and name not in self.commands and name in COMMANDS:
            module, attr = COMMANDS[name]
            self.add_command(getattr(importlib.import_module(module), attr), name)
        return super().get_command(ctx, cmd_name)

    def main(
        self, args: Any = None, prog_name: str | None = None, complete_var: str | None = None,
        standalone_mode: bool = True, **extra: Any,
    ) -> Any:
        """Click's own handling, except that a usage error is one line too (click prints the usage,
        a hint and the error: three lines or more)."""
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        try:
            result = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click.UsageError as error:
            where = error.ctx.command_path if error.ctx else "quiz"
            message = printable(" ".join(error.format_message().split()))
            click.echo(f"quiz: {message} (see `{where} --help`)", err=True)
            sys.exit(error.exit_code)
        except click.ClickException as error:
            error.show()
            sys.exit(error.exit_code)
        except (click.exceptions.Abort, EOFError, KeyboardInterrupt):
            click.echo("\nAborted.", err=True)
            sys.exit(1)
        sys.exit(result if isinstance(result, int) else 0)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except BrokenPipeError:  # `quiz bank questions … | head`: the reader has all it wants
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())  # so the exit does not fail flushing stdout again
            raise SystemExit(1) from None
        except (QuizError, OSError) as error:
            raise as_user_error(error) from None
        finally:
            if isinstance(ctx.obj, AppContext):
                ctx.obj.close()


@click.group(cls=LazyGroup, default="study", default_if_no_args=True, invoke_without_command=True)
@click.option(
    "--db",
    "db_path",
    envvar="QUIZ_DB",
    help="SQLite file, or a postgresql:// URL, to use (default: $QUIZ_DB, else the user data dir).",
)
@click.option("--create", is_flag=True, help="Create the --db file's folder if it does not exist.")
@click.option("--teacher", "teacher", envvar="QUIZ_TEACHER", metavar="NAME",
              help="On a server with teachers: whose classes, papers and homework (default: $QUIZ_TEACHER).")
@click.version_option(package_name="quiz")
@click.pass_context
def main(ctx: click.Context, db_path: str | None, create: bool, teacher: str | None) -> None:
    """quiz: study fact banks with spaced repetition."""
    # The default database's folder (and $QUIZ_DB's) is made on first use; a --db typed with a
    # folder that is missing is a typo more often than a wish, so it needs --create.
    typed = ctx.get_parameter_source("db_path") is ParameterSource.COMMANDLINE
    if db_path:
        location = db_location(db_path)
    else:  # where the user's data lives (platformdirs, loaded only here: a served tab is given --db)
        from quiz.paths import default_db_path

        location = default_db_path()
    ctx.obj = AppContext(location, create_folder=create or not typed,
                         teacher_name=teacher or None)
    if ctx.invoked_subcommand is None:  # `quiz --db FILE` with no command opens the app too
        study = main.get_command(ctx, "study")
        assert study is not None
        with study.make_context("study", [], parent=ctx) as study_ctx:  # reads its env vars too
            study.invoke(study_ctx)
