"""A question and its answer modes: what a paper freezes and the checker judges. Generating
questions is `generate.py`; this module is all a served tab needs of questions (a paper's are
frozen in the store, so a tab never generates one)."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from question_bank.facts.entities import Catalog
from question_bank.facts.kinds import Kind

__all__ = ["Mode", "Question"]


class Mode(StrEnum):
    MC = "mc"  # multiple choice
    TYPED = "typed"  # type the answer to a question
    CLOZE = "cloze"  # type the word missing from the statement
    FLIP = "flip"  # self-graded flashcard


@dataclass(frozen=True, init=False)
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
    # The catalog the bank was resolved against: the checker uses it to tell another real place
    # or unit from a typo ("Western Serbia" is not a typo of "Eastern Serbia").
    catalog: Catalog | None = field(default=None, compare=False, repr=False)

    def __init__(
        self, fact_id: str, kind: Kind, mode: Mode, wording_id: str, prompt: str, answer: str,
        accepted: tuple[str, ...], options: tuple[str, ...], note: str, source: str, statement: str,
        catalog: Catalog | None = None,
    ) -> None:
        """Fills the fields straight into `__dict__`: the generated frozen `__init__` pays an
        `object.__setattr__` call per field, which was a tenth of generating a whole bank."""
        fields = self.__dict__
        fields["fact_id"] = fact_id
        fields["kind"] = kind
        fields["mode"] = mode
        fields["wording_id"] = wording_id
        fields["prompt"] = prompt
        fields["answer"] = answer
        fields["accepted"] = accepted
        fields["options"] = options
        fields["note"] = note
        fields["source"] = source
        fields["statement"] = statement
        fields["catalog"] = catalog

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
