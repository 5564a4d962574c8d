"""Classes of names missed in the fourth batch of held-out articles (issue #23): shipping lines
and firms, people named by initials or with a regnal number, kin named by a first name, and ships
named like a place. Every sentence here is written for the test; none of its names is in a
corpus article."""

from __future__ import annotations

import pytest

from question_bank.extract import extract_article


def _actors(text: str) -> list[tuple[str, str]]:
    return [(a.text, a.kind) for a in extract_article(text).actors]


def _places(text: str) -> list[str]:
    return [p.text for p in extract_article(text).places]


def test_a_shipping_line_is_an_organisation_not_a_place() -> None:
    text = "The steamer was chartered by the Blue Gannet Line on 3 May 1921."
    assert ("Blue Gannet Line", "organisation") in _actors(text)
    assert _places(text) == []


def test_a_defended_line_is_still_a_place() -> None:
    text = "On 3 May 1944 the infantry reached the Varek Line under heavy fire."
    assert _actors(text) == []
    assert _places(text) == ["Varek Line"]


@pytest.mark.parametrize("name", ["Board of Fisheries", "Coastal Survey Service", "Northern Reef Patrol",
                                  "General Assembly"])
def test_boards_services_patrols_and_assemblies_are_organisations(name: str) -> None:
    assert _actors(f"On 3 May 1921 the {name} met at noon.") == [(name, "organisation")]


def test_a_firm_named_x_and_company_is_one_organisation_and_its_short_name_later() -> None:
    text = ("On 3 May 1921 Joran Vessick and Company of Omaha bought the patent.\n\n"
            "Vessick sold the drug from 1922.")
    assert [a.text for a in extract_article(text).actors] == ["Joran Vessick and Company", "Vessick"]


def test_a_possessive_owner_is_not_part_of_the_company_s_name() -> None:
    text = "In 1902 the line was bought by R. T. Orsay's Atlantic Carrying Company."
    assert _actors(text) == [("R. T. Orsay", "person"), ("Atlantic Carrying Company", "organisation")]


@pytest.mark.parametrize("name", ["T. R. Hill", "K. L. M. Field", "R. Dunmore Vessick"])
def test_people_named_by_initials(name: str) -> None:
    assert _actors(f"On 3 May 1921 {name} arrived at the camp.") == [(name, "person")]


def test_a_regnal_number_after_three_names() -> None:
    assert _actors("On 3 May 1912 John Peter Vessick III sailed.") == [("John Peter Vessick III", "person")]


def test_a_liner_named_like_a_city_is_a_ship_there_and_the_city_elsewhere() -> None:
    text = "On 3 May 1912 she nearly struck the liner Lisbon.\n\nShe reached Lisbon on 7 May."
    assert _actors(text) == [("Lisbon", "ship")]
    assert _places(text) == ["Lisbon"]


@pytest.mark.parametrize("name", ["Prussia", "Manchuria", "Britain", "Flanders"])
def test_former_countries_and_historical_regions_are_places(name: str) -> None:
    assert _places(f"In 1871 {name} and Austria signed a treaty.") == [name, "Austria"]


def test_an_arabic_article_joined_by_a_hyphen_is_part_of_the_place() -> None:
    assert _places("On 3 May 1967 the troops reached Ras el-Tawil at dusk.") == ["Ras el-Tawil"]


def test_a_place_named_after_a_king_is_a_place_not_the_king() -> None:
    text = "On 3 May 1916 the boat reached King Olaf Bay on the far coast."
    assert _actors(text) == []
    assert _places(text) == ["King Olaf Bay"]


@pytest.mark.parametrize("name", ["Drift Camp", "Grand Shoals Banks", "Physics Building", "Marlow Hotel"])
def test_camps_banks_buildings_and_hotels_are_places(name: str) -> None:
    assert _places(f"On 3 May 1916 the men moved to {name} with the sledges.") == [name]


@pytest.mark.parametrize(("text", "found"), [
    ("On 3 May 1921 he sailed with his wife Odile, a nurse.", [("Odile", "person")]),
    ("On 3 May 1921, at the wish of her son, Tobiah, she was buried there.", [("Tobiah", "person")]),
    ("The liner and her sister Aldavia were launched in 1911.", [("Aldavia", "ship")]),
])
def test_kin_named_by_a_first_name_and_a_ship_s_sister(text: str, found: list[tuple[str, str]]) -> None:
    assert _actors(text) == found


