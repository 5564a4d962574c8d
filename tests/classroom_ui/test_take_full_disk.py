"""Issue 19, item 24: a full disk while taking a paper is said on the screen, each answer stays
(typed text in its box), and signing in, answering and submitting work once there is room."""

from __future__ import annotations

from textual.widgets import Input

from quiz.tui.screens.take import TakeDoneScreen, TakeScreen
from quiz.tui.screens.take_sign_in import SignInScreen
from tests.classroom_ui.conftest import SIZE
from tests.classroom_ui.test_take import sign_in, stored
from tests.support.full_disk import fill_disk
from tests.support.screens import screen_text


def flat(app) -> str:
    """The screen's words with wrapped lines joined."""
    return " ".join(screen_text(app).split())


async def test_answers_and_submitting_wait_for_room_on_the_disk(room):
    code = room.paper()
    key = room.key(code)
    app = room.take_app(code)
    async with app.run_test(size=SIZE) as pilot:
        screen = await sign_in(app, pilot, "Ana", room.codes["Ana"])
        assert isinstance(screen, TakeScreen)
        disk = fill_disk(app.door.db)
        mc = next(i for i, item in enumerate(screen.items) if item.mode == "mc")
        typed = next(i for i, item in enumerate(screen.items) if item.mode != "mc")
        screen.go(mc)
        await pilot.pause()
        right = str(screen.item.options.index(key[screen.item.position]) + 1)
        await pilot.press(right)
        await pilot.pause()
        text = flat(app)
        assert "Answer not saved: the disk is full. Free some space, then choose it again." in text
        assert screen.index == mc and app.return_code is None  # still on that question
        assert "0 of 6 answered" in text

        screen.go(typed)
        await pilot.pause()
        box = screen.query_one("#take-typed", Input)
        box.value = key[screen.item.position]
        await pilot.press("enter")
        await pilot.pause()
        assert "press Enter again (your answer is still in the box)" in flat(app)
        assert box.value == key[screen.item.position] and screen.index == typed
        assert stored(room, code, "Ana") == {}

        disk.full = False
        await pilot.press("enter")
        await pilot.pause()
        assert "not saved" not in flat(app)
        assert stored(room, code, "Ana") == {screen.items[typed].position: key[screen.items[typed].position]}

        disk.full = True
        await pilot.press("ctrl+s", "y")
        await pilot.pause()
        assert isinstance(app.screen, TakeScreen)
        assert "Not submitted: the disk is full. Your answers are kept; free some space, then press y again." in flat(app)
        disk.full = False
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, TakeDoneScreen)
        assert "Score 1 of 6" in flat(app)


async def test_signing_in_waits_for_room_on_the_disk(room):
    code = room.paper()
    app = room.take_app(code)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        disk = fill_disk(app.door.db)
        screen = await sign_in(app, pilot, "Boris", room.codes["Boris"])
        assert isinstance(screen, SignInScreen)
        assert "Not signed in: the disk is full. Press Enter to try again." in flat(app)
        assert screen.query_one("#personal-code", Input).value == room.codes["Boris"]  # nothing to retype
        disk.full = False
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, TakeScreen)
