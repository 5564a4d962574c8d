"""The student's home app at 80x24: sign in with class, name and code; the home; homework studied
with checked answers only; a paper taken from the home; the answers stored for that student."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner
from textual import events
from textual.widgets import Input, OptionList

from quiz.cli import main
from quiz.tui.screens.student_home import StudentHomeScreen
from quiz.tui.screens.student_sign_in import StudentSignInScreen
from quiz.tui.screens.student_study import StudentStudyScreen
from quiz.tui.screens.take import TakeDoneScreen, TakeScreen
from quiz.tui.student_app import StudentApp
from tests.student_home.conftest import CARDS, SIZE, Home, make_home, set_modes
from tests.support.clock import Clock
from tests.support.screens import screen_text


@pytest.fixture
def today_home(tmp_path: Path) -> Home:
    """The class on today's real date: `quiz class progress` (the real clock) sees the answers."""
    return make_home(tmp_path / "quiz.db", Clock(datetime.now(UTC).replace(microsecond=0)))


async def settle(app, pilot) -> None:  # type: ignore[no-untyped-def]
    """Until the screen's writer has written and its report is handled."""
    for _ in range(200):
        await pilot.pause()
        writer = getattr(app.screen, "writer", None)
        if not getattr(app.screen, "busy", False) and (writer is None or writer.idle):
            await pilot.pause()
            return
    raise AssertionError("the writer never finished")


async def sign_in(app, pilot, class_name: str, name: str, code: str):  # type: ignore[no-untyped-def]
    await pilot.pause()
    assert isinstance(app.screen, StudentSignInScreen)
    app.screen.query_one("#class-name", Input).value = class_name
    app.screen.query_one("#student-name", Input).value = name
    app.screen.query_one("#personal-code", Input).value = code
    await pilot.press("enter")
    await pilot.pause()
    return app.screen


async def test_sign_in_takes_a_folded_name_and_says_why_a_code_is_refused(home: Home) -> None:
    app = StudentApp(home.door())
    async with app.run_test(size=SIZE) as pilot:
        screen = await sign_in(app, pilot, "7B", "Mila Petrović", "WRONG1")
        assert isinstance(screen, StudentSignInScreen)
        assert "name or personal code not recognised" in screen_text(app)
        assert screen.query_one("#personal-code", Input).value == ""
        assert app.focused is screen.query_one("#personal-code")
        screen.query_one("#personal-code", Input).value = home.codes["Mila Petrović"]
        screen.query_one("#student-name", Input).value = "MILA PETROVIC"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, StudentHomeScreen)
        assert "Mila Petrović" in screen_text(app)


async def test_the_home_shows_homework_open_papers_and_progress(home: Home) -> None:
    app = StudentApp(home.door())
    async with app.run_test(size=SIZE) as pilot:
        await sign_in(app, pilot, "7b", "boris", home.codes["Boris"])
        text = screen_text(app)
        assert isinstance(app.screen, StudentHomeScreen)
        for seen in ("Homework", "belgrade-offensive", f"0/{CARDS}", home.paper, "Belgrade check", "1 attempt left",
                     "Your progress", "Answers today 0", "Predicted recall on the exam day", "s Study homework"):
            assert seen in text, seen
        assert "ctrl+p" not in text.lower()  # no command palette


