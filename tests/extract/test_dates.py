"""Dates read from prose at the precision the text gives, the year from context."""

from __future__ import annotations

import pytest

from question_bank.extract import extract_article
from question_bank.extract.dates import find_dates
from question_bank.extract.narrative import YearContext
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
    ("in 1941–45", ["1941/1945"]),
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


def story(*sentences: str, year: int | None = None) -> list[list[str]]:
    """The date keys of each sentence of an article made of `sentences`, one paragraph each."""
    extraction = extract_article("\n\n".join(sentences), year=year)
    return [[d.key for d in finds.dates] for finds in extraction.sentences]


def test_a_later_sentences_year_is_never_carried_back() -> None:
    """An infobox range that ends in 1945 is no narrative: 29 November is 1944, the infobox's first year."""
    assert story(
        "Date: 3 October 1944 – 20 May 1945",
        "By 29 November the defenders had been driven from the high ridge.",
        "The last garrison gave up in May 1945.",
    ) == [["1944-10-03/1945-05-20"], ["1944-11-29"], ["1945-05"]]


def test_after_a_span_across_years_a_date_takes_the_year_inside_it() -> None:
    assert story(
        "The siege of the port lasted from October 1944 to May 1945.",
        "By 29 November the outer forts had fallen.",
        "On 5 January the garrison tried to break out.",
    ) == [["1944-10/1945-05"], ["1944-11-29"], ["1945-01-05"]]


def test_after_a_short_range_across_new_year_the_story_is_at_its_end() -> None:
    assert story("The storm raged from 28 December 1944 to 2 January 1945.", "On 5 January the roads reopened.") == [
        ["1944-12-28/1945-01-02"], ["1945-01-05"],
    ]


def test_an_infobox_year_comes_before_the_teachers_year() -> None:
    assert story("On 14 May the observatory opened its dome.", "Date: 14 May 1931", year=1920) == [
        ["1931-05-14"], ["1931-05-14"],
    ]


def test_a_heading_year_comes_before_the_teachers_year() -> None:
    assert story("On 3 March the strike began.", "The strike of 1926", year=1920) == [["1926-03-03"], ["1926"]]


def test_the_teachers_year_comes_before_a_year_named_only_later() -> None:
    assert story("On 3 March the strike began.", "It ended in 1927.", year=1926) == [["1926-03-03"], ["1927"]]


def test_a_date_earlier_than_its_sentences_first_is_an_aside() -> None:
    """'July' follows the sentence's 1962, not the flashback to April 1961."""
    assert story(
        "In the spring of 1962 the council chose the plan, remembering the failure of April 1961.",
        "The work began in July.",
    ) == [["1962-03/1962-05", "1961-04"], ["1962-07"]]


@pytest.mark.parametrize(("text", "expected"), [
    ("The thaw came in the spring of 1945.", ["1945-03/1945-05"]),
    ("in summer 1943 the harvest failed", ["1943-06/1943-08"]),
    ("through the winter 1944-45 the line held", ["1944-12/1945-02"]),
    ("during the winter of 1944 the roads froze", ["1944-12/1945-02"]),
    ("Late summer 1916 was dry.", ["1916-06/1916-08"]),
    ("The bridge was rebuilt that autumn.", ["1944-09/1944-11"]),
    ("the regiment had spent the summer in camp", ["1944-06/1944-08"]),
    ("by the autumn of that year", ["1944-09/1944-11"]),
    ("the fall of the capital", []),
    ("Operation Winter Storm began.", []),
    ("the Soviet summer offensive of 1944", ["1944"]),
])
def test_seasons_are_their_months(text: str, expected: list[str]) -> None:
    assert keys(text) == expected


def test_a_season_without_a_year_follows_the_story() -> None:
    assert story("The dam was finished in August 1950.", "The following spring the valley flooded.") == [
        ["1950-08"], ["1951-03/1951-05"],
    ]
    assert story("The river froze on 20 January 1947.", "That winter was the coldest on record.") == [
        ["1947-01-20"], ["1946-12/1947-02"],
    ]


