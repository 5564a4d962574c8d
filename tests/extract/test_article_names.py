"""Names an article gives once in full and then shortens (issue #23, batch 5's classes): a first
name alone after the full name, a family by its surname, kin with a word before the kin noun.
Every sentence here is written for the test."""

from __future__ import annotations

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
