"""Issue 19, item 17 (the study app's part): at 80×24 the feedback box keeps its bottom border (a
long note scrolls inside it), the settings footer is whole, and browse shows many cards."""

from __future__ import annotations

import re
from pathlib import Path

from quiz.doors.learner import LearnerDoor
from quiz.tui.app import QuizApp
from quiz.tui.screens.study import StudyScreen
from tests.support.clock import Clock
from tests.support.screens import BANK, BANK_FILE, LEARNER, prepare_db, screen_text

SIZE = (80, 24)
LONG_NOTE = (
    "The corps had marched for days through the hills east of the Morava, and its columns reached the "
    "town only after the rearguard of the defenders had blown the bridges; the fighting in the streets "
    "went on into the night, and the townspeople sheltered in cellars until the morning, when the last "
    "of the garrison withdrew west along the valley road under fire. THE-END-OF-THE-NOTE."
)


def long_note_bank(tmp_path: Path) -> Path:
    """The test bank with one long note on every fact, as teachers' notes can be."""
    text = re.sub(r'^note = ".*"$', f'note = "{LONG_NOTE}"', BANK_FILE.read_text(encoding="utf-8"), flags=re.M)
    path = tmp_path / "tui_bank.toml"
    path.write_text(text, encoding="utf-8")
    return path


async def test_a_long_feedback_keeps_its_border_and_scrolls(tmp_path: Path, clock: Clock) -> None:
    from quiz.library.banks import import_bank
    from quiz.store import open_db

    db_path = prepare_db(tmp_path / "q.db", clock, options_per_question=5)
    db = open_db(db_path)
    import_bank(db, long_note_bank(tmp_path))  # the same bank name: its facts now carry the long note
    db.close()
    app = QuizApp(LearnerDoor(db_path, LEARNER, clock=clock, seed=1), bank=BANK)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, StudyScreen)
        assert screen.item is not None
        q = screen.item.question
        await pilot.press(str(next(i for i, o in enumerate(q.options, 1) if o != q.answer)))
        await pilot.pause()
        lines = screen_text(app).splitlines()
        top = next(i for i, line in enumerate(lines) if "Feedback · Enter to go on" in line)
        bottom = next((i for i, line in enumerate(lines) if i > top and line.strip().startswith("╰")), None)
        assert bottom is not None and bottom < len(lines) - 1, "\n".join(lines)  # whole, above the footer
        assert "THE-END-OF-THE-NOTE." not in " ".join(lines)  # too long to show at once...
        await pilot.press("end")  # ...so it scrolls inside its border
        await pilot.pause()
        assert "THE-END-OF-THE-NOTE." in " ".join(screen_text(app).split())


async def test_the_settings_footer_fits_with_a_list_open(make_app) -> None:
    app = make_app(bank=None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("comma")
        await pilot.pause()
        app.screen.query_one("#options_per_question").focus()
        await pilot.press("enter")  # the list opens: its "esc Dismiss menu" joins the footer
        await pilot.pause()
        footer = screen_text(app).splitlines()[-1]
        for key in ("esc Dismiss menu", "^s Save", "^l Learner", "^f Scheduling", "^p palette"):
            assert key in footer, footer


async def test_browse_shows_a_card_a_line(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("q")  # opening a session made the test bank's cards; end it
        await pilot.pause()
        await pilot.press("enter", "b")
        await pilot.pause()
        text = screen_text(app)
        rows = [line for line in text.splitlines() if re.search(r"\s(date|unit|place)\s+new\s", line)]
        assert len(rows) >= 10, text  # a line each, not three cards a screen
        # The highlighted card's statement, cut in its row, is whole under the table.
        cut = rows[0].strip().split("…")[0]
        below = " ".join(re.split("─{20,}", text)[-1].split())
        assert "…" in rows[0] and below.startswith(cut) and len(below.split("·")[0]) > len(cut) + 20, text
        assert "this card: belgrade-offensive" in below
