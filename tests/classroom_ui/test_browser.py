"""Three students take a paper in three tabs of a real headless Chromium, through `quiz serve`.

Each tab is its own take app (textual-serve starts one process per tab); each student signs in,
answers every question by the keyboard, submits with ctrl+s then y, and sees their score. The
store must then hold three submitted attempts with exactly the answers each screen was given.
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests.classroom_ui.browser import (
    CATCH_TERMINAL,
    CHROMIUM,
    VIEWPORT,
    answer_everything,
    chromium_or_skip,
    open_tab,
    served,
    sign_in,
    wait_for,
)
from tests.classroom_ui.conftest import STUDENTS


def test_three_students_take_a_paper_in_three_tabs(room):
    chromium_or_skip()
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
