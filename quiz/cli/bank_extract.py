"""`quiz bank extract ARTICLE`: draft a bank from an article (.txt, .md, .html, .pdf), for a teacher to review."""

from __future__ import annotations

import shlex
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from quiz.cli.context import AppContext
from quiz.doors.learner import LearnerDoor
from quiz.files import refuse_database

LARGE_ARTICLE_BYTES = 200 * 1024  # below this extract takes well under a second: no bar


@click.command("extract")
@click.argument("article", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Where to write the draft (default: the article's name with .toml, beside it).")
@click.option("--name", help="The bank's name, a slug (default: made from the article's title).")
@click.option("--year", type=click.IntRange(1, 2100),
              help="The year of dates the article gives without one, until it names a year itself.")
@click.pass_obj
def extract(obj: AppContext, article: Path, output: Path | None, name: str | None, year: int | None) -> None:
    """Draft a bank from ARTICLE: plain text (.txt), Markdown (.md), a saved web page (.html, .htm)
    or a PDF with a text layer (.pdf). One fact a sentence, for you to review.

    Each draft fact keeps its sentence as a comment; units and places the catalog lacks are
    declared at the end, marked `# review`. The draft validates as it is. A long article shows a
    progress bar on a terminal.
    """
    refuse_database(output or article.with_suffix(".toml"), obj.db_path)
    with progress_bar(article) as progress:
        report = LearnerDoor.draft_bank_from_article(article, output, name, year, progress)
    click.echo(f"Draft written to {report.path}")
    click.echo(report.summary)
    click.echo(f"The draft validates; review it, then: quiz bank import {shlex.quote(str(report.path))}")


@contextmanager
def progress_bar(article: Path, stream: Any = None) -> Iterator[Any]:
    """A rich progress bar on stderr for a large article read on a terminal; None otherwise."""
    stream = stream or sys.stderr
    try:
        large = article.stat().st_size > LARGE_ARTICLE_BYTES
    except OSError:
        large = False  # the door says why in one line
    if not (large and stream.isatty()):
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    columns = (TextColumn("Reading sentences"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=Console(file=stream), transient=True) as bar:
        task = bar.add_task("extract", total=None)

        def advance(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        yield advance
