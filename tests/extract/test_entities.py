"""Units and places found in single sentences, and tied to the catalog only where one fits exactly."""

from __future__ import annotations

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
