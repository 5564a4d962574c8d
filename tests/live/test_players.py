"""Players: a rejoin keeps the score and cannot answer twice; only the game's class may join; a
player's view holds no key, verdict, points or rank before the reveal (every field of every view)."""

from __future__ import annotations

import dataclasses

import pytest

from quiz.classroom.members import NOT_RECOGNISED
from quiz.doors.student import StudentDoor
from quiz.errors import ClassroomError, LiveError
from quiz.live.model import GameSettings, PlayerView, State
from quiz.live.player import LivePlayer
from tests.live.conftest import Room

pytestmark = pytest.mark.engines


def _answers(room: Room, code: str, learner: str) -> int:
    return int(room.db.execute(
        "SELECT count(*) FROM live_answers a JOIN live_games g ON g.id = a.game_id JOIN learners l "
        "ON l.id = a.learner_id WHERE g.code = ? AND l.name = ?", [code, learner]).fetchone()[0])


def test_a_rejoin_keeps_the_score_and_cannot_answer_twice(room: Room) -> None:
    code = room.start(questions=2).code
    room.host.open_next(code)
    room.clock.advance(seconds=4)
    room.student("Ana", code).live_answer(code, 0, room.right(code, 0))
    room.clock.advance(seconds=20)
    room.host.tick(code)
    room.host.open_next(code)
    room.student("Ana", code).live_answer(code, 1, room.wrong(code, 1))
    before = room.student("Ana", code).live_view(code)
    room.student("Ana", code).close()  # the tab is reloaded: a new door signs in and joins again

    reloaded = StudentDoor(room.db_path, clock=room.clock)
    reloaded.live_sign_in(code, "ana", room.codes["Ana"])  # the name as typed, matched to the roster
    again = reloaded.live_join(code)
    assert again == before and again.score == 900 and again.answered and again.given == room.wrong(code, 1)
    assert reloaded.live_answer(code, 1, room.right(code, 1)) == before  # the first answer stands
    assert _answers(room, code, "Ana") == 2
    assert room.host.view(code).players == ("Ana", "Boris", "Cvijeta")  # one player row each
    reloaded.close()


def test_only_a_student_of_the_class_joins(room: Room) -> None:
    code = room.start(questions=1).code
    player = LivePlayer(room.db, room.clock)
    for name in ("Dragan", "Eve"):  # a student of another class, a learner of no class
        with pytest.raises(LiveError, match="is for class '7b' only"):
            player.join(code, room.learner_id(name))
        with pytest.raises(LiveError, match="join game .* first"):
            player.answer(code, room.learner_id(name), 0, "1")
    other = StudentDoor(room.db_path, clock=room.clock)
    with pytest.raises(ClassroomError, match=NOT_RECOGNISED):  # 7b's roster has no Dragan
        other.live_sign_in(code, "Dragan", room.codes["Dragan"])
    with pytest.raises(ClassroomError, match="sign in to your class first"):
        other.live_join(code)
    other.sign_in_class("8a", "Dragan", room.codes["Dragan"])  # signed in to his own class
    with pytest.raises(LiveError, match="is for class '7b' only"):
        other.live_join(code)
    with pytest.raises(LiveError, match="no live game NOSUCH"):
        other.live_join("NOSUCH")
    other.close()
    assert room.host.view(code).players == ("Ana", "Boris", "Cvijeta")


def test_an_ended_game_takes_no_one_new(room: Room) -> None:
    code = room.start(questions=1).code
    room.host.end(code)
    player = LivePlayer(room.db, room.clock)
    with pytest.raises(LiveError, match=f"no live game {code}"):
        player.class_of(code)
    with pytest.raises(LiveError, match=f"no live game {code}"):
        StudentDoor(room.db_path, clock=room.clock).live_sign_in(code, "Ana", room.codes["Ana"])
    assert room.student("Ana", code).live_join(code).state is State.ENDED  # a player's reloaded tab: their place


# What each field of a player's view may hold while the question is not revealed: nothing of the key,
# the verdict, the points won or the rank. A field added to PlayerView fails here until it is judged.
HIDDEN = {"verdict", "answer", "points_won", "rank"}
SHOWN_ANY_TIME = {"code", "state", "index", "total", "question", "seconds_left", "answered", "given", "score",
                  "players", "points"}


def test_a_players_view_before_the_reveal_holds_no_key(room: Room) -> None:
    assert {f.name for f in dataclasses.fields(PlayerView)} == HIDDEN | SHOWN_ANY_TIME
    code = room.start(questions=2).code
    views: list[tuple[str, PlayerView]] = []
    scores: dict[str, int] = {}

    def look() -> None:
        for name in ("Ana", "Boris", "Cvijeta"):
            views.append((name, room.student(name, code).live_view(code)))

    look()
    for index in range(2):
        scores = {name: room.student(name, code).live_view(code).score for name in ("Ana", "Boris", "Cvijeta")}
        room.host.open_next(code)
        look()
        views.append(("Ana", room.student("Ana", code).live_answer(code, index, room.right(code, index))))
        views.append(("Boris", room.student("Boris", code).live_answer(code, index, room.wrong(code, index))))
        look()
        assert {name: view.score for name, view in views[-3:]} == scores  # no score moves while it is open
        room.host.tick(code)  # Cvijeta has not answered: still open
        look()
        room.host.reveal(code)
        look()
    room.host.end(code)
    look()
    hidden = [(name, view) for name, view in views if view.state in (State.LOBBY, State.OPEN)]
    assert len(hidden) == 3 + 2 * (3 + 2 + 3 + 3)
    for name, view in hidden:
        assert all(getattr(view, field) is None for field in HIDDEN), (name, view)
        if view.question is not None:
            key = room.key(code, view.question.index)
            assert view.question.prompt == key.prompt and view.question.options == key.options
            assert view.given in (None, room.right(code, view.index or 0), room.wrong(code, view.index or 0))
    shown = [view for name, view in views if view.state in (State.REVEALED, State.ENDED) and name == "Ana"]
    assert shown and all(view.answer == room.right(code, view.index or 0) and view.rank == 1 for view in shown)


def test_a_typed_question_of_a_paper_hides_its_key_too(room: Room) -> None:
    from quiz.model import Kind, Mode

    paper = room.teacher.classroom.new_paper("belgrade-offensive", "Dates", class_name="7b", count=2,
                                             kinds=(Kind.DATE,), modes=(Mode.TYPED,), seed=4).code
    code = room.host.create(GameSettings("7b", source="paper", paper=paper, questions=2)).code
    view = room.student("Ana", code).live_join(code)
    room.host.open_next(code)
    view = room.student("Ana", code).live_view(code)
    assert view.question is not None and view.question.mode == "typed" and view.question.options == ()
    assert room.right(code, 0) not in repr(view)
