"""The draft validates with the bank loader as it is, on the reference article and on every
evaluation article; each fact keeps its sentence; entities the catalog lacks are marked review."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from question_bank.banks.loader import load_bank_file
from question_bank.extract import Draft, draft_bank, extract_article, read_article
from question_bank.questions import generate_all
from tests.extract.evaluation import ARTICLES, NAMES

REFERENCE = Path(__file__).resolve().parents[3] / "shared" / "reference" / "belgrade_offensive_article.txt"
ARTICLE_PATHS = [ARTICLES / f"{name}.txt" for name in NAMES]
if REFERENCE.exists():
    ARTICLE_PATHS.insert(0, REFERENCE)


def write_draft(article: Path, out: Path, year: int | None = None, name: str | None = None) -> Draft:
    draft = draft_bank(extract_article(read_article(article), year=year), str(article), name=name)
    out.write_text(draft.text, encoding="utf-8")
    return draft


@pytest.mark.parametrize("article", ARTICLE_PATHS, ids=lambda p: p.stem)
def test_the_draft_loads_and_gives_questions(article: Path, tmp_path: Path) -> None:
    out = tmp_path / "draft.toml"
    draft = write_draft(article, out)
    bank = load_bank_file(out)
    assert len(bank.facts) == draft.facts >= 10
    assert generate_all(bank, seed=1)
    assert draft.facts + draft.nothing_to_ask == draft.sentences


@pytest.mark.parametrize("article", ARTICLE_PATHS, ids=lambda p: p.stem)
def test_each_fact_sits_under_its_sentence(article: Path, tmp_path: Path) -> None:
    out = tmp_path / "draft.toml"
    write_draft(article, out)
    lines = out.read_text(encoding="utf-8").splitlines()
    facts = [i for i, line in enumerate(lines) if line == "[[fact]]"]
    assert facts
    data = tomllib.loads(out.read_text(encoding="utf-8"))
    for index, fact in zip(facts, data["fact"], strict=True):
        sentence = lines[index - 1]
        assert sentence.startswith("# ")
        assert fact["note"].split()[0] in sentence  # the note is the sentence, cleaned


def test_the_reference_draft_names_its_units_and_places_from_the_catalog(tmp_path: Path) -> None:
    if not REFERENCE.exists():
        pytest.skip("the reference article is not on this machine")
    out = tmp_path / "draft.toml"
    write_draft(REFERENCE, out)
    bank = load_bank_file(out)
    zajecar = next(f for f in bank.facts if "Zaječar" in [p.name for p in f.places])
    assert zajecar.date.iso() == "1944-10-07"
    assert [u.name for u in zajecar.units] == ["64th Rifle Corps", "45th Serbian Division", "Battle Group Groth"]
    assert zajecar.verb_base in ("manage", "finally manage")
    text = out.read_text(encoding="utf-8")
    assert "[23]" not in text.split("[bank]")[1].replace("# [23]", "")  # citation markers stay in comments only
    assert not re.search(r'^(subject|rest) = ".*\[\d+\]', text, re.M)


def test_entities_the_catalog_lacks_are_declared_for_review(tmp_path: Path) -> None:
    out = tmp_path / "draft.toml"
    write_draft(ARTICLES / "kursk.txt", out)
    text = out.read_text(encoding="utf-8")
    data = tomllib.loads(text)
    assert {"Voronezh Front", "II SS Panzer Corps"} <= {u["name"] for u in data["unit"]}
    assert {"Prokhorovka", "Psel River"} <= {p["name"] for p in data["place"]}
    headers = [line for line in text.splitlines() if line.startswith(("[[unit]]", "[[place]]"))]
    assert headers and all("# review" in line for line in headers)
    bank = load_bank_file(out)
    assert bank.catalog.unit("Voronezh Front").side == "Soviet"  # type: ignore[union-attr]


def test_name_and_year(tmp_path: Path) -> None:
    article = tmp_path / "notes.txt"
    article.write_text("On 7 October the 64th Rifle Corps took Zaječar.\n", encoding="utf-8")
    out = tmp_path / "draft.toml"
    write_draft(article, out, year=1944, name="my-bank")
    bank = load_bank_file(out)
    assert bank.name == "my-bank"
    assert [f.date.iso() for f in bank.facts] == ["1944-10-07"]


def test_a_sentence_with_markup_or_quotes_stays_valid_toml(tmp_path: Path) -> None:
    article = tmp_path / "odd.txt"
    article.write_text(
        'In 1944 the "Blue Line" [sic] at Zaječar was taken by the 64th Rifle Corps | a \\ backslash.\n',
        encoding="utf-8",
    )
    out = tmp_path / "draft.toml"
    write_draft(article, out)
    bank = load_bank_file(out)
    assert len(bank.facts) == 1


def test_the_reference_draft_imports_and_can_be_studied(tmp_path: Path) -> None:
    from quiz.doors.learner import LearnerDoor

    article = REFERENCE if REFERENCE.exists() else ARTICLES / "kursk.txt"
    out = tmp_path / "draft.toml"
    write_draft(article, out, name="drafted")
    desk = LearnerDoor(tmp_path / "quiz.db", "teacher", seed=1)
    assert len(desk.import_bank(out).facts) >= 10
    session = desk.session(bank="drafted")
    assert session.current is not None
    assert session.answer("1944") is not None
    session.close()


def test_two_names_of_one_entity_side_by_side_are_one_slot(tmp_path: Path) -> None:
    article = tmp_path / "nis.txt"
    article.write_text(
        "Notes\n\nOn 12 October 1944 the 64th Rifle Corps took Ниш and Niš.\n"
        "On 14 October 1944 the 64th Rifle Corps took Niš (Ниш) after a fight.\n"
        "On 15 October 1944 the 64th Rifle Corps reached Ниш, then left Niš.\n",
        encoding="utf-8",
    )
    out = tmp_path / "nis.toml"
    write_draft(article, out)
    facts = tomllib.loads(out.read_text(encoding="utf-8"))["fact"]
    assert [f["rest"] for f in facts] == ["[Ниш and Niš|Niš]", "[Niš (Ниш)|Niš] after a fight", "[Ниш], then left Niš"]
    assert facts[2]["asks"] == ["date", "64th Rifle Corps"]  # never asked on Niš, named twice
    bank = load_bank_file(out)
    for question in generate_all(bank, seed=1):
        if question.answer == "Niš":
            assert "Niš" not in question.prompt and "Ниш" not in question.prompt, question.prompt


def test_a_moved_sentence_initial_pronoun_is_lower_cased(tmp_path: Path) -> None:
    article = tmp_path / "it.txt"
    article.write_text("It was necessary in 1944 for the 64th Rifle Corps to take Zaječar quickly.\n", encoding="utf-8")
    out = tmp_path / "it.toml"
    write_draft(article, out)
    (fact,) = tomllib.loads(out.read_text(encoding="utf-8"))["fact"]
    assert fact["subject"] == "it"
    prompts = [q.prompt for q in generate_all(load_bank_file(out), seed=1)]
    assert not any(" It " in prompt for prompt in prompts), prompts


def test_escape_sequences_are_dropped_whole_from_the_title_and_text(tmp_path: Path) -> None:
    article = tmp_path / "esc.txt"
    article.write_text(
        "\x1b[1mThe Zaječar \x1b]0;pwned\x07Operation\x1b[31m\n\n"
        "On 7 October 1944 the \x1b[32m64th Rifle Corps\x1b[0m took Zaječar.\n",
        encoding="utf-8",
    )
    out = tmp_path / "esc.toml"
    write_draft(article, out)
    text = out.read_text(encoding="utf-8")
    data = tomllib.loads(text)
    assert data["bank"]["title"] == "The Zaječar Operation"
    assert data["fact"][0]["note"] == "On 7 October 1944 the 64th Rifle Corps took Zaječar."
    assert "[31m" not in text and "[32m" not in text and "pwned" not in text and "\\u001b" not in text
    load_bank_file(out)


@pytest.mark.parametrize(("sentence", "verb", "rest"), [
    ("By 29 November 1944 the defenders of Zaječar had been driven from the town.", "were", "driven from the town"),
    ("On 7 October 1944 Zaječar had already been taken by the 64th Rifle Corps.", "was",
     "already taken by the [64th Rifle Corps]"),
    ("In 1944 Niš finally was taken.", "was", "finally taken"),
])
def test_a_form_of_be_is_written_as_a_passive_the_loader_accepts(sentence: str, verb: str, rest: str,
                                                                 tmp_path: Path) -> None:
    """'had been driven' is 'were driven' (verb_base repeating it), agreeing with its subject;
    adverbs go with the participle, so the question reads 'When were the defenders … driven …?'."""
    article = tmp_path / "be.txt"
    article.write_text(sentence + "\n", encoding="utf-8")
    out = tmp_path / "be.toml"
    write_draft(article, out)
    (fact,) = tomllib.loads(out.read_text(encoding="utf-8"))["fact"]
    assert (fact["verb"], fact["verb_base"], fact["rest"]) == (verb, verb, rest)
    prompts = [q.prompt for q in generate_all(load_bank_file(out), seed=1)]
    assert any(re.match(rf"(?:When|In which year) {verb} \S", p) for p in prompts), prompts


@pytest.mark.parametrize("sentence", [
    "In 1928 penicillin, the first antibiotic to be widely used in medicine, was found by Alexander Fleming in London.",
    "In 1944 the bridge, which could be seen from Zemun, was taken by the 64th Rifle Corps.",
])
def test_an_infinitive_or_a_participle_after_be_is_not_the_main_verb(sentence: str, tmp_path: Path) -> None:
    """'to be widely used' made 'used' the verb of a fact whose subject ended '… to be'."""
    article = tmp_path / "inf.txt"
    article.write_text(sentence + "\n", encoding="utf-8")
    out = tmp_path / "inf.toml"
    write_draft(article, out)
    (fact,) = tomllib.loads(out.read_text(encoding="utf-8"))["fact"]
    assert fact["verb"] == "was"
    assert not fact["subject"].endswith(" be")
