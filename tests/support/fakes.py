"""Predictable questions and checking, so engine tests know every answer in advance."""

from __future__ import annotations

from quiz.model import Outcome


def fake_question(bank, fact, kind, mode, rng, n_options=3):
    """A predictable question: the answer is '<fact>/<kind>'; 'near' is a near miss."""
    from question_bank.questions.generate import Question

    answer = f"{fact.id}/{kind}"
    options = (answer, "wrong-1", "wrong-2", "wrong-3", "wrong-4")[:n_options] if str(mode) == "mc" else ()
    return Question(
        fact_id=fact.id, kind=kind, mode=mode, wording_id=f"w.{kind}.{rng.randint(1, 3)}",
        prompt=f"{kind} of {fact.id}?", answer=answer, accepted=(answer,), options=options,
        note="a note", source="a source", statement=fact.statement(),
    )


def fake_check(question, given: str) -> tuple[Outcome, str]:
    if given == question.answer:
        return Outcome.CORRECT, "Right."
    if given == "near":
        return Outcome.NEAR_MISS, "Close."
    return Outcome.WRONG, f"The answer is {question.answer}."


def answer_right(session):
    return session.answer(session.current.question.answer)
