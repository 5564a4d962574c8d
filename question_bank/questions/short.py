"""A shorter wording of a question already made, for a format with a length limit (Kahoot's 120
characters), used by the exports.

The question keeps its fact, kind, key and options where they fit; only its prompt changes. The
candidates are, in order of what they lose: the fact's other wordings (the gap sentence among
them), then the same wordings with side phrases taken out: an aside between commas (", from the
46th Army of the 2nd Ukrainian Front,") or a trailing clause ("… when the Red Army's awaited
crossing did not come"), never the phrase holding the answer. A wording must pass the gate with
the options it is shown with, so a cut that makes a wrong option right is never used.
"""

from __future__ import annotations

import random
import zlib

from question_bank.facts.kinds import Kind
from question_bank.facts.model import Bank, Fact
from question_bank.questions.gate import flaws
from question_bank.questions.generate import Question, _choice_prompt, _options
from question_bank.questions.templates import Ask, asks_for
from question_bank.questions.trim import variants

SHORT = ".short"  # appended to the wording id of a wording with a phrase taken out


def shorter_question(bank: Bank, question: Question, limit: int, answer_limit: int | None = None) -> Question | None:
    """`question` asked in at most `limit` characters, or None when no wording of its fact fits (or
    the bank's fact is no longer the one the question was made from).

    The key and options stay when they are within `answer_limit`; when they are not (a 'What
    happened …?' question's options are whole events), another wording of the same fact and kind
    gets options drawn as the generator draws them, seeded by the question."""
    try:
        fact = bank.fact(question.fact_id)
    except KeyError:
        return None
    if fact.statement() != question.statement:
        return None  # the bank was edited since: a new wording would ask another sentence
    keep = answer_limit is None or all(len(o) <= answer_limit for o in question.options)
    rng = random.Random(zlib.crc32(f"short/{question.fact_id}/{question.wording_id}".encode()))
    for cut, variant in variants(fact):
        fitting = [a for a in _asks(variant, question.kind) if len(_choice_prompt(a)) <= limit]
        fitting.sort(key=lambda a: (a.wording_id != question.wording_id, a.cloze, -len(a.prompt)))
        for ask in fitting:
            if keep:
                options = question.options if _keeps(ask, question) else ()
            elif answer_limit is not None and len(ask.answer) <= answer_limit:
                options = _options(bank, fact, ask, len(question.options), rng)
                options = options if all(len(o) <= answer_limit for o in options) else ()
            else:
                continue
            if options:
                wording = ask.wording_id + (SHORT if cut else "")
                return Question(question.fact_id, question.kind, question.mode, wording, _choice_prompt(ask), ask.answer,
                                ask.accepted, options, question.note, question.source, question.statement,
                                question.catalog)
    return None


def _asks(fact: Fact, kind: Kind) -> list[Ask]:
    """Every wording of the fact in `kind` with a single key: the gap sentences too (the options
    say what goes in the gap), not 'What happened …?' (its options are whole events)."""
    return [a for a in asks_for(fact, kind.value) if a.wording_id != "date.what_happened"]


def _keeps(ask: Ask, question: Question) -> bool:
    """The wording asks for the question's key, and its options pass the gate under it."""
    return ask.answer == question.answer and not flaws(_choice_prompt(ask), ask.answer, ask.accepted, question.options)


