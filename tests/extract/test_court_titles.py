"""Court and law titles dropped like any rank ('Judge John Sirica' is 'John Sirica'), and a surname
that is a word too after an initial and a first name ('E. Howard Hunt'), and no person in an
event's name ('the Lewis and Clark Expedition'): classes of batch 6 (issue #23). Every sentence here is written for the test."""

from __future__ import annotations

import pytest

from question_bank.extract import extract_article


def _actors(text: str) -> list[list[str]]:
    return [[a.text for a in finds.actors] for finds in extract_article(text).sentences]


@pytest.mark.parametrize("title", ["Judge", "Chief Justice", "Justice", "Attorney General"])
def test_a_court_or_law_title_is_dropped(title: str) -> None:
    assert _actors(f"In 1931 {title} Hollis Prandtner refused the appeal.") == [["Hollis Prandtner"]]


@pytest.mark.parametrize("name", ["E. Howard Hunt", "R. Walter Baker", "T. Henry Marsh"])
def test_an_initial_a_first_name_and_a_word_surname_are_one_person(name: str) -> None:
    assert _actors(f"In 1972 {name} hired two burglars.") == [[name]]



def test_an_event_named_after_people_is_no_persons_name() -> None:
    text = "Robert Ashworth sailed in 1897. The Ashworth and Neville Expedition reached the ice in 1898."
    assert _actors(text) == [["Robert Ashworth"], ["Ashworth"]]


def test_a_surname_before_jr_is_met_alone() -> None:
    text = "Police arrested Harold T. Brannock Jr. in 1972. Brannock had kept the keys."
    assert _actors(text) == [["Harold T. Brannock Jr"], ["Brannock"]]


def test_a_word_surname_after_a_month_is_the_known_person() -> None:
    text = "His clerk, Arthur Dean, resigned in 1911. In late June Dean testified for a week."
    assert _actors(text) == [["Arthur Dean"], ["Dean"]]
