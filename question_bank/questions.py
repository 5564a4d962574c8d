"""Questions: a fact asked one way (a wording) in one answer mode, with its options and key.

    bank = load_builtin_bank("belgrade-offensive")
    question = make_question(bank, bank.facts[0], Kind.DATE, Mode.MC, random.Random(1))
"""

from __future__ import annotations

import gc
import random
import zlib
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum
from typing import Iterable

from question_bank.dates import FactDate
from question_bank.distractors import date_distractors, entity_distractors, event_distractors
from question_bank.entities import Unit
from question_bank.model import Bank, Fact
from question_bank.templates import Ask, asks_for

MIN_OPTIONS, MAX_OPTIONS = 3, 5


class Kind(StrEnum):
    DATE = "date"
    UNIT = "unit"
    PLACE = "place"


class Mode(StrEnum):
    MC = "mc"  # multiple choice
    TYPED = "typed"  # type the answer to a question
    CLOZE = "cloze"  # type the word missing from the statement
    FLIP = "flip"  # self-graded flashcard


@dataclass(frozen=True)
class Question:
    fact_id: str
    kind: Kind
    mode: Mode
    wording_id: str
    prompt: str
    answer: str
    accepted: tuple[str, ...]
    options: tuple[str, ...]
    note: str
    source: str
    statement: str

    def to_json(self) -> dict:
        """The documented `quiz bank questions --json` record."""
        return {
            "fact_id": self.fact_id,
            "kind": self.kind.value,
            "mode": self.mode.value,
            "wording_id": self.wording_id,
            "prompt": self.prompt,
            "answer": self.answer,
            "accepted": list(self.accepted),
            "options": list(self.options),
        }


def kinds_for(fact: Fact) -> tuple[Kind, ...]:
    """The kinds of question a fact can be asked as."""
    kinds = [Kind.DATE]
    if fact.units:
        kinds.append(Kind.UNIT)
    if fact.places:
        kinds.append(Kind.PLACE)
    return tuple(kinds)


def asks(bank: Bank, fact: Fact, kind: Kind, mode: Mode) -> list[Ask]:
    """The wordings of `kind` that can be asked in `mode` (cached on the bank)."""
    cache = bank._cache.setdefault("asks", {})
    key = (fact.id, kind, mode)
    found = cache.get(key)
    if found is None:
        every = cache.get((fact.id, kind))
        if every is None:
            every = cache[(fact.id, kind)] = asks_for(fact, kind.value)
        found = cache[key] = [a for a in every if _fits(a, mode)]
    return found


def make_question(
    bank: Bank, fact: Fact, kind: Kind, mode: Mode, rng: random.Random, n_options: int = MIN_OPTIONS
) -> Question | None:
    """One question of `kind` in `mode`, its wording chosen by `rng`; None if the fact can't be
    asked that way (no such slot, or too few distractors for multiple choice)."""
    kind, mode = Kind(kind), Mode(mode)
    if not MIN_OPTIONS <= n_options <= MAX_OPTIONS:
        raise ValueError(f"options must be between {MIN_OPTIONS} and {MAX_OPTIONS}")
    candidates = asks(bank, fact, kind, mode)
    if not candidates:
        return None
    first = rng.randrange(len(candidates))
    for ask in candidates[first:] + candidates[:first]:
        options: tuple[str, ...] = ()
        if mode is Mode.MC:
            options = _options(bank, fact, ask, n_options, rng)
            if not options:
                continue
        return Question(
            fact_id=fact.id, kind=kind, mode=mode, wording_id=ask.wording_id, prompt=ask.prompt,
            answer=ask.answer, accepted=ask.accepted, options=options, note=fact.note,
            source=fact.source, statement=fact.statement(),
        )
    return None


def _fits(ask: Ask, mode: Mode) -> bool:
    if mode is Mode.CLOZE:
        return ask.cloze
    if ask.cloze:
        return False
    if ask.choice_only:
        return mode is Mode.MC
    return ask.typable or mode in (Mode.MC, Mode.FLIP)


def _options(bank: Bank, fact: Fact, ask: Ask, n: int, rng: random.Random) -> tuple[str, ...]:
    target = ask.target
    if isinstance(target, FactDate):
        dates = date_distractors(bank, target, n - 1, rng)
        if len(dates) < n - 1:
            return ()
        return tuple(d.human() for d in sorted((target, *dates)))
    if isinstance(target, str):  # an event, for "What happened on …?"
        events = event_distractors(bank, fact, n - 1, rng)
        if len(events) < n - 1:
            return ()
        texts = [ask.answer, *(e.statement(with_date=False).rstrip(".") for e in events)]
    else:
        own = fact.units if isinstance(target, Unit) else fact.places
        same_side = ask.wording_id.endswith("side_echelon")
        others = entity_distractors(bank, target, own, n - 1, rng, same_side)
        if len(others) < n - 1:
            return ()
        texts = [ask.answer, *(e.name for e in others)]
    rng.shuffle(texts)
    return tuple(texts)


def generate_all(
    bank: Bank,
    kinds: Iterable[Kind] | None = None,
    modes: Iterable[Mode] | None = None,
    seed: int = 0,
    n_options: int = MIN_OPTIONS,
) -> list[Question]:
    """Every question of the bank, one per fact × kind × mode; deterministic for a seed."""
    kinds = tuple(Kind(k) for k in kinds) if kinds else tuple(Kind)
    modes = tuple(Mode(m) for m in modes) if modes else tuple(Mode)
    questions: list[Question] = []
    with _no_gc():
        _generate_into(questions, bank, kinds, modes, seed, n_options)
    return questions


@contextmanager
def _no_gc():
    """Generation makes many small objects that live on; the cycle collector only slows it."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _generate_into(questions, bank, kinds, modes, seed, n_options) -> None:
    for fact in bank.facts:
        rng = random.Random(zlib.crc32(f"{seed}/{fact.id}".encode()))
        for kind in kinds_for(fact):
            if kind not in kinds:
                continue
            for mode in modes:
                question = make_question(bank, fact, kind, mode, rng, n_options)
                if question is not None:
                    questions.append(question)


def check_question(question: Question, given: str):
    """Judge an answer to a question: multiple choice by the option picked, typed by the rules
    of `question_bank.answers`. Flip cards are graded by the learner, not here."""
    from question_bank.answers import Outcome, Verdict, check_answer

    if question.mode is Mode.MC or question.wording_id == "date.what_happened":
        if given.strip() == question.answer:
            return Verdict(Outcome.CORRECT, "Right.")
        return Verdict(Outcome.WRONG, f"The answer is {question.answer}.")
    return check_answer(question.kind.value, question.answer, given, accepted=question.accepted)
