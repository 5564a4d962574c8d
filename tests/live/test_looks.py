"""Screens' looks at a game: a look at a game that has not changed is one small query (its stamp),
for a player and for the host; a look still sees every change (a player joining, the player's
answer from another tab, the reveal, the end); the leaderboard is read only once a question is
revealed."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import pytest

from quiz.live.model import GameSettings, State
from quiz.live.player import LivePlayer
from quiz.live.service import LiveHost
from quiz.store import Database
from quiz.store.engine import Params, Rows
from tests.live.conftest import STUDENTS, Room

pytestmark = pytest.mark.engines


class Counted:
    """A connection that counts the statements run on it (the rest as the connection does)."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.statements: list[str] = []

    def execute(self, sql: str, params: Params = ()) -> Rows:
        self.statements.append(sql)
        return self.db.execute(sql, params)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> int:
        self.statements.append(sql)
        return self.db.executemany(sql, rows)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.db, name)


def test_a_players_look_at_an_unchanged_game_is_one_query(room: Room) -> None:
    code = room.start(questions=2).code
    counted = Counted(room.db)
    ana = room.learner_id("Ana")
    player = LivePlayer(counted, room.clock)
    for step in (lambda: None, lambda: room.host.open_next(code), lambda: room.host.reveal(code)):
        step()
        first = player.view(code, ana)
        counted.statements.clear()
        room.clock.advance(seconds=1)
        again = player.view(code, ana)
        assert len(counted.statements) == 1, counted.statements
        assert again.state == first.state and again.index == first.index
        if first.seconds_left is not None:
            assert again.seconds_left == first.seconds_left - 1  # the countdown still moves


def test_a_players_look_sees_every_change(room: Room) -> None:
    code = room.host.create(GameSettings("7b", questions=2), seed=1).code
    ana_id = room.learner_id("Ana")
    player = LivePlayer(room.db, room.clock)
    assert player.join(code, ana_id).players == 1
    player.view(code, ana_id)
    room.student("Boris", code).live_join(code)
    assert player.view(code, ana_id).players == 2  # someone joined
    room.host.open_next(code)
    opened = player.view(code, ana_id)
    assert opened.state is State.OPEN and not opened.answered and opened.answer is None
    room.student("Ana", code).live_answer(code, 0, room.right(code, 0))  # from another tab
    answered = player.view(code, ana_id)
    assert answered.answered and answered.given == room.right(code, 0) and answered.score == 0
    room.host.reveal(code)
    revealed = player.view(code, ana_id)
    assert revealed.state is State.REVEALED and revealed.answer == room.right(code, 0)
    assert revealed.score > 0 and revealed.rank == 1
    room.host.end(code)
    assert player.view(code, ana_id).state is State.ENDED


def test_the_hosts_tick_on_an_unchanged_game_is_one_query(room: Room) -> None:
    code = room.start(questions=2).code
    counted = Counted(room.db)
    host = LiveHost(counted, room.clock, room.teacher.live.owner)
    host.open_next(code)
    first = host.tick(code)
    counted.statements.clear()
    room.clock.advance(seconds=1)
    again = host.tick(code)
    assert len(counted.statements) == 1 and again.answers == 0 and again.seconds_left == (first.seconds_left or 0) - 1
    room.student("Ana", code).live_answer(code, 0, room.right(code, 0))
    assert host.tick(code).answers == 1  # the count moves with each answer
    assert host.tick(code).leaderboard == ()  # no leaderboard while the question is open
    for name in STUDENTS[1:]:
        room.student(name, code).live_answer(code, 0, room.wrong(code, 0))
    revealed = host.tick(code)  # every player answered: revealed at once
    assert revealed.state is State.REVEALED and [s.name for s in revealed.leaderboard][0] == "Ana"
