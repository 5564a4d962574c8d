"""A fact a teacher marked `well_known`: papers (and the live game, which asks a paper's choice)
never ask its date, in any wording, and still ask its units and places; study and exports still
ask the date."""

from __future__ import annotations

from pathlib import Path

import pytest

from question_bank.banks.builtin import load_builtin_bank
from question_bank.banks.loader import load_bank_file
from question_bank.facts.model import Bank
from question_bank.questions import Mode, generate_all, kinds_for
from quiz.classroom.papers import compose
from quiz.library.banks import import_bank
from quiz.library.card_sync import card_keys
from quiz.live.choice import CardMemory, memory_questions
from quiz.model import Kind

TEACHER = Path(__file__).parents[1] / "data" / "teacher_banks"
MARKED = {
    "space-race": {"soviet-union-launched-sputnik-1-first-artificial", "yuri-gagarin-lifted-off-from-baikonur-in-vostok",
                   "neil-armstrong-and-buzz-aldrin-landed-lunar"},
    "age-of-sail": {"christopher-columbus-landed-on-guanahani-in"},
    "french-revolution": {"crowds-in-paris-stormed-bastille-royal-fortress"},
    "belgrade-offensive": {"belgrade-liberated", "army-group-e-surrenders"},
}
PAPER_MODES = (Mode.MC, Mode.TYPED, Mode.CLOZE)


def bank_of(name: str) -> Bank:
    if name == "belgrade-offensive":
        return load_builtin_bank(name)
    return load_bank_file(TEACHER / name / "facts.csv", name=name, entities=TEACHER / name / "entities.csv")


@pytest.mark.parametrize("name", MARKED)
def test_the_banks_mark_the_dates_every_student_knows(name: str) -> None:
    assert {f.id for f in bank_of(name).facts if f.well_known} == MARKED[name]


@pytest.mark.slow
@pytest.mark.parametrize("name", MARKED)
def test_no_paper_asks_a_well_known_date_but_papers_ask_its_other_kinds(name: str) -> None:
    bank = bank_of(name)
    other_kinds: set[str] = set()
    for seed in range(100):
        for question in compose(bank, kinds=None, modes=PAPER_MODES, seed=seed, options=4, count=None):
            if question.fact_id in MARKED[name]:
                assert question.kind is not Kind.DATE, (seed, question.prompt)
                other_kinds.add(question.fact_id)
    # Each marked fact with units or places to ask is still asked on them (Army Group E's
    # surrender is asked by its date alone: on no paper, it dates what came before it).
    named = {q.fact_id for q in generate_all(bank, modes=PAPER_MODES, seed=0) if q.kind is not Kind.DATE}
    assert other_kinds == MARKED[name] & named and other_kinds


def test_a_date_only_paper_leaves_out_the_well_known_dates_and_study_still_asks_them(room) -> None:
    import_bank(room.db, TEACHER / "space-race" / "facts.csv", "space-race", entities=TEACHER / "space-race" / "entities.csv")
    paper = room.new_paper("space-race", "Dates", kinds=(Kind.DATE,), modes=PAPER_MODES, seed=5)
    asked = {q.fact_id for q in paper.questions}
    assert asked and not asked & MARKED["space-race"]
    studied = generate_all(bank_of("space-race"), kinds=[Kind.DATE], modes=[Mode.MC], seed=5)
    assert MARKED["space-race"] <= {q.fact_id for q in studied}


def test_a_live_game_skips_a_well_known_date() -> None:
    bank = bank_of("french-revolution")
    memory = {key: CardMemory(0.0, 0) for key in card_keys(bank, kinds_for)}
    for seed in range(10):
        questions = memory_questions(bank, memory, "weak", 100, seed)
        assert questions
        assert not [q for q in questions if q.fact_id in MARKED["french-revolution"] and q.kind is Kind.DATE]
