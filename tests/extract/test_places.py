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


@pytest.mark.parametrize(("text", "expected"), [
    # natural features and sites named by a head word of their own
    ("The sledges reached the Nimrod Glacier after a week.", [("Nimrod Glacier", "glacier")]),
    ("Their camp stood on the Larsen Ice Shelf that winter.", [("Larsen Ice Shelf", "ice shelf")]),
    ("A gale drove the ship into the Bay of Seals.", [("Bay of Seals", "bay")]),
    ("The pilots sighted Cape Adare at dawn.", [("Cape Adare", "cape")]),
    ("The rocket stood on Launch Complex 14 overnight.", [("Launch Complex 14", "launch site")]),
    ("Engineers at Vandenberg Space Center checked the seals.", [("Vandenberg Space Center", "launch site")]),
    ("They crossed the Mannerheim Line in February.", [("Mannerheim Line", "landmark")]),
    ("The men buried the supplies at Bluff Depot.", [("Bluff Depot", "landmark")]),
])
def test_natural_features_and_sites_by_their_head_words(text: str, expected: list[tuple[str, str]]) -> None:
    assert place_types(text) == expected


def test_a_feature_named_after_a_person_is_no_person() -> None:
    found = extract_article("The party climbed the Oscar Larsen Glacier with twelve dogs.")
    assert [p.text for p in found.places] == ["Oscar Larsen Glacier"]
    assert [a.text for a in found.actors] == []


def test_a_possessive_ends_a_place_name_unless_a_head_follows() -> None:
    assert places("Nansen's North Pole attempt failed near Culp's Hill.") == ["North Pole", "Culp's Hill"]


def test_an_acronym_is_no_place() -> None:
    assert places("The team studied RNA in the winter of 1960 and wrote about RNA again.") == []


@pytest.mark.parametrize("text", ["The climbers left Monte Rosa at noon.", "Ships anchored off Saint Helier."])
def test_a_place_starting_like_a_first_name_is_no_person(text: str) -> None:
    assert [a.text for a in extract_article(text).actors] == []


def test_a_journal_is_no_place_anywhere_in_the_article() -> None:
    text = "The letter went to the journal Cell in March.\nIt appeared in Cell on 2 May, and in Boston too."
    assert places(text) == ["Boston"]


@pytest.mark.parametrize("text", [
    "She shared the Nobel Prize in Chemistry in 1964.",
    "He became professor of Anatomy at the age of thirty.",
])
def test_a_field_of_study_is_no_place(text: str) -> None:
    assert places(text) == []


def test_places_named_in_an_offensives_name_are_each_a_place() -> None:
    assert places("The front moved in the Orsha–Vitebsk Offensive, far from Vitebsk.") == ["Orsha", "Vitebsk", "Vitebsk"]


def test_a_place_joined_by_a_dash_in_a_battles_name_is_one_place() -> None:
    assert places("The Battle of Arras–Cambrai began in April.") == ["Arras–Cambrai"]


@pytest.mark.parametrize(("text", "expected"), [
    ("The plant moved to Stalino (now Donetsk) in 1931.", ["Stalino", "Donetsk"]),
    ("Troops reached Königsberg, now Kaliningrad, in April.", ["Königsberg", "Kaliningrad"]),
])
def test_a_later_or_former_name_of_a_place_is_a_place(text: str, expected: list[str]) -> None:
    assert places(text) == expected


def test_a_name_before_a_lower_case_feature_word_is_a_place() -> None:
    assert places("The crew photographed the Descartes highlands and the Haemus range.") == ["Descartes", "Haemus"]


def test_a_peoples_adjective_is_no_place() -> None:
    assert places("They sailed on to the Micronesian atolls in May.") == []
