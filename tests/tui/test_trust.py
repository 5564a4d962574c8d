"""Issue #9 on the screens: no silent trap, nothing hidden, nothing given away, as a learner sees it."""

from __future__ import annotations

from textual.command import CommandList, CommandPalette
from textual.widgets import DataTable, Input, Static

from quiz.tui.screens.browse import BrowseScreen
from quiz.tui.screens.card_info import CardInfoScreen
from quiz.tui.screens.home import HomeScreen
from quiz.tui.screens.learner import LearnerScreen
from quiz.tui.screens.settings import SettingsScreen
from quiz.tui.screens.study import StudyScreen
from quiz.tui.screens.summary import SummaryScreen
from tests.support.screens import SIZE, reviews, screen_text

SMALL = (80, 24)


async def start(app, pilot) -> StudyScreen:
    await pilot.pause()
    assert isinstance(app.screen, StudyScreen)
    return app.screen


def wrong_option(screen: StudyScreen) -> str:
    q = screen.item.question
    return str(next(i for i, o in enumerate(q.options, 1) if o != q.answer))


def right_option(screen: StudyScreen) -> str:
    q = screen.item.question
    return str(q.options.index(q.answer) + 1)


async def typed(screen: StudyScreen, pilot, given: str) -> None:
    screen.query_one("#typed", Input).value = given
    await pilot.press("enter")
    await pilot.pause()


async def until_kind(screen: StudyScreen, pilot, kind: str) -> None:
    """Answer (right) until the question is of that kind."""
    for _ in range(20):
        if str(screen.item.question.kind) == kind:
            return
        await typed(screen, pilot, screen.item.question.answer)
        await pilot.press("enter")
        await pilot.pause()
    raise AssertionError(f"no {kind} question came")


# -- 2 and 17: the learner dialog --------------------------------------------------------------

async def test_learner_dialog_starts_in_the_name_field_and_refuses_bad_names(make_app):
    app = make_app(bank=None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("l")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, LearnerScreen)
        assert app.focused is dialog.query_one("#learner-new", Input)
        problem = dialog.query_one("#learner-problem", Static)

        await pilot.press("enter")  # blank: says why nothing happened
        await pilot.pause()
        assert app.screen is dialog and "Type a name first" in screen_text(app)

        dialog.query_one("#learner-new", Input).value = "x" * 65  # crashed the app before
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is dialog and "at most 64 characters" in screen_text(app)

        dialog.query_one("#learner-new", Input).value = "Ann\x1b[31mRed"
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is dialog and "control characters" in screen_text(app)
        assert problem.display

        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen) and app.desk.learner == "ann"
        assert app.return_code is None


# -- 9: nothing to study because of today's limit; one card a fact a day --------------------------

async def test_enter_on_a_bank_done_for_today_says_why_and_offers_ten_more(make_app):
    from quiz.tui.dialogs.nothing import NothingToStudyScreen

    app = make_app(bank=None, new_per_day=2, bury_new_siblings=False, mode_new="flip")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#banks", DataTable)
        tui_row = [row.key.value for row in table.ordered_rows].index("tui-sample")
        table.move_cursor(row=tui_row)
        await pilot.press("enter")
        await pilot.pause()
        for _ in range(2):
            await pilot.press("space", "4")
            await pilot.pause()
        await pilot.press("enter")  # summary -> home
        await pilot.pause()
        table = app.screen.query_one("#banks", DataTable)
        table.move_cursor(row=tui_row)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, NothingToStudyScreen)
        text = " ".join(screen_text(app).split())
        assert "Today's 2 new cards are done; 15 wait." in text and "Study 10 more today" in text
        await pilot.press("enter")  # the offer has the focus
        await pilot.pause()
        assert isinstance(app.screen, StudyScreen) and "10 left" in screen_text(app)


async def test_home_says_when_one_card_a_fact_a_day_applies(make_app):
    app = make_app(mode_new="flip")
    async with app.run_test(size=SIZE) as pilot:
        await start(app, pilot)
        await pilot.press("space", "4", "q")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        text = " ".join(screen_text(app).split())
        assert "One card per fact a day: 2 new cards wait until tomorrow" in text


# -- 10: quitting ---------------------------------------------------------------------------------

