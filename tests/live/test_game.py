"""A whole game with three students: joining, each question opened, answered right, wrong, late,
twice, before it opens and after its reveal; revealed by its countdown, when all have answered, or
by the teacher; points with the speed bonus, shared ranks, points off; the end and the report."""

from __future__ import annotations

import pytest

from quiz.errors import LiveError
from quiz.live.model import FULL_POINTS, Standing, State
from quiz.model import Outcome
from tests.live.conftest import Room, option_number

pytestmark = pytest.mark.engines


def test_a_whole_game_with_three_students(room: Room) -> None:
    clock = room.clock
    lobby = room.start(questions=3, seconds=20)
    code = lobby.code
    ana, boris, cvijeta = (room.student(name, code) for name in ("Ana", "Boris", "Cvijeta"))
    host = room.host.view(code)
    assert host.state is State.LOBBY and host.players == ("Ana", "Boris", "Cvijeta") and host.total == 3
    with pytest.raises(LiveError, match="question 1 is not open yet"):
        cvijeta.live_answer(code, 0, room.right(code, 0))

    # Question 1: Ana right after 2 s, Boris wrong (then twice), Cvijeta at another index, then late.
    opened = room.host.open_next(code)
    assert opened.state is State.OPEN and opened.index == 0 and opened.seconds_left == 20
    assert opened.question is not None and opened.question.options and opened.answers == 0
    clock.advance(seconds=2)
    mine = ana.live_answer(code, 0, option_number(opened.question, room.right(code, 0)))  # by its number
    assert mine.answered and mine.given == room.right(code, 0) and mine.verdict is None and mine.score == 0
    clock.advance(seconds=3)
    boris.live_answer(code, 0, room.wrong(code, 0))
    again = boris.live_answer(code, 0, room.right(code, 0))  # the first answer stands, without an error
    assert again.given == room.wrong(code, 0) and again == boris.live_view(code)
    with pytest.raises(LiveError, match="question 2 is not open yet"):
        cvijeta.live_answer(code, 1, room.right(code, 1))
    assert room.host.tick(code).state is State.OPEN  # 15 s left, one player still to answer
    clock.advance(seconds=15)
    with pytest.raises(LiveError, match="time for question 1 is up"):
        cvijeta.live_answer(code, 0, room.right(code, 0))
    revealed = room.host.tick(code)  # the countdown has passed
    assert revealed.state is State.REVEALED and revealed.reveal is not None and revealed.question is not None
    assert revealed.reveal.answer == room.right(code, 0)
    assert revealed.reveal.counts == {option: int(option in (room.right(code, 0), room.wrong(code, 0)))
                                      for option in revealed.question.options}
    assert (revealed.reveal.right, revealed.reveal.answered, revealed.reveal.players) == (1, 2, 3)
    first = round(FULL_POINTS * (1 - 0.5 * 2 / 20))
    assert first == 950
    seen = ana.live_view(code)
    assert (seen.verdict, seen.answer, seen.points_won, seen.score, seen.rank) == (
        Outcome.CORRECT, room.right(code, 0), 950, 950, 1)
    assert (boris.live_view(code).verdict, boris.live_view(code).points_won) == (Outcome.WRONG, 0)
    late = cvijeta.live_view(code)
    assert (late.answered, late.verdict, late.points_won, late.rank) == (False, None, 0, 2)
    with pytest.raises(LiveError, match="question 1 has been revealed"):
        cvijeta.live_answer(code, 0, room.right(code, 0))

    # Question 2: all three answer, so it reveals itself before its countdown; Boris and Ana tie.
    room.host.open_next(code)
    clock.advance(seconds=2)
    boris.live_answer(code, 1, room.right(code, 1))
    ana.live_answer(code, 1, room.wrong(code, 1))
    assert room.host.tick(code).state is State.OPEN
    clock.advance(seconds=2)
    cvijeta.live_answer(code, 1, room.right(code, 1))
    with pytest.raises(LiveError, match="question 1 is closed"):
        cvijeta.live_answer(code, 0, room.right(code, 0))
    second = room.host.tick(code)
    assert second.state is State.REVEALED and second.seconds_left is None and second.reveal is not None
    assert (second.reveal.right, second.reveal.answered) == (2, 3)
    assert second.leaderboard == (Standing("Ana", 950, 1, 2, 1), Standing("Boris", 950, 1, 2, 1),
                                  Standing("Cvijeta", 900, 1, 1, 3))
    assert [boris.live_view(code).rank, cvijeta.live_view(code).rank] == [1, 3]

    # Question 3: the teacher reveals it after 3 s; a later answer is refused.
    room.host.open_next(code)
    clock.advance(seconds=1)
    cvijeta.live_answer(code, 2, room.right(code, 2))
    clock.advance(seconds=2)
    cut = room.host.reveal(code)
    assert cut.state is State.REVEALED and cut.reveal is not None and cut.reveal.answered == 1
    with pytest.raises(LiveError, match="question 3 has been revealed"):
        ana.live_answer(code, 2, room.right(code, 2))
    with pytest.raises(LiveError, match="last question"):
        room.host.open_next(code)

    final = room.host.end(code)
    assert final.state is State.ENDED and final.reveal is None and final.seconds_left is None
    assert final.leaderboard == (Standing("Cvijeta", 900 + 975, 2, 2, 1), Standing("Ana", 950, 1, 2, 2),
                                 Standing("Boris", 950, 1, 2, 2))
    assert room.host.end(code) == final  # ending twice changes nothing
    with pytest.raises(LiveError, match="has ended"):
        ana.live_answer(code, 2, room.right(code, 2))
    assert ana.live_view(code).rank == 2 and cvijeta.live_view(code).score == 1875

    report = room.host.report(code)
    assert report.code == code and report.class_name == "7b" and report.source == "weak"
    assert report.leaderboard == final.leaderboard and report.ended == clock() and report.reviews == 6
    assert [(row.index, row.right, row.answered, row.players) for row in report.questions] == [
        (0, 1, 2, 3), (1, 2, 3, 3), (2, 1, 1, 3)]
    assert all(row.answer == room.right(code, row.index) for row in report.questions)
    assert report.questions[1].counts[room.right(code, 1)] == 2


