"""Surnames with a particle ('Le', 'van', 'd'') the first run of articles 26-30 cut short or took
for places (issue #23): the whole name, then the surname alone with its particle. Every sentence
here is written for the test."""

from __future__ import annotations

import pytest

from question_bank.extract import extract_article


def _actors(text: str) -> list[list[str]]:
    return [[a.text for a in finds.actors] for finds in extract_article(text).sentences]


def _places(text: str) -> list[list[str]]:
    return [[p.text for p in finds.places] for finds in extract_article(text).sentences]


@pytest.mark.parametrize(("full", "alone"), [
    ("Aurèle Le Fauconnier", "Le Fauconnier"),
    ("Maximin De Kerveguen", "De Kerveguen"),
    ("Godric Van Hoorebeke", "Van Hoorebeke"),
])
def test_a_capitalised_particle_after_a_role_stays_in_the_name(full: str, alone: str) -> None:
    text = f"The chemist {full} weighed the salt in 1871. Two years later {alone} wrote to the academy."
    assert _actors(text) == [[full], [alone]]
    assert _places(text) == [[], []]


def test_an_elided_particle_is_part_of_the_surname() -> None:
    text = "His pupil Heinrich Josef d'Aubrecourt measured it in 1871. In 1873 d'Aubrecourt wrote a memoir."
    assert _actors(text) == [["Heinrich Josef d'Aubrecourt"], ["d'Aubrecourt"]]
