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
    ("Refugees fled to West Jerusalem on 3 May 1961.", "West Jerusalem"),
    ("The elections in Southern France were held on 18 March 1990.", "Southern France"),
    ("The coast of Northern Italy shook on 3 May 1911.", "Northern Italy"),
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


@pytest.mark.parametrize("text", ["The Lisbon Summit ended on 3 May 1972.", "The Lisbon Column marched on 3 May 1972."])
def test_a_meeting_or_a_column_named_after_a_city_is_no_place_of_its_own(text: str) -> None:
    assert _places(text) == [["Lisbon"]]


def test_a_people_s_adjective_before_a_mountain_is_not_in_its_name() -> None:
    text = "The 1921 British Mount Kalvar expedition failed.\n\nKalvar was climbed on 3 May 1951."
    assert _places(text) == [["Mount Kalvar"], ["Kalvar"]]


def test_a_name_in_another_language_in_parentheses_is_the_same_place() -> None:
    text = "On 3 May 1951 they reached Mount Kalvar (Nepali: Kalvarbhanjyang), the highest peak."
    assert _places(text) == [["Mount Kalvar"]]


def test_a_former_name_in_parentheses_is_a_place_of_its_own() -> None:
    assert _places("On 3 May 1951 they reached Tsaritsyn (now Volgograd) by rail.") == [["Tsaritsyn", "Volgograd"]]


def test_buildings_and_monuments_named_with_a_possessive_are_places() -> None:
    text = "On 3 May 1806 he was buried in St Anselm's Cathedral, near Morley's Column."
    assert _places(text) == [["St Anselm's Cathedral", "Morley's Column"]]


def test_a_possessive_after_a_place_is_not_in_its_name() -> None:
    assert _places("On 3 May 1806 the fleet sailed to Ruritania's coast.")[0][0] == "Ruritania"


def test_a_ship_named_with_its_prefix_is_the_same_ship_alone_later() -> None:
    text = ("On 3 May 1805 Admiral James Corbin sailed in HMS Endeavour.\n\n"
            "At noon Endeavour opened fire, and Corbin fought from Endeavour until dusk.")
    assert _actors(text) == [["James Corbin", "HMS Endeavour"], ["Endeavour", "Corbin", "Endeavour"]]
    assert _places(text) == [[], []]


def test_a_ship_listed_with_a_known_ship_is_a_ship() -> None:
    text = ("Ships: HMS Endeavour; Vaillante\n\n"
            "On 3 May 1805 Endeavour passed between Vaillante and Formidableux.\n\n"
            "The rigging of Formidableux caught fire.")
    assert _actors(text) == [["HMS Endeavour", "Vaillante"], ["Endeavour", "Vaillante", "Formidableux"],
                             ["Formidableux"]]


@pytest.mark.parametrize("text", [
    "The Esperanza Real, the largest warship afloat, struck her colours on 3 May 1805.",
    "On 3 May 1805 the brig passed astern of the Esperanza Real under fire.",
])
def test_a_name_the_sentence_makes_a_ship_is_a_ship(text: str) -> None:
    assert [(a.text, a.kind) for a in extract_article(text).actors] == [("Esperanza Real", "ship")]


def test_a_person_known_by_a_name_that_is_no_first_name_is_met_by_it_alone() -> None:
    text = ("Summit party: Walter Brand, Pemba Dorje\n\n"
            "On 3 May 1951 Brand and Pemba reached the top, and Pemba left a flag there.")
    assert _actors(text) == [["Walter Brand", "Pemba Dorje"], ["Brand", "Pemba", "Pemba"]]


def test_a_first_name_two_people_share_is_not_met_alone_as_either() -> None:
    text = "On 3 May 1951 Walter Brand and Walter Keel reached the top.\n\nWalter waved from the ridge."
    assert _actors(text) == [["Walter Brand", "Walter Keel"], []]


def test_a_first_name_and_a_regnal_number_is_a_person() -> None:
    assert _actors("On 2 June 1953, the day of the coronation of Frederick IX, it rained.") == [["Frederick IX"]]


def test_stacked_titles_are_not_part_of_the_name() -> None:
    assert _actors("On 3 May 1906 Brigadier General Walter Brand marched.") == [["Walter Brand"]]


@pytest.mark.parametrize(("text", "body"), [
    ("On 3 May 1989 the minister was forced out by the Presidium.", "Presidium"),
    ("The news reached the Secretariat on 6 November 1805.", "Secretariat"),
    ("On 3 May 1989 an officer of the Volkspolizei opened the gate.", "Volkspolizei"),
])
def test_a_body_without_a_head_word_is_an_organisation(text: str, body: str) -> None:
    actors = extract_article(text).actors
    assert [(a.text, a.kind) for a in actors] == [(body, "organisation")]
    assert _places(text) == [[]]


def test_a_place_after_member_of_the_is_no_body() -> None:
    assert _actors("On 3 May 1989 a member of the Netherlands team spoke.") == [[]]


def test_a_state_body_keeps_its_first_word() -> None:
    assert _actors("On 3 May 1906 the State Flood Commission met.") == [["State Flood Commission"]]


def test_a_time_zone_is_no_organisation() -> None:
    assert _actors("Local time: 05:12 PST") == [[]]


