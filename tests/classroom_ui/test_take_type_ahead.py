"""Issue 20, item 6: keys typed faster than the screen changes belong to the question they were
typed on, and answers reach the store in the order given, without the screen waiting on a write."""

from __future__ import annotations

import threading

from textual import events
from textual.widgets import Static

from quiz.model import Mode
from quiz.tui.screens.take import TakeDoneScreen, TakeScreen
from tests.classroom_ui.conftest import SIZE
from tests.classroom_ui.test_take import settle, sign_in, stored


def burst(app, text: str) -> None:  # type: ignore[no-untyped-def]
    """Keys as a terminal delivers a fast typist's burst: all at once, nothing awaited between them
    (`pilot.press` waits after every key, which hides the bug). "\\n" is Enter."""
    for char in text:
        key = "enter" if char == "\n" else ("space" if char == " " else char)
        app._driver.send_message(events.Key(key, "\r" if char == "\n" else char))


def status(screen: TakeScreen) -> str:
    return str(screen.query_one("#take-status", Static).render())


async def test_keys_typed_right_after_enter_go_to_the_next_question(room):
    code = room.paper(modes=(Mode.TYPED,))
    app = room.take_app(code)
    async with app.run_test(size=SIZE) as pilot:
        screen = await sign_in(app, pilot, "Ana", room.codes["Ana"])
        assert isinstance(screen, TakeScreen) and screen.index == 0
        first, second = screen.items[0].position, screen.items[1].position
        burst(app, "first answer\nsecond\n")
        await settle(app, pilot)
        assert stored(room, code, "Ana") == {first: "first answer", second: "second"}
        assert screen.index == 2


def _typed_then_choice(room) -> str:  # type: ignore[no-untyped-def]
    """A paper of 8 typed and multiple-choice questions with a typed one right before a
    multiple-choice one (which seed gives one depends on the bank's data); its code."""
    for seed in range(3, 60):
        code = room.paper(modes=(Mode.TYPED, Mode.MC), count=8, seed=seed)
        desk = room.desk()
        try:
            modes = [q.mode for q in desk.classroom.paper(code).questions]
        finally:
            desk.close()
        if any(a != Mode.MC and b == Mode.MC for a, b in zip(modes, modes[1:], strict=False)):
            return code
    raise AssertionError("no seed gives a typed question right before a multiple-choice one")


async def test_a_number_typed_right_after_enter_chooses_on_the_next_question(room):
    code = _typed_then_choice(room)
    app = room.take_app(code)
    async with app.run_test(size=SIZE) as pilot:
        screen = await sign_in(app, pilot, "Boris", room.codes["Boris"])
        at = next(i for i in range(len(screen.items) - 1)
                  if screen.items[i].mode != "mc" and screen.items[i + 1].mode == "mc")
        screen.go(at)
        await pilot.pause()
        typed, mc = screen.items[at], screen.items[at + 1]
        burst(app, "Zemun\n2")
        await settle(app, pilot)
        assert stored(room, code, "Boris") == {typed.position: "Zemun", mc.position: mc.options[1]}


async def test_a_slow_write_does_not_hold_the_screen_and_answers_keep_their_order(room):
    code = room.paper(modes=(Mode.TYPED,))
    app = room.take_app(code)
    async with app.run_test(size=SIZE) as pilot:
        screen = await sign_in(app, pilot, "Cvijeta", room.codes["Cvijeta"])
        classroom = app.door.classroom
        answer = classroom.answer
        gate = threading.Event()
        order: list[str] = []

        def slow(attempt_id, position, given):  # type: ignore[no-untyped-def]
            gate.wait(10)  # a busy database: the write waits its turn
            order.append(given)
            return answer(attempt_id, position, given)

        classroom.answer = slow  # type: ignore[method-assign]
        burst(app, "one\ntwo\nthree\n")
        for _ in range(50):
            await pilot.pause()
            if screen.index == 3:
                break
        assert screen.index == 3 and not gate.is_set()  # the screen moved on while the writes wait
        assert "0 of 6 answered (saving…)" in status(screen)  # answered: what a killed app resumes with
        gate.set()
        await settle(app, pilot)
        assert order == ["one", "two", "three"]
        assert status(screen) == "3 of 6 answered"
        positions = [item.position for item in screen.items[:3]]
        assert stored(room, code, "Cvijeta") == dict(zip(positions, order, strict=True))


async def test_submitting_waits_for_the_answers_still_being_written(room):
    code = room.paper(modes=(Mode.TYPED,))
    app = room.take_app(code)
    async with app.run_test(size=SIZE) as pilot:
        await sign_in(app, pilot, "Ana", room.codes["Ana"])
        classroom = app.door.classroom
        answer = classroom.answer
        gate = threading.Event()

        def slow(attempt_id, position, given):  # type: ignore[no-untyped-def]
            gate.wait(10)
            return answer(attempt_id, position, given)

        classroom.answer = slow  # type: ignore[method-assign]
        burst(app, "Zemun\n")
        await pilot.pause()
        await pilot.press("ctrl+s", "y")
        await pilot.pause()
        assert isinstance(app.screen, TakeScreen)  # not before the answer is in
        gate.set()
        await settle(app, pilot)
        assert isinstance(app.screen, TakeDoneScreen)
        result = app.screen.result
        assert result is not None and [i.given for i in result.items][0] == "Zemun"


async def test_leaving_waits_for_the_answers_still_being_written(room):
    code = room.paper(modes=(Mode.TYPED,))
    app = room.take_app(code)
    async with app.run_test(size=SIZE) as pilot:
        screen = await sign_in(app, pilot, "Boris", room.codes["Boris"])
        position = screen.item.position
        classroom = app.door.classroom
        answer = classroom.answer
        gate = threading.Event()

        def slow(attempt_id, position, given):  # type: ignore[no-untyped-def]
            gate.wait(10)
            return answer(attempt_id, position, given)

        classroom.answer = slow  # type: ignore[method-assign]
        burst(app, "Zemun\n")
        await pilot.pause()
        threading.Timer(0.3, gate.set).start()
        await pilot.press("ctrl+q")
        await settle(app, pilot)
    assert stored(room, code, "Boris") == {position: "Zemun"}


async def test_a_name_and_code_typed_in_one_burst_sign_in(room):
    """The sign-in's fields take a burst too: Enter moves on before the next key is handed on."""
    code = room.paper(modes=(Mode.TYPED,))
    app = room.take_app(code)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        burst(app, f"Ana\n{room.codes['Ana']}\n")
        await settle(app, pilot)
        assert isinstance(app.screen, TakeScreen)
