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


def test_nothing_to_study(snap_compare, make_app):
    """Today's new cards done: the reason and the offer of 10 more."""
    assert snap_compare(make_app(new_per_day=0), terminal_size=SIZE, run_before=steady)


def test_summary_with_missed(snap_compare, make_app):
    async def miss_then_end(pilot):
        await pilot.pause()
        q = pilot.app.screen.item.question
        wrong = next(i for i, option in enumerate(q.options, 1) if option != q.answer)
        await pilot.press(str(wrong), "enter", "q")
        await steady(pilot)

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=miss_then_end)


def test_study_five_options_answered(snap_compare, make_app):
    async def answer_wrong(pilot):
        await pilot.pause()
        screen = pilot.app.screen
        while len(screen.item.question.options) < 5 or max(map(len, screen.item.question.options)) < 20:
            if screen.item.question.mode == "mc":  # fewer or shorter options: answer and go on
                await pilot.press("1", "enter")
            else:  # asked another way: "I don't know"
                screen.query_one("#typed", Input).value = ""
                await pilot.press("enter", "enter")
            await pilot.pause()
        q = screen.item.question
        wrong = next(i for i, option in enumerate(q.options, 1) if option != q.answer)
        await pilot.press(str(wrong))
        await steady(pilot)

    app = make_app(bank="belgrade-offensive", options_per_question=5, bury_new_siblings=False)
    assert snap_compare(app, terminal_size=SIZE, run_before=answer_wrong)