@pytest.mark.parametrize(("text", "expected"), [
    ("by late 1944 the works were idle", ["1944-09/1944-12"]),
    ("In early 1951 the plan changed.", ["1951-01/1951-04"]),
    ("until mid-1938", ["1938-05/1938-08"]),
    ("before the end of 1929", ["1929-09/1929-12"]),
])
def test_part_of_a_year_is_the_months_it_covers(text: str, expected: list[str]) -> None:
    assert keys(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("the fair ran from 28 December 1899 to 2 January 1900", ["1899-12-28/1900-01-02"]),
    ("between 7 and 12 July the ferry stopped", ["1944-07-07/1944-07-12"]),
    ("the strike of 7 October - 2 November 1951", ["1951-10-07/1951-11-02"]),
    ("the war of 1914-1918", ["1914/1918"]),
    ("from 9 to 14 May", ["1944-05-09/1944-05-14"]),
])
def test_ranges_across_days_months_and_years(text: str, expected: list[str]) -> None:
    assert keys(text) == expected


@pytest.mark.parametrize(("follow", "expected"), [
    ("That night the harbour lights went out.", "1950-03-06"),
    ("The council met the same day.", "1950-03-06"),
    ("The next day the mayor resigned.", "1950-03-07"),
    ("The following morning the mayor resigned.", "1950-03-07"),
    ("Two days later the mayor resigned.", "1950-03-08"),
    ("A week later the mayor resigned.", "1950-03-13"),
    ("Ten days earlier the mayor had warned them.", "1950-02-24"),
])
def test_a_day_counted_from_the_last_day(follow: str, expected: str) -> None:
    assert story("The flood reached the town on 6 March 1950.", follow) == [["1950-03-06"], [expected]]


def test_no_day_is_counted_from_a_month() -> None:
    """'the next day' after 'March 1950' has no day the text gives."""
    assert story("The flood reached the town in March 1950.", "The next day the mayor resigned.") == [
        ["1950-03"], [],
    ]


def test_a_day_counted_in_the_same_sentence() -> None:
    assert story("The vote was held on 2 May 1955 and counted the next morning.") == [["1955-05-02", "1955-05-03"]]


def test_that_year_and_the_following_year() -> None:
    assert story("The prize went to her in 1911.", "In the same year she fell ill.", "The following year she recovered.") == [
        ["1911"], ["1911"], ["1912"],
    ]


@pytest.mark.parametrize(("text", "expected"), [
    ("on Oct. 7, 1944, the vote", ["1944-10-07"]),
    ("on 7th October 1944 the vote", ["1944-10-07"]),
    ("on October the 7th the vote", ["1944-10-07"]),
    ("on Sept. 3 the vote", ["1944-09-03"]),
    ("the vote (held on 3 September 1939) failed", ["1939-09-03"]),
    ("the treaty (signed 28 June 1919)", ["1919-06-28"]),
])
def test_day_and_month_orders_abbreviations_ordinals_and_parentheses(text: str, expected: list[str]) -> None:
    assert keys(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("the tax was raised late in September", ["1944-09+late"]),
    ("the league existed from 1919 to 1946", ["1919/1946"]),
    ("between 1928 and 1945 the drug was improved", ["1928/1945"]),
])
def test_more_ways_to_write_parts_and_ranges(text: str, expected: list[str]) -> None:
    assert keys(text) == expected


def test_that_month_and_the_following_month() -> None:
    assert story("The dam broke on 3 May 1921.", "Later that month the valley was emptied.",
                 "The following month the repairs began.") == [["1921-05-03"], ["1921-05"], ["1921-06"]]


def test_no_month_is_counted_from_a_year() -> None:
    assert story("The dam broke in 1921.", "The following month the repairs began.") == [["1921"], []]


def test_the_day_before_at_the_end_of_a_clause() -> None:
    assert story("The treaty was signed on 9 June 1815.", "The envoys had arrived the day before.",
                 "The day before the signing they dined.") == [["1815-06-09"], ["1815-06-08"], []]


