"""#23: a draft that would not load is never handed over: `quiz bank extract` says so in one line,
exits non-zero and writes nothing; and a draft goes only to a .toml file."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

import quiz.library.drafts as drafts
from quiz.cli import main

ARTICLE = "On 7 October 1944 the 64th Rifle Corps took Zaječar.\n"


def extract(tmp_path: Path, *args: str):  # type: ignore[no-untyped-def]
    article = tmp_path / "notes.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    return CliRunner().invoke(main, ["--db", str(tmp_path / "quiz.db"), "bank", "extract", str(article), *args])


def test_a_draft_that_does_not_load_is_one_line_and_nothing_is_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = drafts.draft_bank

    def broken(*args, **kwargs):  # type: ignore[no-untyped-def]
        made = real(*args, **kwargs)
        return replace(made, text=made.text.replace('verb = "took"', 'verb = ""'))

    monkeypatch.setattr(drafts, "draft_bank", broken)
    result = extract(tmp_path, "-o", str(tmp_path / "draft.toml"))
    assert result.exit_code != 0
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "could not write a draft that validates (draft.toml:" in lines[0], result.output
    assert "nothing was written" in lines[0] and "Traceback" not in result.output
    assert not (tmp_path / "draft.toml").exists() and list(tmp_path.glob("*.toml")) == []


def test_the_same_article_drafts_and_validates_without_the_fault(tmp_path: Path) -> None:
    result = extract(tmp_path, "-o", str(tmp_path / "draft.toml"))
    assert result.exit_code == 0 and "The draft validates" in result.output
    assert (tmp_path / "draft.toml").exists()


def test_a_draft_goes_only_to_a_toml_file(tmp_path: Path) -> None:
    result = extract(tmp_path, "-o", str(tmp_path / "draft.csv"))
    assert result.exit_code != 0
    assert "draft.csv: a draft is a TOML bank file; give -o a name ending in .toml" in result.output
    assert not (tmp_path / "draft.csv").exists()
