"""Per-student versions: deterministic, shuffled, neighbours never alike, draws balanced by kind."""

from __future__ import annotations

from collections import Counter

import pytest

from quiz.classroom import Classroom
from quiz.model import Kind
from tests.classroom.conftest import BANK

pytestmark = pytest.mark.engines


def orders(room, paper, student: str) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    version = room.version(paper, student)
    return tuple(q.prompt for q in version), tuple(q.options for q in version)


def test_a_version_is_deterministic_for_paper_and_student(room, codes, db_path, clock) -> None:
    paper = room.new_paper(BANK, "V", class_name="7B", count=8, seed=2)
    first = orders(room, paper, "Boris")
    other = Classroom(room.db, clock)  # another process would compute the same
    assert orders(other, other.paper(paper.code), "Boris") == first
    view = room.start_attempt(paper.code, "Boris", codes["Boris"])
    assert tuple(item.prompt for item in view.items) == first[0]
    assert tuple(item.options for item in view.items) == first[1]


def test_questions_and_options_are_shuffled_per_student(room, codes) -> None:
    paper = room.new_paper(BANK, "V", class_name="7B", count=8, seed=2)
    made = tuple(q.prompt for q in paper.questions)
    seen = {orders(room, paper, name) for name in codes}
    assert len(seen) == 4
    for prompts, options in seen:
        assert sorted(prompts) == sorted(made)
        assert prompts != made or options != tuple(q.options for q in paper.questions)
    for name in codes:  # every student's options are the paper's options, reordered
        for question in room.version(paper, name):
            original = next(q for q in paper.questions if q.prompt == question.prompt)
            assert sorted(question.options) == sorted(original.options) and question.answer == original.answer


def test_neighbours_in_the_roster_never_share_an_order(room) -> None:
    room.new_class("big")
    names = [f"Student {i:02d}" for i in range(40)]
    room.add_students("big", names)
    paper = room.new_paper(BANK, "Two", class_name="big", count=2, seed=5)  # only two orders exist
    question_orders = [orders(room, paper, name)[0] for name in names]
    assert all(a != b for a, b in zip(question_orders, question_orders[1:], strict=False))
    one = room.new_paper(BANK, "One", class_name="big", count=1, seed=5)  # one question: its options differ
    option_orders = [orders(room, one, name)[1] for name in names]
    assert all(a != b for a, b in zip(option_orders, option_orders[1:], strict=False))


def test_printed_copies_are_the_roster_versions(room, codes) -> None:
    paper = room.new_paper(BANK, "Print", class_name="7B", count=6, seed=4)
    for index, name in enumerate(["Ana", "Boris", "Cvijeta", "Dušan"]):
        assert room.print_version(paper, index) == room.version(paper, name)
    assert room.print_version(paper, 7) == room.print_version(paper, 7)


def test_a_draw_is_balanced_by_kind(room, codes) -> None:
    paper = room.new_paper(BANK, "Draw", class_name="7B", count=18, kinds=(Kind.DATE, Kind.UNIT, Kind.PLACE), draw=6, seed=8)
    # Kinds in turn as far as the paper's leak check lets them (exactly 6 each is not promised).
    assert all(count >= 2 for count in Counter(q.kind.value for q in paper.questions).values())
    assert len({q.kind for q in paper.questions}) == 3
    drawn = {}
    for name in codes:
        version = room.version(paper, name)
        assert len(version) == 6
        assert Counter(q.kind.value for q in version) == {"date": 2, "unit": 2, "place": 2}
        drawn[name] = frozenset(q.prompt for q in version)
    assert len(set(drawn.values())) > 1  # students get different questions
