"""#22: a teacher hosts a class's live game from their browser tab (the projector): `g` on the
class list starts one from the class's weakest facts, or goes back to one by its code; leaving it
goes back to the class list; another teacher's code is refused in one line."""

from __future__ import annotations

import pytest
from textual.widgets import Input, OptionList

from quiz.doors.student import StudentDoor
from quiz.live.model import State
from quiz.tui.dialogs.game_code import GameCodeDialog
from quiz.tui.dialogs.live_start import LiveStartDialog
from quiz.tui.screens.teacher_live import ProjectedHostScreen
from quiz.tui.screens.teacher_tab import TeacherClassesScreen
from tests.support.screens import screen_text
from tests.teachers.conftest import PASSWORDS
from tests.teachers.test_teacher_tab import SIZE, tab, type_in


async def until(pilot, ready) -> None:  # type: ignore[no-untyped-def]
    for _ in range(200):
        await pilot.pause(0.02)
        if ready():
            return
    raise AssertionError(f"never: {screen_text(pilot.app)[:400]}")


async def start_from_weakest(pilot) -> ProjectedHostScreen:  # type: ignore[no-untyped-def]
    app = pilot.app
    await pilot.press("g")
    await until(pilot, lambda: isinstance(app.screen, LiveStartDialog))
    await pilot.press("enter")  # the first choice: the class's weakest facts
    await until(pilot, lambda: isinstance(app.screen, ProjectedHostScreen))
    return app.screen


@pytest.mark.engines
async def test_a_teacher_starts_a_game_in_the_tab_leaves_it_and_comes_back_by_code(pair, db_path, clock) -> None:
    ana, _ben = pair
    [(_, personal_code)] = ana.classroom.add_students("7b", ["Zora"])
    app = tab(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await type_in(pilot, "Ana", PASSWORDS["Ana"])
        host = await start_from_weakest(pilot)
        code = host.view.code
        assert host.view.class_name == "7b" and host.view.state is State.LOBBY
        assert code in screen_text(app)
        game = ana.live.view(code)  # Ana's own game, as the terminal's `quiz live host` sees it
        assert game.class_name == "7b" and 0 < game.total <= 10  # as many as stand apart (the seed's paper)

        joined = StudentDoor(db_path, clock=clock, create_folder=False)
        joined.live_sign_in(code, "Zora", personal_code)
        joined.live_join(code)
        await until(pilot, lambda: "Zora" in screen_text(app))  # the lobby fills as students join

        await pilot.press("enter")  # the first question, from the tab
        await until(pilot, lambda: ana.live.view(code).state is State.OPEN)
        await pilot.press("q")
        await until(pilot, lambda: isinstance(app.screen, TeacherClassesScreen))
        assert any("still open" in str(note.message) for note in app._notifications)

        await pilot.press("g")
        await until(pilot, lambda: isinstance(app.screen, LiveStartDialog))
        await pilot.press("down", "down", "enter")
        await until(pilot, lambda: isinstance(app.screen, GameCodeDialog))
        await pilot.press(*code.lower(), "enter")
        await until(pilot, lambda: isinstance(app.screen, ProjectedHostScreen))
        assert app.screen.view.code == code and app.screen.view.state is State.OPEN
        joined.close()


@pytest.mark.engines
async def test_another_teacher_s_game_code_is_refused_in_one_line(pair, db_path, clock) -> None:
    ana, _ben = pair
    from quiz.live.model import GameSettings

    code = ana.live.create(GameSettings("7b")).code
    app = tab(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await type_in(pilot, "Ben", PASSWORDS["Ben"])
        await pilot.press("g")
        await until(pilot, lambda: isinstance(app.screen, LiveStartDialog))
        await pilot.press("down", "down", "enter")
        await until(pilot, lambda: isinstance(app.screen, GameCodeDialog))
        app.screen.query_one(Input).value = code
        await pilot.press("enter")
        await until(pilot, lambda: [str(n.message) for n in app._notifications] == [f"no live game {code}"])
        assert isinstance(app.screen, TeacherClassesScreen)
        assert app.screen.query_one("#teacher-classes", OptionList).option_count == 1