def test_a_people_s_word_standing_as_a_noun_is_a_ship_in_an_article_about_ships() -> None:
    text = ("The steamer Orvane left Hull on 3 May 1912.\n\n"
            "That night the Texan, of the Gulf Coast Line, stopped in the ice, and the Texan's wireless was off.")
    assert [a.text for a in extract_article(text).actors if a.kind == "ship"] == ["Orvane", "Texan", "Texan"]


def test_ships_listed_after_among_them_and_craft_types() -> None:
    text = "On 3 May 1912 warnings came from other ships, among them Verbena and Castellan, and the submersible Pell."
    assert _actors(text) == [("Verbena", "ship"), ("Castellan", "ship"), ("Pell", "ship")]


def test_people_of_unlisted_names_after_a_role_noun() -> None:
    text = "On 3 May 1956 the foreign secretary Oswin Tarrant met the archaeologist Dorran Field and a stowaway, Efan Gorst."
    assert _actors(text) == [("Oswin Tarrant", "person"), ("Dorran Field", "person"), ("Efan Gorst", "person")]


def test_a_first_word_the_name_lists_lack_before_a_listed_name() -> None:
    assert _actors("On 3 May 1956 Abdel Karim Hassan flew to Cairo.") == [("Abdel Karim Hassan", "person")]


def test_a_place_before_its_later_name_and_a_place_off_which_a_ship_sank() -> None:
    text = "In 1912 she was bound for Varnok (now Tessaly), and in 1916 she sank off Orvel (Ὄρβελ), in a gale."
    assert _places(text) == ["Varnok", "Tessaly", "Orvel"]


@pytest.mark.parametrize(("text", "places"), [
    ("In 1916 the South African ship reached Cape Town.", ["Cape Town"]),
    ("The word comes from the Latin for island, first used in 1916.", []),
])
def test_a_people_s_adjective_after_a_compass_word_and_a_language_are_no_places(text: str, places: list[str]) -> None:
    assert _places(text) == places


def test_a_surname_after_a_name_with_a_regnal_number() -> None:
    text = "On 3 May 1912 John Peter Vessick III sailed.\n\nVessick drowned on 5 May."
    assert [a.text for a in extract_article(text).actors] == ["John Peter Vessick III", "Vessick"]


def test_a_two_letter_body_is_an_organisation_and_a_signal_is_none() -> None:
    assert _actors("On 3 May 1956 the UN sent a force, and the ship sent the distress call XQT.") == [
        ("UN", "organisation")]


def test_an_unlisted_first_name_and_an_initial_after_a_role_noun() -> None:
    assert _actors("On 3 May 1863 the engineer Ormond T. Vessick found it.") == [("Ormond T. Vessick", "person")]


def test_regiments_named_by_a_number_and_a_state_and_numbered_commandos_are_units() -> None:
    article = extract_article("On 2 July 1863 the 12th Vermont held the hill, and the 9th Texas charged; "
                              "in 1956 40 Commando landed.")
    assert [u.text for u in article.units] == ["12th Vermont", "9th Texas", "40 Commando"]
    assert [p.text for p in article.places] == []


def test_a_national_park_of_several_words_is_a_place() -> None:
    assert _places("Much of the field is kept as the Varnok National Military Park since 1933.") == [
        "Varnok National Military Park"]


def test_the_builder_an_infobox_names_is_an_organisation_and_so_is_its_name_later() -> None:
    text = "Builder: Harvey and Lowe, Glasgow\n\nIn 1911 Lord Garve of Harvey and Lowe planned the ship."
    assert [a.text for a in extract_article(text).actors] == ["Harvey and Lowe", "Garve", "Harvey and Lowe"]


def test_a_defended_line_beside_an_infantry_company_is_still_a_place() -> None:
    text = "A company of riflemen reached the Varek Line on 3 May 1944."
    assert _actors(text) == []
    assert _places(text) == ["Varek Line"]
