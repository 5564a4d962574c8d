"""Issue 21 item 5: "A test starts two `quiz serve` processes on two ports against one PostgreSQL,
signs a student in on one in headless Chromium, studies five cards, and reads them in the
teacher's view through the other."

A teacher sets homework with an exam date through the CLI (its own process); two `quiz serve`
processes without --paper (each tab a student's home) share one PostgreSQL schema behind Debian's
nginx; three students sign in from Chromium tabs, at least one tab on each process, and study
homework cards (the first five, the others fewer); then `quiz class progress --json` as a separate
process (standing for the other host's teacher view) shows each student's reviews this week,
exactly as many as their tab answered, and the recall predicted on the homework's exam date.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

from tests.classroom_ui.browser import (
    CATCH_TERMINAL,
    CHROMIUM,
    VIEWPORT,
    chromium_or_skip,
    free_port,
    open_tab,
    wait_for,
)
from tests.classroom_ui.proxy import nginx, nginx_or_skip, serve_process
from tests.classroom_ui.test_nginx import get, quiz
from tests.student_home.test_browser import gone, sign_in
from tests.support.engines import fresh_postgres

pytestmark = pytest.mark.slow
CLASS = "7b"
BANK = "belgrade-offensive"
STUDIED = {"Ana": 5, "Boris": 2, "Chen": 3}  # cards each student's tab studies; Ana's are the five


@pytest.fixture
def school_db() -> Iterator[str]:
    yield from fresh_postgres()


def study(page, cards: int) -> list[str]:  # type: ignore[no-untyped-def]
    """From the student's home: `s`, then answer `cards` homework cards (the first option, or a
    typed answer; every one checked, never self-rated), and back home. The feedback of each."""
    page.keyboard.press("s")
    outcomes = []
    for _ in range(cards):
        asked = wait_for(page, "Esc home")
        assert "Show answer" not in asked  # a homework card is checked, not self-rated
        if "multiple choice" in asked:
            page.keyboard.press("1")
        else:
            page.keyboard.type("Belgrade")
            wait_for(page, "  Belgrade")
            page.keyboard.press("Enter")
        answered = wait_for(page, "Enter to go on")
        outcomes.append(next(mark for mark in ("✓ Right", "✗ Wrong", "≈") if mark in answered))
        page.keyboard.press("Enter")
        gone(page, "Enter to go on")
    page.keyboard.press("Escape")
    wait_for(page, f"Answers today {cards}")  # the home counts them from the store
    return outcomes


def tab_counts(hosts: list[str]) -> list[int]:
    """Each serve process's open tabs, from its own /healthz (not through nginx)."""
    counts = []
    for host in hosts:
        status, body, _ = get(f"{host}/healthz")
        assert status == 200 and json.loads(body)["database"] is True, body
        counts.append(json.loads(body)["tabs"])
    return counts


@pytest.mark.postgres
def test_students_study_on_two_serve_processes_and_the_teacher_reads_it_through_another(tmp_path, school_db: str) -> None:
    nginx_or_skip()
    chromium_or_skip()
    sync_api = pytest.importorskip("playwright.sync_api")
    exam = (datetime.now(UTC) + timedelta(days=18)).date().isoformat()
    quiz(school_db, "class", "new", CLASS)
    codes = {row["name"]: row["code"] for row in json.loads(quiz(school_db, "class", "add", CLASS, *STUDIED, "--json"))}
    homework = json.loads(quiz(school_db, "homework", "set", "--class", CLASS, "--bank", BANK, "--daily", "10",
                               "--exam", exam, "--json"))
    assert homework["exam"] == exam and homework["active"]

    https_port, http_port, first, second = (free_port() for _ in range(4))
    public = f"https://127.0.0.1:{https_port}"
    hosts = [f"http://127.0.0.1:{first}", f"http://127.0.0.1:{second}"]
    landed: dict[str, int] = {}  # student -> index of the serve process their tab reached
    answered: dict[str, list[str]] = {}
    with serve_process(school_db, first, public, None, tmp_path / "first.log"), \
            serve_process(school_db, second, public, None, tmp_path / "second.log"), \
            nginx(tmp_path / "nginx", [first, second], https_port, http_port), \
            sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM),
                                             args=["--disable-webgl", "--ignore-certificate-errors"])
        try:
            context = browser.new_context(viewport=VIEWPORT, ignore_https_errors=True)
            context.route("https://fonts.googleapis.com/**", lambda route: route.abort())
            context.add_init_script(CATCH_TERMINAL)
            tabs = {}
            before = tab_counts(hosts)
            assert before == [0, 0], before
            for name in STUDIED:  # one after the other, so that each new websocket is seen arriving
                tabs[name] = open_tab(context, f"{public}/")
                sign_in(tabs[name], CLASS, name, codes[name])
                home = wait_for(tabs[name], "Your progress")
                assert name in home and "Answers today 0" in home, home
                after = tab_counts(hosts)
                grew = [i for i in range(2) if after[i] == before[i] + 1]
                assert sum(after) == sum(before) + 1 and len(grew) == 1, (before, after)
                landed[name], before = grew[0], after
            assert set(landed.values()) == {0, 1}, landed  # least_conn: both processes serve a tab
            for name, page in tabs.items():
                answered[name] = study(page, STUDIED[name])
        finally:
            browser.close()
    upgraded = [line for line in (tmp_path / "nginx" / "access.log").read_text().splitlines()
                if '"GET /ws?' in line and '" 101 ' in line]
    assert len(upgraded) == len(STUDIED), upgraded  # nginx carried each tab's websocket

    # The teacher's view, from a process of its own: nothing of the serve processes is left running.
    progress = json.loads(quiz(school_db, "class", "progress", CLASS, "--json"))
    assert progress["bank"] == BANK and progress["exam"] == exam and progress["recall_on"] == exam
    students = {student["name"]: student for student in progress["students"]}
    assert students.keys() == STUDIED.keys()
    for name, outcomes in answered.items():
        row = students[name]
        assert row["reviews_week"] == len(outcomes) == STUDIED[name], (name, row, outcomes)  # 0 reviews lost
        assert 1 <= row["cards_studied"] <= len(outcomes), (name, row)
        assert 0 < row["predicted_recall"] < 1, (name, row)  # studied cards, recalled on the exam day
        assert "not_studied" not in row["flags"], (name, row)
    # The same recall as asking for the exam day by name: the homework's date is the one used.
    named = json.loads(quiz(school_db, "class", "progress", CLASS, "--exam", exam, "--bank", BANK, "--json"))
    assert {s["name"]: s["predicted_recall"] for s in named["students"]} == \
        {name: row["predicted_recall"] for name, row in students.items()}
