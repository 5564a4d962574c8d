"""Units and places found in single sentences, and tied to the catalog only where one fits exactly."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from question_bank.extract import extract_article


def units(text: str) -> list[tuple[str, str]]:
    return [(u.text, u.name) for u in extract_article(text).units]


def places(text: str) -> list[str]:
    return [p.text for p in extract_article(text).places]


@pytest.mark.parametrize(("text", "expected"), [
    ("On 7 October 64th Rifle Corps units took Zaječar.", [("64th Rifle Corps", "64th Rifle Corps")]),
    ("The 2nd Bulgarian Army entered Niš.", [("2nd Bulgarian Army", "2nd Bulgarian Army")]),
    ("Army Group F ordered a retreat.", [("Army Group F", "Army Group F")]),
    ('It met the 7th SS Mountain Division "Prinz Eugen" near Niš.',
     [('7th SS Mountain Division "Prinz Eugen"', '7th SS Mountain Division "Prinz Eugen"')]),
    ("The XIII Corps crossed the river.", [("XIII Corps", "XIII Corps")]),
    ("Partisan forces of the 23rd and 25th Divisions returned.",
     [("23rd Division", "23rd Serbian Division"), ("25th Division", "25th Serbian Division")]),
    ("The Iron Brigade held the ridge.", [("Iron Brigade", "Iron Brigade")]),
    ("The Army of the Potomac crossed the river.", [("Army of the Potomac", "Army of the Potomac")]),
])
def test_units(text: str, expected: list[tuple[str, str]]) -> None:
    assert units(text) == expected


def test_a_near_number_is_never_the_catalog_unit() -> None:
    """'46th Rifle Corps' is not the catalog's 64th Rifle Corps, however alike the names look."""
    assert units("The Soviet 46th Rifle Corps attacked.") == [("46th Rifle Corps", "46th Rifle Corps")]


def test_armed_services_and_theatres_are_not_units() -> None:
    assert units("The Red Army and the Wehrmacht fought on the Eastern Front for years.") == []


@pytest.mark.parametrize(("text", "expected"), [
    ("The brigade took Zaječar and crossed the Danube.", ["Zaječar", "Danube"]),
    ("They held the line of the Psel River near Oboyan.", ["Psel River", "Oboyan"]),
    ("Soviet forces liberated Orel and Belgorod.", ["Orel", "Belgorod"]),
    ("The corps dug in north of Topola.", ["Topola"]),
    ("Entrenched in western Serbia, they waited.", ["western Serbia"]),
    ("The town of Gettysburg, Pennsylvania, was quiet.", ["Gettysburg", "Pennsylvania"]),
])
def test_places(text: str, expected: list[str]) -> None:
    assert places(text) == expected


def test_people_months_and_peoples_are_not_places() -> None:
    assert places("In May, General Lee rode to the Soviet lines with Joseph Hooker in Operation Citadel.") == []


def test_a_place_found_once_is_found_again_in_the_article() -> None:
    found = places("The army fought near Ponyri.\nPonyri station changed hands twice.")
    assert found == ["Ponyri", "Ponyri"]


def actors(text: str) -> list[tuple[str, str, str]]:
    """(text, kind, role) of every actor that is not a military unit."""
    return [(a.text, a.kind, a.role) for finds in extract_article(text).sentences for a in finds.actors]


