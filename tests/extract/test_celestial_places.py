"""The Sun's planets and their large moons are places, as the Moon and the Earth are (a batch 6
convention, issue #23); a planet's name before a noun names a rocket, not the planet. Every
sentence here is written for the test."""

from __future__ import annotations

from question_bank.extract import extract_article


def _places(text: str) -> list[list[str]]:
    return [[p.text for p in finds.places] for finds in extract_article(text).sentences]


def test_planets_and_moons_named_alone_are_places() -> None:
    text = ("Voyager 2 passed Neptune in August 1989 and photographed its moon Triton. "
            "Uranus had been its target in 1986, and Callisto was seen on the way.")
    assert _places(text) == [["Neptune", "Triton"], ["Uranus", "Callisto"]]


def test_a_planet_named_before_a_noun_after_a_nationality_is_no_place() -> None:
    assert _places("In 1961 the American Jupiter missiles stood in Turkey.") == [["Turkey"]]