def test_points_off_counts_right_answers(room: Room) -> None:
    code = room.start(questions=2, points=False).code
    ana, boris = room.student("Ana", code), room.student("Boris", code)
    room.host.open_next(code)
    ana.live_answer(code, 0, room.right(code, 0))
    boris.live_answer(code, 0, room.wrong(code, 0))
    room.clock.advance(seconds=20)
    room.host.tick(code)
    seen = ana.live_view(code)
    assert (seen.points, seen.points_won, seen.score, seen.rank) == (False, 1, 1, 1)
    assert boris.live_view(code).rank == 2 and boris.live_view(code).points_won == 0
    board = room.host.end(code).leaderboard
    assert board == (Standing("Ana", 1, 1, 1, 1), Standing("Boris", 0, 0, 1, 2), Standing("Cvijeta", 0, 0, 0, 2))


def test_the_host_moves_the_game_only_as_its_rules_allow(room: Room) -> None:
    code = room.start(questions=2, seconds=5).code
    with pytest.raises(LiveError, match="no question of game .* is open"):
        room.host.reveal(code)
    assert room.host.tick(code).state is State.LOBBY
    room.host.open_next(code)
    with pytest.raises(LiveError, match="question 1 is still open: reveal it first"):
        room.host.open_next(code)
    room.clock.advance(seconds=4.999)
    assert room.host.tick(code).state is State.OPEN
    room.clock.advance(seconds=0.001)
    assert room.host.tick(code).state is State.REVEALED
    assert room.host.reveal(code).state is State.REVEALED  # revealing again changes nothing
    room.host.end(code)
    for move in (room.host.open_next, room.host.reveal):
        with pytest.raises(LiveError, match="has ended"):
            move(code)


def test_a_game_nobody_joined_reveals_only_at_its_countdown(room: Room) -> None:
    from quiz.live.model import GameSettings

    code = room.host.create(GameSettings("7b", questions=1, seconds=10), seed=1).code
    room.host.open_next(code)
    assert room.host.tick(code).state is State.OPEN
    room.clock.advance(seconds=10)
    assert room.host.tick(code).reveal.players == 0  # type: ignore[union-attr]


def test_games_are_the_teachers_newest_first(room: Room) -> None:
    first = room.start(questions=1).code
    room.clock.advance(minutes=1)
    second = room.start(questions=1).code
    assert [game.code for game in room.host.games()] == [second, first]
    assert room.host.view(second.lower()).code == second  # a code is read as typed
