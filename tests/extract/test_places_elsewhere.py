"""A name found as a place by a rule in one sentence is a place where it stands alone elsewhere."""

from __future__ import annotations

import pytest

from question_bank.extract import extract_article


@pytest.mark.parametrize("name", ["Kelmo Gate", "Ostrava's Gate", "Wolf’s Den"])
def test_a_place_found_once_is_found_alone_in_a_later_sentence(name: str) -> None:
    text = f"The men reached {name} on 6 July 1863.\n\n{name} was quiet on 7 July 1863."
    found = [[p.text for p in finds.places] for finds in extract_article(text).sentences]
    assert found == [[name], [name]]
