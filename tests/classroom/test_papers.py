"""Papers: frozen when made, short codes, the options of `quiz paper new` checked."""

from __future__ import annotations

import re
from collections import Counter
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from quiz.errors import ClassroomError
from quiz.library.banks import import_bank
from quiz.model import Kind, Mode
from tests.classroom.conftest import BANK
from tests.support.banks import SAMPLE

pytestmark = pytest.mark.engines


def test_a_paper_is_frozen_when_made(room, tmp_path: Path) -> None:
    import_bank(room.db, SAMPLE, "sample")
    paper = room.new_paper("sample", "Frozen", modes=(Mode.MC, Mode.TYPED), seed=3)
    before = [q.to_json() for q in paper.questions]
    edited = tmp_path / "sample.toml"
    text = SAMPLE.read_text(encoding="utf-8")
    edited.write_text(text.replace('date = "1944-10-07"', 'date = "1945-03-08"').replace("Opened the road west.", "Edited."),
                      encoding="utf-8")
    import_bank(room.db, edited, "sample")  # the teacher edits the bank afterwards
    remade = room.new_paper("sample", "After the edit", modes=(Mode.MC, Mode.TYPED), seed=3)
    assert [q.to_json() for q in remade.questions] != before  # the edit shows in a new paper...
    again = room.paper(paper.code)
    assert [q.to_json() for q in again.questions] == before  # ...never in the old one
    assert [q.note for q in again.questions] == [q.note for q in paper.questions]


def test_paper_codes_are_short_and_read_in_any_case(room) -> None:
    paper = room.new_paper(BANK, "Codes", count=2, seed=1)
    assert len(paper.code) == 6 and paper.code.isupper()
    assert room.paper(paper.code.lower()).code == paper.code
    assert [p.code for p in room.papers()] == [paper.code]


def test_count_kinds_modes_options_and_balance(room) -> None:
    paper = room.new_paper(BANK, "Mixed", count=12, kinds=(Kind.DATE, Kind.PLACE), modes=(Mode.MC, Mode.TYPED), options=5, seed=9)
    assert len(paper.questions) == 12
    # Kinds in turn, as far as the leak check lets them (a date question naming Vojvodina keeps
    # out a place question whose answer is Vojvodina).
    assert set(Counter(q.kind.value for q in paper.questions)) == {"date", "place"}
    assert all(len(q.options) == 5 for q in paper.questions if q.mode.value == "mc")
    assert len({(q.fact_id, q.kind) for q in paper.questions}) == 12  # no fact asked twice the same way
    same = room.new_paper(BANK, "Mixed", count=12, kinds=(Kind.DATE, Kind.PLACE), modes=(Mode.MC, Mode.TYPED), options=5, seed=9)
    assert [q.prompt for q in same.questions] == [q.prompt for q in paper.questions]  # a seed repeats a draw


def test_rules_are_kept(room, clock) -> None:
    room.new_class("7B")
    paper = room.new_paper(BANK, "Rules", class_name="7B", count=4, time_limit=timedelta(hours=1, minutes=30), attempts=2,
                           opens=datetime(2026, 12, 1, 14, 0, tzinfo=timezone(timedelta(hours=1))),
                           closes=datetime(2026, 12, 2, 14, 0, tzinfo=UTC), practice=True, draw=2,
                           show_key=True)
    again = room.paper(paper.code)
    assert again.time_limit == timedelta(hours=1, minutes=30)
    assert again.attempts == 2 and again.practice and again.show_key and again.draw == 2
    assert again.opens == datetime(2026, 12, 1, 13, 0, tzinfo=UTC)
    assert again.closes == datetime(2026, 12, 2, 14, 0, tzinfo=UTC)
    assert again.class_name == "7B"


@pytest.mark.parametrize(
    ("options", "field", "message"),
    [
        ({"time_limit": timedelta(0)}, "time_limit", "time limit: a time limit is between"),
        ({"time_limit": timedelta(days=8)}, "time_limit", "time limit: a time limit is between"),
        ({"opens": datetime(2026, 12, 2, tzinfo=UTC), "closes": datetime(2026, 12, 1, tzinfo=UTC)}, "closes",
         "closes: must come after opens"),
        ({"kinds": ()}, "kinds", "kinds: give at least one"),
        ({"modes": (Mode.FLIP,)}, "modes", "modes: 'flip' cannot be on a paper"),
        ({"options": 9}, "options", "options: at most 5"),
        ({"options": 2}, "options", "options: must be at least 3"),
        ({"count": 0}, "count", "count: must be at least 1"),
        ({"count": 100000}, "count", "count: the bank has only"),
        ({"attempts": 0}, "attempts", "attempts: must be at least 1"),
        ({"count": 3, "draw": 4}, "draw", "draw: the paper has only 3 questions"),
        ({"class_name": "9Z"}, None, "no class '9Z'"),
    ],
)
def test_bad_paper_options_are_one_line(room, options: dict, field: str | None, message: str) -> None:
    """A broken rule names its field in domain terms (the CLI spells it as a flag)."""
    with pytest.raises(ClassroomError) as caught:
        room.new_paper(BANK, "Bad", **options)
    assert caught.value.field == field
    assert str(caught.value).startswith(message)
    assert "\n" not in str(caught.value) and "--" not in str(caught.value)


