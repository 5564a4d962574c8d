"""A range whose two ends are whole dates with words between them: a weekday before each day, a
comma after the first year (issue #23, batch 6). Every sentence here is written for the test."""

from __future__ import annotations

import pytest

from question_bank.extract import extract_article


def _dates(text: str) -> list[str]:
    return [d.key for d in extract_article(text).dates]


@pytest.mark.parametrize(("text", "key"), [
    ("The flood rose from Tuesday 4 March to Saturday 8 March 1721.", "1721-03-04/1721-03-08"),
    ("The fair ran from Friday, 9 June 1843 to Monday, 12 June 1843.", "1843-06-09/1843-06-12"),
    ("The survey lasted between June 2, 1871, and August 30, 1873.", "1871-06-02/1873-08-30"),
    ("The survey lasted from June 2, 1871, to Thursday August 30, 1873.", "1871-06-02/1873-08-30"),
])
def test_a_worded_range_of_whole_dates_is_one_range(text: str, key: str) -> None:
    assert _dates(text) == [key]


def test_two_dates_joined_by_and_without_between_stay_two_days() -> None:
    assert _dates("Letters left on June 2, 1871, and August 30, 1873.") == ["1871-06-02", "1873-08-30"]
