"""Three students take a paper in three tabs of a real headless Chromium, through `quiz serve`.

Each tab is its own take app (textual-serve starts one process per tab); each student signs in,
answers every question by the keyboard, submits with ctrl+s then y, and sees their score. The
store must then hold three submitted attempts with exactly the answers each screen was given.
"""

from __future__ import annotations

import os
import re
from datetime import timedelta

import pytest

from tests.classroom_ui.browser import CATCH_TERMINAL, CHROMIUM, KEYBOARD, VIEWPORT, open_tab, served, wait_for
from tests.classroom_ui.conftest import STUDENTS

QUESTION = re.compile(r"Question (\d+) of (\d+)")
TYPED = "Belgrade"


def _chromium_or_skip() -> None:
    if CHROMIUM.exists():
        return
    if os.environ.get("CI"):
        pytest.fail(f"{CHROMIUM} is missing: .ci/run installs Debian's chromium before the tests")
    pytest.skip(f"no {CHROMIUM} (apt-get install chromium fonts-dejavu-core)")


def sign_in(page, name: str, code: str) -> None:  # type: ignore[no-untyped-def]
    """Wait on what the screen shows before each key that moves focus: keys typed while focus moves
    would land in the old field."""
    wait_for(page, "▸ Name", timeout=30)
    page.focus(KEYBOARD)
    page.keyboard.type(name)
    wait_for(page, f"  {name} ")
    page.keyboard.press("Enter")
    wait_for(page, "▸ Personal code")
    page.keyboard.type(code)
    wait_for(page, "•" * len(code))
    page.keyboard.press("Enter")
    wait_for(page, "Question 1 of")


def answer_everything(page) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """Answer each question in this student's order: the first option, or TYPED; prompt -> given."""
    given: dict[str, str] = {}
    total = None
    for answered in range(1, 100):
        screen = wait_for(page, "answered")
        number, total = map(int, QUESTION.search(screen).groups())  # type: ignore[union-attr]
        lines = screen.splitlines()
        top = next(i for i, line in enumerate(lines) if "Question" in line and "╭" in line)
        bottom = next(i for i in range(top, len(lines)) if "╰" in lines[i])
        prompt = " ".join(line.strip(" │") for line in lines[top + 1:bottom]).strip()
        if "multiple choice" in lines[bottom]:
            first = next(line for line in lines[bottom:] if re.match(r"^\s+1 ", line))
            given[prompt] = first.split("1 ", 1)[1].strip()
            page.keyboard.press("1")
        else:
            page.keyboard.type(TYPED)
            wait_for(page, f"  {TYPED}")
            page.keyboard.press("Enter")
            given[prompt] = TYPED
        wait_for(page, f"{answered} of {total} answered")
        if answered == total:
            return given
    raise AssertionError("never reached the last question")


def test_three_students_take_a_paper_in_three_tabs(room):
    _chromium_or_skip()
    sync_api = pytest.importorskip("playwright.sync_api")
    code = room.paper(time_limit=timedelta(minutes=30), count=4)
    shown: dict[str, dict[str, str]] = {}
    with served(room.db_path, code) as url, sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--disable-webgl"])
        try:
            context = browser.new_context(viewport=VIEWPORT)
            context.route("https://fonts.googleapis.com/**", lambda route: route.abort())
            context.add_init_script(CATCH_TERMINAL)
            tabs = {name: open_tab(context, url) for name in STUDENTS}  # three app processes start together
            for name, page in tabs.items():
                sign_in(page, name, room.codes[name])
                shown[name] = answer_everything(page)
                page.keyboard.press("Control+s")
                wait_for(page, "Submit now?")
                page.keyboard.press("y")
                done = wait_for(page, "Submitted. Score")
                assert f"— {name}" in done and not any(f"— {other}" in done for other in STUDENTS if other != name)
        finally:
            browser.close()
    desk = room.desk()
    report = desk.classroom.results(code)
    desk.close()
    assert sorted(s.name for s in report.students) == sorted(STUDENTS)
    assert report.summary.attempts == 3 and report.summary.in_progress == 0
    for student in report.students:
        # Prompts as read off the screen lose where lines wrapped ("north-" / "east"): compare without spaces.
        # An option is read off its first line only: the stored answer starts with it.
        stored = {"".join(a.prompt.split()): "".join(a.given.split()) for a in student.answers}
        seen = {"".join(p.split()): "".join(g.split()) for p, g in shown[student.name].items()}
        assert stored.keys() == seen.keys()
        assert all(stored[p].startswith(seen[p]) and seen[p] for p in seen), (stored, seen)
