"""What a study session is handed: the collaborators it calls (named interfaces, so tests can hand
in predictable ones) and the checker it uses unless told otherwise."""

from __future__ import annotations

import random
from typing import Protocol

from question_bank.answers import check_question
from question_bank.answers.dates import parse_expected, read_date
from question_bank.facts.model import Bank, Fact
from question_bank.questions import Kind, Mode, Question
from quiz.errors import UnreadableAnswer
from quiz.model import Outcome
from quiz.store import Database


class QuestionMaker(Protocol):
    """Makes the question for a card (`question_bank.questions.make_question`), or None."""

    def __call__(
        self, bank: Bank, fact: Fact, kind: Kind, mode: Mode, rng: random.Random, n_options: int = 3
    ) -> Question | None: ...


class Checker(Protocol):
    """Judges an answer: (outcome, reason)."""

    def __call__(self, question: Question, given: str) -> tuple[Outcome, str]: ...


class KindsOf(Protocol):
    """The kinds of card a fact gives (`question_bank.questions.kinds_for`)."""

    def __call__(self, fact: Fact) -> tuple[Kind, ...]: ...


class BankLoader(Protocol):
    """The bank of a name, read from the database (`quiz.library.banks.get_bank`)."""

    def __call__(self, db: Database, name: str) -> Bank: ...


class BankNames(Protocol):
    """Every bank a learner can study, in order (`quiz.library.banks.bank_names`)."""

    def __call__(self, db: Database) -> list[str]: ...


def default_checker(question: Question, given: str) -> tuple[Outcome, str]:
    """`check_question`; a typed date in no form we can read is UnreadableAnswer, not wrong."""
    verdict = check_question(question, given)
    if verdict.outcome != Outcome.CORRECT and unreadable_date(question, given):
        raise UnreadableAnswer(f"Cannot read '{given}' as a date; try e.g. 'August 1944'")
    return verdict.outcome, verdict.reason


def unreadable_date(question: Question, given: str) -> bool:
    if question.kind != Kind.DATE or question.mode not in (Mode.TYPED, Mode.CLOZE):
        return False
    if question.wording_id == "date.what_happened":  # answered with an event, not a date
        return False
    try:
        year: int | None = parse_expected(question.answer).year
    except ValueError:
        year = None
    return not read_date(given, year)
