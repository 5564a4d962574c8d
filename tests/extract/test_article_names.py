"""Names an article gives once in full and then shortens (issue #23, batch 5's classes): a first
name alone after the full name, a family by its surname, kin with a word before the kin noun.
Every sentence here is written for the test."""

from __future__ import annotations

import pytest

from question_bank.extract import extract_article


def _actors(text: str) -> list[list[str]]:
    return [[a.text for a in finds.actors] for finds in extract_article(text).sentences]


def test_a_first_name_alone_after_the_full_name_is_the_person() -> None:
    text = ("On 3 May 1951 Walter Brand reached the top of the ridge.\n\n"
            "Two days later Walter came down, and the porters cheered Walter.")
    assert _actors(text) == [["Walter Brand"], ["Walter", "Walter"]]


def test_a_first_name_inside_a_longer_name_is_not_the_person() -> None:
    text = "On 3 May 1951 Walter Brand reached the top.\n\nLater the Walter Glacier was named after him."
    assert _actors(text)[1] == []


def test_a_family_named_by_its_surname_and_a_kin_noun_is_one_actor() -> None:
    text = "On 3 May 1951 the Brand brothers reached the top, and the Royal family sent word."
    assert _actors(text) == [["Brand brothers"]]


def test_a_known_surname_in_the_plural_is_the_family() -> None:
    text = ("On 3 May 1951 Walter Brand and his wife Clara Brand reached the top.\n\n"
            "The next day the Brands came down.")
    assert _actors(text) == [["Walter Brand", "Clara Brand"], ["Brands"]]


def test_kin_with_words_before_the_kin_noun_is_a_person() -> None:
    text = ("On 3 May 1951 Walter Brand's own exiled brother Osric landed, "
            "and their first daughter, Ysolde, was born in June.")
    assert _actors(text) == [["Walter Brand", "Osric", "Ysolde"]]


def _places(text: str) -> list[list[str]]:
    return [[p.text for p in finds.places] for finds in extract_article(text).sentences]


@pytest.mark.parametrize("name", ["Bence Vörösmarty", "Aapo Kettunen", "Gonçalo Ferraz", "Sjoerd Molenkamp",
                                  "Mihai Dobrescu", "Algirdas Vaitkus"])
def test_a_first_name_of_another_european_language_makes_a_person(name: str) -> None:
    assert _actors(f"On 3 May 1951 the committee met, and {name} spoke against the plan.") == [[name]]


@pytest.mark.parametrize("name", ["Corvin Passage", "Lucas Prairie", "Edith Meadows", "Anton Barracks", "Oscar Arcade"])
def test_a_place_s_head_word_after_a_first_name_makes_a_place_and_no_person(name: str) -> None:
    text = f"On 3 May 1951 {name} was held by the rebels."
    assert (_actors(text), _places(text)) == ([[]], [[name]])


@pytest.mark.parametrize(("text", "places"), [
    ("On 3 May 1883 the blast was heard as far away as Tarrow, in Western Australia.", ["Tarrow", "Western Australia"]),
    ("Pandel and Vesk, on the northern tip of Sumatra, were destroyed on 3 May 1883.", ["Pandel", "Vesk", "Sumatra"]),
    ("In May 1927 a new volcano, Tepu Kelir, rose from the sea.", ["Tepu Kelir"]),
    ("On 3 May 1883 the islands of Vandel and Strom were covered in ash.", ["Vandel", "Strom"]),
    ("On 3 May 1066 the fleet sailed up the Wenning and the Leck with 300 ships.", ["Wenning", "Leck"]),
])
def test_a_name_the_words_around_it_make_a_place(text: str, places: list[str]) -> None:
    assert _places(text) == [places]


@pytest.mark.parametrize("text", ["The war opened the way to the Vandalic conquest of the valley in 1066.",
                                  "By 1086 the land had passed to Norman lords, and the old families were gone."])
def test_a_people_s_adjective_before_a_noun_is_no_place(text: str) -> None:
    assert _places(text) == [[]]


