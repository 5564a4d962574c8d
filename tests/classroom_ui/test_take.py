"""The take screen, keyboard first, at 80x24: sign in, answer in any order, change, submit, score."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from textual.widgets import Input

from quiz.tui.screens.take import TakeDoneScreen, TakeScreen
from quiz.tui.screens.take_sign_in import SignInScreen
from tests.classroom_ui.conftest import SIZE
from tests.support.screens import screen_text


async def sign_in(app, pilot, name: str, code: str):  # type: ignore[no-untyped-def]
    """Fill the fields at once (key by key is slow under the pilot) and press Enter."""
    await pilot.pause()
    assert isinstance(app.screen, SignInScreen)
    app.screen.query_one("#student-name", Input).value = name
    app.screen.query_one("#personal-code", Input).value = code
    await pilot.press("enter")
    await pilot.pause()
    return app.screen


def stored(room, code: str, student: str) -> dict[int, str]:
    """What the store holds for the student's open attempt (read by resuming it, as a new tab would)."""
    desk = room.desk()
    try:
        return dict(desk.classroom.start_attempt(code, student, room.codes[student]).answers)
    finally:
        desk.close()


async def settle(app, pilot) -> None:  # type: ignore[no-untyped-def]
    """Until the keys are read and the screen's writer has written and reported all it was given
    (idle three looks in a row: a key still on its way may yet give it a write)."""
    quiet = 0
    for _ in range(500):
        await pilot.pause()
        writer = getattr(app.screen, "writer", None)
        quiet = quiet + 1 if writer is None or writer.idle else 0
        if quiet == 3:
            break
        await asyncio.sleep(0.01)
    await pilot.pause()


def option_key(screen: TakeScreen, answer: str | None = None, *, wrong_to: str | None = None) -> str:
    """The number key of `answer` among the current question's options (or of any other option)."""
    options = screen.item.options
    index = options.index(answer) if wrong_to is None else next(i for i, o in enumerate(options) if o != wrong_to)
    return str(index + 1)


async def give_any(screen: TakeScreen, pilot, typed: str = "Somewhere") -> None:
    """Answer the current question: its first option, or `typed` and Enter."""
    if screen.item.mode == "mc":
        await pilot.press("1")
    else:
        screen.query_one("#take-typed", Input).value = typed
        await pilot.press("enter")
    await pilot.pause()


async def answer_all(screen: TakeScreen, pilot, key: dict[int, str]) -> None:
    """Answer every question right, in the student's order: a number key or typing, then Enter."""
    for _ in screen.items:
        item = screen.item
        if item.mode == "mc":
            await pilot.press(option_key(screen, key[item.position]))
        else:
            screen.query_one("#take-typed", Input).value = key[item.position]
            await pilot.press("enter")
        await pilot.pause()


async def test_a_wrong_personal_code_is_refused_on_screen(room):
    code = room.paper()
    app = room.take_app(code)
    async with app.run_test(size=SIZE) as pilot:
        screen = await sign_in(app, pilot, "Ana", "WRONG1")
        assert isinstance(screen, SignInScreen)
        assert "code" in screen_text(app).split("Personal code")[-1].lower()  # the reason, under the fields
        assert screen.query_one("#personal-code", Input).value == ""
        assert app.focused is screen.query_one("#personal-code")


async def test_answers_are_stored_as_given_and_can_be_changed_before_submitting(room):
    code = room.paper()
    app = room.take_app(code, student="Ana")
    async with app.run_test(size=SIZE) as pilot:
        screen = await sign_in(app, pilot, "Ana", room.codes["Ana"])
        assert isinstance(screen, TakeScreen)
        mc = next(i for i, item in enumerate(screen.items) if item.mode == "mc")
        typed = next(i for i, item in enumerate(screen.items) if item.mode != "mc")
        screen.go(mc)
        await pilot.pause()
        first, second = screen.item.options[0], screen.item.options[1]
        await pilot.press("1")  # chosen and stored; the screen moves on
        await settle(app, pilot)
        assert screen.index == mc + 1
        assert stored(room, code, "Ana") == {screen.items[mc].position: first}
        await pilot.press("pageup", "2")  # back, and changed
        await settle(app, pilot)
        assert stored(room, code, "Ana") == {screen.items[mc].position: second}
        screen.go(typed)
        await pilot.pause()
        screen.query_one("#take-typed", Input).value = "Somewhere"
        await pilot.press("pagedown")  # leaving the question keeps what was typed, Enter or not
        await settle(app, pilot)
        assert stored(room, code, "Ana") == {screen.items[mc].position: second, screen.items[typed].position: "Somewhere"}
        text = screen_text(app)
        assert "2 of 6 answered" in text
        assert "✓" not in text and "✗" not in text and "Score" not in text  # no right or wrong before submitting


