"""Bank and learner text is shown literally on every screen: markup stays text, links stay dead.

The bank's title, note, source and catalog names hold Rich markup, a `file://` link, emoji,
right-to-left text and a 2,000-character word; the learner is named in markup and types `[/]`.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rich.console import Console
from textual.widgets import DataTable, Input

from quiz.tui.screens.browse import BrowseScreen
from quiz.tui.screens.card_info import CardInfoScreen
from quiz.tui.screens.home import HomeScreen
from quiz.tui.screens.learner import LearnerScreen
from quiz.tui.screens.settings import SettingsScreen
from quiz.tui.screens.study import StudyScreen
from quiz.tui.screens.summary import SummaryScreen
from tests.support.clock import Clock

SIZE = (100, 40)
LINK = "[link=file:///etc/passwd]x[/link]"  # Rich markup's link
QLINK = "[link='file:///etc/passwd']q[/link]"  # Textual markup's
LONG_WORD = "Ш" * 2000
RTL = "בלגרד"
TITLE = f"[bold]Hostile[/] {LINK} {QLINK} bank 🎖"
NOTE = f"[/] {LINK} {QLINK} [bold]loud 🎖 {RTL}"
SOURCE = f"{LINK} p. [red]3[/red]"
LEARNER = f"[/]{QLINK}[b]"

BANK = f'''
[bank]
name = "hostile"
title = "{TITLE}"
source = "[/]"

[[unit]]
name = "5th Rifle Corps"
side = "Soviet"
echelon = "corps"
branch = "rifle"

[[unit]]  # wrong options come from the bank's own world: four more corps for its five-option unit questions
name = "7th Rifle Corps"
side = "Soviet"
echelon = "corps"

[[unit]]
name = "9th Rifle Corps"
side = "Soviet"
echelon = "corps"

[[unit]]
name = "11th Rifle Corps"
side = "Soviet"
echelon = "corps"

[[unit]]
name = "13th Rifle Corps"
side = "Soviet"
echelon = "corps"

[[place]]
name = "[/]town"
type = "town"
country = "Serbia"

[[place]]
name = "{LINK}"
type = "town"
country = "Serbia"

[[place]]
name = "[bold]Vranje"
type = "town"
country = "Serbia"

[[place]]
name = "{QLINK}"
type = "town"
country = "Serbia"

[[place]]
name = "{RTL}"
type = "town"
country = "Serbia"

[[place]]
name = "🎖town"
type = "town"
country = "Serbia"

[[fact]]
id = "f1"
date = "1944-10-07"
subject = "the [5th Rifle Corps]"
verb = "took"
verb_base = "take"
rest = "[{RTL}]"
note = "{NOTE}"
source = "{SOURCE}"

[[fact]]
id = "f2"
date = "1944-10-09"
subject = "the [5th Rifle Corps]"
verb = "reached"
verb_base = "reach"
rest = "[🎖town] by {LONG_WORD}"
note = "{LONG_WORD}"
'''


@pytest.fixture
def hostile_app(tmp_path: Path, clock: Clock):
    """The app on a database holding only the hostile bank (imported through the core), every
    question multiple choice with five options, so the marked-up towns are drawn as options."""
    from quiz.doors.learner import LearnerDoor
    from quiz.library.banks import import_bank
    from quiz.library.learners import ensure_learner
    from quiz.library.preferences import save_settings
    from quiz.store import open_db
    from quiz.tui.app import QuizApp

    bank_file = tmp_path / "hostile.toml"
    bank_file.write_text(BANK, encoding="utf-8")
    db_path = tmp_path / "quiz.db"
    db = open_db(db_path)
    import_bank(db, bank_file)
    learner = ensure_learner(db, LEARNER, clock)
    save_settings(db, learner.id, timezone="UTC", options_per_question=5, mode_new="mc",
                  bury_new_siblings=False)
    db.close()
    return QuizApp(LearnerDoor(db_path, LEARNER, clock=clock, seed=1), bank=None)


def rendered(app) -> tuple[str, list[str]]:
    """The screen as plain text, and the target of every live link on it."""
    width, height = app.size
    console = Console(width=width, height=height, file=io.StringIO(), force_terminal=True,
                      color_system="truecolor", record=True, legacy_windows=False, safe_box=False)
    console.print(app.screen._compositor.render_update(full=True, screen_stack=app._background_screens))
    links = [str(s.style.link) for s in console._record_buffer if s.style is not None and s.style.link]
    return console.export_text(styles=False), links


def squeezed(text: str) -> str:
    """The text with panel and table edges, spaces and line breaks gone: wrapped text still matches."""
    for edge in "│┃╭╮╰╯─▏▕▎▊█":
        text = text.replace(edge, "")
    return "".join(text.split())


def assert_literal(app, *expected: str) -> None:
    """Still running, nothing raised, no live link, and each string on screen as written."""
    assert app.return_code is None and app._exception is None
    plain, links = rendered(app)
    assert links == [], "a live hyperlink on screen"
    for text in expected:
        assert squeezed(text) in squeezed(plain), text


async def test_every_screen_shows_hostile_text_literally(hostile_app):
    app = hostile_app
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert_literal(app, TITLE, LEARNER)

        table = app.screen.query_one("#banks", DataTable)
        table.move_cursor(row=[row.key.value for row in table.ordered_rows].index("hostile"))
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, StudyScreen)
        seen_options: set[str] = set()
        answered = 0
        while isinstance(app.screen, StudyScreen) and answered < 12:
            q = screen.item.question
            assert_literal(app, q.prompt[:60], *q.options)
            seen_options.update(q.options)
            if q.options:
                wrong = next(i for i, option in enumerate(q.options, 1) if option != q.answer)
                await pilot.press(str(wrong))
            else:  # asked typed: f1 and f2 are two days apart for one corps, so no wrong day fits between
                screen.query_one("#typed", Input).value = "1 January 1900" if q.kind.value == "date" else "no idea"
                await pilot.press("enter")
            await pilot.pause()
            assert_literal(app, q.answer, *(("your answer",) if q.options else ()))
            if q.fact_id == "f1":
                assert_literal(app, NOTE, SOURCE)
            await pilot.press("i")  # card info after answering: the statement and the history
            await pilot.pause()
            assert isinstance(app.screen, CardInfoScreen)
            assert_literal(app, "stability")
            await pilot.press("escape")
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
            answered += 1
        assert {"[/]town", LINK, QLINK, "[bold]Vranje"} & seen_options, seen_options

        if isinstance(app.screen, StudyScreen):
            await pilot.press("escape")  # ends the session on a typed card too (q would be typed)
            await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        assert_literal(app, "Reviewed")
        await pilot.press("enter")
        await pilot.pause()

        await pilot.press("b")
        await pilot.pause()
        assert isinstance(app.screen, BrowseScreen)
        app.screen.query_one("#search", Input).value = "5th Rifle Corps"
        await pilot.pause()
        assert app.screen.query_one("#cards", DataTable).row_count == 6
        seen = ""
        for _ in range(6):  # a card a line: each highlighted card's whole statement under the table
            assert_literal(app)
            seen += squeezed(rendered(app)[0])
            await pilot.press("down")
            await pilot.pause()
        assert squeezed(RTL) in seen and squeezed("🎖town") in seen
        await pilot.press(*["up"] * 6)  # back to the first card
        await pilot.pause()
        await pilot.press("enter")  # card info from browse
        await pilot.pause()
        assert_literal(app, "stability", RTL)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()

        await pilot.press("comma")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
        assert_literal(app, LEARNER)
        await pilot.press("escape")
        await pilot.pause()

        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, LearnerScreen)
        assert_literal(app, LEARNER)
        app.screen.query_one("#learner-new", Input).value = "[/] [bold]Ana"
        await pilot.press("enter")
        await pilot.pause()
        assert app.desk.learner == "[/] [bold]Ana"
        assert_literal(app, "[/] [bold]Ana")

        await pilot.press("ctrl+p")  # the palette lists the bank's title and the other learner
        await pilot.pause()
        await pilot.press(*"Study")
        await pilot.pause(0.3)
        assert_literal(app, "Hostile")


async def test_typed_answers_in_markup_are_shown_literally(hostile_app):
    from quiz.library.preferences import save_settings

    app = hostile_app
    db = app.desk.db
    save_settings(db, app.desk.learner_id, mode_new="typed")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#banks", DataTable)
        table.move_cursor(row=[row.key.value for row in table.ordered_rows].index("hostile"))
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, StudyScreen)
        for given in ("[/]", LINK, "[bold]x"):
            assert screen.item.question.mode in ("typed", "cloze")
            screen.query_one("#typed", Input).value = given
            await pilot.press("enter")
            await pilot.pause()
            if screen.phase == "question":  # an unreadable date: asked again, the text kept
                assert_literal(app, given)
                screen.query_one("#typed", Input).value = ""
                await pilot.press("enter")
                await pilot.pause()
            else:
                assert_literal(app, given)
            assert screen.phase == "feedback"
            await pilot.press("enter")
            await pilot.pause()