def test_delete_paper_takes_its_attempts(room, codes) -> None:
    paper = room.new_paper(BANK, "Gone", class_name="7B", count=2, seed=1)
    room.start_attempt(paper.code, "Ana", codes["Ana"])
    room.delete_paper(paper.code)
    assert room.papers() == []
    assert room.db.execute("SELECT count(*) FROM attempts").fetchone()[0] == 0
    with pytest.raises(ClassroomError, match="no paper"):
        room.delete_paper(paper.code)


def test_no_question_of_a_paper_tells_another_its_answer(room) -> None:
    """Readers found questions of one paper answering each other ("On 5 August 1943, which front
    liberated Belgorod?" beside "When did the Steppe Front liberate Belgorod?"). A paper of the
    whole bank (no count) holds no stem, nor option of a date question, naming another's answer
    (ninth reading: "16 October 2014" among one question's options told another's October 2014; 5
    July 1943 stood in four questions' options), no two questions with one answer (the Sava twice),
    no stem that dates or places what another offers as wrong (tenth and eleventh readings), and no
    "What happened on …?". A 12-question paper has room enough for all of that too; a longer one
    may need questions left out to fill it (the built-in bank holds about 20 that stand apart)."""
    from question_bank.facts.text import fold, mentions
    from quiz.model import Mode as PaperMode

    for seed, count in [(seed, 12) for seed in range(6)] + [(seed, None) for seed in range(3)]:
        paper = room.new_paper(BANK, f"Apart {seed}", count=count, seed=seed, modes=(PaperMode.MC, PaperMode.TYPED))
        for a in paper.questions:
            assert a.wording_id != "date.what_happened", a.prompt  # its wrong options are dated by the rest
            shown = fold(a.prompt + (" " + " ".join(a.options) if a.kind.value == "date" else ""))
            wrong = [fold(o) for o in a.options if o != a.answer]
            month = re.match(r"^(?:\d{1,2}–\d{1,2} |late |mid-|early )([A-Z][a-z]+ \d{4})$", a.answer)
            for b in paper.questions:
                if b is not a and month:  # "In November 1944, …" beside "11–29 November 1944"
                    assert not mentions(fold(b.prompt), fold(month.group(1))), (a.prompt, b.prompt)
                if b is not a:
                    assert not any(mentions(shown, fold(k)) for k in (b.answer, *b.accepted) if fold(k)), (a.prompt, b.answer)
                    assert fold(a.answer) != fold(b.answer), (a.prompt, b.prompt)
                    assert not any(mentions(fold(b.prompt), w) for w in wrong), (a.prompt, b.prompt)
                    if a.kind.value != "date" and a.options:  # four assemblies four times: a matching exercise
                        assert set(a.options) != set(b.options), (a.prompt, b.prompt)


def test_no_two_questions_of_a_paper_offer_the_same_names() -> None:
    """Readers of the French Revolution bank: four "which assembly" questions on one paper, each
    offering the same four assemblies with each the key once, are a matching exercise."""
    from question_bank.banks.loader import load_bank_file
    from quiz.classroom.papers import compose

    folder = Path(__file__).parents[1] / "data" / "teacher_banks" / "french-revolution"
    bank = load_bank_file(folder / "facts.csv", name="french-revolution", entities=folder / "entities.csv")
    asked = 0
    for seed in range(6):
        questions = compose(bank, kinds=None, modes=[Mode.MC], seed=seed, options=4, count=None)
        offered = [frozenset(q.options) for q in questions if q.kind is not Kind.DATE]
        assert len(offered) == len(set(offered)), seed
        asked += len(offered)
    assert asked  # the bank's assemblies are still asked


@pytest.mark.parametrize("name", ["belgrade-offensive", "french-revolution", "kursk-1943"])
def test_no_two_questions_of_a_paper_share_two_wrong_names(name: str) -> None:
    """Eighteenth reading: a paper-mate repeating three of a question's four options (Šumadija,
    Kosovo and Western Serbia asked twice) leaves the option seen once as the key. Two unit or
    place questions of a paper share at most one wrong option, either way round."""
    from quiz.classroom.papers import compose
    from tests.classroom.test_well_known_papers import bank_of

    bank = bank_of(name)
    asked = 0
    for seed in range(10):
        named = [q for q in compose(bank, kinds=None, modes=[Mode.MC], seed=seed, options=4, count=None)
                 if q.kind is not Kind.DATE]
        for a in named:
            wrong = set(a.options) - {a.answer}
            for b in named:
                if b is not a:
                    assert len(wrong & set(b.options)) <= 1, (seed, a.prompt, a.options, b.prompt, b.options)
        asked += len(named)
    assert asked >= 5  # the bank's units and places are still asked (the French Revolution's, about one a paper)


