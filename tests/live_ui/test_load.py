"""The load test of live review (issue #22, item 5): a whole game for a class of 35 on one
`quiz serve` (a SQLite file), 32 players as websocket clients and 3 in real headless Chromium tabs.

Each opens the served student's home, signs in with a personal code, presses `g` and types the
game's code. The test is the teacher, through the teacher's door: it opens each question; the
players answer at their own moments by pressing an option's number (some right, some wrong; a few
press it twice; one lets the last question go; one browser tab reloads while a question is open
and joins again); the test ticks as the host screen does, which reveals once every player has
answered (the last question: `reveal`, one player having let it go); each screen must show its
verdict. At the end (tests/live_ui/load_checks.py): 0 answers lost, 0 doubled, every score and the
leaderboard recomputed, each final screen's place and points, and every answer a review.
"""

from __future__ import annotations

import asyncio
import time
from functools import partial
from pathlib import Path

import pytest

from bench.live_room import BANK, Teacher, make_class
from bench.serve import serving
from quiz.doors.teacher import TeacherDoor
from quiz.live.model import GameSettings, State
from tests.classroom_ui.browser import CATCH_TERMINAL, CHROMIUM, VIEWPORT, chromium_or_skip
from tests.live_ui.load_checks import check_game
from tests.live_ui.load_game import (
    ARRIVING_S,
    BROWSER_TABS,
    CLASS,
    QUESTIONS,
    RELOADER,
    SECONDS,
    SKIPPER,
    STUDENTS,
    WAIT_S,
    Game,
    Question,
    plans,
    until,
)
from tests.live_ui.load_players import browser_player, websocket_player

pytestmark = pytest.mark.slow

OPENING = 6  # tabs starting at once (a class arrives over a minute; 35 app processes at once on 2 cores stall)
BUDGET_S = ARRIVING_S + QUESTIONS * WAIT_S  # a stop for a stuck game: it takes 100-130 s here (60 of them joining)


async def teacher(host: Teacher, game: Game) -> None:
    """Open each question; once every player has answered, tick (which reveals: all have answered)
    or, on the question a player lets go, see tick leave it open and reveal it; then wait for every
    screen's verdict. End the game."""
    await until(lambda: len(game.joined) == STUDENTS, lambda: f"every player in the lobby ({len(game.joined)} joined)",
                ARRIVING_S)
    game.timings.append(("joined", time.monotonic()))
    lobby = await host.live(lambda live: live.view(game.code))
    assert lobby.state is State.LOBBY and len(lobby.players) == STUDENTS
    for index in range(QUESTIONS):
        view = await host.live(lambda live: live.open_next(game.code))
        report = await host.live(lambda live: live.report(game.code))
        assert view.question is not None and view.index == index
        question = Question(view.question.options, report.questions[index].answer)
        game.questions.append(question)
        everyone = set(game.joined)
        await until(partial(question.answered.issuperset, everyone), f"every player through question {index + 1}")
        view = await host.live(lambda live: live.tick(game.code))
        letting_go = any(not plans(name)[index].answers for name in everyone)
        if letting_go:
            assert view.state is State.OPEN and view.answers == STUDENTS - 1
            view = await host.live(lambda live: live.reveal(game.code))
        assert view.state is State.REVEALED and view.reveal is not None
        assert view.reveal.answered == STUDENTS - letting_go and view.reveal.players == STUDENTS
        await until(partial(question.checked.issuperset, everyone), f"every screen's verdict on question {index + 1}")
        game.timings.append((f"question {index + 1}", time.monotonic()))
    ended = await host.live(lambda live: live.end(game.code))
    assert ended.state is State.ENDED


async def browser_seats(url: str, codes: dict[str, str], game: Game, opening: asyncio.Semaphore) -> None:
    from playwright.async_api import ViewportSize, async_playwright

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--disable-webgl"])
        try:
            context = await browser.new_context(viewport=ViewportSize(width=VIEWPORT["width"], height=VIEWPORT["height"]))
            await context.route("https://fonts.googleapis.com/**", lambda route: route.abort())
            await context.add_init_script(CATCH_TERMINAL)
            async with asyncio.TaskGroup() as seats:
                for name, personal_code in codes.items():
                    page = await context.new_page()
                    seats.create_task(browser_player(page, url, name, personal_code, game, opening, name == RELOADER))
        finally:
            await browser.close()


async def play(url: str, db_path: Path, codes: dict[str, str], game: Game) -> None:
    names = sorted(codes)
    in_browsers = {name: codes[name] for name in names[-BROWSER_TABS:]}
    opening = asyncio.Semaphore(OPENING)
    host = Teacher(db_path)
    try:
        async with asyncio.TaskGroup() as everyone:
            everyone.create_task(browser_seats(url.removesuffix("ws"), in_browsers, game, opening))
            for name in names[:-BROWSER_TABS]:
                everyone.create_task(websocket_player(url, name, codes[name], game, opening))
            everyone.create_task(teacher(host, game))
    finally:
        host.close()


def test_a_class_of_35_plays_a_whole_game_and_nothing_is_lost(tmp_path: Path) -> None:
    chromium_or_skip()
    pytest.importorskip("playwright.async_api")
    db_path = tmp_path / "quiz.db"
    codes = make_class(db_path, CLASS, STUDENTS)
    assert RELOADER in sorted(codes)[-BROWSER_TABS:] and SKIPPER in sorted(codes)[:-BROWSER_TABS]
    started = time.monotonic()
    with serving(db_path, tmp_path / "serve.log", "--max-tabs", str(STUDENTS + 5)) as (url, _):
        desk = TeacherDoor(db_path, "teacher")
        try:
            settings = GameSettings(class_name=CLASS, bank=BANK, questions=QUESTIONS, source="weak", seconds=SECONDS)
            game = Game(desk.live.create(settings).code)
        finally:
            desk.close()
        asyncio.run(asyncio.wait_for(play(url, db_path, codes, game), BUDGET_S))
    took = time.monotonic() - started
    steps = [f"{what} {at - started:.1f} s" for what, at in game.timings]
    assert game.reloaded, "the reloading tab never came back"
    report = check_game(db_path, game)
    assert len(report.questions) == QUESTIONS and report.ended is not None
    print(f"\nlive load: {STUDENTS} players, {sum(q.answered for q in report.questions)} answers, {took:.1f} s "
          f"({', '.join(steps)})")