def test_a_ship_after_a_people_s_adjective_in_an_article_with_ships() -> None:
    text = ("On 3 May 1805 HMS Endeavour sailed.\n\n"
            "The French Vaillante caught fire, and the French Revolution and the American Jupiter missiles were far.")
    assert _actors(text) == [["HMS Endeavour"], ["Vaillante"]]


def test_no_ship_after_a_people_s_adjective_in_an_article_without_ships() -> None:
    assert _actors("On 3 May 1805 the French Vaillante caught fire.") == [[]]


@pytest.mark.parametrize(("text", "places"), [
    ("On 3 May 1944 the Fifth Column marched to Rosetta.", ["Rosetta"]),
    ("On 3 May 1944 they met at the Marlow Lane crossing.", ["Marlow Lane"]),
])
def test_a_weak_head_after_an_english_word_makes_no_place(text: str, places: list[str]) -> None:
    assert _places(text) == [places]


def test_a_first_name_before_a_street_word_that_is_a_surname_is_a_person() -> None:
    text = "On 3 May 1944 Christopher Lane and Walter Park wrote to the minister."
    assert _actors(text) == [["Christopher Lane", "Walter Park"]]
    assert _places(text) == [[]]


@pytest.mark.parametrize(("text", "place"), [
    ("On 3 May 1990 the Carpathian Democratic Republic voted.", "Carpathian Democratic Republic"),
    ("The Weimar Republic fell in 1933.", "Weimar Republic"),
])
def test_a_name_ending_in_republic_is_a_country(text: str, place: str) -> None:
    assert [(p.text, p.type) for p in extract_article(text).places] == [(place, "country")]


def test_a_place_listed_before_its_later_name_in_parentheses() -> None:
    text = "On 10 April 1912 the ship called at Cherbourg and Queenstown (now Cobh) in Ireland."
    assert _places(text) == [["Cherbourg", "Queenstown", "Cobh", "Ireland"]]


def test_a_numbered_pier_is_one_place() -> None:
    assert _places("On 18 April 1912 survivors were landed at Pier 54 in Manhattan.") == [["Pier 54", "Manhattan"]]


@pytest.mark.parametrize("text", ["The Presidium met on 3 May 1969.", "On 3 May 1969 the Soviet Presidium met."])
def test_a_body_after_a_determiner_or_a_people_s_adjective(text: str) -> None:
    assert [(a.text, a.kind) for a in extract_article(text).actors] == [("Presidium", "organisation")]


def test_a_body_is_no_ship_in_an_article_with_ships() -> None:
    text = "On 3 May 1805 HMS Endeavour sailed.\n\nThe Soviet Presidium met on 4 May 1805."
    assert [(a.text, a.kind) for a in extract_article(text).actors] == [
        ("HMS Endeavour", "ship"), ("Presidium", "organisation")]


@pytest.mark.parametrize(("text", "person"), [
    ("King Frederick IX sent a message on 3 May 1969.", "Frederick IX"),
    ("Archbishop Walter Brand sent a message on 3 May 1969.", "Walter Brand"),
])
def test_a_title_is_not_part_of_a_name(text: str, person: str) -> None:
    assert _actors(text) == [[person]]


@pytest.mark.parametrize(("text", "place"), [
    ("The volcano Anak Kelud rose from the caldera in 1927.", "Anak Kelud"),
    ("In 1916 the river Ancre flooded.", "Ancre"),
])
def test_a_place_after_its_type_in_lower_case(text: str, place: str) -> None:
    assert _places(text) == [[place]]


def test_a_surname_that_is_a_side_s_word_after_a_first_name() -> None:
    text = "On 9 November 1989 Walter Jäger, an officer, opened the gates, and Peter German troops waited."
    assert _actors(text) == [["Walter Jäger"]]


def test_a_knight_s_title_after_a_rank_is_not_part_of_the_name() -> None:
    assert _actors("Admiral Sir Walter Brand planned it on 3 May 1944.") == [["Walter Brand"]]


@pytest.mark.parametrize(("text", "ships"), [
    ("On 4 June 1942 bombers torpedoed Taigei and Ryuzan.", ["Taigei", "Ryuzan"]),
    ("Ryuzan was scuttled on 5 June 1942, and morale sank.", ["Ryuzan"]),
    ("Taigei, the one carrier left, turned north on 4 June 1942.", ["Taigei"]),
])
def test_a_name_a_ship_s_verb_or_type_makes_a_ship(text: str, ships: list[str]) -> None:
    assert [(a.text, a.kind) for a in extract_article(text).actors] == [(s, "ship") for s in ships]


def test_an_opera_company_is_an_organisation() -> None:
    text = "On 17 April 1906 she sang with the Vanderbilt Opera in Denver."
    assert [(a.text, a.kind) for a in extract_article(text).actors] == [("Vanderbilt Opera", "organisation")]


def test_names_listed_after_a_plural_kind_of_organisation() -> None:
    text = "By 1950 companies such as Vantrel, Orlin Dyes and Kessmark were making it."
    assert [(a.text, a.kind) for a in extract_article(text).actors] == [
        ("Vantrel", "organisation"), ("Orlin Dyes", "organisation"), ("Kessmark", "organisation")]
