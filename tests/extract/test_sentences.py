"""Sentences come out as pysbd cuts the whole paragraph (but for its cut before the day of "April
21. Chinatown burned", which is mended), though pysbd now only reads the pieces that need it:
checked on the evaluation articles and on paragraphs made of the tokens that steer pysbd."""

from __future__ import annotations

from pathlib import Path

import pysbd
from hypothesis import given, settings
from hypothesis import strategies as st

from question_bank.extract.sentences import _mend_day_splits, clean, split_sentences
from tests.extract.evaluation import ARTICLES

REFERENCE = Path(__file__).resolve().parents[3] / "shared" / "reference" / "belgrade_offensive_article.txt"
SEGMENTER = pysbd.Segmenter(language="en", clean=False)

# Abbreviations, initials, numbers, list markers, citations, quotes, brackets and dashes: what pysbd's rules
# look at, and plain words and capitals for it to end sentences between.
TOKENS = (
    "the army fell took held Gen. Mr. St. U.S. e.g. c. No. p. 1944 1944. 12 3.5 km (1944) (a) (b) a. b. i. ii. "
    "1. 2. 1) 2) [1] [12][13] [citation needed] \"Blue Line\" 'quoted' ‘x’ “y” « z » -- Germany's soldiers' "
    "Yahoo! what? no! ... . Zaječar Niš. Kursk. Corps. Is. may. Ph.D. a.m. T-34. 1940s. — ; : , ( ) [ ] \" ' "
    "The On In It After Soviet I II The. Fig. Inc. Co. KG etc. vs. v. al. ).[1] Kursk.[2] Kursk.[3][4] Kursk.[citation needed] 1944.[1] Gen.[1] Kursk.[a] Kursk. [5]"
).split()


def pysbd_sentences(text: str) -> list[tuple[int, str]]:
    """(paragraph, sentence) as pysbd gives them on each whole line, empty ones left out (and its
    cut before a day number mended, as `test_a_day_number_stays_with_its_month` checks by itself)."""
    found = []
    for number, line in enumerate(p.strip() for p in text.split("\n") if p.strip()):
        for piece in _mend_day_splits(SEGMENTER.processor(line).process()):
            if any(ch.isalnum() for ch in clean(piece)):
                found.append((number, piece.strip()))
    return found


def test_the_evaluation_articles_split_as_pysbd_splits_them() -> None:
    articles = sorted(ARTICLES.glob("*.txt")) + ([REFERENCE] if REFERENCE.exists() else [])
    for path in articles:
        text = path.read_text(encoding="utf-8")
        assert [(s.paragraph, s.raw) for s in split_sentences(text)] == pysbd_sentences(text), path.name


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(TOKENS), min_size=1, max_size=40), st.sampled_from([" ", "  ", " "]))
def test_any_paragraph_splits_as_pysbd_splits_it(tokens: list[str], space: str) -> None:
    text = space.join(tokens)
    assert [(s.paragraph, s.raw) for s in split_sentences(text)] == pysbd_sentences(text)


def test_plain_sentences_and_citations() -> None:
    text = "The corps took Niš.[12][13] It held the town. Gen. Zhukov came in 1944. Then it rained."
    assert [s.raw for s in split_sentences(text)] == [
        "The corps took Niš.[12][13]", "It held the town.", "Gen. Zhukov came in 1944.", "Then it rained.",
    ]


def test_a_day_number_stays_with_its_month() -> None:
    """pysbd reads "April 21. Chinatown" as a list item in some paragraphs and cuts before "21."."""
    text = ("The last of it was put out on the morning of April 21. Chinatown (唐人街) burned, and a plan came "
            "to nothing. The chief, Dennis T. Sullivan, was hurt, and he died on April 22. A new system came in 1913.")
    assert SEGMENTER.processor(text).process()[0].strip().endswith("April")  # what pysbd does
    assert [s.raw for s in split_sentences(text)] == [
        "The last of it was put out on the morning of April 21.", "Chinatown (唐人街) burned, and a plan came to nothing.",
        "The chief, Dennis T. Sullivan, was hurt, and he died on April 22.", "A new system came in 1913.",
    ]
