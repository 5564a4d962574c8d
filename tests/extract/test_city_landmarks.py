"""A city's named buildings, streets and grounds (a class of batch 6, issue #23): a unit's word
before a street's head ('Fleet Street') or after 'River' ('River Fleet'), 'Tower of London' whole,
'the fields of X', and infobox lines of buildings and memorials. Every sentence here is written
for the test."""

from __future__ import annotations

from question_bank.extract import extract_article


def _places(text: str) -> list[list[str]]:
    return [[p.text for p in finds.places] for finds in extract_article(text).sentences]


def _actors(text: str) -> list[list[str]]:
    return [[a.text for a in finds.actors] for finds in extract_article(text).sentences]


def test_a_units_word_beside_a_places_head_is_a_place() -> None:
    text = "In 1702 the flood crossed the River Brigade and reached Army Street before dawn."
    assert _places(text) == [["River Brigade", "Army Street"]]
    assert _actors(text) == [[]]


def test_a_tower_of_a_city_is_one_place() -> None:
    assert _places("In 1702 the prisoners were led from the Tower of Dunmarrow to the quay.") == [
        ["Tower of Dunmarrow"]]


def test_the_fields_of_a_place_name_it() -> None:
    assert _places("In 1702 the homeless camped in the fields of Hollowmead for a month.") == [["Hollowmead"]]


def test_an_infobox_of_buildings_or_memorials_names_places() -> None:
    text = "Buildings destroyed: 40 houses; Corn Exchange; Wexhall\nMemorial: the Beacon (1710)"
    assert _places(text) == [["Corn Exchange", "Wexhall"], ["Beacon"]]


def test_a_trail_or_a_territory_is_a_place() -> None:
    text = "In 1805 the party crossed by the Wenlo Trail and reached the Oskaway Territory in 1806."
    assert _places(text) == [["Wenlo Trail", "Oskaway Territory"]]


def test_the_head_of_a_known_tower_or_bay_alone_is_that_place() -> None:
    text = ("The prisoners left the Tower of Dunmarrow in 1702. The guards of the Tower fired on them. "
            "Tower cranes were rare in 1702.")
    assert _places(text) == [["Tower of Dunmarrow"], ["Tower"], []]


def test_a_camp_and_a_place_named_in_a_purchase_are_places() -> None:
    text = "They called the tents Camp Solace in 2010. The Oregon Purchase of 1803 doubled the land."
    assert _places(text) == [["Camp Solace"], ["Oregon"]]


def test_a_place_glossed_in_its_own_language_gives_no_person() -> None:
    text = "In 2010 a collapse in the San Rufino Mine (Mina San Rufino) trapped the men."
    assert _places(text) == [["San Rufino Mine"]]
    assert _actors(text) == [[]]
