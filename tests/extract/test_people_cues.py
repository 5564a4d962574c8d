"""People whom the words around an unlisted name make people (issue #23): ', who' after a single
name, and two name words after 'led by' or 'under'. Every sentence here is written for the test."""

from __future__ import annotations

from question_bank.extract import extract_article


def _actors(text: str) -> list[str]:
    return [a.text for a in extract_article(text).actors]


def test_a_single_name_before_who_is_a_person_even_when_a_town_is_called_so() -> None:
    assert _actors("In July 1863 Tallin, who had hoped for more, wrote a letter.") == ["Tallin"]


def test_a_place_before_who_is_no_person() -> None:
    assert _actors("In 1922 the firm of Boston, who had heard the paper, offered help.") == []
    assert _actors("In 1863 he met a Texan, who told him the news.") == []


def test_two_unlisted_name_words_after_led_by_or_under_are_a_person() -> None:
    text = "In 1915 the pole was reached by Aurel Vantongeren, and the ship sailed under Ottar Brisk in 1916."
    assert _actors(text) == ["Aurel Vantongeren", "Ottar Brisk"]


def test_a_place_or_a_headed_name_after_under_is_no_person() -> None:
    assert _actors("In 1944 the town lay under Monte Verano and was reached by Lake Orvik.") == []


def test_a_known_surname_in_an_attack_s_name_is_no_actor() -> None:
    text = "On 3 July 1863 Oren Lindqvist led the assault.\n\nLindqvist's Charge failed within the hour."
    assert _actors(text) == ["Oren Lindqvist"]


def test_a_side_s_word_after_under_is_no_person() -> None:
    assert _actors("In 1944 the town fell under Soviet Control again.") == []
