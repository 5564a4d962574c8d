"""The Stats screen and the class view: driven with the pilot, and as SVG snapshots at 80x24 and 120x40."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.doors.learner import LearnerDoor
from quiz.doors.teacher import TeacherDoor
from quiz.tui.app import QuizApp
from tests.stats import history
from tests.stats.history import LEARNER, NOW


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = history.build(tmp_path / "quiz.db")
    desk = TeacherDoor(path, LEARNER, clock=lambda: NOW)
    desk.classroom.new_class("7b")
    desk.classroom.add_students("7b", [LEARNER, "ben"])
    desk.close()
    return path


def app(db: Path) -> QuizApp:
    return QuizApp(LearnerDoor(db, LEARNER, clock=lambda: NOW, seed=1))


def text_of(screen, selector: str) -> str:  # type: ignore[no-untyped-def]
    return str(screen.query_one(selector).render())


async def test_t_opens_the_stats_screen_and_the_period_changes(db: Path) -> None:
    from quiz.tui.screens.stats import StatsScreen

    async with app(db).run_test(size=(80, 24)) as pilot:
        await pilot.press("t")
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, StatsScreen)
        assert screen.report is not None and screen.report.period.days() == 30
        assert "7 reviews on 5 of 30 days" in text_of(screen, "#stats-summary")
        await pilot.press("1")
        await pilot.pause()
        assert screen.report.period.days() == 7
        assert "6 reviews on 4 of 7 days" in text_of(screen, "#stats-summary")
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(pilot.app.screen, StatsScreen)


async def test_the_class_view_sorts_and_opens_a_student(db: Path) -> None:
    from quiz.tui.screens.stats import ClassStatsScreen, StatsScreen

    async with app(db).run_test(size=(120, 40)) as pilot:
        await pilot.press("t")
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, ClassStatsScreen)
        table = screen.query_one("#class-students")
        assert [table.get_row_at(i)[0].plain for i in range(table.row_count)] == ["ana", "ben"]
        await pilot.press("s")  # by reviews, most first
        await pilot.pause()
        assert table.get_row_at(0)[1] == "7" and table.get_row_at(1)[1] == "0"
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, StatsScreen) and pilot.app.screen.learner == "ben"


async def open_stats(pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("t")
    await pilot.pause()


async def open_class(pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("t", "c")
    await pilot.pause()


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_stats_screen_snapshot(snap_compare, db: Path, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(app(db), terminal_size=size, run_before=open_stats)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_class_view_snapshot(snap_compare, db: Path, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(app(db), terminal_size=size, run_before=open_class)
