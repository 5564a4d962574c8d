"""`quiz bank extract`, run as a teacher would: a draft written and summarised, or one line and exit 2."""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from question_bank.banks.loader import load_bank_file
from quiz.cli import main
from tests.extract.evaluation import ARTICLES


def run(*args: str) -> Result:
    return CliRunner().invoke(main, ["bank", "extract", *args])


def test_drafts_a_bank_and_prints_the_summary(tmp_path: Path) -> None:
    article = tmp_path / "kursk.txt"
    article.write_bytes((ARTICLES / "kursk.txt").read_bytes())
    result = run(str(article))
    assert result.exit_code == 0, result.output
    out = tmp_path / "kursk.toml"
    for label in ("sentences read: 23", "facts drafted:", "dates found: 15", "units found: 26", "places found: 28",
                  "sentences with nothing to ask:"):
        assert label in result.output
    assert "The draft validates" in result.output
    assert load_bank_file(out).name == "battle-of-kursk"


def test_output_name_and_year(tmp_path: Path) -> None:
    article = tmp_path / "notes.txt"
    article.write_text("On 7 October the 64th Rifle Corps took Zaječar.\n", encoding="utf-8")
    out = tmp_path / "draft.toml"
    result = run(str(article), "-o", str(out), "--name", "east-serbia", "--year", "1944")
    assert result.exit_code == 0, result.output
    bank = load_bank_file(out)
    assert bank.name == "east-serbia" and bank.facts[0].date.iso() == "1944-10-07"


def test_never_overwrites_a_file_it_was_not_told_to(tmp_path: Path) -> None:
    article = tmp_path / "notes.txt"
    article.write_text("In 1944 the 64th Rifle Corps took Zaječar.\n", encoding="utf-8")
    (tmp_path / "notes.toml").write_text("mine", encoding="utf-8")
    result = run(str(article))
    assert result.exit_code == 2 and "already exists" in result.output
    assert (tmp_path / "notes.toml").read_text(encoding="utf-8") == "mine"


@pytest.mark.parametrize(("raw", "reason"), [
    (b"GIF89a\x00\x01", "binary file"),
    (b"", "is empty"),
    (b"caf\xe9 au lait", "not UTF-8"),
])
def test_bad_input_is_one_line_and_exit_2(tmp_path: Path, raw: bytes, reason: str) -> None:
    article = tmp_path / "article.txt"
    article.write_bytes(raw)
    result = run(str(article), "-o", str(tmp_path / "out.toml"))
    assert result.exit_code == 2
    assert reason in result.output and len(result.output.strip().splitlines()) == 1
    assert "Traceback" not in result.output and not (tmp_path / "out.toml").exists()


def test_a_bad_name_and_a_missing_file(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("In 1944 the 64th Rifle Corps took Zaječar.\n", encoding="utf-8")
    assert run(str(article), "--name", "Not A Slug").exit_code == 2
    result = run(str(tmp_path / "missing.txt"))
    assert result.exit_code == 2 and "No such file" in result.output


def test_an_article_with_nothing_to_ask(tmp_path: Path) -> None:
    article = tmp_path / "recipe.txt"
    article.write_text("Beat two eggs.\nAdd the flour and stir.\n", encoding="utf-8")
    result = run(str(article), "-o", str(tmp_path / "out.toml"))
    assert result.exit_code == 2 and "nothing to draft" in result.output
    assert len(result.output.strip().splitlines()) == 1 and not (tmp_path / "out.toml").exists()


def test_a_long_first_line_is_no_title_and_the_name_stays_short(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("word " * 40 + "\nIn 1944 the 64th Rifle Corps took Zaječar.\n", encoding="utf-8")
    out = tmp_path / "out.toml"
    assert run(str(article), "-o", str(out)).exit_code == 0
    assert load_bank_file(out).name == "a"


def test_a_draft_of_a_built_in_banks_subject_gets_a_free_name_and_the_printed_import_works(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("belgrade_offensive_article.txt").write_text(
        "Belgrade Offensive\n\nOn 7 October 1944 the 64th Rifle Corps took Zaječar.\n", encoding="utf-8"
    )
    result = run("belgrade_offensive_article.txt")
    assert result.exit_code == 0, result.output
    assert load_bank_file("belgrade_offensive_article.toml").name == "belgrade-offensive-draft"
    command = shlex.split(result.output.strip().splitlines()[-1].split("then: ", 1)[1])
    assert command[:3] == ["quiz", "bank", "import"]
    imported = CliRunner().invoke(main, ["--db", str(tmp_path / "quiz.db"), *command[1:]])
    assert imported.exit_code == 0, imported.output
    assert imported.output.startswith("imported 'belgrade-offensive-draft'")


def test_a_built_in_banks_name_given_as_name_is_refused(tmp_path: Path) -> None:
    article = tmp_path / "notes.txt"
    article.write_text("On 7 October 1944 the 64th Rifle Corps took Zaječar.\n", encoding="utf-8")
    result = run(str(article), "--name", "belgrade-offensive")
    assert result.exit_code == 2
    assert "--name: 'belgrade-offensive' is a built-in bank's name" in result.output
    assert not (tmp_path / "notes.toml").exists()
