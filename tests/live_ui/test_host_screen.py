"""The teacher's screen at 80x24 on a real game: the code and the players as they join, a question
with its countdown and the count of answers, the reveal by itself (countdown over, or everyone
answered) with the key and a bar per option, the leaderboard; names shown as typed."""

from __future__ import annotations

from textual.widgets import Digits

from quiz.live.model import State
from quiz.tui.live_host_app import LiveHostApp
from quiz.tui.screens.live_host import LiveHostScreen
from tests.live_ui.conftest import SIZE, Room, polled
from tests.support.screens import screen_text


def key_of(room: Room, code: str) -> tuple[str, tuple[str, ...]]:
    """(the key, the options) of the open question, from the teacher's report (never a student's view)."""
    door = room.teacher()
    try:
        view = door.live.view(code)
        report = door.live.report(code)
    finally:
        door.close()
    assert view.question is not None and view.index is not None
    return report.questions[view.index].answer, view.question.options


async def test_the_host_shows_the_code_the_players_the_countdown_the_reveal_and_the_leaderboard(room: Room) -> None:
    view = room.game()
    code = view.code
    app = LiveHostApp(room.teacher(), view)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, LiveHostScreen)
        await polled(pilot, screen)
        text = screen_text(app)
        assert f"Code {code}" in text and "0 players" in text and f"quiz live join {code}" in text
        assert "█" in text  # the code drawn large
        seats = {name: room.join(name, code)[0] for name in ("Ana", "[b]x")}
        await polled(pilot, screen)
        assert "2 players: Ana, [b]x" in screen_text(app)  # a name shown as typed, never as markup

        await pilot.press("enter")
        await polled(pilot, screen)
        text = screen_text(app)
        assert "Question 1 of 3" in text and "0 of 2 answered" in text and "r Reveal now" in text
        assert screen.query_one("#host-countdown", Digits).value == "20"
        key, options = key_of(room, code)
        wrong = next(o for o in options if o != key)
        room.clock.advance(seconds=5)
        seats["Ana"].live_answer(code, 0, key)
        await polled(pilot, screen)
        assert "1 of 2 answered" in screen_text(app)
        assert screen.query_one("#host-countdown", Digits).value == "15"
        assert screen.view.state is State.OPEN

        room.clock.advance(seconds=16)  # the countdown is over: the screen reveals by itself
        await polled(pilot, screen)
        text = screen_text(app)
        assert screen.view.state is State.REVEALED
        assert "1 of 1 right" in text and "(1 of 2 answered)" in text and f"the answer: {key}" in text
        key_line = next(line for line in text.splitlines() if f"✓ {options.index(key) + 1} {key}" in line)
        assert "█" in key_line and key_line.rstrip().endswith("1")  # its bar and its count
        assert "Next question" in text

        await pilot.press("enter")  # question 2: both answer, so it is revealed without waiting
        await polled(pilot, screen)
        key, options = key_of(room, code)
        wrong = next(o for o in options if o != key)
        seats["Ana"].live_answer(code, 1, wrong)
        seats["[b]x"].live_answer(code, 1, key)
        await polled(pilot, screen, 3)
        text = screen_text(app)
        assert screen.view.state is State.REVEALED and "1 of 2 right" in text and "(2 of 2 answered)" in text

        await pilot.press("e")  # the end, before question 3: a second e is asked for
        await polled(pilot, screen)
        assert screen.view.state is State.REVEALED
        assert any("Press e again" in str(note.message) for note in app._notifications)
        await pilot.press("e")
        await polled(pilot, screen)
        text = screen_text(app)
        assert "Leaderboard" in text and "Game over" in text
        rows = [line.split() for line in text.splitlines() if line.strip().startswith(("1 ", "2 "))]
        # rank, name, points, right: [b]x right at once (1000), Ana right after 5 of 20 s (875)
        assert rows == [["1", "[b]x", "1000", "1"], ["2", "Ana", "875", "1"]]
        for seat in seats.values():
            seat.close()


async def test_r_reveals_at_once_and_points_off_shows_right_answers_only(room: Room) -> None:
    view = room.game(points=False, questions=1)
    app = LiveHostApp(room.teacher(), view)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        seat, _ = room.join("Boris", view.code)
        await pilot.press("enter")
        await polled(pilot, screen)
        key, _ = key_of(room, view.code)
        seat.live_answer(view.code, 0, key)
        await pilot.press("r")
        await polled(pilot, screen)
        text = screen_text(app)
        assert screen.view.state is State.REVEALED and "1 of 1 right" in text
        assert "Leaderboard" in text  # the last question: Enter shows the leaderboard
        await pilot.press("enter")
        await polled(pilot, screen)
        text = screen_text(app)
        assert "Right answers" in text and "Points" not in text
        assert any(line.split()[:3] == ["1", "Boris", "1"] for line in text.splitlines() if line.strip())
        seat.close()