@pytest.mark.parametrize(("text", "expected"), [
    # people: by a first name (faker's lists, Russian names in English spelling), after a title
    # (written without it), by initials, with a role word before them
    ("In 1959 the engineer Sergei Korolev visited the plant.", [("Sergei Korolev", "person", "engineer")]),
    ("Later that year Valentina Tereshkova trained hard.", [("Valentina Tereshkova", "person", "")]),
    ("General Eisenhower landed at Algiers.", [("Eisenhower", "person", "general")]),
    ("Admiral Isoroku Yamamoto planned the raid.", [("Isoroku Yamamoto", "person", "admiral")]),
    ("The sample reached C. J. La Touche quickly.", [("C. J. La Touche", "person", "")]),
    ("The cosmonaut Alexei Leonov stepped outside.", [("Alexei Leonov", "person", "cosmonaut")]),
    # organisations: acronyms, head words, 'Radio X', a role word after them
    ("NASA answered within a week.", [("NASA", "organisation", "")]),
    ("The capsule was built at OKB-1, the design bureau of the programme.",
     [("OKB-1", "organisation", "design bureau")]),
    ("She lectured to the Royal Society twice.", [("Royal Society", "organisation", "society")]),
    ("He moved to the University of Leeds.", [("University of Leeds", "organisation", "university")]),
    ("Radio Tirana repeated the claim.", [("Radio Tirana", "organisation", "radio station")]),
    # ships: a prefix, or a type word before one name or a list of them
    ("USS Nautilus surfaced near the pole.", [("USS Nautilus", "ship", "")]),
    ("HMS Hood blew up.", [("HMS Hood", "ship", "")]),
    ("The cruisers Aurora and Varyag opened fire.", [("Aurora", "ship", "cruiser"), ("Varyag", "ship", "cruiser")]),
    ("The submarine U-47 slipped in.", [("U-47", "ship", "submarine")]),
    # craft: a name and a number, a spacecraft when the sentence is about space
    ("Apollo 13 lost an oxygen tank on the way to the Moon.", [("Apollo 13", "craft", "spacecraft")]),
    ("The probe Venera reached the surface.", [("Venera", "craft", "probe")]),
])
def test_actors_beyond_armies(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert actors(text) == expected


@pytest.mark.parametrize("text", [
    "Troops fought on the Syrmian Front all winter.",          # a front line
    "Operation Barbarossa opened in June.",                    # an operation's name
    "The Royal Navy and the Luftwaffe clashed over the Channel.",  # armed services
    "Hill 112 changed hands.",                                  # a place with a number
    "The RAF bombed the docks.",                                # an armed service's initials
    "The German V-2 was a rocket.",                             # a type of weapon, a nationality
    "Little Round Top was held.",                               # a place whose first word is a name
    "In May 1944 the Soviets pressed on.",                      # a month, a nationality
])
def test_not_actors(text: str) -> None:
    assert actors(text) == []
    assert units(text) == []


def test_a_surname_alone_after_the_full_name_is_the_same_person() -> None:
    found = extract_article("The cosmonaut Pavel Belyayev flew first.\nThen Belyayev's partner went outside.\n"
                            "A crowd met Belyayev in Perm.")
    people = [(a.text, a.full_name, a.role) for a in found.actors]
    assert people == [("Pavel Belyayev", "Pavel Belyayev", "cosmonaut"), ("Belyayev", "Pavel Belyayev", "cosmonaut"),
                      ("Belyayev", "Pavel Belyayev", "cosmonaut")]
    assert [p.text for p in found.places] == ["Perm"]  # never 'Belyayev' though it follows 'met'


def test_a_ship_named_once_with_its_type_is_a_ship_wherever_it_is_named() -> None:
    found = extract_article("The carrier Lexington sailed at dawn.\nBombers from Lexington hit the harbour.")
    assert [(a.text, a.kind, a.role) for a in found.actors] == [("Lexington", "ship", "carrier")] * 2
    assert found.places == []


def test_a_gloss_in_another_script_is_not_a_second_actor() -> None:
    assert actors("In 1961 Vostok 1 (Russian: Восток-1) flew once round the Earth.") == [
        ("Vostok 1", "craft", "spacecraft")]


def test_units_stay_units_and_are_actors_too() -> None:
    found = extract_article("Admiral Chester Nimitz sent Task Force 16 toward Midway.")
    assert [(a.text, a.kind) for a in found.actors] == [("Chester Nimitz", "person"), ("Task Force 16", "unit")]
    assert [u.text for u in found.units] == ["Task Force 16"]


@pytest.mark.parametrize(("text", "place", "kind"), [
    ("The rocket rose from the Baikonur Cosmodrome.", "Baikonur Cosmodrome", "launch site"),
    ("The fleet anchored off Wake Island.", "Wake Island", "island"),
    ("They sailed into the Barents Sea.", "Barents Sea", "sea"),
    ("The survivors drifted across the Pacific Ocean.", "Pacific Ocean", "ocean"),
    ("Climbers reached Mount Elbrus.", "Mount Elbrus", "mountain"),
])
def test_place_types_the_text_says(text: str, place: str, kind: str) -> None:
    found = [(p.text, p.type) for p in extract_article(text).places]
    assert found == [(place, kind)]


SPACE_ARTICLE = """The first spacewalk

Voskhod 2 was launched from the Baikonur Cosmodrome on 18 March 1965.
On 18 March 1965 the cosmonaut Alexei Leonov left the capsule for twelve minutes.
The design bureau OKB-1 had built the craft under Sergei Korolev.
On 19 March 1965 Leonov and Pavel Belyayev landed in a forest near Perm.
On 23 March 1965 the space agency NASA launched Gemini 3 from Cape Canaveral.
In June 1965 the astronaut Edward White made the first American spacewalk.
"""


def test_a_space_article_drafts_imports_and_asks_for_a_cosmonaut_and_an_agency(tmp_path: Path) -> None:
    """quiz bank extract -> quiz bank import -> quiz bank questions, on an article with no army in it."""
    from click.testing import CliRunner

    from quiz.cli import main

    article = tmp_path / "spacewalk.txt"
    article.write_text(SPACE_ARTICLE, encoding="utf-8")
    draft, db = tmp_path / "spacewalk.toml", tmp_path / "quiz.db"
    runner = CliRunner()
    extracted = runner.invoke(main, ["bank", "extract", str(article), "-o", str(draft)])
    assert extracted.exit_code == 0, extracted.output
    assert "The draft validates" in extracted.output
    imported = runner.invoke(main, ["--db", str(db), "bank", "import", str(draft), "--name", "spacewalk"])
    assert imported.exit_code == 0, imported.output
    asked = runner.invoke(main, ["--db", str(db), "bank", "questions", "spacewalk", "--kind", "unit", "--json"])
    assert asked.exit_code == 0, asked.output
    prompts = {q["prompt"]: q["answer"] for q in json.loads(asked.output)}
    assert any(p.startswith("Which cosmonaut") and a in ("Alexei Leonov", "Leonov") for p, a in prompts.items()), prompts
    assert any(re.match(r"Which (?:space )?agency ", p) and a == "NASA" for p, a in prompts.items()), prompts
    assert not any("cosmonaut which" in p or "agency which" in p for p in prompts), prompts


@pytest.mark.parametrize(("text", "expected"), [
    ("The balloon came down near the village of Pokrovka.", [("Pokrovka", "village")]),
    ("She grew up in Lindale, a small town north of the lakes.", [("Lindale", "town")]),
    ("The seaplanes flew from Kure to the island of Tarawa.", [("Kure", "town"), ("Tarawa", "island")]),
])
def test_a_place_type_the_sentence_says(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(p.text, p.type) for p in extract_article(text).places] == expected


@pytest.mark.parametrize(("text", "unit"), [
    ("The men of No. 41 Commando waded ashore.", "No. 41 Commando"),
    ("Bombing Squadron 6 dived from the clouds.", "Bombing Squadron 6"),
])
def test_units_numbered_after_their_name(text: str, unit: str) -> None:
    assert units(text) == [(unit, unit)]


def test_a_level_or_code_in_capitals_is_neither_an_agency_nor_a_place() -> None:
    found = extract_article("The bombers went to DEFCON 3 within the hour.")
    assert found.actors == [] and found.places == []


def test_russian_first_names_in_their_english_spellings() -> None:
    names = [a.text for a in extract_article("Vasily Petrov and Dmitri Ustinov met Yevgeny Zamyatin.").actors]
    assert names == ["Vasily Petrov", "Dmitri Ustinov", "Yevgeny Zamyatin"]


def test_a_title_of_a_journal_is_not_a_place() -> None:
    assert places("The first results were printed in The Lancet that summer.") == []


def test_a_name_listed_after_a_person_is_a_person() -> None:
    assert actors("Leaders: Winston Churchill, Tadeusz Bór-Komorowski; Josip Broz Tito.") == [
        ("Winston Churchill", "person", ""), ("Tadeusz Bór-Komorowski", "person", ""), ("Josip Broz Tito", "person", "")]


def test_a_word_that_is_no_first_name_does_not_hide_the_name_after_it() -> None:
    """'February' cannot start a person's name, and 'Peter Debye' right after it is still found."""
    assert actors("In February Peter Debye wrote to him.") == [("Peter Debye", "person", "")]


def test_a_possessive_ends_a_persons_name() -> None:
    assert actors("They played Johann Sebastian's Mass in B minor.") == [("Johann Sebastian", "person", "")]


def test_a_surname_that_is_also_a_word_is_the_person_inside_a_sentence() -> None:
    found = actors("The sample went to Harold Baker in 1960.\nLater Baker and his students measured it.")
    assert [a[0] for a in found] == ["Harold Baker", "Baker"]


def test_a_numbered_code_or_work_is_no_craft() -> None:
    assert actors("The valve of tank No. 3 failed before Photo 12 was taken.") == []


@pytest.mark.parametrize(("text", "expected"), [
    # ships and craft named without a prefix where the sentence says what they are
    ("Vessels: Gauss (Germany); Discovery (United Kingdom)", [("Gauss", "ship"), ("Discovery", "ship")]),
    ("Spacecraft: Falcon (lunar module), Endeavour (command module)", [("Falcon", "craft"), ("Endeavour", "craft")]),
    ("The crew spent the winter aboard the Belgica.", [("Belgica", "ship")]),
])
def test_ships_and_craft_introduced_without_a_prefix(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(a[0], a[1]) for a in actors(text)] == expected


def test_a_ship_introduced_once_is_no_place_later() -> None:
    found = extract_article("The party sailed aboard the Gauss in 1901.\nThey left the Gauss at Kerguelen.")
    assert [a.text for a in found.actors] == ["Gauss", "Gauss"]
    assert [p.text for p in found.places] == ["Kerguelen"]


def test_a_single_name_is_a_person_when_only_a_person_could_do_what_it_does() -> None:
    assert actors("Mussolini had ordered the garrison to hold.") == [("Mussolini", "person", "")]
    assert actors("Norway ordered two ships.") == []
    assert actors("The talks failed, and Molotov wrote to them at once.") == [("Molotov", "person", "")]


def test_a_first_name_the_lists_lack_joins_a_known_surname() -> None:
    text = "The plan came from Fridtjof Nansen in 1888.\nNansen wrote that the ice would carry them."
    assert [a.text for a in extract_article(text).actors] == ["Fridtjof Nansen", "Nansen"]


@pytest.mark.parametrize(("text", "expected"), [
    ("She taught at Imperial College London for a decade.", "Imperial College London"),
    ("The Berlin Radio Orchestra played it twice.", "Berlin Radio Orchestra"),
])
def test_an_institution_holding_a_place_is_one_organisation(text: str, expected: str) -> None:
    found = extract_article(text)
    assert [a.text for a in found.actors] == [expected]
    assert [p.text for p in found.places] == []


def test_a_nationality_before_words_that_only_describe_a_unit_is_part_of_its_name() -> None:
    assert units("The Italian Expeditionary Corps crossed the river.") == [
        ("Italian Expeditionary Corps", "Italian Expeditionary Corps")]
    assert units("The German Brandenburg Division crossed the river.") == [
        ("Brandenburg Division", "Brandenburg Division")]


def test_a_surname_that_is_a_word_opens_a_sentence_only_as_a_name_does() -> None:
    text = ("The work fell to Charles Best in 1921.\nBest, a student, kept the dogs.\n"
            "Best received half the prize.\nBest results came later.")
    assert [a.text for a in extract_article(text).actors] == ["Charles Best", "Best", "Best"]


def test_a_continent_is_no_person_though_its_first_word_is_a_first_name() -> None:
    found = extract_article("Insulin was soon sold across North America by then.")
    assert [a.text for a in found.actors] == []
    assert [p.text for p in found.places] == ["North America"]


def test_a_first_name_of_a_place_is_one_person() -> None:
    found = extract_article("The chapel was built for Francis of Assisi in the 1220s.")
    assert [a.text for a in found.actors] == ["Francis of Assisi"]
    assert [p.text for p in found.places] == []
    assert actors("The Army of Tennessee withdrew.") == []


def test_a_ship_named_in_two_words_after_its_type() -> None:
    assert actors("The convoy was led by the freighter Fort Erie into the harbour.") == [("Fort Erie", "ship", "freighter")]


def test_an_operations_name_hides_no_person() -> None:
    assert actors("Operation Little Jupiter began at dawn.") == []


def test_a_place_and_a_word_are_no_person_though_the_place_is_a_first_name() -> None:
    assert actors("The Paris Commune lasted two months.") == []
