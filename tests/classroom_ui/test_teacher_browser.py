"""#21: a teacher signs in from a headless Chromium tab at /teacher of a real `quiz serve
--teachers`, sees their own classes (not the other teacher's) and a class's homework view; a
wrong password first is said in one line (slow)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.classroom_ui.browser import (
    CATCH_TERMINAL,
    CHROMIUM,
    KEYBOARD,
    VIEWPORT,
    chromium_or_skip,
    free_port,
    wait_for,
)
from tests.classroom_ui.proxy import started
from tests.classroom_ui.test_teacher_route import PASSWORDS, two_teachers

pytestmark = pytest.mark.slow


@contextmanager
def teacher_tab(db: Path) -> Iterator:  # type: ignore[type-arg]
    """A real `quiz serve --teachers` on `db` and a headless Chromium page at its /teacher, focused,
    with the sign-in shown; Ana types her name and Enter."""
    chromium_or_skip()
    sync_api = pytest.importorskip("playwright.sync_api")
    port = free_port()
    argv = [sys.executable, "-m", "quiz", "--db", str(db), "serve", "--port", str(port), "--teachers"]
    with started(argv, port, db.with_suffix(".browser.log")), sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--disable-webgl"])
        try:
            context = browser.new_context(viewport=VIEWPORT)
            context.route("https://fonts.googleapis.com/**", lambda route: route.abort())
            context.add_init_script(CATCH_TERMINAL)
            page = context.new_page()
            page.goto(f"http://127.0.0.1:{port}/teacher")
            page.wait_for_selector("body.-first-byte")
            wait_for(page, "Teacher's view", timeout=30)
            page.focus(KEYBOARD)
            page.keyboard.type("Ana")
            wait_for(page, "Ana")
            page.keyboard.press("Enter")
            yield page
        finally:
            browser.close()


def test_a_teacher_signs_in_at_slash_teacher_and_sees_a_class_s_progress(tmp_path) -> None:
    db = tmp_path / "quiz.db"
    two_teachers(db)
    with teacher_tab(db) as page:
        page.keyboard.type("not-her-password")
        page.keyboard.press("Enter")
        wait_for(page, "Wrong teacher name or password.")
        page.keyboard.type(PASSWORDS["Ana"])
        page.keyboard.press("Enter")
        wait_for(page, "Classes of Ana")
        shown = wait_for(page, "8a")
        assert "7b  (2 students)" in shown and "Mila" not in shown
        page.keyboard.press("Enter")  # the first class: Ana's 7b
        shown = wait_for(page, "Jana")
        assert "Ivo" in shown and "Mila" not in shown and "Known: facts" in shown


def test_a_teacher_hosts_a_live_game_from_the_tab_on_the_projector(tmp_path) -> None:
    """#22: `g` on a class in the /teacher tab starts a game; its code shows large in the browser,
    and it is the teacher's own game of that class in the store."""
    from quiz.doors.teacher import TeacherDoor
    from quiz.live.model import State

    db = tmp_path / "quiz.db"
    two_teachers(db)
    with teacher_tab(db) as page:
        page.keyboard.type(PASSWORDS["Ana"])
        page.keyboard.press("Enter")
        wait_for(page, "Classes of Ana")
        page.keyboard.press("g")
        wait_for(page, "weakest facts")
        page.keyboard.press("Enter")
        shown = wait_for(page, "0 players: waiting for the class", timeout=30)
        ana = TeacherDoor(db, "Ana")
        try:
            [code] = [word for word in shown.split() if len(word) == 6 and word.isalnum() and word.isupper()][:1]
            game = ana.live.view(code)
            # Up to the 10 a game asks by default: as many of the class's weakest cards as stand
            # apart on one paper, which depends on the game's random seed (9 at some seeds).
            assert (game.class_name, game.state) == ("7b", State.LOBBY) and 0 < game.total <= 10
            assert f"quiz live join {code}" in shown
        finally:
            ana.close()
        page.keyboard.press("Escape")
        wait_for(page, "still open")
