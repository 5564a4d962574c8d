"""Each answer counts as a review of that student's card, exactly once, in the transaction that
takes it: right Good, near miss Hard, wrong Again, under the student's own settings; a refused or
second answer reviews nothing. 35 students answering at once (each on their own connection) leave
35 answers and 35 reviews, none lost or doubled; an answer whose review fails, or a process killed
while answering, never leaves an answer without its review or the reverse."""

from __future__ import annotations

import signal
import subprocess
import sys
import threading
from datetime import timedelta
from pathlib import Path

import pytest

from quiz.classroom import practice
from quiz.clock import utc_iso
from quiz.errors import LiveError
from quiz.live import player as player_module
from quiz.live.model import GameSettings
from quiz.live.player import LivePlayer
from quiz.model import Outcome, Rating
from quiz.store import open_db
from tests.live.conftest import BANK, Room, pin_to_utc

pytestmark = pytest.mark.engines


def _card(room: Room, name: str, fact_id: str, kind: str) -> tuple | None:
    """(id, reps, due, state) of the student's card, or None."""
    return room.db.execute(
        "SELECT c.id, c.reps, c.due, c.state FROM cards c JOIN learners l ON l.id = c.learner_id "
        "WHERE l.name = ? AND c.bank = ? AND c.fact_id = ? AND c.kind = ?", [name, BANK, fact_id, kind]).fetchone()


def _reviews(room: Room, card_id: int) -> list[tuple]:
    return [tuple(r) for r in room.db.execute(
        "SELECT id, rating, reviewed_at, verdict, given, reps_before, reps_after FROM reviews WHERE card_id = ? "
        "ORDER BY id", [card_id])]


def test_every_answer_moves_that_students_card_once(room: Room) -> None:
    code = room.start(source="paper", paper=room.dated_paper(2), questions=2).code
    first = room.key(code, 0)
    practice.schedule(room.db, BANK, "Ana", [(first, first.answer, Outcome.CORRECT)], room.clock() - timedelta(days=9))
    before = {name: _card(room, name, first.fact_id, "date") for name in ("Ana", "Boris", "Cvijeta", "Dragan")}
    assert before["Ana"] is not None and before["Ana"][1] == 1 and before["Boris"] is None

    room.host.open_next(code)
    room.clock.advance(seconds=3)
    answered_at = room.clock()
    room.student("Ana", code).live_answer(code, 0, first.answer)
    room.student("Boris", code).live_answer(code, 0, first.answer.split(maxsplit=1)[1])  # without its day
    room.student("Cvijeta", code).live_answer(code, 0, "1 January 1900")
    for name in ("Ana", "Boris", "Cvijeta"):  # a second answer reviews nothing
        room.student(name, code).live_answer(code, 0, first.answer)

    expected = {"Ana": (Rating.GOOD, Outcome.CORRECT), "Boris": (Rating.HARD, Outcome.NEAR_MISS),
                "Cvijeta": (Rating.AGAIN, Outcome.WRONG)}
    links = dict(room.db.execute(
        "SELECT l.name, a.review_id FROM live_answers a JOIN learners l ON l.id = a.learner_id "
        "JOIN live_games g ON g.id = a.game_id WHERE g.code = ?", [code]).fetchall())
    for name, (rating, verdict) in expected.items():
        card = _card(room, name, first.fact_id, "date")
        assert card is not None and card[3] != "new"
        reviews = _reviews(room, card[0])
        mine = reviews[-1]
        assert len(reviews) == (2 if name == "Ana" else 1), reviews
        assert mine[1:5] == (int(rating), utc_iso(answered_at), verdict.value, room.student(name, code)
                             .live_view(code).given)
        assert mine[6] == mine[5] + 1 and card[1] == mine[6]
        assert links[name] == mine[0]
    assert _card(room, "Ana", first.fact_id, "date")[2] != before["Ana"][2]  # type: ignore[index]  # due moved
    assert _card(room, "Dragan", first.fact_id, "date") is None
    room.clock.advance(seconds=20)
    with pytest.raises(LiveError):
        LivePlayer(room.db, room.clock).answer(code, room.learner_id("Ana"), 1, room.right(code, 1))
    assert _card(room, "Ana", room.key(code, 1).fact_id, "date") is None  # a refused answer reviews nothing
    assert room.host.report(code).reviews == 3


CROWD = 35


