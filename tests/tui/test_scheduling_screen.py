"""The personal-scheduling screen: fit to the learner's reviews, see the verdict, undo it, and the
cost of each retention — all through the desk, the slow parts in workers."""

from __future__ import annotations

from pathlib import Path

from quiz.doors.learner import LearnerDoor
from quiz.tui.app import QuizApp
from quiz.tui.screens.scheduling import SchedulingScreen
from tests.scheduling.simulated import simulated_histories
from tests.support.history import store_history
from tests.support.screens import screen_text


async def test_fit_then_undo_from_the_screen(tmp_path: Path) -> None:
    db_path = tmp_path / "q.db"
    store_history(db_path, simulated_histories(300, 200))
    app = QuizApp(LearnerDoor(db_path, "ann"))
    async with app.run_test(size=(100, 40)) as pilot:
        app.push_screen(SchedulingScreen())
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        text = screen_text(app)
        assert "FSRS's default parameters" in text
        assert "Suggested retention" in text and "0.90" in text
        await pilot.press("f")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        text = screen_text(app)
        assert "Saved: your next intervals use them." in " ".join(text.split())
        assert "parameters fitted to your reviews" in text
        await pilot.press("u")
        await pilot.pause()
        assert "FSRS's default parameters" in screen_text(app)


async def test_too_few_reviews_is_said_on_the_screen(tmp_path: Path) -> None:
    db_path = tmp_path / "q.db"
    store_history(db_path, simulated_histories(3, 10))
    app = QuizApp(LearnerDoor(db_path, "ann"))
    async with app.run_test(size=(100, 40)) as pilot:
        app.push_screen(SchedulingScreen())
        await pilot.pause()
        await pilot.press("f")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "fitting needs 400" in screen_text(app)


async def test_settings_opens_it_by_button_and_by_key(tmp_path: Path) -> None:
    db_path = tmp_path / "q.db"
    store_history(db_path, simulated_histories(3, 10))
    app = QuizApp(LearnerDoor(db_path, "ann"))
    async with app.run_test(size=(80, 24)) as pilot:
        app.action_open_settings()
        await pilot.pause()
        await pilot.click("#personal-scheduling")
        await pilot.pause()
        assert isinstance(app.screen, SchedulingScreen)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("ctrl+f")
        await pilot.pause()
        assert isinstance(app.screen, SchedulingScreen)
        await app.workers.wait_for_complete()
