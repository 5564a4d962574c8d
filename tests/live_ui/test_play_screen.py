"""A student's screen at 80x24 on a real game, from `quiz live join` (name and personal code) and
from the served home (`g`): the question and its options, an answer sent and shown as sent, no key
before the reveal, then right or wrong with the key, the points and the rank; the end; and a
student who restarts comes back answered, with their score."""

from __future__ import annotations

from textual.widgets import Input

from quiz.live.model import State
from quiz.tui.live_host_app import LiveHostApp
from quiz.tui.live_join_app import LiveJoinApp
from quiz.tui.screens.live_join import LiveJoinScreen
from quiz.tui.screens.live_play import SENT, LivePlayScreen
from quiz.tui.screens.student_home import StudentHomeScreen
from quiz.tui.student_app import StudentApp
from tests.live_ui.conftest import SIZE, Room, polled
from tests.support.screens import screen_text


def host(room: Room, code: str, action: str) -> None:
    """The teacher's key, straight through the door (the host screen's own tests drive it by keys)."""
    door = room.teacher()
    try:
        getattr(door.live, action)(code)
    finally:
        door.close()


def report_keys(room: Room, code: str) -> list[str]:
    door = room.teacher()
    try:
        return [row.answer for row in door.live.report(code).questions]
    finally:
        door.close()


async def join_in_terminal(app: LiveJoinApp, pilot, name: str, personal: str) -> LivePlayScreen:  # type: ignore[no-untyped-def]
    await pilot.pause()
    assert isinstance(app.screen, LiveJoinScreen)
    app.screen.query_one("#student-name", Input).value = name
    app.screen.query_one("#personal-code", Input).value = personal
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(app.screen, LivePlayScreen), screen_text(app)
    return app.screen


async def test_a_student_answers_sees_it_sent_and_after_the_reveal_the_key_points_and_rank(room: Room) -> None:
    view = room.game()
    code = view.code
    app = LiveJoinApp(room.door(), code)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert f"Joining live game {code}" in screen_text(app)
        screen = await join_in_terminal(app, pilot, "ana", room.codes["Ana"])
        assert "Waiting for the teacher" in screen_text(app)
        host(room, code, "open_next")
        await polled(pilot, screen)
        text = screen_text(app)
        question = screen.view.question
        assert question is not None and question.options
        assert "Question 1 of 3" in text and question.prompt[:30] in text and "20 s left" in text
        assert all(option in text for option in question.options)
        assert "✓" not in text and "The answer" not in text  # no key before the reveal
        key = report_keys(room, code)[0]
        chosen = question.options.index(key) + 1
        room.clock.advance(seconds=4)
        await pilot.press(str(chosen))
        await polled(pilot, screen)
        text = screen_text(app)
        assert SENT in text and f"● {chosen} {key}" in text and "16 s left" in text
        assert "✓" not in text and "The answer" not in text
        await pilot.press("1")  # a second answer: not taken (the first stands)
        await polled(pilot, screen)
        assert f"● {chosen} {key}" in screen_text(app)

        host(room, code, "reveal")
        await polled(pilot, screen)
        text = screen_text(app)
        assert "Right!" in text and "+900 points" in text and f"The answer: {key}" in text
        assert "Score 900" in text and "1st of 1" in text and f"✓ {chosen} {key}" in text

        host(room, code, "end")
        await polled(pilot, screen)
        text = screen_text(app)
        assert screen.view.state is State.ENDED
        assert "Game over" in text and "You came 1st of 1 with 900 points" in text


async def test_a_typed_question_shows_no_key_until_the_reveal_and_a_restart_rejoins_answered(room: Room) -> None:
    paper = room.paper()
    view = room.game(source="paper", paper=paper, questions=2)
    code = view.code
    keys = room.paper_keys(paper)
    room.join("Boris", code)[0].close()  # a second player, so one answer does not end the question
    first = LiveJoinApp(room.door(), code)
    async with first.run_test(size=SIZE) as pilot:
        screen = await join_in_terminal(first, pilot, "[b]x", room.codes["[b]x"])
        host(room, code, "open_next")
        await polled(pilot, screen)
        text = screen_text(first)
        assert screen.view.question is not None and not screen.view.question.options
        assert "Type your answer" in text and keys[0] not in text
        await pilot.press(*"Nowhere")
        await pilot.press("enter")
        await polled(pilot, screen)
        text = screen_text(first)
        assert SENT in text and "Your answer: Nowhere" in text and keys[0] not in text
        assert "[b]x" in text  # the player's own name, as typed, in the header
    # The terminal closed; the student joins again: the question is shown answered, not asked.
    again = LiveJoinApp(room.door(), code)
    async with again.run_test(size=SIZE) as pilot:
        screen = await join_in_terminal(again, pilot, "[b]x", room.codes["[b]x"])
        await polled(pilot, screen)
        text = screen_text(again)
        assert SENT in text and "Your answer: Nowhere" in text and "Type your answer" not in text
        assert keys[0] not in text
        host(room, code, "reveal")
        await polled(pilot, screen)
        text = screen_text(again)
        assert "Not right." in text and f"The answer:  {keys[0]}" in text and "Score 0" in text


