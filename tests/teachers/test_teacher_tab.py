"""#21: a teacher signs in from a browser tab (`quiz teacher-tab`, served at /teacher) and sees
their own classes and each one's homework view, at 80x24, on a database with two teachers."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable, Input, OptionList, Static

from quiz.doors.teacher import TeacherDoor
from quiz.tui.screens.progress import ProgressScreen
from quiz.tui.screens.teacher_tab import NO_TEACHERS, TeacherClassesScreen, TeacherSignInScreen
from quiz.tui.teacher_app import TeacherApp
from tests.teachers.conftest import PASSWORDS

SIZE = (80, 24)


def tab(db_path, clock) -> TeacherApp:  # type: ignore[no-untyped-def]
    """What a served tab runs: a door signed in to no one."""
    return TeacherApp(TeacherDoor(db_path, None, clock=clock, create_folder=False))


def error_line(app: TeacherApp) -> str:
    return str(app.screen.query_one("#sign-in-error", Static).render())


async def type_in(pilot, name: str, password: str) -> None:  # type: ignore[no-untyped-def]
    app = pilot.app
    app.screen.query_one("#teacher-name", Input).value = name
    app.screen.query_one("#teacher-password", Input).value = ""
    app.screen.set_focus(app.screen.query_one("#teacher-password", Input))
    await pilot.press(*password, "enter")
    await pilot.pause()


@pytest.mark.engines
async def test_a_wrong_password_is_one_line_and_five_lock_the_teacher_out(pair, db_path, clock) -> None:
    app = tab(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, TeacherSignInScreen)
        await type_in(pilot, "Ana", "not-her-password")
        assert error_line(app) == "Wrong teacher name or password."
        assert app.screen.query_one("#teacher-password", Input).value == ""  # typed again, not kept
        for _ in range(4):
            await type_in(pilot, "Ana", "not-her-password")
        assert "too many for 'Ana': try again in 15 minutes" in error_line(app)
        await type_in(pilot, "Ana", PASSWORDS["Ana"])  # the right one, while locked
        assert isinstance(app.screen, TeacherSignInScreen)
        assert error_line(app) == "Too many wrong passwords for 'Ana': try again in 15 minutes."
        assert "\n" not in error_line(app).strip()


@pytest.mark.engines
async def test_a_teacher_sees_their_classes_only_and_a_class_s_students(pair, db_path, clock) -> None:
    ana, _ben = pair
    ana.classroom.new_class("8a")  # Ana: 7b and 8a; Ben: his own 7b (Mila) only
    ana.close()
    app = tab(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await type_in(pilot, "Ben", PASSWORDS["Ben"])
        screen = app.screen
        assert isinstance(screen, TeacherClassesScreen) and screen.teacher_name == "Ben"
        listing = screen.query_one("#teacher-classes", OptionList)
        assert [listing.get_option_at_index(i).id for i in range(listing.option_count)] == ["7b"]
        await pilot.press("enter")
        await pilot.pause()
        progress = app.screen
        assert isinstance(progress, ProgressScreen) and progress.report is not None
        assert [s.name for s in progress.report.students] == ["Mila"]  # Ben's 7b, not Ana's
        table = progress.query_one("#progress-students", DataTable)
        assert table.row_count == 1 and table.get_row_at(0)[0].plain == "Mila"
        assert "Known: facts (not cards)" in str(progress.query_one("#progress-legend", Static).render())
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, TeacherClassesScreen)

    app = tab(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await type_in(pilot, "Ana", PASSWORDS["Ana"])
        listing = app.screen.query_one("#teacher-classes", OptionList)
        assert sorted(listing.get_option_at_index(i).id or "" for i in range(listing.option_count)) == ["7b", "8a"]
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ProgressScreen)
        assert app.screen.report is not None
        assert app.screen.class_name == "7b"
        assert sorted(s.name for s in app.screen.report.students) == ["Ivo", "Jana"]  # Ana's 7b, not Ben's


async def test_no_palette_and_ctrl_q_leaves(pair, db_path, clock) -> None:
    app = tab(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, TeacherSignInScreen)
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_code == 0


async def test_a_database_without_teachers_is_refused_in_one_line(db_path, clock) -> None:
    app = tab(db_path, clock)
    async with app.run_test(size=SIZE):
        assert isinstance(app.screen, TeacherSignInScreen)
        assert not app.screen.query(Input)  # nothing to type a name into
        assert error_line(app) == NO_TEACHERS and "`quiz teacher add NAME`" in NO_TEACHERS


@pytest.mark.engines
async def test_x_signs_out_and_twenty_idle_minutes_sign_out_by_themselves(pair, db_path, clock) -> None:
    """A tab left open on a classroom PC: `x` signs out; so does the tab itself after 20 minutes
    without a key or click, from the homework view too; then the door reaches no class."""
    app = tab(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await type_in(pilot, "Ana", PASSWORDS["Ana"])
        assert isinstance(app.screen, TeacherClassesScreen)
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, TeacherSignInScreen) and error_line(app) == "Signed out."
        with pytest.raises(Exception, match="--teacher NAME"):
            app.teacher.classroom.classes()

        await type_in(pilot, "Ana", PASSWORDS["Ana"])
        await pilot.press("enter")  # the first class's homework view
        await pilot.pause()
        assert isinstance(app.screen, ProgressScreen)
        clock.advance(minutes=19)
        app.sign_out_if_idle()
        await pilot.press("down")  # a key: the 20 minutes start again
        clock.advance(minutes=19)
        app.sign_out_if_idle()
        await pilot.pause()
        assert isinstance(app.screen, ProgressScreen)
        clock.advance(minutes=1)
        app.sign_out_if_idle()
        await pilot.pause()
        assert isinstance(app.screen, TeacherSignInScreen)
        assert error_line(app) == "Signed out after 20 minutes without a key or click."
        assert app.signed_in is None and len(app.screen_stack) == 2


@pytest.mark.engines
async def test_a_password_typed_right_after_enter_goes_to_the_password_field(pair, db_path, clock) -> None:
    """Keys as a fast typist's burst (nothing awaited between them): the name, Enter, the
    password, Enter signs in; the password never lands in the name field, shown in clear."""
    from tests.classroom_ui.test_take_type_ahead import burst

    app = tab(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        burst(app, f"Ana\n{PASSWORDS['Ana']}\n")
        for _ in range(100):
            await pilot.pause()
            if isinstance(app.screen, TeacherClassesScreen):
                break
        assert isinstance(app.screen, TeacherClassesScreen), error_line(app)
