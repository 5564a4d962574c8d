"""What every exporter writes: a neutral set of questions, one tuple per printed version.

A bank export and a classroom paper both become an `ExportSet`, so each format is written once
and knows nothing of where its questions came from.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from enum import StrEnum

from question_bank.facts.model import Bank
from question_bank.questions import Mode, Question
from quiz.errors import Wording, mention

_NOT_CATEGORY = re.compile(r"[^\w .-]+")
_NOT_IN_TAG = re.compile(r"[<>`]")  # what Moodle's PARAM_TAG takes out of a tag


class PageSize(StrEnum):
    """The sheet the paged print formats (HTML, PDF) lay out on: A4 unless a teacher asks for Letter."""

    A4 = "a4"
    LETTER = "letter"


@dataclass(frozen=True)
class ExportSet:
    """Questions to export. LMS and data formats write `questions` (the first version); print
    formats write every version, and the answer key per version only when `key` is set."""

    title: str
    bank: str
    class_name: str | None
    source: str
    versions: tuple[tuple[Question, ...], ...]
    key: bool = False
    paper: bool = False  # a classroom paper (its modes were chosen when it was made), not a bank
    page_size: PageSize = PageSize.A4
    tags: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (fact id, the fact's tags) from the bank

    def tags_of(self, question: Question) -> tuple[str, ...]:
        """The bank's tags of the question's fact, as an LMS tags a question."""
        return next((tags for fact_id, tags in self.tags if fact_id == question.fact_id), ())

    def on_paper(self, size: str) -> ExportSet:
        """This set printed on `size` (a4 or letter): a front end passes the flag's text as it is."""
        return replace(self, page_size=PageSize(size))

    @property
    def mc_advice(self) -> Wording:
        """How to get an export of multiple choice only, for this kind of set (a front end spells
        the fields: the CLI's `--modes mc`)."""
        if self.paper:
            return Wording(f"make the paper with {mention('modes')} mc, or leave them out with {mention('skip_too_long')}")
        return Wording(f"export with {mention('mode')} mc, or leave them out with {mention('skip_too_long')}")

    @property
    def questions(self) -> tuple[Question, ...]:
        return self.versions[0] if self.versions else ()

    @property
    def category(self) -> str:
        """A category path safe in every format (Moodle never unescapes its category line): the
        bank's, and for a paper a category of its own named after it inside the bank's, so the
        questions of two papers and of the bank stay apart."""
        bank = _NOT_CATEGORY.sub("-", self.bank).strip("-") or "quiz"
        if not self.paper:
            return bank
        return f"{bank}/{' '.join(_NOT_CATEGORY.sub(' ', self.title).split()) or 'paper'}"


def fact_tags(bank: Bank) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(fact id, tags) of every tagged fact of `bank`: what `ExportSet.tags` holds."""
    return tuple((fact.id, fact.tags) for fact in bank.facts if fact.tags)


def question_id(question: Question) -> str:
    """A stable name for a question: the same fact, kind, mode and wording give the same name on
    every export, so an LMS can match a re-import to what it already has."""
    return f"{question.fact_id}/{question.kind.value}/{question.mode.value}/{question.wording_id}"


def accepted_answers(question: Question) -> tuple[str, ...]:
    """The key first, then every other accepted answer once."""
    seen: dict[str, None] = {question.answer: None}
    for answer in question.accepted:
        seen.setdefault(answer, None)
    return tuple(seen)


def moodle_short_answer(answer: str) -> str:
    """A short answer as Moodle compares it: `*` is its wildcard, so a literal one is `\\*`."""
    return answer.replace("*", "\\*")


def moodle_tag(tag: str) -> str:
    """A tag as Moodle keeps it (PARAM_TAG): runs of white space (a line break too) as one space,
    no other control character, no `<`, `>` or backquote. Empty when nothing is left."""
    kept = "".join(char for char in " ".join(tag.split()) if unicodedata.category(char)[0] != "C")
    return " ".join(_NOT_IN_TAG.sub("", kept).split())


def is_choice(question: Question) -> bool:
    return question.mode is Mode.MC and bool(question.options)


def version_label(index: int) -> str:
    """A, B, … Z, then AA, AB …: what a teacher writes on the top of a printed copy."""
    label = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        label = chr(ord("A") + rest) + label
    return label


def option_letter(index: int) -> str:
    return chr(ord("a") + index)
