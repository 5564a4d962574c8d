"""The edit distances behind typo tolerance answer exactly as rapidfuzz's (which the checker
used before: a compiled library of about 3.3 MB in every served tab): `distance` and `within` as
its OSA (optimal string alignment), `levenshtein` as its Levenshtein."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from question_bank.facts import edits

rapidfuzz = pytest.importorskip("rapidfuzz")
from rapidfuzz import process  # noqa: E402
from rapidfuzz.distance import OSA, Levenshtein  # noqa: E402

# A small alphabet makes near misses, swaps and ties common; Cyrillic and accents as the catalog has them.
WORDS = st.text(alphabet="abcd ečšЖНи", max_size=14)


@settings(max_examples=3000, deadline=None)
@given(WORDS, WORDS, st.one_of(st.none(), st.integers(0, 5)))
def test_distance_is_rapidfuzz_osa(a: str, b: str, cutoff: int | None) -> None:
    assert edits.distance(a, b, score_cutoff=cutoff) == OSA.distance(a, b, score_cutoff=cutoff)


@settings(max_examples=2000, deadline=None)
@given(WORDS, WORDS)
def test_levenshtein_is_rapidfuzz_levenshtein(a: str, b: str) -> None:
    assert edits.levenshtein(a, b) == Levenshtein.distance(a, b)


@settings(max_examples=1000, deadline=None)
@given(WORDS, st.lists(WORDS, max_size=12), st.integers(0, 3))
def test_within_is_rapidfuzz_extract_in_its_order(query: str, choices: list[str], most: int) -> None:
    expected = process.extract(query, choices, scorer=OSA.distance, score_cutoff=most, limit=None)
    assert edits.within(query, choices, most) == [index for _, _, index in expected]


def test_long_strings_past_a_machine_word_and_empty_ones() -> None:
    a, b = "x" * 100 + "abcd" * 30, "y" * 90 + "bacd" * 33
    assert edits.distance(a, b) == OSA.distance(a, b)
    assert edits.levenshtein(a, b) == Levenshtein.distance(a, b)
    assert edits.distance("", "abc") == 3 and edits.distance("abc", "") == 3 and edits.distance("", "") == 0
    assert edits.distance("Frnace", "France") == 1 and edits.levenshtein("Frnace", "France") == 2
