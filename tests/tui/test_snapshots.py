"""SVG snapshots of each screen at 80×24, on a fixed clock and seed (update: pytest --snapshot-update)."""

from __future__ import annotations

from textual.widgets import Input

SIZE = (80, 24)


async def steady(pilot) -> None:
    """No blinking cursor, and nothing left to lay out, before the picture is taken."""
    for widget in pilot.app.screen.query(Input):
        widget.cursor_blink = False
    await pilot.pause()


def test_home(snap_compare, make_app):
    assert snap_compare(make_app(bank=None), terminal_size=SIZE, run_before=steady)


def test_study_question(snap_compare, make_app):
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=steady)


def test_study_feedback(snap_compare, make_app):
    async def answer_wrong(pilot):
        q = pilot.app.screen.item.question
        wrong = next(i for i, option in enumerate(q.options, 1) if option != q.answer)
        await pilot.press(str(wrong))
        await steady(pilot)

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=answer_wrong)


def test_study_flip_revealed(snap_compare, make_app):
    async def reveal(pilot):
        await pilot.press("space")
        await steady(pilot)

    assert snap_compare(make_app(mode_new="flip"), terminal_size=SIZE, run_before=reveal)


def test_browse(snap_compare, make_app):
    async def browse(pilot):
        await pilot.press("q")  # opening a session made the cards; end it at once
        await pilot.pause()
        await pilot.press("enter", "b")
        await steady(pilot)

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=browse)


def test_settings(snap_compare, make_app):
    async def settings(pilot):
        await pilot.press("comma")
        await steady(pilot)

    assert snap_compare(make_app(bank=None), terminal_size=SIZE, run_before=settings)