async def test_submitting_asks_first_then_shows_the_score_and_the_key(room):
    code = room.paper()
    key = room.key(code)
    app = room.take_app(code)
    async with app.run_test(size=SIZE) as pilot:
        screen = await sign_in(app, pilot, "Boris", room.codes["Boris"])
        await answer_all(screen, pilot, key)
        assert "^s Submit, then y" in screen_text(app).splitlines()[-1]  # the footer
        await pilot.press("ctrl+s")
        await pilot.pause()
        text = screen_text(app)
        assert "Submit now? 6 of 6 answered" in text and "y Yes, submit" in text.splitlines()[-1]
        await pilot.press("n")  # keep working
        await pilot.pause()
        assert isinstance(app.screen, TakeScreen) and not screen.confirming
        await pilot.press("ctrl+s", "y")
        await pilot.pause()
        assert isinstance(app.screen, TakeDoneScreen)
        text = screen_text(app)
        assert "Score 6 of 6 (100%)" in text
        done = app.screen
        assert done.result.key_shown and [i.answer for i in done.result.items] == [key[i.position] for i in screen.items]
        assert "Answer" in text and "│ ✓ │" in text  # the verdict and the key, beside each answer
        assert app.focused is done.query_one("#take-done")  # a long key scrolls with the arrow keys


async def test_the_key_stays_hidden_when_the_paper_does_not_show_it(room):
    code = room.paper(show_key=False)
    key = room.key(code)
    app = room.take_app(code)
    async with app.run_test(size=SIZE) as pilot:
        screen = await sign_in(app, pilot, "Cvijeta", room.codes["Cvijeta"])
        for _ in range(3):  # half of it, wrong where it can be
            if screen.item.mode == "mc":
                await pilot.press(option_key(screen, wrong_to=key[screen.item.position]))
            else:
                screen.query_one("#take-typed", Input).value = "Nowhere"
                await pilot.press("enter")
            await pilot.pause()
        await pilot.press("ctrl+s", "y")
        await pilot.pause()
        assert isinstance(app.screen, TakeDoneScreen)
        text = screen_text(app)
        assert "Score 0 of 6 (0%)" in text and "Your teacher will go through the answers" in text
        assert "Answer" not in text and "Nowhere" not in text


async def test_a_countdown_then_submitted_at_the_deadline(room, clock):
    code = room.paper(time_limit=timedelta(minutes=10))
    app = room.take_app(code)
    async with app.run_test(size=SIZE) as pilot:
        screen = await sign_in(app, pilot, "Ana", room.codes["Ana"])
        assert "10:00 left" in screen_text(app)
        await give_any(screen, pilot)
        clock.advance(minutes=9, seconds=30)
        screen.tick()
        await pilot.pause()
        assert "0:30 left" in screen_text(app)
        clock.advance(seconds=30)
        screen.tick()
        await pilot.pause()
        assert isinstance(app.screen, TakeDoneScreen)
        assert "Submitted. Score" in screen_text(app)
    desk = room.desk()
    report = desk.classroom.results(code)
    desk.close()
    assert [s.name for s in report.students] == ["Ana"]
    assert sum(1 for a in report.students[0].answers if a.given) == 1


