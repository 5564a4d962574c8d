"""`quiz bank extract ARTICLE.txt`: draft a bank from a plain-text article, for a teacher to review."""

from __future__ import annotations

import shlex
from pathlib import Path

import click

from quiz.cli.context import AppContext
from quiz.doors.learner import LearnerDoor
from quiz.files import refuse_database


@click.command("extract")
@click.argument("article", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Where to write the draft (default: the article's name with .toml, beside it).")
@click.option("--name", help="The bank's name, a slug (default: made from the article's title).")
@click.option("--year", type=click.IntRange(1, 2100),
              help="The year of dates the article gives without one, until it names a year itself.")
@click.pass_obj
def extract(obj: AppContext, article: Path, output: Path | None, name: str | None, year: int | None) -> None:
    """Draft a bank from ARTICLE, a plain-text file: one fact a sentence, for you to review.

    Each draft fact keeps its sentence as a comment; units and places the catalog lacks are
    declared at the end, marked `# review`. The draft validates as it is.
    """
    refuse_database(output or article.with_suffix(".toml"), obj.db_path)
    report = LearnerDoor.draft_bank_from_article(article, output, name, year)
    click.echo(f"Draft written to {report.path}")
    click.echo(report.summary)
    if report.problems:  # a bug in the drafter: say so plainly rather than hand over a broken file
        click.echo(f"The draft does not validate yet:\n{report.problems}", err=True)
        raise SystemExit(1)
    click.echo(f"The draft validates; review it, then: quiz bank import {shlex.quote(str(report.path))}")
