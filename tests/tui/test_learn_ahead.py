"""Issue 19, item 11: a first session goes on through the cards it taught (learning cards come
early when nothing else is left, as Anki's learn-ahead limit does); "left" is what the session
will still show; home's "Due today" is the same number; "Due tomorrow" counts tomorrow only."""

from __future__ import annotations

import re
import sqlite3
from datetime import timedelta

from textual.widgets import Input

from quiz.tui.screens.home import HomeScreen
from quiz.tui.screens.study import StudyScreen
from quiz.tui.screens.summary import SummaryScreen
from tests.support.screens import SIZE, screen_text

TEST_BANK = "Belgrade 1944 (test bank)"


async def answer(app, pilot, right: bool) -> None:
    """Answer the question on screen, right or wrong, as a learner would, and go on."""
    screen = app.screen
    q = screen.item.question
    if q.mode == "mc":
        index = q.options.index(q.answer) if right else next(i for i, o in enumerate(q.options) if o != q.answer)
        await pilot.press(str(index + 1))
    else:
        screen.query_one("#typed", Input).value = q.answer if right else "Nowhere at all"
        await pilot.press("enter")
    await pilot.press("enter")
    await pilot.pause()


def left_on_screen(app) -> int:
    found = re.search(r"(\d+) left", screen_text(app))
    assert found, screen_text(app)
    return int(found.group(1))


def home_due_today(app, title: str) -> int:
    """The "Due today" figure of a row of the home screen's table, as read off the screen."""
    text = screen_text(app)
    assert "Due today" in text
    line = next(line for line in text.splitlines() if title in line)
    return int(line.split(title, 1)[1].split()[0])


async def test_first_session_goes_on_through_its_learning_cards(make_app, clock):
    app = make_app(bank=None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        due_today = home_due_today(app, TEST_BANK)
        await pilot.press("down", "enter")  # the test bank is the second row, after the built-in one
        await pilot.pause()
        assert isinstance(app.screen, StudyScreen)
        assert left_on_screen(app) == due_today == 6  # one new card a fact, nothing else yet
        new_cards = 0
        while isinstance(app.screen, StudyScreen) and app.screen.item.state == "new":
            await answer(app, pilot, right=new_cards % 2 == 0)
            new_cards += 1  # the clock stands still: no learning card falls due meanwhile
        assert new_cards == 6
        # Every card taught is in learning, due in 1 or 10 minutes: the session shows them now.
        assert isinstance(app.screen, StudyScreen), screen_text(app)
        assert app.screen.item.state == "learning"
        assert left_on_screen(app) == 6
        shown = 0
        while isinstance(app.screen, StudyScreen):
            before = left_on_screen(app)
            await answer(app, pilot, right=True)
            clock.advance(seconds=20)
            shown += 1
            if isinstance(app.screen, StudyScreen):
                assert left_on_screen(app) <= before  # "left" never grows: it is what the session will show
            assert shown < 40
        assert isinstance(app.screen, SummaryScreen)
        text = screen_text(app)
        assert "Session complete: nothing more is due today" in text
        assert "Still due today" not in text


async def test_home_due_today_is_what_the_session_says_is_left(make_app, clock):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for right in (False, True, False):  # three new cards, two of them missed
            await answer(app, pilot, right)
        clock.advance(minutes=2)
        await pilot.press("q")  # end early: three new and three learning cards are left
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        assert "Still due today 3" in screen_text(app)  # the learning cards
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        due_today = home_due_today(app, TEST_BANK)
        all_banks = home_due_today(app, "All banks")
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, StudyScreen)
        assert left_on_screen(app) == due_today == 6
        # Every bank: today's 17 new cards left of 20, shared (the built-in bank has plenty), and
        # the three learning cards; not the sum of the rows.
        assert all_banks == 17 + 3


async def test_due_tomorrow_counts_tomorrow_only(make_app, clock, db_path):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await answer(app, pilot, right=False)  # learning, due in a minute: today, not tomorrow
        await pilot.press("q")
        await pilot.pause()
        text = screen_text(app)
    assert "Due tomorrow    0" in text
    assert "Still due today 1" in text
    with sqlite3.connect(db_path) as conn:
        due = conn.execute("SELECT due FROM cards WHERE due IS NOT NULL").fetchall()
    assert len(due) == 1 and due[0][0] < (clock.now + timedelta(hours=1)).isoformat()
