"""Whatever the article says, its draft validates and imports: over sentences composed from dates
in many formats, unit, people's and place names, verbs (was/were/had been, passives), brackets,
quotes and non-ASCII text, and over every sentence of the real articles, one at a time."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from question_bank.banks.loader import load_bank_file
from question_bank.extract import draft_bank, draft_problems, extract_article
from question_bank.extract.sentences import split_sentences
from tests.extract.evaluation import ARTICLES, NAMES
from tests.extract.test_draft import REFERENCE

MONTHS = ["January", "March", "May", "July", "August", "October", "November", "December"]
DAYS = st.integers(1, 28)
YEARS = st.integers(1861, 1999)

DATES = st.one_of(
    st.builds(lambda d, m, y: f"On {d} {m} {y},", DAYS, st.sampled_from(MONTHS), YEARS),
    st.builds(lambda d, m, y: f"On {m} {d}, {y},", DAYS, st.sampled_from(MONTHS), YEARS),
    st.builds(lambda d, m: f"By {d} {m}", DAYS, st.sampled_from(MONTHS)),
    st.builds(lambda m, y: f"In {m} {y}", st.sampled_from(MONTHS), YEARS),
    st.builds(lambda q, m, y: f"In {q} {m} {y}", st.sampled_from(["early", "mid-", "late"]),
              st.sampled_from(MONTHS), YEARS),
    st.builds(lambda s, y: f"In the {s} of {y},", st.sampled_from(["spring", "summer", "autumn", "winter"]), YEARS),
    st.builds(lambda a, b, m, y: f"From {a} to {a + b} {m} {y}", DAYS, st.integers(1, 3), st.sampled_from(MONTHS), YEARS),
    st.builds(lambda a, b, m, y: f"Between {a}–{a + b} {m} {y}", DAYS, st.integers(1, 3), st.sampled_from(MONTHS), YEARS),
    st.builds(lambda y: f"In {y}", YEARS),
    st.builds(lambda y, m, d: f"On {y}-{m:02d}-{d:02d}", YEARS, st.integers(1, 12), DAYS),
    st.sampled_from(["That night", "The next day,", "Later", ""]),
)
ORDINALS = st.builds(lambda n: f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}",
                     st.integers(1, 120))
UNITS = st.one_of(
    st.builds(lambda n, m, e: f"the {n} {m}{e}", ORDINALS,
              st.sampled_from(["", "Rifle ", "Bulgarian ", "SS Panzer ", "Guards Tank ", "Serbian "]),
              st.sampled_from(["Corps", "Army", "Division", "Brigade", "Front"])),
    st.sampled_from(["the XIII Corps", "Army Group F", "battle group Groth", "the Army of the Potomac",
                     '7th SS Mountain Division "Prinz Eugen"', "the Iron Brigade", "the Voronezh Front",
                     "the 23rd and 25th Divisions", "Task Force 58", "the Red Army", "the Wehrmacht"]),
)
FIRST = st.sampled_from(["Yuri", "Sergei", "Neil", "Valentina", "Marie", "Dwight", "Wernher", "Józef", "Иван"])
LAST = st.sampled_from(["Gagarin", "Korolev", "Armstrong", "Tereshkova", "Curie", "Eisenhower", "von Braun", "Piłsudski"])
PEOPLE = st.one_of(
    st.builds(lambda f, last: f"{f} {last}", FIRST, LAST),
    st.builds(lambda t, last: f"{t} {last}", st.sampled_from(["General", "President", "Dr.", "Admiral", "cosmonaut"]), LAST),
)
ACTORS = st.one_of(
    st.sampled_from(["NASA", "OKB-1", "the Royal Society", "USS Yorktown", "HMS Hood", "Vostok 1", "Apollo 13",
                     "the Soviet Academy of Sciences", "the Communist Party", "the carriers Enterprise and Hornet",
                     "the design bureau OKB-1", "the space agency NASA", "the heavy cruiser Mikuma",
                     "the Soviet cosmonaut Yuri Gagarin", "Admiral Isoroku Yamamoto, Chūichi Nagumo",
                     "University of Oxford", "Radio Moscow", "the submarine I-168", "DEFCON 2", "The Lancet"]),
)
NAME_WORD = st.text(
    alphabet=st.sampled_from("abcdefghijklmnoprstuvzčćšžđéöüñłиншјр"), min_size=2, max_size=9,
).map(lambda w: w[:1].upper() + w[1:])
PLACES = st.one_of(
    st.sampled_from(["Zaječar", "Niš", "Ниш", "Belgrade", "the Danube", "Psel River", "Cape Canaveral", "Baikonur",
                     "the Baikonur Cosmodrome", "Lake Balaton", "Hill 112", "Sicily", "the Black Sea",
                     "western Serbia", "Kalach-na-Donu", "Mount Elbrus"]),
    NAME_WORD,
    st.builds(lambda w, h: f"{w} {h}", NAME_WORD, st.sampled_from(["River", "Hill", "Island", "Bay", "Cosmodrome"])),
)
AGENTS = st.one_of(UNITS, PEOPLE, ACTORS, PLACES)
VERBS = st.sampled_from([
    "took", "captured", "reached", "was", "were", "had been", "had taken", "had already been", "finally was",
    "was taken by", "were driven from", "had been driven from", "was launched from", "flew to", "did not reach",
    "was not", "managed to take", "launched", "founded", "had", "is", "are", "attacked toward",
])
ODDS = st.sampled_from(["", " (sic)", ' "quoted"', " [23]", " [note 4]", " [Zaječar|x]", " | ", " \\ ", " ]", " [",
                        ", which was near", " (Ниш)", " – ", "’s", " and", ";", ' "Niš"', " 'Iron'"])


def _sentence(date: str, agent: str, verb: str, odd: str, target: str, more: str, end: str) -> str:
    lead = f"{date} " if date else ""
    sentence = f"{lead}{agent}{odd} {verb} {target}{more}{end}"
    return sentence[:1].upper() + sentence[1:]


SENTENCES = st.builds(_sentence, DATES, AGENTS, VERBS, ODDS, AGENTS, st.one_of(st.just(""), ODDS, st.builds(
    lambda p, a: f" {p} {a}", st.sampled_from(["near", "with", "against", "from", "by", "of"]), AGENTS)),
    st.sampled_from([".", "", "!", ":", ".\n"]))
ARTICLES_MADE = st.lists(SENTENCES, min_size=1, max_size=4).map(lambda s: "\n".join(s))


def draft_loads(article: str, year: int | None = 1944) -> str | None:
    """The loader's problems with the draft of `article`; None when it loads, or when there is
    nothing to draft (extract then says so in one line and writes nothing)."""
    draft = draft_bank(extract_article(article, year=year), "article.txt")
    if not draft.facts:
        return None
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "draft.toml"
        out.write_text(draft.text, encoding="utf-8")
        problems = draft_problems(out)
        if problems is None:
            assert len(load_bank_file(out).facts) == draft.facts
    return problems


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ARTICLES_MADE, st.sampled_from([None, 1944]))
def test_every_generated_draft_validates(article: str, year: int | None) -> None:
    assert draft_loads(article, year) is None, article


@pytest.mark.slow
@settings(max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ARTICLES_MADE, st.sampled_from([None, 1944]))
def test_every_generated_draft_validates_long_run(article: str, year: int | None) -> None:
    assert draft_loads(article, year) is None, article


REAL = [ARTICLES / f"{name}.txt" for name in NAMES] + ([REFERENCE] if REFERENCE.exists() else [])


@pytest.mark.parametrize("article", REAL, ids=lambda p: p.stem)
def test_each_real_sentence_alone_gives_a_draft_that_validates(article: Path) -> None:
    text = article.read_text(encoding="utf-8")
    failures = []
    for sentence in split_sentences(text):
        problems = draft_loads(sentence.raw)
        if problems:
            failures.append(f"{sentence.raw!r}: {problems}")
    assert not failures, "\n".join(failures)
