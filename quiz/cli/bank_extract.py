"""`quiz bank extract ARTICLE.txt`: draft a bank from a plain-text article, for a teacher to review."""

from __future__ import annotations

from pathlib import Path

import click

from question_bank.extract import ArticleError, draft_bank, draft_problems, extract_article, name_problem, read_article


class ExtractError(click.ClickException):
    """Bad input to `quiz bank extract`: one clear line, exit code 2."""

    exit_code = 2


@click.command("extract")
@click.argument("article", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Where to write the draft (default: the article's name with .toml, beside it).")
@click.option("--name", help="The bank's name, a slug (default: made from the article's title).")
@click.option("--year", type=click.IntRange(1, 2100),
              help="The year of dates the article gives without one, until it names a year itself.")
def extract(article: Path, output: Path | None, name: str | None, year: int | None) -> None:
    """Draft a bank from ARTICLE, a plain-text file: one fact a sentence, for you to review."""
    try:
        text = read_article(article)
    except ArticleError as error:
        raise ExtractError(str(error)) from None
    problem = name_problem(name) if name is not None else None
    if problem:
        raise ExtractError(f"--name: {problem}")
    target = output or article.with_suffix(".toml")
    if output is None and target.exists():
        raise ExtractError(f"{target}: already exists; choose where to write the draft with -o FILE")
    if target.resolve() == article.resolve():
        raise ExtractError(f"{target}: is the article itself; choose another file with -o FILE")
    draft = draft_bank(extract_article(text, year=year), str(article), name=name)
    if not draft.facts:
        raise ExtractError(
            f"{article}: nothing to draft: no sentence of {draft.sentences} names a unit or place with a past-tense verb"
            + ("" if draft.dates or year else " and a year (give one with --year)")
        )
    try:
        target.write_text(draft.text, encoding="utf-8")
    except OSError as error:
        raise ExtractError(f"{target}: {error.strerror or error}") from None
    click.echo(f"Draft written to {target}")
    click.echo(draft.summary())
    problems = draft_problems(target)
    if problems:  # a bug in the drafter: say so plainly rather than hand over a broken file
        click.echo(f"The draft does not validate yet:\n{problems}", err=True)
        raise SystemExit(1)
    click.echo(f"The draft validates; review it, then: quiz bank import {target}")
