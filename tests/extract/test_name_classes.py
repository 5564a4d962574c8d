"""Classes of names the extractor once missed in articles nobody tuned it on (issue #23): foreign
and compass-prefixed place names, the named parts of a mountain, ships named alone, people known
by one name, and bodies without a head word. Every sentence here is written for the test."""

from __future__ import annotations

import pytest

from question_bank.extract import extract_article


def _places(text: str) -> list[list[str]]:
    return [[p.text for p in finds.places] for finds in extract_article(text).sentences]


def _actors(text: str) -> list[list[str]]:
    return [[a.text for a in finds.actors] for finds in extract_article(text).sentences]


@pytest.mark.parametrize("name", ["San Cristóbal", "Los Barrios", "Puerto Limonar", "Santa Lucerna"])
def test_a_name_after_a_foreign_place_prefix_is_one_place(name: str) -> None:
    assert _places(f"The storm struck {name} on 3 May 1911, and the harbour froze.") == [[name]]


def test_a_first_name_after_a_foreign_place_prefix_is_no_person() -> None:
    text = "The road ran from near San Pedro Alcántara to the coast on 3 May 1911."
    assert _actors(text) == [[]]
    assert _places(text) == [["San Pedro Alcántara"]]


@pytest.mark.parametrize(("text", "place"), [
    ("Refugees fled to West Berlin on 3 May 1961.", "West Berlin"),
    ("The elections in East Germany were held on 18 March 1990.", "East Germany"),
    ("The coast of Northern California shook on 3 May 1911.", "Northern California"),
])
def test_a_capitalised_compass_word_is_part_of_the_place(text: str, place: str) -> None:
    assert _places(text) == [[place]]


@pytest.mark.parametrize("name", ["North Col", "Kantega Face", "Ruwali Icefall", "Dorje Step", "West Summit",
                                  "Eastern Cwm", "Tarsi Couloir"])
def test_the_named_parts_of_a_mountain_are_places(name: str) -> None:
    assert _places(f"On 3 May 1951 the climbers reached the {name}, tired and cold.") == [[name]]


def test_a_person_s_name_inside_a_mountain_s_part_is_no_person() -> None:
    text = "On 3 May 1951 the party climbed the Whymper Step by noon."
    assert _actors(text) == [[]]
    assert _places(text) == [["Whymper Step"]]


@pytest.mark.parametrize("text", ["The Moscow Summit ended on 3 May 1972.", "The Moscow Column marched on 3 May 1972."])
def test_a_meeting_or_a_column_named_after_a_city_is_no_place_of_its_own(text: str) -> None:
    assert _places(text) == [["Moscow"]]


def test_a_people_s_adjective_before_a_mountain_is_not_in_its_name() -> None:
    text = "The 1921 British Mount Kalvar expedition failed.\n\nKalvar was climbed on 3 May 1951."
    assert _places(text) == [["Mount Kalvar"], ["Kalvar"]]


def test_a_name_in_another_language_in_parentheses_is_the_same_place() -> None:
    text = "On 3 May 1951 they reached Mount Kalvar (Nepali: Kalvarbhanjyang), the highest peak."
    assert _places(text) == [["Mount Kalvar"]]


def test_a_former_name_in_parentheses_is_a_place_of_its_own() -> None:
    assert _places("On 3 May 1951 they reached Kuibyshev (now Samara) by rail.") == [["Kuibyshev", "Samara"]]


def test_buildings_and_monuments_named_with_a_possessive_are_places() -> None:
    text = "On 3 May 1806 he was buried in St Anselm's Cathedral, near Morley's Column."
    assert _places(text) == [["St Anselm's Cathedral", "Morley's Column"]]


def test_a_possessive_after_a_place_is_not_in_its_name() -> None:
    assert _places("On 3 May 1806 the fleet sailed to Ruritania's coast.")[0][0] == "Ruritania"
