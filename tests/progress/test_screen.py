"""The homework view in the study app at 80x24, opened from the palette's command."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from quiz.demo import run_demo
from quiz.doors.learner import LearnerDoor
from quiz.tui.app import QuizApp

END = datetime(2026, 5, 10, 12, tzinfo=UTC)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("progress") / "demo.db"
    run_demo(path, students=3, days=8, seed=3, end=END)
    return path


async def test_the_screen_shows_the_rows_and_the_legend_at_80x24(demo: Path) -> None:
    from quiz.tui.screens.progress import ProgressScreen

    app = QuizApp(LearnerDoor(demo, "teacher", clock=lambda: END, seed=1))
    async with app.run_test(size=(80, 24)) as pilot:
        commands = [name for name, *_ in __import__("quiz.tui.commands", fromlist=["QuizCommands"])
                    .QuizCommands(app.screen)._commands()]
        assert "Class progress: demo" in commands
        app.class_progress("demo")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ProgressScreen) and screen.report is not None
        table = screen.query_one("#progress-students")
        assert table.row_count == len(screen.report.students) == 3
        names = [s.name for s in screen.report.students]
        assert table.get_row_at(0)[0].plain == names[0]
        legend = str(screen.query_one("#progress-legend").render())
        assert "Known: facts (not cards)" in legend and "unstudied cards 0" in legend
        assert "recall now" in str(screen.query_one("#progress-summary").render())
        assert "Weakest for" in str(screen.query_one("#progress-weakest").render())
        # every column fits 80: the flags' column ends inside the screen
        assert sum(c.get_render_width(table) for c in table.columns.values()) <= 80
        await pilot.press("e")
        await pilot.press(*"2026-06-09", "enter")
        await pilot.pause()
        assert screen.report.exam is not None and screen.report.exam.isoformat() == "2026-06-09"
        assert "exam 2026-06-09" in str(screen.query_one("#progress-summary").render())
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ProgressScreen)
