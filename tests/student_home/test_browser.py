"""A student's home in a real headless Chromium, through `quiz serve` without --paper: sign in with
class, name and code, study five homework cards (checked answers), find them in the store, and
reload the tab: signed in again, the home shows them and studying goes on."""

from __future__ import annotations

import json
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from quiz.cli import main
from tests.classroom_ui.browser import (
    CATCH_TERMINAL,
    CHROMIUM,
    KEYBOARD,
    VIEWPORT,
    chromium_or_skip,
    open_tab,
    screen,
    served,
    wait_for,
)
from tests.student_home.conftest import CARDS, make_home
from tests.support.clock import Clock

pytestmark = pytest.mark.slow


def gone(page, text: str, timeout: float = 25.0) -> None:  # type: ignore[no-untyped-def]
    """Until the screen no longer shows `text` (the next question replaced the feedback)."""
    deadline = time.monotonic() + timeout
    while text in screen(page):
        if time.monotonic() > deadline:
            raise AssertionError(f"{text!r} never went; the screen was:\n{screen(page)}")
        page.wait_for_timeout(50)


def type_field(page, label: str, text: str, shown: str | None = None) -> None:  # type: ignore[no-untyped-def]
    """Type into the focused field once the screen marks it (keys typed while focus moves are lost)."""
    wait_for(page, f"▸ {label}", timeout=30)
    page.keyboard.type(text)
    wait_for(page, shown or f"  {text} ")
    page.keyboard.press("Enter")


def sign_in(page, class_name: str, name: str, code: str) -> None:  # type: ignore[no-untyped-def]
    wait_for(page, "▸ Class", timeout=30)
    page.focus(KEYBOARD)
    type_field(page, "Class", class_name)
    type_field(page, "Name", name)
    type_field(page, "Personal code", code, "•" * len(code))


def test_a_student_signs_in_and_studies_five_homework_cards_in_a_browser(tmp_path: Path) -> None:
    chromium_or_skip()
    sync_api = pytest.importorskip("playwright.sync_api")
    home = make_home(tmp_path / "quiz.db", Clock(datetime.now(UTC).replace(microsecond=0)))
    with served(tmp_path / "quiz.db", None) as url, sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--disable-webgl"])
        try:
            context = browser.new_context(viewport=VIEWPORT)
            context.route("https://fonts.googleapis.com/**", lambda route: route.abort())
            context.add_init_script(CATCH_TERMINAL)
            page = open_tab(context, url)
            code = home.codes["Mila Petrović"]
            sign_in(page, "7b", "mila petrovic", code)
            shown = wait_for(page, "Your progress")
            assert "Mila Petrović" in shown and home.paper in shown and f"0/{CARDS}" in shown
            page.keyboard.press("s")
            for _ in range(5):
                asked = wait_for(page, "Esc home")
                assert "Feedback" not in asked and "Show answer" not in asked
                if "multiple choice" in asked:
                    page.keyboard.press("1")
                else:
                    page.keyboard.type("Belgrade")
                    wait_for(page, "  Belgrade")
                    page.keyboard.press("Enter")
                answered = wait_for(page, "Enter to go on")
                assert "✓ Right" in answered or "✗ Wrong" in answered or "≈" in answered
                page.keyboard.press("Enter")
                gone(page, "Enter to go on")
            page.keyboard.press("Escape")
            back = wait_for(page, "Answers today 5")
            assert f"5/{CARDS}" in back
            page.reload()  # a new process: sign in again, home again, the answers kept
            page.wait_for_selector("body.-first-byte")
            sign_in(page, "7B", "Mila Petrović", code)
            again = wait_for(page, "Answers today 5")
            assert f"5/{CARDS}" in again
            page.keyboard.press("s")
            wait_for(page, "Esc home")  # studying goes on from the store
        finally:
            browser.close()
    result = CliRunner().invoke(main, ["--db", str(home.db_path), "class", "progress", "7B", "--json"])
    assert result.exit_code == 0, result.output
    students = {s["name"]: s for s in json.loads(result.output)["students"]}
    assert students["Mila Petrović"]["reviews_week"] == 5 and students["Boris"]["reviews_week"] == 0
