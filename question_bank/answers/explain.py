"""What the checker makes of a typed answer to one fact, exactly as a study session judges it:
for `quiz bank answer NAME FACT_ID KIND TEXT`, so a teacher can see what is accepted."""

from __future__ import annotations

from typing import TYPE_CHECKING

from question_bank.answers.check import Outcome, Verdict, check_question
from question_bank.facts.kinds import Kind

if TYPE_CHECKING:
    from question_bank.facts.model import Bank

_RANK = {Outcome.CORRECT: 0, Outcome.NEAR_MISS: 1, Outcome.WRONG: 2}


def explain(bank: Bank, fact_id: str, kind: str, text: str) -> tuple[Verdict, str]:
    """The verdict on `text` as the answer to `fact_id`'s `kind` question, and the expected answer.

    Each slot is judged by its first typed wording (for a date, "When …?" at the fact's own
    precision, not "In which month …?"). A fact with two places of that kind is asked once per
    slot: the verdict is the best over the slots (the first slot's on a tie), `expected` that
    slot's answer. Raises KeyError for an unknown fact id and ValueError for an unknown kind
    or a kind the fact is not asked in (each with a one-line message).
    """
    try:
        wanted = Kind(kind)
    except ValueError:
        raise ValueError(f"unknown kind '{kind}' (date, unit or place)") from None
    try:
        fact = bank.fact(fact_id)
    except KeyError:
        raise KeyError(f"bank '{bank.name}' has no fact '{fact_id}'") from None
    from question_bank.questions.generate import typed_questions  # generating: not for a served tab's checker

    every = typed_questions(bank, fact, wanted)
    if wanted is Kind.DATE:
        every = [q for q in every if q.answer == fact.date.human()]
    questions = [q for i, q in enumerate(every) if all(p.answer != q.answer for p in every[:i])]
    if not questions:
        raise ValueError(f"fact '{fact_id}' is not asked as a {wanted.value} question")
    judged = [(check_question(q, text), q.answer) for q in questions]
    return min(judged, key=lambda pair: _RANK[pair[0].outcome])
