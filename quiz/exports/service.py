"""The exports a desk offers: build an `ExportSet` from a bank or a classroom paper, render it in
a format, write it to a file. The desk hands itself in as the bank source and its classroom as
the paper source, so this room never imports the desk."""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path
from typing import Any, Generic, Protocol, TypeVar

from question_bank.facts.model import Bank
from question_bank.questions import Kind, Mode, Question, generate_all
from question_bank.questions.short import shorter_question
from quiz import files
from quiz.errors import BankNotFound, ExportError
from quiz.exports.model import ExportSet, fact_tags, is_choice
from quiz.exports.registry import export_format

MAX_VERSIONS = 26
EXPORT_MODES = (Mode.MC, Mode.TYPED)


class BankSource(Protocol):
    def bank(self, name: str) -> Bank: ...


class PaperLike(Protocol):
    @property
    def code(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def bank(self) -> str: ...
    @property
    def class_name(self) -> str | None: ...
    @property
    def questions(self) -> tuple[Question, ...]: ...


P = TypeVar("P", bound=PaperLike)


class PaperSource(Protocol, Generic[P]):
    """The classroom as exports see it: a paper by code, and its printed versions."""

    def paper(self, code: str) -> P: ...
    def print_version(self, paper: P, index: int) -> tuple[Question, ...]: ...


def check_versions(versions: int) -> int:
    if not 1 <= versions <= MAX_VERSIONS:
        raise ExportError(f"must be between 1 and {MAX_VERSIONS}, not {versions}", "versions")
    return versions


def shuffled(questions: tuple[Question, ...], rng: random.Random) -> tuple[Question, ...]:
    """Another printed version of a bank export: the questions and each one's options reordered."""
    order = list(questions)
    rng.shuffle(order)
    out = []
    for q in order:
        options = list(q.options)
        rng.shuffle(options)
        out.append(Question(q.fact_id, q.kind, q.mode, q.wording_id, q.prompt, q.answer, q.accepted, tuple(options),
                            q.note, q.source, q.statement, q.catalog))
    return tuple(out)


class Exports:
    def __init__(self, banks: BankSource, papers: PaperSource[Any] | None = None) -> None:
        self.banks = banks
        self.papers = papers

    def bank_set(
        self,
        name: str,
        *,
        modes: tuple[Mode, ...] = (Mode.MC,),
        kinds: tuple[Kind, ...] | None = None,
        seed: int = 0,
        n_options: int = 4,
        versions: int = 1,
        key: bool = False,
    ) -> ExportSet:
        """Every question of bank `name` in `modes`; versions after the first are reshuffled copies."""
        if bad := [m.value for m in modes if m not in EXPORT_MODES]:
            raise ExportError(f"cannot export {', '.join(bad)} questions: only mc and typed")
        bank = self.banks.bank(name)
        first = tuple(generate_all(bank, kinds=kinds, modes=modes or EXPORT_MODES, seed=seed, n_options=n_options))
        rng = random.Random(f"{name}:{seed}")
        every = [first, *(shuffled(first, rng) for _ in range(check_versions(versions) - 1))]
        return ExportSet(bank.title, bank.name, None, bank.source, tuple(every), key, tags=fact_tags(bank))

    def paper_set(self, code: str, *, versions: int | None = None, key: bool = False) -> ExportSet:
        """A classroom paper: its questions as stored (versions None), or its first N printed versions."""
        if self.papers is None:
            raise ExportError("papers cannot be exported: this desk has no classroom")
        paper = self.papers.paper(code)
        if versions is None:
            every: tuple[tuple[Question, ...], ...] = (tuple(paper.questions),)
        else:
            every = tuple(self.papers.print_version(paper, i) for i in range(check_versions(versions)))
        try:
            bank = self.banks.bank(paper.bank)
            source, tags = bank.source, fact_tags(bank)
        except BankNotFound:  # the paper keeps its questions after its bank is gone
            source, tags = next((q.source for q in paper.questions if q.source), ""), ()
        return ExportSet(paper.title, paper.bank, paper.class_name, source, every, key, paper=True, tags=tags)

    def fit(self, export: ExportSet, fmt: str, *, skip: bool = False) -> tuple[ExportSet, list[str]]:
        """The export as `fmt` can hold it, and one line for each change. Only Kahoot has limits: a
        question over its 120 characters (or with options over 75) is asked in a shorter wording
        of the generator's, of the same fact and kind; with `skip`, what still does not fit is left out. Questions are
        named by their number in the export (a paper's own numbering), as a teacher sees them."""
        if fmt != "kahoot":
            return export, []
        from quiz.exports.kahoot import ANSWER_MAX, QUESTION_MAX, problem

        questions = list(export.questions)
        bank = self._bank_of(export)
        reworded = []
        for index, q in enumerate(questions):
            too_long = len(q.prompt) > QUESTION_MAX or any(len(o) > ANSWER_MAX for o in q.options)
            if bank is not None and is_choice(q) and too_long:
                if (short := shorter_question(bank, q, QUESTION_MAX, ANSWER_MAX)) is not None:
                    questions[index] = short
                    reworded.append(index + 1)
        notes = [f"kahoot: {_numbers(reworded)} asked in a shorter wording to fit Kahoot's limits"] \
            if reworded else []
        if skip:
            found = [(number, reason) for number, q in enumerate(questions, start=1) if (reason := problem(q))]
            notes += [f"left out question {number}: it {reason}" for number, reason in found]
            questions = [q for q in questions if problem(q) is None]
        return replace(export, versions=(tuple(questions),)), notes

    def _bank_of(self, export: ExportSet) -> Bank | None:
        """The bank the questions came from, to word them again; None once it is gone."""
        try:
            return self.banks.bank(export.bank)
        except BankNotFound:
            return None

    @staticmethod
    def render(export: ExportSet, fmt: str) -> bytes:
        return export_format(fmt).render(export)

    @staticmethod
    def write(export: ExportSet, fmt: str, path: Path) -> Path:
        """Render first, then write through a temporary file beside `path`: a refused export (a
        Kahoot limit) or a failed write (a full disk) leaves the file there before as it was."""
        return files.write_bytes(path, export_format(fmt).render(export))

    @staticmethod
    def default_path(name: str, fmt: str) -> Path:
        return Path(f"{name}{export_format(fmt).suffix}")


def _numbers(numbers: list[int]) -> str:
    """'question 3' or 'questions 3, 5, 8'."""
    return f"question{'s' if len(numbers) > 1 else ''} {', '.join(map(str, numbers))}"