@pytest.mark.parametrize("name", ["belgrade-offensive", "french-revolution", "kursk-1943"])
def test_no_place_question_of_a_paper_offers_another_s_key(name: str) -> None:
    """Nineteenth reading: "north of which town?" (Topola) beside "in the area of which town?"
    (Smederevo), each offering the other's key, leaves a test-wise student two options in both;
    twenty-fourth: Western Serbia offered for Operation Rübezahl beside "into which region did two
    Partisan divisions break … after Rübezahl failed?" (Western Serbia) rules it out for one who
    knows the other."""
    for seed, places in _papers_of(name, Kind.PLACE):
        for a in places:
            for b in places:
                if b is not a:
                    assert a.answer not in b.options, (seed, a.prompt, b.prompt)


@pytest.mark.parametrize("name", ["belgrade-offensive", "kursk-1943"])
def test_a_paper_of_a_count_holds_that_many_questions(name: str) -> None:
    """A paper of 10 at seed 3 once held all 50 questions of the bank: filled to one short of its
    count by questions left out for sharing wrong options, it then took every other one left out."""
    from quiz.classroom.papers import compose
    from tests.classroom.test_well_known_papers import bank_of

    bank = bank_of(name)
    for seed in range(30):
        for count in (5, 10):
            questions = compose(bank, kinds=None, modes=[Mode.MC], seed=seed, options=4, count=count)
            assert len(questions) == count, (seed, count)


@pytest.mark.parametrize("name", ["belgrade-offensive", "french-revolution", "kursk-1943", "space-race"])
def test_no_stem_of_a_paper_names_another_s_country_by_its_adjective(name: str) -> None:
    """Twenty-first reading: "events in which country forced Army Group F to mass troops" (Romania)
    beside a paper-mate placing a Soviet division "on the Romanian bank" of the Danube."""
    from question_bank.facts.entities import Place
    from question_bank.facts.text import fold, mentions
    from question_bank.questions.geography import country_adjectives
    from quiz.classroom.papers import compose
    from tests.classroom.test_well_known_papers import bank_of

    bank = bank_of(name)
    for seed in range(30):
        paper = compose(bank, kinds=None, modes=[Mode.MC], seed=seed, options=4, count=None)
        for a in paper:
            found = bank.catalog.find(a.answer) if a.kind is Kind.PLACE else []
            if len(found) != 1 or not isinstance(found[0], Place) or found[0].type != "country":
                continue
            for b in paper:
                for adjective in country_adjectives(fold(a.answer)) if b is not a else ():
                    assert not mentions(fold(b.prompt), adjective), (seed, a.prompt, b.prompt)


def test_a_country_s_adjectives() -> None:
    from question_bank.questions.geography import country_adjectives

    assert country_adjectives("romania") == ("romanian",)
    assert country_adjectives("hungary") == ("hungarian",)
    assert country_adjectives("germany") == ("german",)
    assert "greek" in country_adjectives("greece")
    assert country_adjectives("soviet union") == ("soviet",)


@pytest.mark.parametrize("name", ["belgrade-offensive", "french-revolution", "kursk-1943"])
def test_no_two_unit_questions_of_a_paper_offer_each_other_s_key(name: str) -> None:
    """Twentieth, twenty-fourth and twenty-sixth readings: two corps questions of one paper, each
    offering the other's key (the 64th Rifle Corps and the 10th Guards Rifle Corps), narrow both
    to that pair. One offering the other's key stays allowed: a bank's fronts are few."""
    for seed, units in _papers_of(name, Kind.UNIT):
        for a in units:
            for b in units:
                if b is not a:
                    assert not (a.answer in b.options and b.answer in a.options), (seed, a.prompt, b.prompt)


def _papers_of(name: str, kind: Kind, seeds: int = 30) -> list[tuple[int, list]]:
    """The questions of `kind` on the whole-bank paper of each of the first `seeds` seeds."""
    from quiz.classroom.papers import compose
    from tests.classroom.test_well_known_papers import bank_of

    bank = bank_of(name)
    return [(seed, [q for q in compose(bank, kinds=None, modes=[Mode.MC], seed=seed, options=4, count=None)
                    if q.kind is kind]) for seed in range(seeds)]
