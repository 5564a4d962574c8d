"""Issue 20, item 6, studying: the answer is written on the screen's writer thread; while it is on
its way the screen stays live, keys pressed meanwhile wait and then act in order, and a typed
answer is exactly what was in the box at Enter."""

from __future__ import annotations

import asyncio
import threading

from textual import events
from textual.widgets import Input

from quiz.tui.screens.study import StudyScreen
from tests.support.screens import SIZE, reviews


def burst(app, keys: list[tuple[str, str | None]]) -> None:  # type: ignore[no-untyped-def]
    """Keys delivered at once, as a terminal delivers a fast typist's burst."""
    for key, char in keys:
        app._driver.send_message(events.Key(key, char))


def typed(text: str) -> list[tuple[str, str | None]]:
    return [("space" if c == " " else c, c) for c in text]


async def settle(screen: StudyScreen, pilot) -> None:  # type: ignore[no-untyped-def]
    quiet = 0
    for _ in range(500):
        await pilot.pause()
        writer = getattr(screen, "writer", None)  # (none before issue 20: every write was on the UI thread)
        quiet = quiet + 1 if writer is None or (writer.idle and not screen.busy) else 0
        if quiet == 3:
            return
        await asyncio.sleep(0.01)


async def test_a_slow_write_leaves_the_screen_live_and_keys_wait_their_turn(make_app, db_path):
    app = make_app(mode_new="typed")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, StudyScreen)
        first = screen.item
        session = screen.session
        answer = session.answer
        gate = threading.Event()

        def slow(given, duration_ms=None):  # type: ignore[no-untyped-def]
            gate.wait(10)  # a busy database
            return answer(given, duration_ms=duration_ms)

        session.answer = slow  # type: ignore[method-assign]
        burst(app, [*typed(first.question.answer), ("enter", "\r"), ("enter", "\r")])  # answer, then next
        for _ in range(20):
            await pilot.pause()
        assert screen.busy and screen.phase == "question" and screen.item is first  # waiting, not frozen
        assert screen.query_one("#typed", Input).value == first.question.answer
        gate.set()
        await settle(screen, pilot)
        assert [r[3] for r in reviews(db_path)] == ["correct"]
        assert screen.phase == "question" and screen.item is not first  # the held Enter went on


async def test_keys_typed_right_after_enter_are_not_part_of_the_answer(make_app, db_path):
    app = make_app(mode_new="typed")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, StudyScreen)
        right = screen.item.question.answer
        burst(app, [*typed(right), ("enter", "\r"), *typed("zz")])
        await settle(screen, pilot)
        assert [r[3] for r in reviews(db_path)] == ["correct"]
        assert screen.phase == "feedback"
