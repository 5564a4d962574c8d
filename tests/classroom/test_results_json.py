"""`quiz paper results CODE --json` stays byte for byte what it was: the files in data/ were
printed by the command for the papers made here, and the command must print them again. The paper's
code, normally drawn by `secrets`, is pinned to PAPER1 (the versions a drawn paper deals depend on
it), and its questions come from data/paper_questions.json, not from the generator nor from the
paper's choice among its questions, so that a change to either leaves this contract alone.

Refresh a file only for a deliberate change of the contract: run the command on these papers and
save its output, never regenerate it from the code under test in passing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from quiz.classroom import Classroom, papers
from quiz.classroom.frozen import unfreeze
from quiz.cli import main
from quiz.model import Mode, Outcome
from tests.classroom.conftest import BANK

DATA = Path(__file__).parent / "data"


def _take(room: Classroom, clock, code: str, name: str, personal: str, answers: dict[int, str],
          minutes: int, submit: bool = True) -> None:
    view = room.start_attempt(code, name, personal)
    for position, text in answers.items():
        room.answer(view.attempt_id, position, text)
    clock.advance(minutes=minutes)
    if submit:
        room.submit(view.attempt_id)


def _wrong(question) -> str:
    return next(o for o in question.options if o != question.answer)


def _near(answer: str) -> str:
    """A typed answer one letter short of the key: the checker calls most such a near miss."""
    return answer[:-1] if len(answer) > 4 else answer + "x"


def whole_paper(room: Classroom, codes: dict[str, str], clock) -> str:
    """Every student sees every question: typed and multiple choice, a near miss, an unanswered
    question, a second attempt that counts, an override, and an attempt still open."""
    paper = room.new_paper(BANK, "Regression", class_name="7B", count=5, seed=11, modes=(Mode.MC, Mode.TYPED),
                           attempts=2)
    q = paper.questions
    right = {p: question.answer for p, question in enumerate(q)}
    _take(room, clock, paper.code, "Ana", codes["Ana"], {0: _wrong(q[0]) if q[0].options else "nothing"}, 3)
    _take(room, clock, paper.code, "Ana", codes["Ana"], right, 4)
    near = {p: (_near(question.answer) if not question.options else _wrong(question)) for p, question in enumerate(q)}
    _take(room, clock, paper.code, "Boris", codes["Boris"], near, 5)
    _take(room, clock, paper.code, "Cvijeta", codes["Cvijeta"], {0: right[0], 2: right[2]}, 2)
    _take(room, clock, paper.code, "Dušan", codes["Dušan"], {1: right[1]}, 1, submit=False)
    room.override(paper.code, "Boris", 1, Outcome.CORRECT, "Ms P")
    room.override(paper.code, "Cvijeta", 3, Outcome.NEAR_MISS, "Ms P")
    return paper.code


def drawn_paper(room: Classroom, codes: dict[str, str], clock) -> str:
    """Each student is dealt three of six questions: alpha is undefined, takers differ."""
    paper = room.new_paper(BANK, "Drawn", class_name="7B", count=6, seed=5, draw=3, show_key=True)
    for minutes, name in enumerate(("Ana", "Boris", "Cvijeta", "Dušan"), start=1):
        positions = room.version_positions(paper, name)
        answers = {p: (paper.questions[p].answer if (p + minutes) % 2 else _wrong(paper.questions[p]))
                   for p in sorted(positions)[: 3 - minutes % 2]}
        _take(room, clock, paper.code, name, codes[name], answers, minutes)
    return paper.code


QUESTIONS = json.loads((DATA / "paper_questions.json").read_text(encoding="utf-8"))


def pin_code(monkeypatch) -> None:
    """The paper's code, and its questions: the stored ones, as the paper chose them."""
    monkeypatch.setattr(papers, "new_code", lambda length: "PAPER1")

    def stored(bank, *, kinds, modes, seed, options, count):  # type: ignore[no-untyped-def]
        case = "whole" if seed == 11 else "drawn"
        return [unfreeze(item, bank.catalog) for item in QUESTIONS[case]]

    monkeypatch.setattr(papers, "compose", stored)


CASES = {"results_whole.json": whole_paper, "results_drawn.json": drawn_paper}


def printed(db_path: Path, code: str) -> str:
    out = CliRunner().invoke(main, ["--db", str(db_path), "paper", "results", code, "--json"])
    assert out.exit_code == 0, out.output
    return out.output


@pytest.mark.parametrize("name", sorted(CASES))
def test_results_json_is_unchanged(name: str, room, codes, clock, db_path, monkeypatch) -> None:
    monkeypatch.setenv("QUIZ_LEARNER", "teacher")
    pin_code(monkeypatch)
    code = CASES[name](room, codes, clock)
    assert printed(db_path, code) == (DATA / name).read_text(encoding="utf-8")