@pytest.mark.parametrize(("text", "body"), [
    ("On 3 May 1956 the students of the Kovács Circle met in the library.", "Kovács Circle"),
    ("On 3 May 1956 the Water Supply Authority cut the mains.", "Water Supply Authority"),
    ("On 3 May 1956 Bordurian Radio broadcast the news.", "Bordurian Radio"),
    ("On 3 May 1956 Radio Free Borduria broadcast the news.", "Radio Free Borduria"),
    ("On 3 May 1956 the security police, known as the ŠTB, fired on the crowd.", "ŠTB"),
])
def test_a_body_named_by_its_own_words_is_an_organisation(text: str, body: str) -> None:
    assert [(a.text, a.kind) for a in extract_article(text).actors] == [(body, "organisation")]


def test_a_circle_named_after_a_known_region_is_no_organisation() -> None:
    text = "On 3 May 1956 the ship crossed the Arctic Circle."
    assert (_actors(text), _places(text)) == ([[]], [["Arctic Circle"]])


def test_a_first_name_and_an_epithet_is_one_person() -> None:
    assert _actors("Edmund the Unready died at Winchester on 5 January 1016.") == [["Edmund the Unready"]]


@pytest.mark.parametrize(("text", "people"), [
    ("On 3 May 1066 the northern earls Wulfric and Cenred were beaten.", ["Wulfric", "Cenred"]),
    ("On 3 May 1066 Walter Brand's brothers Wulfric and Cenred fell.", ["Walter Brand", "Wulfric", "Cenred"]),
])
def test_names_after_a_plural_title_or_kin_noun_are_people(text: str, people: list[str]) -> None:
    assert _actors(text) == [people]


def test_names_after_a_plural_place_noun_are_no_people() -> None:
    assert _actors("On 3 May 1066 the rivers Wenning and Leck flooded.") == [[]]


def test_single_names_listed_with_a_known_person_are_people() -> None:
    text = ("On 3 May 1066 Walter Brand landed.\n\n"
            "Result: Brand, Wulfric and Cenred killed\n\n"
            "Later Cenred was buried at sea.")
    assert _actors(text) == [["Walter Brand"], ["Brand", "Wulfric", "Cenred"], ["Cenred"]]


@pytest.mark.parametrize(("text", "person"), [
    ("On 3 May 1970 Brankov himself was buried there.", "Brankov"),
    ("In 1066 Osric's brothers fell in the fighting.", "Osric"),
    ("After Tesmar's death in 1953 the grip of the party weakened.", "Tesmar"),
])
def test_a_single_name_a_person_s_word_follows_is_a_person(text: str, person: str) -> None:
    assert _actors(text) == [[person]]


@pytest.mark.parametrize(("text", "place"), [
    ("On 30 October 1956 insurgents stormed the building on Republic Square.", "Republic Square"),
    ("In 1070 the abbot founded Battle Abbey on the field.", "Battle Abbey"),
    ("The Carpathian People's Republic was declared in 1949.", "Carpathian People's Republic"),
    ("In 1898 they worked in a shed on the rue Vauvilliers.", "rue Vauvilliers"),
    ("In 1898 the crowd filled the calle de Alcántara.", "calle de Alcántara"),
])
def test_a_place_s_head_or_street_word_makes_a_place_of_words_that_name_none_alone(text: str, place: str) -> None:
    assert _places(text) == [[place]]


@pytest.mark.parametrize(("text", "places"), [
    ("In 1883 the island had three peaks, with Pomma and Trell to the north.", ["Pomma", "Trell"]),
    ("The last resistance, among the workers of Tarnok, ended on 10 November 1956.", ["Tarnok"]),
    ("On 3 May 1883 the wave struck the towns on the western tip of Vesk.", ["Vesk"]),
    ("In 1917 the squadron steered for Lebrow, where the cruiser was repaired.", ["Lebrow"]),
    ("After the war in 1946 she left for Tarnaby and never came back.", ["Tarnaby"]),
    ("Woldburg, the capital of the island, surrendered on 6 November 1944.", ["Woldburg"]),
    ("In 2011 came the Kessima accident, and in 1883 a Plinian eruption.", ["Kessima"]),
    ("On 3 May 1917 the squadron set out for Skelde at dusk.", ["Skelde"]),
])
def test_a_name_in_a_quarter_or_of_a_place_s_part_or_people_is_a_place(text: str, places: list[str]) -> None:
    assert _places(text) == [places]


