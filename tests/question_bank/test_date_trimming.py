"""A date stem past 120 characters loses its side phrases (an aside, a purpose, a trailing
clause) where that brings it within 120: the date is the answer, and a teacher's long sentence
only weighs the stem down ("… with eighteen men, the first ship to sail round the world", which
read as if it were the men). Read on every bank in the test data, seeds 0-9."""

from __future__ import annotations

from pathlib import Path

import pytest

from question_bank.banks.builtin import load_builtin_bank
from question_bank.banks.loader import load_bank_file
from question_bank.facts.kinds import Kind
from question_bank.facts.model import Bank
from question_bank.questions import generate_all
from question_bank.questions.templates import LONG, asks_for, date_asks
from question_bank.questions.wording import mid_sentence

TEACHER = Path(__file__).parents[1] / "data" / "teacher_banks"
BANKS = ["belgrade-offensive", *sorted(d.name for d in TEACHER.iterdir() if (d / "facts.csv").exists())]


def _bank(name: str) -> Bank:
    if name == "belgrade-offensive":
        return load_builtin_bank(name)
    return load_bank_file(TEACHER / name / "facts.csv", name=name, entities=TEACHER / name / "entities.csv")


def _date_prompts(bank: Bank) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for seed in range(10):
        for q in generate_all(bank, kinds=[Kind.DATE], seed=seed):
            if q.wording_id != "date.what_happened":
                found.setdefault(q.fact_id, set()).add(q.prompt)
    return found


def test_long_date_stems_lose_their_side_phrases() -> None:
    space = _date_prompts(_bank("space-race"))
    sail = _date_prompts(_bank("age-of-sail"))
    revolution = _date_prompts(_bank("french-revolution"))
    every = {p for prompts in (*space.values(), *sail.values(), *revolution.values()) for p in prompts}
    assert "On what date did Thomas Stafford and Alexei Leonov shake hands in orbit?" in every
    assert "When did Apollo 8 take Frank Borman, Jim Lovell and William Anders around the Moon and back?" in every
    assert ("On what date did Juan Sebastián Elcano bring the Victoria back to Sanlúcar de Barrameda with "
            "eighteen men?") in every
    assert "When did the National Guard under Lafayette fire on a crowd at the Champ de Mars?" in every
    assert not any("first ship to sail round the world" in p or "by sailing west" in p or "that was signing" in p
                   for p in every)


def test_a_second_event_of_the_sentence_stays() -> None:
    """'… taken in an open cart … and guillotined': the date is the guillotining's, so an 'and'
    clause never goes from a date stem (it does from a unit or place stem cut for Kahoot)."""
    revolution = _date_prompts(_bank("french-revolution"))
    prompts = {p for ps in revolution.values() for p in ps if "Marie Antoinette" in p and "cart" in p}
    assert prompts and all("guillotined" in p for p in prompts if not p.startswith("What happened"))


@pytest.mark.parametrize("name", BANKS)
def test_short_stems_are_left_whole_and_the_key_is_kept(name: str) -> None:
    """A stem within LONG is asked whole; a longer one is cut within LONG or left whole; the key,
    what is accepted and the gap sentences' count never change."""
    bank = _bank(name)
    trimmed = 0
    for fact in bank.facts:
        whole = date_asks(mid_sentence(fact))
        asked = asks_for(fact, "date")
        assert [a.wording_id for a in asked] == [a.wording_id for a in whole]
        for before, after in zip(whole, asked, strict=True):
            assert (after.answer, after.accepted, after.target) == (before.answer, before.accepted, before.target)
            if len(before.prompt) <= LONG or before.wording_id == "date.what_happened":
                assert after.prompt == before.prompt
            elif after.prompt != before.prompt:
                trimmed += 1
                assert len(after.prompt) <= LONG and after.prompt.endswith(before.prompt[-1])
    assert trimmed or name == "kursk-1943"