async def test_five_homework_cards_typed_and_multiple_choice_checked_and_stored(today_home: Home) -> None:
    home = today_home
    set_modes(home, "Boris", mode_new="typed")
    app = StudentApp(home.door())
    async with app.run_test(size=SIZE) as pilot:
        await sign_in(app, pilot, "7B", "Boris", home.codes["Boris"])
        seen_modes: list[str] = []
        for n in range(5):
            if n == 3:  # home, then study again under another mode: the next session asks mc
                await pilot.press("escape")
                await settle(app, pilot)
                assert isinstance(app.screen, StudentHomeScreen)
                set_modes(home, "Boris", mode_new="flip")  # self-rated in the learner app: never here
            if not isinstance(app.screen, StudentStudyScreen):
                await pilot.press("s")
                await settle(app, pilot)
            screen = app.screen
            assert isinstance(screen, StudentStudyScreen)
            question = screen.item.question
            seen_modes.append(str(question.mode))
            right = n % 2 == 0
            if question.mode == "mc":
                index = question.options.index(question.answer) if right else \
                    next(i for i, o in enumerate(question.options) if o != question.answer)
                await pilot.press(str(index + 1))
            else:
                screen.query_one("#typed", Input).value = question.answer if right else "Timbuktu"
                await pilot.press("enter")
            await settle(app, pilot)
            text = screen_text(app)
            assert ("✓ Right" if right else "✗ Wrong") in text, text
            footer = next(line for line in text.splitlines() if "^q Leave" in line)
            assert not any(word in footer for word in ("Again", "Hard", "Good", "Easy", "Show answer"))  # no self-rating
            await pilot.press("enter")
            await settle(app, pilot)
        assert seen_modes[0] == "typed" and seen_modes[3:] == ["mc"] * 2, seen_modes  # flip is never asked
    result = CliRunner().invoke(main, ["--db", str(home.db_path), "class", "progress", "7B", "--json"])
    assert result.exit_code == 0, result.output
    students = {s["name"]: s for s in json.loads(result.output)["students"]}
    assert students["Boris"]["reviews_week"] == 5 and students["Boris"]["cards_studied"] == 5
    assert students["Mila Petrović"]["reviews_week"] == 0


async def test_a_paper_is_taken_from_the_home_and_the_home_comes_back(home: Home) -> None:
    key = {n: q.answer for n, q in enumerate(home.teacher().classroom.paper(home.paper).questions)}
    app = StudentApp(home.door())
    async with app.run_test(size=SIZE) as pilot:
        await sign_in(app, pilot, "7B", "Boris", home.codes["Boris"])
        assert app.screen.query_one("#home-papers", OptionList).option_count == 1
        await pilot.press("enter")  # the highlighted paper, no personal code asked again
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, TakeScreen)
        for _ in screen.items:
            item = screen.item
            await pilot.press(str(item.options.index(key[item.position]) + 1))
            await settle(app, pilot)
        await pilot.press("ctrl+s", "y")
        await settle(app, pilot)
        for _ in range(50):
            if isinstance(app.screen, TakeDoneScreen):
                break
            await pilot.pause()
        assert "Score 3 of 3" in screen_text(app)
        await pilot.press("enter")  # back home, where the paper is done
        await pilot.pause()
        assert isinstance(app.screen, StudentHomeScreen)
        assert "Open papers: none now" in screen_text(app)


async def test_the_lock_after_five_wrong_codes_is_said_on_the_sign_in_screen(home: Home) -> None:
    app = StudentApp(home.door())
    async with app.run_test(size=SIZE) as pilot:
        screen = await sign_in(app, pilot, "7B", "Boris", "WRONG1")
        for _ in range(4):  # the fifth wrong code locks
            screen.query_one("#personal-code", Input).value = "WRONG1"
            await pilot.press("enter")
            await pilot.pause()
        assert "too many wrong codes for Boris: try again at" in screen_text(app)
        app.screen.query_one("#personal-code", Input).value = home.codes["Boris"]
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, StudentSignInScreen)  # the right code waits for the lock too


async def test_a_late_focus_event_of_an_earlier_field_does_not_take_the_focus_back(home: Home) -> None:
    """On a busy host, the Class field's focus event can be handled after Enter has moved to Name:
    the name typed next must still land in the Name field."""
    app = StudentApp(home.door())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        class_field = screen.query_one("#class-name", Input)
        name_field = screen.query_one("#student-name", Input)
        class_field.value = "7B"
        await pilot.press("enter")
        await pilot.pause()
        assert app.focused is name_field
        screen.post_message(events.DescendantFocus(class_field))
        await pilot.pause()
        await pilot.press(*"Mila")
        await pilot.pause()
        assert app.focused is name_field
        assert (class_field.value, name_field.value) == ("7B", "Mila")
        assert name_field.border_title == "▸ Name" and class_field.border_title == "Class"
