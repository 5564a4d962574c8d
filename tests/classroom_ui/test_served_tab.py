"""What a served tab does differently, and what keeps its CPU down: no blinking cursor in a
browser, a footer rebuilt only when its keys change."""

from __future__ import annotations

import pytest
from textual.widgets import Input

from quiz.tui.widgets.footer import SteadyFooter
from tests.classroom_ui.conftest import SIZE
from tests.classroom_ui.test_take import give_any, sign_in


@pytest.mark.parametrize("served", [True, False])
async def test_a_served_tab_s_cursor_does_not_blink(room, monkeypatch, served):
    app = room.take_app(room.paper())
    monkeypatch.setattr(type(app), "is_web", property(lambda self: served))  # as textual-serve's driver says
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        name = app.screen.query_one("#student-name", Input)
        assert name.has_focus
        assert name.cursor_blink is not served


async def test_the_footer_is_rebuilt_only_when_its_keys_change(room):
    app = room.take_app(room.paper())
    async with app.run_test(size=SIZE) as pilot:
        screen = await sign_in(app, pilot, "Ana", room.codes["Ana"])
        await pilot.pause()
        keys = list(screen.query_one(SteadyFooter).children)
        for _ in range(3):  # multiple choice and typed questions: the same keys below them
            await give_any(screen, pilot)
        assert list(screen.query_one(SteadyFooter).children) == keys
        await pilot.press("ctrl+s")  # asking to submit: y and n are the keys now
        await pilot.pause()
        assert list(screen.query_one(SteadyFooter).children) != keys
