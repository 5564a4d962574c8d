"""#21 through the take app: a name typed without accents signs in, and a fifth wrong code shows
the lock in one line on the sign-in screen."""

from __future__ import annotations

from textual.widgets import Input, Static

from quiz.tui.screens.take import TakeScreen
from quiz.tui.screens.take_sign_in import SignInScreen
from tests.classroom_ui.conftest import SIZE
from tests.classroom_ui.test_take import sign_in
from tests.support.screens import screen_text


async def test_the_fifth_wrong_code_shows_the_lock_and_the_name_needs_no_accents(room) -> None:
    code = room.paper()
    app = room.take_app(code)
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(4):
            screen = await sign_in(app, pilot, "cvijeta", "AAAAAA")
            assert "name or personal code not recognised" in screen_text(app)
        screen = await sign_in(app, pilot, "Cvijeta", "AAAAAA")
        assert isinstance(screen, SignInScreen)
        shown = str(screen.query_one("#sign-in-error", Static).render())
        assert shown.startswith("too many wrong codes for Cvijeta: try again at 10:1")  # 10:00 + 15 minutes
        assert "try again at 10:15, or ask your teacher" in " ".join(screen_text(app).split())  # wrapped at 80
        assert screen.query_one("#personal-code", Input).value == ""
        room.clock.advance(minutes=15)
        screen = await sign_in(app, pilot, "CVIJETA", room.codes["Cvijeta"])
        assert isinstance(screen, TakeScreen)
