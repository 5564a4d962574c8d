"""Home, browse, settings, learners and the command palette."""

from __future__ import annotations

from anyascii import anyascii
from textual.widgets import DataTable, Input

from quiz.tui.screens.browse import BrowseScreen
from quiz.tui.screens.home import HomeScreen
from quiz.tui.screens.settings import SettingsScreen
from quiz.tui.screens.study import StudyScreen
from tests.support.screens import BANK, SIZE, reviews, screen_text


async def test_home_lists_banks_and_enter_studies(make_app):
    app = make_app(bank=None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        text = screen_text(app)
        assert "ann" in text and "Belgrade 1944 (test bank)" in text and "All banks" in text
        table = app.screen.query_one("#banks", DataTable)
        keys = [row.key.value for row in table.ordered_rows]
        table.move_cursor(row=keys.index(BANK))
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, StudyScreen) and app.screen.bank == BANK


async def start_study(app, pilot) -> StudyScreen:
    await pilot.pause()
    assert isinstance(app.screen, StudyScreen)
    return app.screen


async def open_browse(app, pilot) -> None:
    """Study once (which makes the bank's cards), end, go home and open the browser."""
    await pilot.pause()
    await pilot.press("q")
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()
    await pilot.press("b")
    await pilot.pause()


async def test_browse_search_and_filters(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_browse(app, pilot)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, BrowseScreen)
        table = screen.query_one("#cards", DataTable)
        everything = table.row_count
        assert everything > 5
        await pilot.press("slash", *"Za")
        await pilot.pause()
        assert 0 < table.row_count < everything
        folded = [anyascii(str(table.get_row_at(i))).lower() for i in range(table.row_count)]
        assert all("za" in row for row in folded)  # accents and case ignored: Sandžak, Zaječar
        screen.query_one("#search", Input).value = ""
        screen.query_one("#filter-kind").value = "place"
        await pilot.pause()
        kinds = {str(table.get_row_at(i)[1]) for i in range(table.row_count)}
        assert kinds == {"place"}


async def test_browse_card_info_and_suspend(make_app, db_path):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_browse(app, pilot)
        screen = app.screen
        table = screen.query_one("#cards", DataTable)
        card_id = int(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)
        await pilot.press("s")
        await pilot.pause()
        assert "S" in str(table.get_row_at(table.cursor_row)[5])
        await pilot.press("enter")
        await pilot.pause()
        assert "suspended" in screen_text(app) and "stability" in screen_text(app)
        await pilot.press("s")  # unsuspend from the info dialog
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        assert "S" not in str(table.get_row_at(table.cursor_row)[5])
        assert screen.rows[card_id].suspended is False


async def test_settings_save_and_reject(make_app):
    app = make_app(bank=None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("comma")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SettingsScreen)
        screen.query_one("#desired_retention", Input).value = "1.5"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen  # refused: retention out of range
        screen.query_one("#desired_retention", Input).value = "0.85"
        screen.query_one("#new_per_day", Input).value = "7"
        screen.query_one("#mode_new").value = "flip"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        s = app.desk.settings()
        assert (s.desired_retention, s.new_per_day, s.mode_new) == (0.85, 7, "flip")


async def test_theme_setting_applies(make_app):
    app = make_app(bank=None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.theme == "quiz"
        await pilot.press("comma")
        await pilot.pause()
        app.screen.query_one("#theme").value = "nord"
        await pilot.pause()
        assert app.theme == "nord"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.theme == "nord" and app.desk.settings().theme == "nord"


async def test_switch_learner_keeps_progress_apart(make_app, db_path):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await start_study(app, pilot)
        await pilot.press("1", "q")
        await pilot.pause()
        await pilot.press("enter")  # summary -> home
        await pilot.pause()
        assert "reviews today 1" in screen_text(app)
        await pilot.press("l")
        await pilot.pause()
        await pilot.press(*"Ben", "enter")  # the dialog starts in the name field
        await pilot.pause()
        assert app.desk.learner == "Ben"
        assert isinstance(app.screen, HomeScreen)
        text = screen_text(app)
        assert "Ben" in text and "reviews today 0" in text
        await pilot.press("l")
        await pilot.pause()
        await pilot.press("tab", "enter")  # the list is sorted: "ann" first
        await pilot.pause()
        assert app.desk.learner == "ann" and "reviews today 1" in screen_text(app)
    assert len(reviews(db_path)) == 1 and screen is not None


async def test_command_palette_studies_a_bank(make_app, db_path):
    app = make_app(bank=None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Study Belg")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, StudyScreen) and app.screen.bank == BANK


async def test_small_terminal_fits(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        q = screen.item.question
        text = screen_text(app)
        assert q.prompt[:40] in text.replace("\n", " ") or q.prompt.split()[0] in text
        for option in q.options:
            assert option[:30] in text
        await pilot.press("1")
        text = screen_text(app)
        assert "Next" in text and "Undo" in text
