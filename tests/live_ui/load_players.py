"""The load test's players: a websocket client (`bench.live_tab`, a tab without a browser) or a
real headless Chromium tab, each on the served student's home: sign in, `g`, the game's code, then
each question answered by its plan, and its verdict read off the screen after the reveal.

The Chromium tab reads xterm.js's buffer (tests/classroom_ui/browser.py's init script); one of them
reloads while a question is open, signs in and joins again, and must find that question answered
with its first choice, and its score unchanged.
"""

from __future__ import annotations

import asyncio
import re
import time
from contextlib import AsyncExitStack
from typing import Any

from bench import live_tab
from bench.ws_client import Tab, open_tab
from tests.classroom_ui.browser import KEYBOARD
from tests.live_ui.load_game import CLASS, QUESTIONS, RELOAD_AT, WAIT_S, Game, Question, plans

SCORE = re.compile(r"score (\d+)")


async def websocket_player(url: str, name: str, personal_code: str, game: Game, opening: asyncio.Semaphore) -> None:
    """A tab without a browser: opened, signed in and joined while `opening` lets it, then played."""
    async with AsyncExitStack() as stack:
        async with opening:
            tab = await stack.enter_async_context(open_tab(url))
            await live_tab.sign_in(tab, CLASS, name, personal_code)
            await live_tab.join(tab, game.code)
        game.joined.add(name)
        await websocket_game(tab, name, game)


async def websocket_game(tab: Tab, name: str, game: Game) -> None:
    played = game.player(name)
    since = tab.mark()
    for index, plan in enumerate(plans(name)):
        question = await game.question(index)
        await live_tab.asked(tab, index + 1, QUESTIONS, since)
        seen = time.monotonic()
        mark = tab.mark()
        if plan.answers:
            await asyncio.sleep(plan.delay)
            option = question.option(plan)
            played.sent[index], played.pressed_at[index] = question.options[option - 1], time.monotonic() - seen
            sent = await live_tab.answer(tab, option)
            assert sent.shown == live_tab.SENT, f"{name}, question {index + 1}: {sent.shown}"
            if plan.twice:
                await tab.keys(str(option))  # the same answer again, after "Answer sent"
            mark = sent.mark
        question.answered.add(name)
        played.verdicts[index], _ = await live_tab.verdict(tab, mark)
        question.checked.add(name)
        since = tab.mark()
    played.final = await live_tab.final_place(tab, since)


# -- a real browser tab ----------------------------------------------------------------------------
async def screen(page: Any) -> str:
    return str(await page.evaluate("window.__quizScreen()"))


async def shown(page: Any, *texts: str, timeout: float = WAIT_S) -> str:
    """The screen once it shows every one of `texts`."""
    deadline = time.monotonic() + timeout
    while True:
        now = await screen(page)
        if all(text in now for text in texts):
            return now
        if time.monotonic() > deadline:
            raise AssertionError(f"{texts!r} never appeared; the screen was:\n{now}")
        await asyncio.sleep(0.05)


async def sign_in_and_join(page: Any, name: str, personal_code: str, game: str) -> str:
    """From a new page to game `game`'s screen; each field typed once the screen marks it."""
    await page.wait_for_selector("body.-first-byte")
    await shown(page, "▸ Class")
    await page.focus(KEYBOARD)
    for label, value, typed in (("Class", CLASS, CLASS), ("Name", name, name),
                                ("Personal code", personal_code, "•" * len(personal_code))):
        await shown(page, f"▸ {label}")
        await page.keyboard.type(value)
        await shown(page, typed)
        await page.keyboard.press("Enter")
    await shown(page, "Your progress")
    await page.keyboard.press("g")
    await shown(page, "Game code")
    await page.keyboard.type(game)
    await shown(page, f"  {game}")
    await page.keyboard.press("Enter")
    return await shown(page, f"Live · {game}")


async def browser_player(page: Any, url: str, name: str, personal_code: str, game: Game, opening: asyncio.Semaphore,
                         reload: bool) -> None:
    """A Chromium tab: opened, signed in and joined while `opening` lets it, then played."""
    async with opening:
        await page.goto(url)
        await sign_in_and_join(page, name, personal_code, game.code)
    game.joined.add(name)
    played = game.player(name)
    for index, plan in enumerate(plans(name)):
        question = await game.question(index)
        await shown(page, f"Question {index + 1} of {QUESTIONS}", "Your first answer counts")
        seen = time.monotonic()
        if plan.answers:
            await asyncio.sleep(plan.delay)
            option = question.option(plan)
            played.sent[index], played.pressed_at[index] = question.options[option - 1], time.monotonic() - seen
            await page.keyboard.press(str(option))
            if plan.twice:
                await page.keyboard.press(str(option))
            await shown(page, "Answer sent")
            if reload and index == RELOAD_AT:
                await reload_and_rejoin(page, name, personal_code, game, question, option)
        question.answered.add(name)
        played.verdicts[index] = await verdict_shown(page)
        question.checked.add(name)
    final = await shown(page, "You came ", " points.")
    found = live_tab.FINAL.search(final)
    assert found is not None, final
    rank, players, points = (int(group) for group in found.groups())
    played.final = rank, players, points


async def reload_and_rejoin(page: Any, name: str, personal_code: str, game: Game, question: Question,
                            option: int) -> None:
    """Reload (a new app process), sign in, join again: the question still open and shown answered
    with the first choice, the score as it was; another key changes nothing."""
    before = SCORE.search(await shown(page, "Answer sent"))
    assert before is not None
    await page.reload()
    rejoined = await sign_in_and_join(page, name, personal_code, game.code)
    again = await shown(page, f"Question {RELOAD_AT + 1} of {QUESTIONS}", "Answer sent")
    assert f"● {option} {question.options[option - 1][:40]}" in again, again
    score = SCORE.search(again)
    assert score is not None and score.group(1) == before.group(1), (before, again, rejoined)
    await page.keyboard.press(str(option % len(question.options) + 1))  # a second answer: not taken
    await asyncio.sleep(0.5)
    assert f"● {option} " in await shown(page, "Answer sent")
    game.reloaded = True


async def verdict_shown(page: Any) -> str:
    now = await shown(page, "Revealed", "The answer: ")
    return next(verdict for verdict in live_tab.VERDICTS if verdict in now)
