"""Dates read from prose at the precision the text gives, the year from context."""

from __future__ import annotations

import pytest

from question_bank.extract.dates import YearContext, find_dates
from question_bank.extract.sentences import clean


def keys(text: str, year: int | None = 1944) -> list[str]:
    return [d.key for d in find_dates(clean(text), YearContext(year))]


@pytest.mark.parametrize(("text", "expected"), [
    ("On 7 October 1944 the town fell.", ["1944-10-07"]),
    ("the 29th of December", ["1944-12-29"]),
    ("on July 5, 1943, the attack began", ["1943-07-05"]),
    ("in late August 1944", ["1944-08+late"]),
    ("until mid-February 1945", ["1945-02+mid"]),
    ("at the end of December", ["1944-12+late"]),
    ("in early November", ["1944-11+early"]),
    ("in July and August 1944", ["1944-07/1944-08"]),
    ("during September 1944 – January 1945", ["1944-09/1945-01"]),
    ("fought July 1–3, 1863, near the town", ["1863-07-01/1863-07-03"]),
    ("on the night of 11–12 February 1945", ["1945-02-11/1945-02-12"]),
    ("between 18th and 27th January 1945", ["1945-01-18/1945-01-27"]),
    ("from 29th October 1944 to 13th February 1945", ["1944-10-29/1945-02-13"]),
    ("Between July 5 and August 23 the front moved", ["1944-07-05/1944-08-23"]),
    ("the coup d'état of 1944", ["1944"]),
    ("in 1941–45", ["1941-01/1945-12"]),
    ("on 1944-10-20", ["1944-10-20"]),
])
def test_dates_and_their_precision(text: str, expected: list[str]) -> None:
    assert keys(text) == expected


@pytest.mark.parametrize("text", [
    "the 92nd Motorized Brigade and the 1st Mountain Division",
    "[23] In the meantime the corps waited.[citation needed]",
    "over 3,500 soldiers and 1200 men died",
    "the March of the Victor was held",
    "a 120 km long march in the 1940s",
    "it may rain",
])
def test_no_date_where_there_is_none(text: str) -> None:
    assert keys(text) == []


def test_a_date_without_a_year_takes_the_last_year_named() -> None:
    context = YearContext(None, 1944)
    assert [d.key for d in find_dates("On 26 December 1944 the ring closed.", context)] == ["1944-12-26"]
    assert [d.key for d in find_dates("On 1 January 1945 the relief began.", context)] == ["1945-01-01"]
    assert [d.key for d in find_dates("On 12 January it stalled.", context)] == ["1945-01-12"]


def test_the_teachers_year_holds_until_the_article_names_one() -> None:
    context = YearContext(1863, 1900)
    assert [d.key for d in find_dates("On June 28 Meade took command.", context)] == ["1863-06-28"]
    assert [d.key for d in find_dates("By 1900 the veterans were old.", context)] == ["1900"]
    assert [d.key for d in find_dates("On July 4 they met.", context)] == ["1900-07-04"]


def test_a_range_across_new_year_starts_the_year_before() -> None:
    assert keys("from 26 December to 2 January 1945") == ["1944-12-26/1945-01-02"]


def test_an_impossible_day_is_not_made_up() -> None:
    """No 31 February: only the month the text gives stands."""
    assert keys("on 31 February 1944") == ["1944-02"]
