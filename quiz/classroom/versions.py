"""Per-student versions: each student's questions (a draw, balanced by kind, when the paper says
so) in their own order, with options in their own order, deterministic for (paper, student).

Students are dealt version 0, 1, 2 … in roster order, and a version is redrawn while it has the
same order as the one before, so no two neighbours in the roster share an order. Printed copies
use the same numbered versions.
"""

from __future__ import annotations

import dataclasses
import hashlib
import random

from question_bank.questions import Question
from quiz.classroom.types import Paper

Version = tuple[tuple[int, Question], ...]  # (position in the paper, the question as this version shows it)
REDRAWS = 50


def _rng(*parts: object) -> random.Random:
    digest = hashlib.sha256("/".join(str(p) for p in parts).encode()).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


def _draw(paper: Paper, rng: random.Random) -> list[int]:
    """The positions this version asks: all, or `draw` of them taken in turn from each kind."""
    positions = list(range(len(paper.questions)))
    if paper.draw is None or paper.draw >= len(positions):
        return positions
    by_kind: dict[str, list[int]] = {}
    for position in positions:
        by_kind.setdefault(paper.questions[position].kind.value, []).append(position)
    groups = [by_kind[kind] for kind in sorted(by_kind)]
    for group in groups:
        rng.shuffle(group)
    rng.shuffle(groups)
    picked: list[int] = []
    index = 0
    while len(picked) < paper.draw:
        for group in groups:
            if index < len(group) and len(picked) < paper.draw:
                picked.append(group[index])
        index += 1
    return picked


def _deal(paper: Paper, rng: random.Random) -> Version:
    positions = _draw(paper, rng)
    rng.shuffle(positions)
    dealt = []
    for position in positions:
        question = paper.questions[position]
        if len(question.options) > 1:
            options = list(question.options)
            rng.shuffle(options)
            question = dataclasses.replace(question, options=tuple(options))
        dealt.append((position, question))
    return tuple(dealt)


def _order(version: Version) -> tuple:
    """What a neighbour must not share: the question order, or with one question its options."""
    if len(version) > 1:
        return tuple(position for position, _ in version)
    return tuple(q.options for _, q in version)


def numbered(paper: Paper, index: int) -> Version:
    """Version number `index` (0, 1, 2 …): never the same order as version `index - 1`."""
    if index < 0:
        raise ValueError("a version number is 0 or more")
    return first_versions(paper, index + 1)[-1]


def first_versions(paper: Paper, count: int) -> list[Version]:
    """Versions 0 … count-1, dealt in one pass (each depends on the one before)."""
    versions: list[Version] = []
    previous: tuple | None = None
    for number in range(count):
        version: Version = ()
        for redraw in range(REDRAWS):
            version = _deal(paper, _rng(paper.code, "version", number, redraw))
            if _order(version) != previous:
                break
        previous = _order(version)
        versions.append(version)
    return versions


def for_student(paper: Paper, student: str, roster: list[str]) -> Version:
    """The student's version: their roster place's number, or (not on the roster) one of their own."""
    if student in roster:
        return numbered(paper, roster.index(student))
    return _deal(paper, _rng(paper.code, "student", student))
