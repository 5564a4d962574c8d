"""Which questions a game asks, on a class with a known history: `weak` the cards the class
remembers least (a student who never started a card counts 0), `due` those due for most students
(ties: the weaker first), `paper` a paper's questions in its order; a class that studied nothing
gets the bank's own order."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from question_bank.questions import Mode, Question, kinds_for
from quiz.classroom import practice
from quiz.classroom.papers import compose
from quiz.errors import LiveError
from quiz.library.banks import get_bank
from quiz.library.card_sync import card_keys
from quiz.live.choice import CardMemory, ranked
from quiz.live.model import GameSettings
from quiz.model import Kind, Outcome
from tests.live.conftest import BANK, STUDENTS, Room

pytestmark = pytest.mark.engines
SEED = 5


def _candidates(room: Room) -> list[Question]:
    """The questions a game of seed SEED chooses from (a paper's hygiene), in compose's order."""
    return compose(get_bank(room.db, BANK), kinds=None, modes=[Mode.MC], seed=SEED, options=4, count=None)


def _in_bank_order(room: Room, questions: list[Question]) -> list[Question]:
    order = {key: i for i, key in enumerate(card_keys(get_bank(room.db, BANK), kinds_for))}
    return sorted(questions, key=lambda q: order[(q.fact_id, q.kind.value)])


def _studied(room: Room, students: tuple[str, ...], questions: list[Question], ago: timedelta) -> None:
    """Each student answers the questions right (Good) `ago` before now, as a practice paper does."""
    for name in students:
        practice.schedule(room.db, BANK, name, [(q, q.answer, Outcome.CORRECT) for q in questions], room.clock() - ago)


def _asked(room: Room, code: str) -> list[tuple[str, str]]:
    report_keys = json.loads(room.db.execute("SELECT questions_json FROM live_games WHERE code = ?",
                                             [code]).fetchone()[0])
    return [(item["fact_id"], item["kind"]) for item in report_keys]


def _keys(questions: list[Question]) -> list[tuple[str, str]]:
    return [(q.fact_id, q.kind.value) for q in questions]


@pytest.fixture
def history(room: Room) -> dict[str, list[Question]]:
    """The candidates in groups: `old` learnt by all 10 days ago, `older_due` 3 days ago (both due
    for all three), `one` by Ana alone a day ago (due for one; mean recall a third of hers),
    `fresh` by all a minute ago (due for none, recall ~1), `never` by no one (recall 0)."""
    c = _candidates(room)
    assert len(c) >= 11  # two or more never studied
    groups = {"old": c[0:2], "recent_due": c[2:4], "one": c[4:6], "fresh": c[6:9], "never": c[9:]}
    _studied(room, STUDENTS, groups["old"], timedelta(days=10))
    _studied(room, STUDENTS, groups["recent_due"], timedelta(days=3))
    _studied(room, ("Ana",), groups["one"], timedelta(days=1))
    _studied(room, STUDENTS, groups["fresh"], timedelta(minutes=1))
    return groups


def test_weak_asks_what_the_class_remembers_least(room: Room, history: dict[str, list[Question]]) -> None:
    every = room.host.create(GameSettings("7b", questions=50, source="weak"), seed=SEED)
    expected = [*_in_bank_order(room, history["never"]), *_in_bank_order(room, history["one"]),
                *_in_bank_order(room, history["old"]), *_in_bank_order(room, history["recent_due"]),
                *_in_bank_order(room, history["fresh"])]
    assert _asked(room, every.code) == _keys(expected) and every.total == len(expected)
    few = room.host.create(GameSettings("7b", questions=len(history["never"]) + 1, source="weak"), seed=SEED)
    assert _asked(room, few.code) == _keys(expected[:len(history["never"]) + 1])


def test_due_asks_what_most_students_have_due(room: Room, history: dict[str, list[Question]]) -> None:
    game = room.host.create(GameSettings("7b", questions=50, source="due"), seed=SEED)
    expected = [*_in_bank_order(room, history["old"]), *_in_bank_order(room, history["recent_due"]),
                *_in_bank_order(room, history["one"]), *_in_bank_order(room, history["never"]),
                *_in_bank_order(room, history["fresh"])]
    assert _asked(room, game.code) == _keys(expected)
    four = room.host.create(GameSettings("7b", questions=4, source="due"), seed=SEED)
    assert _asked(room, four.code) == _keys(expected[:4])


def test_a_class_that_studied_nothing_gets_the_banks_order(room: Room) -> None:
    game = room.host.create(GameSettings("7b", questions=5), seed=SEED)
    assert _asked(room, game.code) == _keys(_in_bank_order(room, _candidates(room))[:5])
    assert game.bank == BANK and game.total == 5


def test_paper_asks_the_papers_questions_in_order(room: Room) -> None:
    made = room.teacher.classroom.new_paper(BANK, "Check", class_name="7b", count=6, modes=(Mode.MC, Mode.TYPED),
                                            kinds=(Kind.DATE, Kind.PLACE), seed=2)
    game = room.host.create(GameSettings("7b", source="paper", paper=made.code.lower(), questions=4))
    assert _asked(room, game.code) == _keys(list(made.questions[:4]))
    assert [room.key(game.code, i).prompt for i in range(4)] == [q.prompt for q in made.questions[:4]]
    modes = {room.key(game.code, i).mode for i in range(4)}
    assert modes <= {Mode.MC, Mode.TYPED}
    whole = room.host.create(GameSettings("7b", source="paper", paper=made.code, questions=50))
    assert whole.total == 6


def test_a_game_without_a_seed_draws_one_and_keeps_it(room: Room) -> None:
    game = room.host.create(GameSettings("7b", questions=3))
    settings = json.loads(room.db.execute("SELECT settings_json FROM live_games WHERE code = ?",
                                          [game.code]).fetchone()[0])
    assert isinstance(settings["seed"], int) and settings["seconds"] == 20 and settings["points"] is True


def test_a_typed_answer_is_judged_by_the_papers_checker(room: Room) -> None:
    code = room.start(source="paper", paper=room.dated_paper(3), questions=3).code
    room.host.open_next(code)
    key = room.right(code, 0)
    near = key.split(maxsplit=1)[1]  # without its day: a near miss
    room.student("Ana", code).live_answer(code, 0, key.lower())
    room.student("Boris", code).live_answer(code, 0, near)
    with pytest.raises(LiveError, match="Could not read a date"):  # asked again, as a study session does
        room.student("Cvijeta", code).live_answer(code, 0, "32/13/1944")
    room.host.reveal(code)
    verdicts = [room.student(n, code).live_view(code) for n in ("Ana", "Boris")]
    assert [(v.verdict, v.points_won) for v in verdicts] == [(Outcome.CORRECT, 1000), (Outcome.NEAR_MISS, 0)]


def test_ties_are_broken_by_due_then_recall_then_the_banks_order() -> None:
    memory = {("a", "date"): CardMemory(0.5, 0), ("b", "date"): CardMemory(0.5, 2),
              ("c", "unit"): CardMemory(0.2, 0), ("d", "place"): CardMemory(0.5, 2)}
    assert ranked(memory, "weak") == [("c", "unit"), ("b", "date"), ("d", "place"), ("a", "date")]
    assert ranked(memory, "due") == [("b", "date"), ("d", "place"), ("c", "unit"), ("a", "date")]