@pytest.mark.parametrize("text", ["In 1956 the first secretary denounced Brankov in a secret speech.",
                                  "The first secretary had ruled in Brankov's image since 1949.",
                                  "According to Brankov, the battle lasted two days in 1066.",
                                  "The chronicle of 1066 was written by Brankov in a monastery."])
def test_a_name_a_verb_or_a_noun_of_people_makes_a_person_is_no_place(text: str) -> None:
    assert (_actors(text), _places(text)) == ([["Brankov"]], [[]])


def test_a_people_s_adjective_before_a_ship_s_type_is_no_ship() -> None:
    text = "On 3 May 1883 the captain of the German corvette Elisabeth reported ash."
    assert [(a.text, a.kind) for a in extract_article(text).actors] == [("Elisabeth", "ship")]


def test_a_town_s_name_with_an_adjective_s_ending_before_one_of_its_parts_is_a_place() -> None:
    assert _places("On 3 May 1950 the plane left from Tarvan airport.") == [["Tarvan"]]


def test_a_single_name_in_a_known_place_may_be_a_person() -> None:
    assert _places("On 3 May 1956 Brankov, in Hungary, spoke for the students.") == [["Hungary"]]


def test_an_aircraft_named_in_an_infobox_and_after_its_builder_is_a_craft_met_by_its_own_name() -> None:
    text = ("Aircraft: Keller Swift\n\n"
            "Anton Keller flew it in 1903, and the Swift was ready again three days later.\n\n"
            "The Swift II of 1904 flew for five minutes, and the Swift III followed in 1905.")
    assert [[(a.text, a.kind) for a in finds.actors] for finds in extract_article(text).sentences] == [
        [("Keller Swift", "craft")], [("Anton Keller", "person"), ("Swift", "craft")],
        [("Swift II", "craft"), ("Swift III", "craft")]]


@pytest.mark.parametrize(("text", "craft"), [
    ("On 3 May 1932 the aircraft Vin Fiz crossed the bay.", "Vin Fiz"),
    ("On 3 May 1932 the glider Albatros rose above the dunes.", "Albatros"),
])
def test_an_aircraft_after_its_type_is_a_craft(text: str, craft: str) -> None:
    assert [(a.text, a.kind) for a in extract_article(text).actors] == [(craft, "craft")]


def test_names_listed_before_a_known_place_are_places() -> None:
    assert _places("In 1658 the kingdom gave up Skarnia, Hollund and Denmark.") == [["Skarnia", "Hollund", "Denmark"]]


def test_a_sentence_s_first_word_is_not_part_of_a_name_listed_before_a_place() -> None:
    text = "Leaving Tarvik, Ohio and the coast behind, they sailed on 3 May 1916."
    assert _places(text) == [["Tarvik", "Ohio"]]


def test_kin_at_a_sentence_s_start_is_a_person() -> None:
    assert _actors("On 3 May 1658 Anders Bolle stayed.\n\nHis wife, Kirsten, stayed with him.") == [
        ["Anders Bolle"], ["Kirsten"]]


@pytest.mark.parametrize(("text", "name", "kind"), [
    ("In 1882 the family gave the plates to the Académie des Beaux-Arts.", "Académie des Beaux-Arts", "organisation"),
    ("After 1905 his papers went to the Bibliothèque royale in the capital.", "Bibliothèque royale", "organisation"),
    ("In 1916 the trawler Instituto de Pesca No. 2 sailed south.", "Instituto de Pesca No. 2", "ship"),
])
def test_a_body_named_in_another_language_by_its_head_word(text: str, name: str, kind: str) -> None:
    finds = extract_article(text)
    assert ([(a.text, a.kind) for a in finds.actors], finds.places) == ([(name, kind)], [])


