"""Which questions a live game asks: what the class remembers least (`weak`), what most of it has
due (`due`), or a paper's own questions (`paper`).

A (fact, kind) is a card; each student's is judged by FSRS under their own settings and
parameters, a card never started counting as recall 0. The questions are a paper's choice of the
bank (`compose`: no question tells another its answer), multiple choice, taken weakest (or most
due) first.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from question_bank.facts.model import Bank
from question_bank.questions import Mode, Question, kinds_for
from quiz.classroom.codes import normal
from quiz.classroom.frozen import freeze
from quiz.classroom.papers import compose
from quiz.classroom.practice import learner_scheduler
from quiz.clock import utc_iso
from quiz.errors import LiveError, mention
from quiz.library.card_sync import card_keys
from quiz.live.model import SOURCES
from quiz.model import State
from quiz.store import Database
from quiz.store import classroom as class_rows
from quiz.store.progress import class_cards

OPTIONS = 4
Key = tuple[str, str]  # (fact id, kind): one card of each student


@dataclass(frozen=True)
class CardMemory:
    """One (fact, kind) across the class: its students' mean predicted recall now, and how many
    have it due."""

    recall: float
    due: int


def class_memory(db: Database, learner_ids: Sequence[int], bank: Bank, now: datetime) -> dict[Key, CardMemory]:
    """Every card of the bank, in the bank's order, as the class remembers it now."""
    keys = card_keys(bank, kinds_for)
    recall: dict[Key, float] = defaultdict(float)
    due: dict[Key, int] = defaultdict(int)
    schedulers = {learner_id: learner_scheduler(db, learner_id) for learner_id in learner_ids}
    moment = utc_iso(now)
    for card in class_cards(db, list(learner_ids), [bank.name]):
        key = (card.fact_id, card.kind)
        recall[key] += schedulers[card.learner_id].predicted_recall(card, now)
        if card.state != State.NEW and not card.suspended and card.due is not None and card.due <= moment:
            due[key] += 1
    students = max(len(learner_ids), 1)
    return {key: CardMemory(recall[key] / students, due[key]) for key in keys}


def ranked(memory: dict[Key, CardMemory], source: str) -> list[Key]:
    """The cards weakest first (ties: due for more students first), or with `due` most due first
    (ties: weaker first); then in the bank's order."""
    order = {key: place for place, key in enumerate(memory)}
    if source == "due":
        return sorted(memory, key=lambda k: (-memory[k].due, memory[k].recall, order[k]))
    return sorted(memory, key=lambda k: (memory[k].recall, -memory[k].due, order[k]))


def memory_questions(bank: Bank, memory: dict[Key, CardMemory], source: str, count: int, seed: int) -> list[Question]:
    """Up to `count` of a paper's multiple-choice questions on the bank, the cards `source` ranks first."""
    place = {key: i for i, key in enumerate(ranked(memory, source))}
    candidates = compose(bank, kinds=None, modes=[Mode.MC], seed=seed, options=OPTIONS, count=None)
    known = [q for q in candidates if (q.fact_id, q.kind.value) in place]
    return sorted(known, key=lambda q: place[(q.fact_id, q.kind.value)])[:count]


def frozen_questions(questions: Sequence[Question]) -> list[dict]:
    return [freeze(question) for question in questions]


def paper_questions(db: Database, code: str, owner: int | None, count: int) -> tuple[str, list[dict]]:
    """(bank, the first `count` frozen questions) of the teacher's paper `code`, in the paper's order."""
    row = class_rows.paper_row(db, normal(code))
    if row is None or row.teacher_id != owner:
        raise LiveError(f"no paper '{code.strip()}' (see `quiz paper list`)", "paper")
    items = json.loads(row.questions_json)
    if not items:
        raise LiveError(f"paper {row.code} has no questions", "paper")
    return row.bank, items[:count]


def check_source(source: str, paper: str | None) -> None:
    """A paper's code is given with the `paper` source, and only with it."""
    if source not in SOURCES:
        raise LiveError(f"'{source}' is not one of {', '.join(SOURCES)}", "source")
    if source == "paper" and not (paper or "").strip():
        raise LiveError(f"give the paper's code with {mention('source')} paper", "paper")
    if source != "paper" and paper is not None:
        raise LiveError(f"a paper's code is given only with {mention('source')} paper", "paper")
