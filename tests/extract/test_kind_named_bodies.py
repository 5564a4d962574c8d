"""Firms and newspapers named by their kind in lower case ('the copper company Codelco', 'Center
Rock, a small company'), a newspaper's 'The' dropped, and a theme park a person's name opens
('Walt Disney World') a place, not a person: classes of batch 6 (issue #23). Every sentence here is
written for the test."""

from __future__ import annotations

from question_bank.extract import extract_article


def _actors(text: str) -> list[list[str]]:
    return [[a.text for a in finds.actors] for finds in extract_article(text).sentences]


def _places(text: str) -> list[list[str]]:
    return [[p.text for p in finds.places] for finds in extract_article(text).sentences]


def test_a_firm_after_its_kind_is_an_organisation() -> None:
    assert _actors("In 1911 the mining company Ardvenna sold its shafts.") == [["Ardvenna"]]


def test_a_firm_before_a_or_an_and_its_kind_is_an_organisation() -> None:
    assert _actors("The drills came from Stone Anvil, a small firm from Ohio, in 1911.") == [["Stone Anvil"]]


def test_a_newspaper_is_an_organisation_without_its_the() -> None:
    assert _actors("In 1911 two reporters of The Glasgow Courier found the ledger.") == [["Glasgow Courier"]]


def test_a_theme_park_named_after_a_person_is_a_place() -> None:
    text = "In 1975 he spoke at Walt Rivington World, near Tampa."
    assert _places(text) == [["Walt Rivington World", "Tampa"]]
    assert _actors(text) == [[]]


def test_a_quantifier_before_a_count_names_no_craft() -> None:
    text = 'The note read "All 21 of us are alive" in 1911, and Nearly 40 more were found.'
    assert _actors(text) == [[]]
