"""#23: each corpus article saved as a web page or as Markdown gives the same dates, actors and
places as its plain text, and a saved page goes through `quiz bank extract`, `quiz bank import`
and `quiz bank questions` as a teacher would run them."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from question_bank.extract import extract_article
from question_bank.extract.source import article_text
from quiz.cli import main
from tests.extract.saved_pages import as_markdown, as_web_page

CORPUS = Path(__file__).parent / "corpus"
NAMES = sorted(path.stem for path in CORPUS.glob("*.txt"))


def found(text: str) -> tuple[list[str], list[str], list[str]]:
    extraction = extract_article(text)
    return ([d.key for d in extraction.dates], [a.text for a in extraction.actors],
            [p.text for p in extraction.places])


@pytest.mark.parametrize("name", NAMES)
def test_a_saved_page_and_markdown_notes_give_what_the_plain_text_gives(name: str) -> None:
    text = (CORPUS / f"{name}.txt").read_text(encoding="utf-8")
    plain = found(text)
    assert all(plain), "the article names dates, actors and places"
    assert found(article_text(as_web_page(text), f"{name}.html")) == plain
    assert found(article_text(as_markdown(text), f"{name}.md")) == plain


def quiz(db: Path, *args: str) -> str:
    result = CliRunner().invoke(main, ["--db", str(db), *args])
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize("name", [pytest.param(n, marks=[] if n == NAMES[0] else [pytest.mark.slow]) for n in NAMES])
def test_a_saved_page_is_drafted_imported_and_asked(name: str, tmp_path: Path) -> None:
    page = tmp_path / f"{name}.html"
    page.write_bytes(as_web_page((CORPUS / f"{name}.txt").read_text(encoding="utf-8")))
    db, draft = tmp_path / "quiz.db", tmp_path / "draft.toml"
    assert "The draft validates" in quiz(db, "bank", "extract", str(page), "-o", str(draft))
    imported = quiz(db, "bank", "import", str(draft))
    bank = imported.split("'")[1]  # "imported 'apollo-13': 13 facts: 13 new"
    questions = quiz(db, "bank", "questions", bank)
    assert questions.count("· date ·") >= 3 and "· unit ·" in questions and "· place ·" in questions