@pytest.mark.parametrize(("article", "expected"), [
    ("The ship sailed on April 3, 1912. It sank on 4/14/1912.", ["1912-04-03", "1912-04-14"]),
    ("The ship sailed on 3 April 1912. It sank on 14.4.1912.", ["1912-04-03", "1912-04-14"]),
    ("The fire began on 2 September 1666. The order was signed on 5/9/1666.", ["1666-09-02", "1666-09-05"]),
    ("The fire began on September 2, 1666. The order was signed on 5/9/1666.", ["1666-09-02", "1666-05-09"]),
])
def test_numeric_dates_in_the_articles_own_order(article: str, expected: list[str]) -> None:
    assert [d.key for d in extract_article(article).dates] == expected


def test_a_numeric_date_of_no_known_order_gives_only_its_year() -> None:
    assert keys("signed on 5/9/1666") == ["1666"]


@pytest.mark.parametrize(("text", "expected"), [
    ("in the first half of 1942 the yard launched six ships", ["1942-01/1942-06"]),
    ("by the end of the year the yard was closed", ["1944-09/1944-12"]),
    ("In autumn the yard was closed.", ["1944-09/1944-11"]),
    ("during late winter the yard was closed", ["1944-12/1945-02"]),
])
def test_parts_of_the_year_the_story_is_at(text: str, expected: list[str]) -> None:
    assert keys(text) == expected


def test_the_night_before_and_the_morning_after() -> None:
    assert story("The ball was held on 14 July 1889.", "The guests had come the night before.") == [
        ["1889-07-14"], ["1889-07-13"],
    ]
    assert story("The ball was held on 14 July 1889.", "The guests left the morning after.") == [
        ["1889-07-14"], ["1889-07-15"],
    ]


def test_an_infobox_line_whose_field_says_what_date_it_is() -> None:
    """'Launch date: …' is an infobox line: its range does not carry the story into 1962."""
    assert story("Launch date: 9 May 1961 – 2 March 1962", "On 8 April the crew was chosen.") == [
        ["1961-05-09/1962-03-02"], ["1961-04-08"],
    ]


@pytest.mark.parametrize(("text", "expected"), [
    ("in the first week of June the harvest began", ["1944-06+early"]),
    ("during the last days of April", ["1944-04+late"]),
    ("After the fall the regime changed.", []),
    ("in the fall the regime changed", ["1944-09/1944-11"]),
])
def test_weeks_of_a_month_and_the_fall(text: str, expected: list[str]) -> None:
    assert keys(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("the talks of 4 and 5 June 1955", ["1955-06-04", "1955-06-05"]),
    ("the talks of June 4 and 5, 1955", ["1955-06-04", "1955-06-05"]),
    ("between 4 and 5 June 1955", ["1955-06-04/1955-06-05"]),
])
def test_two_days_of_one_month(text: str, expected: list[str]) -> None:
    assert keys(text) == expected


def test_the_end_of_the_month() -> None:
    assert story("The mill opened on 3 May 1921.", "By the end of the month it had closed.") == [
        ["1921-05-03"], ["1921-05+late"],
    ]
    assert story("The mill opened in 1921.", "By the end of the month it had closed.") == [["1921"], []]


def test_a_life_in_parentheses_does_not_move_the_story() -> None:
    assert story("In 1944 the corps crossed the river.", "Its commander, Guy Ward (1903–1974), was praised.",
                 "That autumn the corps rested.") == [["1944"], ["1903/1974"], ["1944-09/1944-11"]]


def test_the_following_fall_and_the_following_spring_of_a_year() -> None:
    assert story("The college opened in May 1890.", "The following fall it had forty students.") == [
        ["1890-05"], ["1890-09/1890-11"],
    ]
    assert story("The college opened in 1890.", "The following spring it had forty students.") == [
        ["1890"], ["1891-03/1891-05"],
    ]