async def test_a_key_pressed_while_quitting_opens_nothing(make_app):
    app = make_app(bank=None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for key in "qb":  # both queued before the quit is handled, as a quick typist does
            app.simulate_key(key)
        await pilot.pause()
    assert app._exception is None and app.return_code == 0


# -- 11: card info before answering -------------------------------------------------------------

async def test_card_info_before_answering_hides_the_statement(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(app, pilot)
        q = screen.item.question
        await pilot.press("i")
        await pilot.pause()
        assert isinstance(app.screen, CardInfoScreen)
        text = screen_text(app)
        assert "hidden until you answer" in text and q.statement[:30] not in text
        await pilot.press("escape", right_option(screen), "i")
        await pilot.pause()
        assert q.statement.split(",")[0] in screen_text(app).replace("\n", " ")


# -- 12: every option visible at 80x24 ------------------------------------------------------------

async def test_five_long_options_all_visible_at_80x24_and_marked_after_answering(make_app):
    app = make_app(bank="belgrade-offensive", options_per_question=5, mode_new="mc", mode_review="mc")
    async with app.run_test(size=SMALL) as pilot:
        screen = await start(app, pilot)
        longest, asked = 0, 0
        for _ in range(12):
            q = screen.item.question
            if q.mode != "mc":  # a question with too few distinct options is asked another way
                await typed(screen, pilot, "")
                await pilot.press("enter")
                await pilot.pause()
                continue
            asked += 1
            assert len(q.options) == 5
            longest = max(longest, *map(len, q.options))
            flat = " ".join(screen_text(app).split())
            for option in q.options:
                assert option in flat, option
            wrong = wrong_option(screen)
            given = q.options[int(wrong) - 1]
            await pilot.press(wrong)
            await pilot.pause()
            flat = " ".join(screen_text(app).split())
            assert f"✓ {right_option(screen)} {q.answer}" in flat
            assert f"✗ {wrong} {given} ← your answer" in flat
            for option in q.options:
                assert option in flat, option
            await pilot.press("enter")
            await pilot.pause()
        assert asked >= 4 and longest > 25  # the built-in bank's unit and date options are long


# -- 13: a typo accepted --------------------------------------------------------------------------

async def test_an_accepted_typo_shows_the_right_spelling(make_app, db_path):
    app = make_app(mode_new="typed")
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(app, pilot)
        await until_kind(screen, pilot, "place")
        answer = screen.item.question.answer
        slip = typo_of(screen.item.question)
        await typed(screen, pilot, slip)
        text = screen_text(app)
        assert "✓ Right" in text and f"Accepted; it is spelled {answer}" in text
    assert reviews(db_path)[-1][1:] == (3, "typed", "correct")  # Good, as the README says


def typo_of(question) -> str:
    """The answer without its accents and one letter short: a typo the checker accepts."""
    from anyascii import anyascii

    from question_bank.answers import check_question

    plain = anyascii(question.answer)
    for i in range(len(plain) - 1, 0, -1):
        slip = plain[:i] + plain[i + 1:]
        if "spelled" in str(check_question(question, slip).reason):
            return slip
    raise AssertionError(f"no accepted typo of {question.answer!r}")


# -- 14: typed answers ----------------------------------------------------------------------------

async def test_empty_enter_and_question_mark_mean_i_dont_know(make_app, db_path):
    app = make_app(mode_new="typed")
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(app, pilot)
        for given in ("", "?"):
            answer = screen.item.question.answer
            await typed(screen, pilot, given)
            assert screen.phase == "feedback"
            text = screen_text(app)
            assert "✗ Not known — the answer is" in text and answer in text and "(Again)" in text
            await pilot.press("enter")
            await pilot.pause()
    assert [r[1] for r in reviews(db_path)] == [1, 1]


async def test_an_unreadable_date_asks_again_and_keeps_the_input(make_app, db_path):
    app = make_app(mode_new="typed")
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(app, pilot)
        await until_kind(screen, pilot, "date")
        done = len(reviews(db_path))
        await typed(screen, pilot, "the 45th of Octember")
        assert screen.phase == "question"
        assert screen.query_one("#typed", Input).value == "the 45th of Octember"
        assert "Cannot read 'the 45th of Octember' as a date" in screen_text(app)
        assert len(reviews(db_path)) == done  # nothing recorded
        await typed(screen, pilot, screen.item.question.answer)
        assert screen.phase == "feedback" and "✓ Right" in screen_text(app)


# -- 15: progress and the summary -----------------------------------------------------------------

async def test_the_bar_shows_what_is_left_and_the_summary_what_was_missed(make_app):
    app = make_app(new_per_day=3, bury_new_siblings=False, mode_new="flip")
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(app, pilot)
        assert "3 left" in screen_text(app)
        await pilot.press("space", "4")  # Easy: done for today
        await pilot.pause()
        assert "2 left" in screen_text(app)
        missed = screen.item.question
        await pilot.press("space", "1")  # Again: back in a minute, still part of today
        await pilot.pause()
        assert "2 left" in screen_text(app)
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        text = " ".join(screen_text(app).split())
        assert "Session complete" not in text and "still due today" in text
        assert "Missed (1)" in text and missed.prompt[:40] in text and f"→ {missed.answer}" in text


async def test_session_complete_only_when_nothing_is_due(make_app, clock):
    app = make_app(new_per_day=2, bury_new_siblings=False, mode_new="flip")
    async with app.run_test(size=SIZE) as pilot:
        await start(app, pilot)
        for _ in range(2):
            await pilot.press("space", "4")  # Easy: out of learning, due days from now
            await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        assert "Session complete" in screen_text(app)


# -- 16: browse -----------------------------------------------------------------------------------

async def test_browse_puts_the_sentence_first_and_wraps_it_at_80_columns(make_app):
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("q")
        await pilot.pause()
        await pilot.press("enter", "b")
        await pilot.pause()
        assert isinstance(app.screen, BrowseScreen)
        table = app.screen.query_one("#cards", DataTable)
        assert [c.label.plain for c in table.columns.values()][0] == "Statement"
        app.screen.query_one("#search", Input).value = "Zaje"
        await pilot.pause()
        text = screen_text(app)
        assert max(len(line.rstrip()) for line in text.splitlines()) <= 80
        first = next(iter(app.screen.rows.values()))
        assert len(first.statement) > 60 and all(word in text for word in first.statement.split())
        assert first.statement not in text  # whole, wrapped over lines rather than cut
        assert not any(row.fact_id in text for row in app.screen.rows.values())


# -- 18: settings and the palette -----------------------------------------------------------------

async def test_a_settings_error_names_and_marks_only_that_field(make_app):
    app = make_app(bank=None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("comma")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SettingsScreen)
        screen.query_one("#reviews_per_day", Input).value = ""
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        assert "Reviews a day: a whole number" in screen_text(app)
        marked = [w.id for w in screen.query(".-invalid")]
        assert marked == ["reviews_per_day"]
        screen.query_one("#reviews_per_day", Input).value = "150"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen) and app.desk.settings().reviews_per_day == 150


async def test_a_setting_changed_mid_session_says_when_it_applies(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await start(app, pilot)
        app.action_open_settings()  # as the palette's "Settings" does
        await pilot.pause()
        await pilot.pause()
        assert "apply from the next session" in screen_text(app)
        app.screen.query_one("#new_per_day", Input).value = "5"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, StudyScreen)
        assert any("apply from the next session" in n.message for n in app._notifications)


async def test_a_theme_chosen_in_the_palette_is_saved(make_app):
    app = make_app(bank=None)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        app.action_change_theme()
        await pilot.pause()
        palette = app.screen
        assert isinstance(palette, CommandPalette)
        await pilot.press(*"nord")
        await pilot.pause(0.3)
        listing = palette.query_one(CommandList)
        assert listing.region.bottom <= SMALL[1]  # the theme list fits the terminal
        await pilot.press("enter")
        await pilot.pause()
        assert app.theme == "nord" and app.desk.settings().theme == "nord"


async def test_the_palette_lists_only_this_apps_commands(make_app):
    app = make_app(bank=None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause(0.5)
        text = screen_text(app)
        assert "Study all banks" in text and "Browse cards" in text
        for generic in ("Keys", "Maximize", "Screenshot"):
            assert generic not in text
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert titles == ["Theme", "Quit"]
