"""Drafting a bank from an article (`quiz bank extract`): read it, draft it, write the
draft where asked, and check that it loads, for a teacher to review."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

from question_bank.extract import ArticleError, draft_bank, draft_problems, extract_article, name_problem, read_article
from question_bank.extract.progress import Progress
from quiz import files
from quiz.errors import QuizError, mention


@dataclass(frozen=True)
class DraftReport:
    path: Path
    summary: str


def draft_article(
    article: Path, output: Path | None, name: str | None, year: int | None, progress: Progress | None = None
) -> DraftReport:
    """Write a draft bank for `article` to `output` (default: beside it, .toml, never overwritten).

    Bad input (an unreadable, binary, empty or oversized article, a bad name, nothing to draft) is
    a QuizError with one line; nothing is written then.
    """
    try:
        text = read_article(article)
    except ArticleError as error:
        raise QuizError(str(error)) from None
    problem = name_problem(name) if name is not None else None
    if problem:
        raise QuizError(problem, "name")
    target = output or article.with_suffix(".toml")
    if target.suffix.lower() != ".toml":
        raise QuizError(f"{target}: a draft is a TOML bank file; give -o a name ending in .toml", "output")
    if output is None and target.exists():
        raise QuizError(f"{target}: already exists; choose where to write the draft with -o FILE")
    if target.resolve() == article.resolve():
        raise QuizError(f"{target}: is the article itself; choose another file with -o FILE")
    draft = draft_bank(extract_article(text, year=year, progress=progress), str(article), name=name)
    if not draft.facts:
        raise QuizError(
            f"{article}: nothing to draft: no sentence of {draft.sentences} names a unit or place with a past-tense verb"
            + ("" if draft.dates or year else f" and a year (give one with {mention('year')})"),
        )
    problems = _problems_of(draft.text, target.name)
    if problems:  # a bug in the drafter: one line, and no draft that does not load
        raise QuizError(f"{article}: could not write a draft that validates ({problems}); "
                        "nothing was written: please report this article")
    files.write_text(target, draft.text)  # through a temporary file: a failed write leaves no half draft
    return DraftReport(target, draft.summary())


def _problems_of(text: str, name: str) -> str | None:
    """The loader's first problem with a draft's text (checked in a scratch folder under its own
    file name, as the loader reads the format from the name), or None when it loads."""
    with tempfile.TemporaryDirectory() as scratch:
        checked = Path(scratch) / name
        checked.write_text(text, encoding="utf-8")
        problems = draft_problems(checked)
    return problems.splitlines()[0].replace(str(checked), name) if problems else None
