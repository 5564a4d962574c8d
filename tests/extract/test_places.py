"""Places that no word of the sentence marks, natural features, and words that only look like places."""

from __future__ import annotations

import pytest

from question_bank.extract import extract_article


def places(text: str) -> list[str]:
    return [p.text for p in extract_article(text).places]


def place_types(text: str) -> list[tuple[str, str]]:
    return [(p.text, p.type) for p in extract_article(text).places]


@pytest.mark.parametrize(("text", "expected"), [
    # countries, continents, states and provinces named with no place word or preposition before them
    ("Peru and Ecuador signed the treaty after Brazil mediated.", ["Peru", "Ecuador", "Brazil"]),
    ("Vessels: Endurance (United Kingdom); Belgica (Belgium)", ["United Kingdom", "Belgium"]),
    ("Region: Oceania", ["Oceania"]),
    ("The expedition crossed Greenland before Iceland welcomed it.", ["Greenland", "Iceland"]),
    ("Location: Tampa, Florida", ["Tampa", "Florida"]),
    ("Born: 2 May 1921, Kuopio, Finland", ["Kuopio", "Finland"]),
])
def test_countries_continents_and_states_need_no_cue(text: str, expected: list[str]) -> None:
    assert places(text) == expected


def test_a_country_from_the_package_has_its_type() -> None:
    assert place_types("Finland answered the note a week later.") == [("Finland", "country")]


def test_a_country_used_as_an_adjective_is_no_place() -> None:
    """'the Chile delegation' names a delegation; 'the Chile answered' would be odd, 'Chile answered' is the country."""
    assert places("Later the Chile delegation walked out, and Chile answered in June.") == ["Chile"]


def test_a_country_inside_a_longer_name_is_no_place() -> None:
    assert places("He was given the Victoria Cross for it.") == []


def test_a_surname_that_is_also_a_province_is_the_person() -> None:
    """'Franklin' is a province in the package's list; after 'Ada Franklin' it is her surname."""
    found = extract_article("The data came from Ada Franklin in 1950.\nLater Franklin and Hale wrote it up.")
    assert [p.text for p in found.places] == []
    assert "Franklin" in [a.text for a in found.actors]