@pytest.mark.slow
def test_35_students_answering_at_once_lose_and_double_nothing(room: Room) -> None:
    names = [f"Student {n:02d}" for n in range(CROWD)]
    pin_to_utc(room.db_path, room.clock, *names)
    room.teacher.classroom.new_class("9c")
    room.teacher.classroom.add_students("9c", names)
    code = room.host.create(GameSettings("9c", questions=1, seconds=60), seed=1).code
    ids = [room.learner_id(name) for name in names]
    joining = LivePlayer(room.db, room.clock)
    for learner_id in ids:
        joining.join(code, learner_id)
    room.host.open_next(code)
    key = room.key(code, 0)
    start = threading.Barrier(CROWD)
    failures: list[BaseException] = []

    def play(number: int, learner_id: int) -> None:
        db = open_db(room.db_path)  # each student on their own connection
        try:
            player = LivePlayer(db, room.clock)
            start.wait()
            first = key.answer if number % 2 else key.options[(key.options.index(key.answer) + 1) % 4]
            player.answer(code, learner_id, 0, first)
            player.answer(code, learner_id, 0, key.answer)  # a second press: the first stands
        except BaseException as error:  # noqa: BLE001 - reported below
            failures.append(error)
        finally:
            db.close()

    threads = [threading.Thread(target=play, args=(n, learner_id)) for n, learner_id in enumerate(ids)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    rows = room.db.execute(
        "SELECT a.learner_id, a.verdict, a.review_id, r.card_id, r.rating FROM live_answers a "
        "JOIN reviews r ON r.id = a.review_id WHERE a.question_index = 0 AND a.game_id = "
        "(SELECT id FROM live_games WHERE code = ?)", [code]).fetchall()
    assert sorted(r[0] for r in rows) == sorted(ids)  # 35 answers, each with its review
    assert sum(1 for r in rows if r[1] == "correct") == CROWD // 2
    placeholders = ", ".join("?" * len(ids))
    reviews = room.db.execute(f"SELECT learner_id, count(*) FROM reviews WHERE learner_id IN ({placeholders}) "
                              "GROUP BY learner_id", ids).fetchall()
    assert sorted(reviews) == sorted((learner_id, 1) for learner_id in ids)  # none doubled
    revealed = room.host.tick(code)  # every player has answered
    assert revealed.reveal is not None and (revealed.reveal.answered, revealed.reveal.players) == (CROWD, CROWD)
    assert room.host.report(code).reviews == CROWD


def _crowd(room: Room, class_name: str, size: int) -> tuple[str, list[int]]:
    """A class of `size` students joined to a one-question game, its question open: (code, learner ids)."""
    names = [f"{class_name} student {n:02d}" for n in range(size)]
    pin_to_utc(room.db_path, room.clock, *names)
    room.teacher.classroom.new_class(class_name)
    room.teacher.classroom.add_students(class_name, names)
    code = room.host.create(GameSettings(class_name, questions=1, seconds=300), seed=1).code
    ids = [room.learner_id(name) for name in names]
    joining = LivePlayer(room.db, room.clock)
    for learner_id in ids:
        joining.join(code, learner_id)
    room.host.open_next(code)
    return code, ids


def _answers_with_reviews(room: Room, code: str) -> tuple[int, int, int]:
    """(answers, answers whose review exists, the crowd's reviews in all)."""
    answers, linked = room.db.execute(
        "SELECT count(*), count(r.id) FROM live_answers a LEFT JOIN reviews r ON r.id = a.review_id "
        "AND r.learner_id = a.learner_id WHERE a.game_id = (SELECT id FROM live_games WHERE code = ?)",
        [code]).fetchone()
    reviews = room.db.execute(
        "SELECT count(*) FROM reviews WHERE learner_id IN (SELECT p.learner_id FROM live_players p "
        "JOIN live_games g ON g.id = p.game_id WHERE g.code = ?)", [code]).fetchone()[0]
    return int(answers), int(linked), int(reviews)


def test_an_answer_whose_review_fails_is_not_taken(room: Room, monkeypatch: pytest.MonkeyPatch) -> None:
    code, ids = _crowd(room, "1a", 1)
    real = player_module.review_answers

    def fails_after_writing(*args, **kwargs):  # type: ignore[no-untyped-def]
        real(*args, **kwargs)
        raise OSError("the machine stopped")

    monkeypatch.setattr(player_module, "review_answers", fails_after_writing)
    with pytest.raises(OSError):
        LivePlayer(room.db, room.clock).answer(code, ids[0], 0, room.right(code, 0))
    assert _answers_with_reviews(room, code) == (0, 0, 0)
    monkeypatch.undo()
    LivePlayer(room.db, room.clock).answer(code, ids[0], 0, room.right(code, 0))  # answered again: taken
    assert _answers_with_reviews(room, code) == (1, 1, 1)


@pytest.mark.slow
def test_a_process_killed_while_answering_leaves_answers_and_reviews_paired(room: Room) -> None:
    code, ids = _crowd(room, "2b", 30)
    script = Path(__file__).with_name("answerer.py")
    process = subprocess.Popen(
        [sys.executable, str(script), str(room.db_path), code, room.clock().isoformat(), room.right(code, 0),
         *map(str, ids)], stdout=subprocess.PIPE, text=True)
    try:
        done = [process.stdout.readline() for _ in range(10)]  # type: ignore[union-attr]
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait()
    assert all(line.startswith("ok") for line in done)
    answers, linked, reviews = _answers_with_reviews(room, code)
    assert 10 <= answers < 30 and answers == linked == reviews
