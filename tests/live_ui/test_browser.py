"""A student plays a live game in a real headless Chromium through `quiz serve` (the teacher's
side through the teacher's door, on the real clock): `g` on the home and the code, the question,
an answer, the reveal; the tab reloaded mid-game comes back with the score; the end."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from quiz.live.model import State
from tests.classroom_ui.browser import (
    CATCH_TERMINAL,
    CHROMIUM,
    VIEWPORT,
    chromium_or_skip,
    open_tab,
    screen,
    served,
    wait_for,
)
from tests.live_ui.conftest import Room, make_room
from tests.student_home.test_browser import sign_in
from tests.support.clock import Clock

pytestmark = pytest.mark.slow


class RealClock(Clock):
    """The wall clock: the served tab's process reads it too."""

    def __call__(self) -> datetime:
        return datetime.now(UTC)


def join_from_home(page, room: Room, code: str) -> None:  # type: ignore[no-untyped-def]
    sign_in(page, "7b", "ana", room.codes["Ana"])
    wait_for(page, "g Join live game")
    page.keyboard.press("g")
    wait_for(page, "Game code")
    page.keyboard.type(code.lower())
    page.keyboard.press("Enter")
    wait_for(page, f"Live · {code}")


def revealed(room: Room, code: str) -> None:
    """What the host screen does a few times a second: let the game reveal itself."""
    door = room.teacher()
    try:
        for _ in range(100):
            if door.live.tick(code).state is State.REVEALED:
                return
            time.sleep(0.05)
    finally:
        door.close()
    raise AssertionError("never revealed")


def test_a_student_plays_in_a_browser_and_a_reload_keeps_the_score(tmp_path: Path) -> None:
    chromium_or_skip()
    sync_api = pytest.importorskip("playwright.sync_api")
    room = make_room(tmp_path / "quiz.db", RealClock())
    code = room.game(questions=2, seconds=60).code
    with served(room.db_path, None) as url, sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--disable-webgl"])
        try:
            context = browser.new_context(viewport=VIEWPORT)
            context.route("https://fonts.googleapis.com/**", lambda route: route.abort())
            context.add_init_script(CATCH_TERMINAL)
            page = open_tab(context, url)
            join_from_home(page, room, code)
            wait_for(page, "Waiting for the teacher")
            assert room.host_view(code).players == ("Ana",)
            door = room.teacher()
            door.live.open_next(code)
            question = door.live.view(code).question
            key = door.live.report(code).questions[0].answer
            door.close()
            assert question is not None
            shown = wait_for(page, "Question 1 of 2")
            assert "✓" not in shown and "The answer" not in shown  # no key before the reveal
            page.keyboard.press(str(question.options.index(key) + 1))
            wait_for(page, "answered")
            revealed(room, code)
            shown = wait_for(page, "Right!")
            score = int(shown.split("Score ")[1].split()[0])
            assert 500 <= score <= 1000 and f"The answer: {key}" in shown

            page.reload()  # a new process: signed in again, the game joined again
            join_from_home(page, room, code)
            shown = wait_for(page, "Right!")
            assert f"Score {score}" in shown and "1st of 1" in shown
            door = room.teacher()
            door.live.end(code)
            door.close()
            wait_for(page, f"You came 1st of 1 with {score} points")
            page.keyboard.press("Escape")
            wait_for(page, "Your progress")
            assert "Traceback" not in screen(page)
        finally:
            browser.close()