def test_a_name_with_an_adjective_s_ending_before_a_noun_that_is_a_verb_too_is_no_place() -> None:
    assert _places("In 1905 historians in the Provençal style praised him.") == [[]]


@pytest.mark.parametrize(("text", "places"), [
    ("In 1956 the Tarvik Crisis was occupying Britain.", ["Tarvik", "Britain"]),
    ("The offensive was planned at the Vallon Conference in December 1915.", ["Vallon"]),
    ("In 1066 the Salbert Tapestry showed the battle.", ["Salbert"]),
    ("In 1962 the Caribbean Crisis began.", []),
])
def test_a_place_named_in_an_event_s_or_a_work_s_name_is_a_place(text: str, places: list[str]) -> None:
    assert _places(text) == [places]


def test_a_name_after_a_comma_and_of_is_where_someone_comes_from() -> None:
    assert _places("In 1896 the engineer Octave Lamont, of Brackwater, wrote to them.") == [["Brackwater"]]


def test_a_first_name_of_another_language_that_is_an_english_word_makes_no_person() -> None:
    assert _actors("Over Christmas Day the garrison waited, and on 3 May 1917 it left.") == [[]]


def test_an_unaccented_spelling_of_a_first_name_of_another_language_makes_a_person() -> None:
    assert _actors("On 3 May 1956 the crowd cheered Laszlo Vegh at the gate.") == [["Laszlo Vegh"]]


def test_a_ship_s_name_a_person_s_word_follows_stays_the_ship() -> None:
    text = ("On 3 May 1942 USS Tarvek was hit twice.\n\n"
            "Tarvek herself capsized early on 7 May, and Tarvek's sister Kolm sailed on.\n\n"
            "The wreck of Tarvek was found in 1998.")
    assert [[(a.text, a.kind) for a in finds.actors] for finds in extract_article(text).sentences] == [
        [("USS Tarvek", "ship")], [("Tarvek", "ship"), ("Tarvek", "ship"), ("Kolm", "ship")], [("Tarvek", "ship")]]


def test_a_known_surname_in_the_plural_is_the_family_though_a_place_is_so_named() -> None:
    text = "In 1931 Ilona Varga met Tamas Varga.\n\nBy 1934 the Vargas were famous."  # Vargas: a state
    assert (_actors(text)[1], _places(text)[1]) == (["Vargas"], [])


@pytest.mark.parametrize(("text", "person", "role"), [
    ("In 1271 the Mamluk sultan Qalbars rebuilt the walls.", "Qalbars", "sultan"),
    ("In 64 the emperor Vespanus fled the city.", "Vespanus", "emperor"),
])
def test_a_single_name_after_a_title_in_lower_case_is_a_person(text: str, person: str, role: str) -> None:
    assert [(a.text, a.kind, a.role) for a in extract_article(text).actors] == [(person, "person", role)]


def test_a_name_after_of_in_a_list_of_people_is_no_person() -> None:
    assert _actors("Commanders: Reynald of Tarsa, Hugh de Mornay")[0] == ["Hugh de Mornay"]


@pytest.mark.parametrize(("text", "person"), [
    ("In 1187 the forces of Sultan Nasir al-Hamid besieged the castle.", "Nasir al-Hamid"),
    ("In 1187 his brother al-Mansur marched north.", "al-Mansur"),
    ("In 1190 Ibn al-Qalanis wrote that the castle had fallen.", "Ibn al-Qalanis"),
])
def test_a_name_with_an_arabic_article_is_one_person(text: str, person: str) -> None:
    assert _actors(text) == [[person]]


def test_an_arabic_place_s_first_word_and_an_articled_name_are_a_place() -> None:
    text = "On 13 September 1882 the army reached Tell el-Marag at dawn."
    assert (_actors(text), _places(text)) == ([[]], [["Tell el-Marag"]])


def test_a_first_name_opening_a_sentence_before_a_past_verb_that_is_a_noun_too_is_the_person() -> None:
    text = "On 1 September 1882 Lucien Mervaux saw a comet.\n\nLucien saw it again.\n\nLucien results were poor."
    assert _actors(text) == [["Lucien Mervaux"], ["Lucien"], []]
