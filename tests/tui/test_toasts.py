"""Issue 19, item 13: a toast names only keys that work where it appears, and none is left over
the summary."""

from __future__ import annotations

from quiz.tui.screens.study import StudyScreen
from quiz.tui.screens.summary import SummaryScreen
from tests.support.screens import SIZE, screen_text, suspended


async def test_suspending_a_typed_card_names_the_undo_key_of_the_next(make_app, db_path):
    app = make_app(mode_new="typed")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        screen = app.screen
        card = screen.item.card_id
        await pilot.press("ctrl+s")  # suspend while typing
        await pilot.pause()
        assert screen.item.question.mode == "typed"  # the next card has an answer box
        text = screen_text(app)
        assert "Card suspended (ctrl+z undoes)" in text and "(u undoes)" not in text
        assert suspended(db_path) == [card]
        await pilot.press("ctrl+z")  # the key the toast named works here
        await pilot.pause()
        assert screen.item.card_id == card and suspended(db_path) == []
        assert "Last action undone" in screen_text(app)
        assert "Card suspended" not in screen_text(app)  # one toast at a time


async def test_a_flip_rating_names_u_where_u_works(make_app):
    app = make_app(mode_new="flip")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        first = app.screen.item.card_id
        await pilot.press("space", "3")
        await pilot.pause()
        assert "Good: back in 10m · u undoes" in screen_text(app)
        await pilot.press("u")
        await pilot.pause()
        assert app.screen.item.card_id == first


async def test_no_toast_is_left_over_the_summary(make_app):
    app = make_app(mode_new="flip", new_per_day=3)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        for _ in range(3):
            assert isinstance(app.screen, StudyScreen)
            await pilot.press("space", "4")  # Easy: straight to review, the session ends after three
            await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        text = screen_text(app)
        assert "Reviewed        3" in text
        assert "undoes" not in text and "back in" not in text
