"""'St.', 'St', 'Mt.' opening a place's name: one place with its stop, never 'St' alone, and a
person's first name after it is the place's, not the person's (issue #23, batch 6). Every
sentence here is written for the test."""

from __future__ import annotations

import pytest

from question_bank.extract import extract_article


def _places(text: str) -> list[list[str]]:
    return [[p.text for p in finds.places] for finds in extract_article(text).sentences]


def _actors(text: str) -> list[list[str]]:
    return [[a.text for a in finds.actors] for finds in extract_article(text).sentences]


@pytest.mark.parametrize("name", ["St. Albans", "St Neots", "Mt. Rainier", "Ste. Genevieve"])
def test_an_abbreviated_prefix_opens_one_place(name: str) -> None:
    assert _places(f"The wagons rolled past {name} in May 1852.") == [[name]]


def test_a_known_first_name_after_st_is_the_place() -> None:
    text = "Captain Hubert Lindgren died in 1790. The barge reached St. Hubert in June 1791."
    assert _places(text) == [[], ["St. Hubert"]]
    assert _actors(text) == [["Hubert Lindgren"], []]
