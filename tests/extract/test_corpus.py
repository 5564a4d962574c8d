"""The held-out corpus is whole: every article has a gold list, the lists parse and their date keys
are well-formed, and every recorded first run belongs to an article. (The extractor's score on it
is reported in docs/extraction-quality.md, not asserted here.)"""

from __future__ import annotations

import pytest

from tests.extract.evaluation import CORPUS, CORPUS_KINDS, corpus_names, first_runs, gold, is_date_key

ARTICLES = sorted(p.stem for p in CORPUS.glob("*.txt"))


def test_the_order_of_addition_lists_every_article_once() -> None:
    assert sorted(corpus_names()) == ARTICLES
    assert len(set(corpus_names())) == len(corpus_names())


@pytest.mark.parametrize("article", ARTICLES)
def test_every_article_has_a_gold_list_of_each_kind(article: str) -> None:
    lists = gold(article)
    assert list(lists) == list(CORPUS_KINDS)
    assert all(lists[kind] for kind in CORPUS_KINDS), "an empty list: every article names dates, actors and places"


@pytest.mark.parametrize("article", ARTICLES)
def test_gold_date_keys_are_well_formed(article: str) -> None:
    assert [key for key in gold(article)["dates"] if not is_date_key(key)] == []


@pytest.mark.parametrize("article", ARTICLES)
def test_gold_names_are_written_as_in_the_text(article: str) -> None:
    text = (CORPUS / f"{article}.txt").read_text(encoding="utf-8")
    lists = gold(article)
    assert [name for kind in ("actors", "places") for name in lists[kind] if name not in text] == []


def test_no_gold_file_without_its_article() -> None:
    assert sorted(p.name.removesuffix(".gold.toml") for p in CORPUS.glob("*.gold.toml")) == ARTICLES


def test_every_recorded_first_run_matches_an_article_and_has_every_kind() -> None:
    for article, kinds in first_runs().items():
        assert article in ARTICLES, article
        assert sorted(kinds) == sorted(CORPUS_KINDS), article
        expected = {kind: len(gold(article)[kind]) for kind in CORPUS_KINDS}
        for kind, figures in kinds.items():
            assert figures["expected"] == expected[kind], f"{article} {kind}: the gold list changed after its first run"
            assert 0 <= figures["correct"] <= min(figures["expected"], figures["found"])


@pytest.mark.parametrize(("key", "good"), [
    ("1961-04-12", True), ("1962-02", True), ("2011", True), ("1944-12/1945-02", True), ("1939/1941", True),
    ("1944-09+mid", True), ("1944-13", False), ("1961-02-30", False), ("1945/1944", False), ("1944+late", False),
    ("12 April 1961", False),
])
def test_date_key_checker(key: str, good: bool) -> None:
    assert is_date_key(key) is good
