"""A student in a live game on a served student's home, without a browser (`bench.ws_client`).

Sign in with class, name and personal code, press `g` and type the game's code, answer a question
by its option's number, and read what the screen says after the reveal (right, wrong, no answer)
and at the end (place and points). The live benchmark (`bench.live`) and the load test
(tests/live_ui/test_load.py) play with it. Each wait starts from a mark taken before the key or
the teacher's move it waits on, so text drawn earlier never answers it.
"""

from __future__ import annotations

import asyncio
import re
from dataclasses import dataclass

from bench.ws_client import ESCAPE, TIMEOUT_S, Tab, drawn

SENT = "Answer sent"
REFUSED = "Not counted"
VERDICTS = ("Right!", "Nearly, but not right.", "Not right.", "No answer this time.")
RIGHT, NEAR, WRONG, NONE = VERDICTS
FINAL = re.compile(r"You came (\d+)\w\w of (\d+) with (\d+) points")


def either(*shown: str) -> re.Pattern[bytes]:
    """Any of these texts, as drawn; `which` tells which one matched."""
    return re.compile(b"|".join(b"(" + drawn(text).pattern + b")" for text in shown))


def which(pattern: re.Pattern[bytes], shown: tuple[str, ...], screen: bytes | bytearray, since: int) -> str:
    """The first of `shown` that `pattern` (made by `either(*shown)`) finds drawn from `since` on."""
    match = pattern.search(screen, since)
    assert match is not None and match.lastindex is not None
    return shown[match.lastindex - 1]


def plain(screen: bytes | bytearray, since: int = 0) -> str:
    """What was drawn from `since` on, escape sequences dropped (to read a figure off it)."""
    return ESCAPE.sub(b"", bytes(screen[since:])).decode("utf-8", "replace")


ANSWERED = either(SENT, REFUSED, *VERDICTS)
REVEALED = either(*VERDICTS)


def name_shown(name: str) -> re.Pattern[bytes]:
    """The name typed into its field, whole (not a longer one where a key came twice); before it, a
    space or the end of an escape sequence."""
    return re.compile(rb"(?<=[m ])" + drawn(name).pattern + rb"(?![\w\x80-\xff])")


def dots_shown(code: str) -> re.Pattern[bytes]:
    """A personal code as its field shows it: exactly one dot per character."""
    dot = re.escape("•".encode())
    return re.compile(rb"(?<!" + dot + rb")(?:" + dot + rb"){%d}(?!" % len(code) + dot + rb")")


async def sign_in(tab: Tab, class_name: str, name: str, personal_code: str, step_s: float = TIMEOUT_S) -> None:
    """From a new tab to the student's home, each step within `step_s` (the first, twice that).
    Keys typed in a tab's first moments can be dropped: each field is typed until it shows exactly
    what was typed (a third of a step later, again), and focus is waited on before each."""
    await tab.read_until(drawn("▸ Class"), since=0, timeout=2 * step_s)
    await asyncio.sleep(1.0)  # as long as a person takes to start typing: keys before it may be lost
    await tab.fill(class_name, name_shown(class_name), wait=step_s / 3)
    for label, value, shown in (("▸ Name", name, name_shown(name)),
                                ("▸ Personal code", personal_code, dots_shown(personal_code))):
        mark = tab.mark()
        await tab.keys("\r")
        await tab.read_until(drawn(label), since=mark, timeout=step_s)
        await tab.fill(value, shown, wait=step_s / 3)
    mark = tab.mark()
    await tab.keys("\r")
    await tab.read_until(drawn("Your progress"), since=mark, timeout=step_s)


async def join(tab: Tab, game: str, step_s: float = TIMEOUT_S) -> None:
    """From the home into game `game`: `g`, its code, Enter; until the game's screen shows (the
    lobby, or for a rejoin the game as it stands)."""
    mark = tab.mark()
    await tab.keys("g")
    await tab.read_until(drawn("Game code"), since=mark, timeout=step_s)
    await tab.fill(game, drawn(game), wait=step_s / 3)
    mark = tab.mark()
    await tab.keys("\r")
    await tab.read_until(drawn(f"Live · {game}"), since=mark, timeout=step_s)


async def asked(tab: Tab, number: int, total: int, since: int, step_s: float = TIMEOUT_S) -> None:
    """Until question `number` (from 1) of `total` is on the screen."""
    await tab.read_until(drawn(f"Question {number} of {total}"), since=since, timeout=step_s)


@dataclass(frozen=True)
class Sent:
    """An option's number pressed, and what the screen said next."""

    option: int  # from 1
    mark: int  # where the screen was before the key
    shown: str  # SENT, REFUSED, or a verdict (the reveal came first)


async def answer(tab: Tab, option: int, step_s: float = TIMEOUT_S) -> Sent:
    """Press option `option`'s number; until the screen says it was sent (or not counted)."""
    mark = tab.mark()
    await tab.keys(str(option))
    await tab.read_until(ANSWERED, since=mark, timeout=step_s)
    return Sent(option, mark, which(ANSWERED, (SENT, REFUSED, *VERDICTS), tab.screen, mark))


async def verdict(tab: Tab, since: int, step_s: float = TIMEOUT_S) -> tuple[str, float]:
    """The verdict the screen shows after the reveal (one of VERDICTS) and when its frame came."""
    arrived = await tab.read_until(REVEALED, since=since, timeout=step_s)
    return which(REVEALED, VERDICTS, tab.screen, since), arrived


async def final_place(tab: Tab, since: int, step_s: float = TIMEOUT_S) -> tuple[int, int, int]:
    """(rank, players, points) as the screen says at the end: "You came 2nd of 35 with 2710 points"."""
    await tab.read_until(drawn("You came "), since=since, timeout=step_s)
    await tab.read_until(drawn(" points."), since=since, timeout=step_s)
    found = FINAL.search(plain(tab.screen, since))
    assert found is not None, plain(tab.screen, since)[-2000:]
    rank, players, points = (int(group) for group in found.groups())
    return rank, players, points