async def test_an_answer_after_the_deadline_is_refused_and_the_paper_submitted(room, clock):
    code = room.paper(time_limit=timedelta(minutes=10))
    app = room.take_app(code)
    async with app.run_test(size=SIZE) as pilot:
        screen = await sign_in(app, pilot, "Ana", room.codes["Ana"])
        assert screen.timer is not None
        screen.timer.stop()  # the store, not the screen's timer, refuses this one
        clock.advance(minutes=10, seconds=1)
        await give_any(screen, pilot, "Late")
        assert isinstance(app.screen, TakeDoneScreen)
    desk = room.desk()
    report = desk.classroom.results(code)
    desk.close()
    assert [a.given for a in report.students[0].answers] == [None] * 6


async def test_a_closed_app_resumes_with_its_answers_and_the_clock_still_running(room, clock):
    code = room.paper(time_limit=timedelta(minutes=10))
    first = room.take_app(code)
    async with first.run_test(size=SIZE) as pilot:
        screen = await sign_in(first, pilot, "Ana", room.codes["Ana"])
        await give_any(screen, pilot)
        given = dict(screen.answers)
        await pilot.press("ctrl+q")  # the tab closes
    clock.advance(minutes=3)
    again = room.take_app(code)
    async with again.run_test(size=SIZE) as pilot:
        screen = await sign_in(again, pilot, "Ana", room.codes["Ana"])
        assert isinstance(screen, TakeScreen)
        assert screen.answers == given and screen.index == 1  # at the first unanswered question
        assert "7:00 left" in screen_text(again) and "1 of 6 answered" in screen_text(again)


async def test_no_second_attempt_and_nothing_before_the_paper_opens(room, clock):
    code = room.paper()
    app = room.take_app(code)
    async with app.run_test(size=SIZE) as pilot:
        await sign_in(app, pilot, "Ana", room.codes["Ana"])
        await pilot.press("ctrl+s", "y")
        await pilot.pause()
        assert isinstance(app.screen, TakeDoneScreen)
    again = room.take_app(code)
    async with again.run_test(size=SIZE) as pilot:
        screen = await sign_in(again, pilot, "Ana", room.codes["Ana"])
        assert isinstance(screen, SignInScreen) and "attempt" in screen_text(again)
    later = room.paper(opens=clock() + timedelta(days=1))
    app = room.take_app(later)
    async with app.run_test(size=SIZE) as pilot:
        screen = await sign_in(app, pilot, "Boris", room.codes["Boris"])
        assert isinstance(screen, SignInScreen) and "opens" in screen_text(app)


async def test_the_paper_code_is_asked_when_not_given(room):
    code = room.paper()
    app = room.take_app(None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.focused is app.screen.query_one("#paper-code")
        app.screen.query_one("#paper-code", Input).value = code
        screen = await sign_in(app, pilot, "Ana", room.codes["Ana"])
        assert isinstance(screen, TakeScreen) and screen.view.paper_code == code


async def test_the_students_door_has_no_palette_and_no_other_screens(room):
    code = room.paper()
    app = room.take_app(code)
    async with app.run_test(size=SIZE) as pilot:
        await sign_in(app, pilot, "Ana", room.codes["Ana"])
        for keys in (("ctrl+p",), ("escape",), ("ctrl+s", "escape")):
            await pilot.press(*keys)
            await pilot.pause()
            assert [type(s).__name__ for s in app.screen_stack[1:]] == ["TakeScreen"]
        assert app.COMMANDS == set() and not app.ENABLE_COMMAND_PALETTE


async def test_names_and_titles_are_shown_literally(room):
    desk = room.desk()
    codes = dict(desk.classroom.add_students("7B", ["[b]Zoe[/]"]))
    code = desk.classroom.new_paper("belgrade-offensive", "[/]Week [red]1", class_name="7B", count=2).code
    desk.close()
    app = room.take_app(code)
    async with app.run_test(size=SIZE) as pilot:
        screen = await sign_in(app, pilot, "[b]Zoe[/]", "WRONG1")
        assert isinstance(screen, SignInScreen)
        screen = await sign_in(app, pilot, "[b]Zoe[/]", codes["[b]Zoe[/]"])
        assert isinstance(screen, TakeScreen)
        assert "[/]Week [red]1 — [b]Zoe[/]" in screen_text(app)
