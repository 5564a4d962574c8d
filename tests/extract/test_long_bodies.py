"""Bodies whose names hold lower-case words after their head ('Committee for the Re-election of
the President', 'Senate Select Committee on Presidential Campaign Activities'), found whole: a
class of batch 6 (issue #23). Every sentence here is written for the test."""

from __future__ import annotations

import pytest

from question_bank.extract import extract_article


def _actors(text: str) -> list[list[str]]:
    return [[a.text for a in finds.actors] for finds in extract_article(text).sentences]


@pytest.mark.parametrize("name", [
    "Committee for the Defence of the Realm",
    "Joint Committee on Harbour Tolls",
    "Royal Commission on the Poor Laws",
])
def test_a_body_named_with_two_links_or_on_is_whole(name: str) -> None:
    assert _actors(f"In 1909 the {name} reported to the king.") == [[name]]


def test_a_company_on_a_place_ends_at_its_head() -> None:
    assert _actors("In 1944 Baker Company on Utah Beach waited for the tide.") == [["Baker Company"]]


def test_a_court_of_law_is_an_organisation_and_a_palaces_court_a_place() -> None:
    text = "In 1931 the High Court ruled against him. The queen rode to Dallowby Court in 1540."
    assert _actors(text) == [["High Court"], []]
    assert [[p.text for p in s.places] for s in extract_article(text).sentences] == [[], ["Dallowby Court"]]