async def test_a_student_who_restarts_keeps_their_score(room: Room) -> None:
    view = room.game()
    code = view.code
    seat, _ = room.join("Ana", code)
    host(room, code, "open_next")
    seat.live_answer(code, 0, report_keys(room, code)[0])  # at once: 1000 points
    host(room, code, "reveal")
    seat.close()
    app = LiveJoinApp(room.door(), code)
    async with app.run_test(size=SIZE) as pilot:
        screen = await join_in_terminal(app, pilot, "Ana", room.codes["Ana"])
        await polled(pilot, screen)
        text = screen_text(app)
        assert "Right!" in text and "Score 1000" in text and "1st of 1" in text


async def test_g_on_the_home_joins_a_game_signed_in_and_esc_goes_home(room: Room) -> None:
    view = room.game()
    code = view.code
    app = StudentApp(room.door())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        sign_in = app.screen
        for field, value in (("#class-name", "7b"), ("#student-name", "Boris"), ("#personal-code", room.codes["Boris"])):
            sign_in.query_one(field, Input).value = value
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, StudentHomeScreen)
        assert "g Join live game" in screen_text(app)
        await pilot.press("g")
        await pilot.pause()
        await pilot.press(*code.lower())
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, LivePlayScreen)
        assert room.host_view(code).players == ("Boris",)
        host(room, code, "open_next")
        await polled(pilot, screen)
        assert "Question 1 of 3" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, StudentHomeScreen)


async def test_an_unknown_game_code_on_the_home_is_one_line(room: Room) -> None:
    room.game()
    app = StudentApp(room.door())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for field, value in (("#class-name", "7b"), ("#student-name", "Boris"), ("#personal-code", room.codes["Boris"])):
            app.screen.query_one(field, Input).value = value
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("g", *"ZZZZZZ", "enter")
        await pilot.pause()
        assert isinstance(app.screen, StudentHomeScreen)
        assert [n.message for n in app._notifications] == ["no live game ZZZZZZ"]


async def test_the_host_and_two_players_play_a_whole_game(room: Room) -> None:
    """Both screens at once, on one clock: what one student's key does reaches the teacher's count."""
    view = room.game(questions=1)
    code = view.code
    hosting = LiveHostApp(room.teacher(), view)
    playing = LiveJoinApp(room.door(), code)
    async with hosting.run_test(size=SIZE) as host_pilot, playing.run_test(size=SIZE) as play_pilot:
        player = await join_in_terminal(playing, play_pilot, "Ana", room.codes["Ana"])
        other, _ = room.join("Boris", code)
        await polled(host_pilot, hosting.screen)
        assert "2 players: Ana, Boris" in screen_text(hosting)
        await host_pilot.press("enter")
        await polled(play_pilot, player)
        await play_pilot.press("1")
        await polled(host_pilot, hosting.screen)
        assert "1 of 2 answered" in screen_text(hosting)
        other.live_answer(code, 0, "2")
        await polled(host_pilot, hosting.screen)
        await polled(play_pilot, player)
        assert hosting.screen.view.state is State.REVEALED
        assert player.view.state is State.REVEALED and "The answer:" in screen_text(playing)
        other.close()


def test_the_screen_looks_often_only_when_a_change_is_due() -> None:
    """Once a second in the lobby, twice with a question to answer or a revealed one, 4 times a
    second once answered (the reveal comes with the last answer or the countdown), never after the end."""
    from quiz.live.model import AskedQuestion, PlayerView
    from quiz.tui.screens.live_play import POLL_S

    question = AskedQuestion(0, "date", "mc", "When?", ("1941", "1942", "1943", "1944"))
    lobby = PlayerView("ABCDEF", State.LOBBY, None, 3, None, None, False, None, None, None, None, 0, None, 2)

    class Seat:
        def live_view(self, code: str) -> PlayerView:
            raise AssertionError("no look in this test")

        live_answer = live_view

    screen = LivePlayScreen(Seat(), lobby)  # type: ignore[arg-type]
    assert screen.next_look() == 4 * POLL_S
    screen.view = PlayerView("ABCDEF", State.OPEN, 0, 3, question, 12.0, False, None, None, None, None, 0, None, 2)
    assert screen.next_look() == 2 * POLL_S
    screen.sent[0] = "1943"  # answered here, on its way
    assert screen.next_look() == POLL_S
    screen.sent.clear()
    screen.view = PlayerView("ABCDEF", State.OPEN, 0, 3, question, 12.0, True, "1943", None, None, None, 0, None, 2)
    assert screen.next_look() == POLL_S
    screen.view = PlayerView("ABCDEF", State.REVEALED, 0, 3, question, None, True, "1943", None, "1944", 0, 0, 1, 2)
    assert screen.next_look() == 2 * POLL_S
    screen.view = PlayerView("ABCDEF", State.ENDED, 0, 3, question, None, True, "1943", None, "1944", 0, 0, 1, 2)
    assert screen.next_look() is None
