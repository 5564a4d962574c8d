"""The load test's game as its players and teacher share it: what each player will do on each
question, what each did and saw, and the questions as the teacher opens them.

A player answers a question by an option's number after a pause (some right, some wrong), a few
press the key twice, one lets the last question go; the teacher waits for every player's answer
before it ticks (which then reveals: every player has answered), and for every screen's verdict
before it opens the next question.
"""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from bench.live_tab import NONE, RIGHT, WRONG

STUDENTS = 35
BROWSER_TABS = 3
QUESTIONS = 5
SECONDS = 60  # a countdown no answer comes near: the questions are revealed once all have answered
CLASS = "7B"
SKIPPER = "Student 007"  # lets the last question go (so the teacher reveals it with `r`)
TWICE = ("Student 002", "Student 011", "Student 020", "Student 034")  # press their key twice
RELOADER = "Student 035"  # a browser tab, reloaded while question RELOAD_AT is open
RELOAD_AT = 1  # question index (0-based)
WAIT_S = 60.0  # for one step of the game (a reloaded tab back in it, every screen's verdict…)
ARRIVING_S = 240.0  # for the whole class to sign in and join (35 app processes starting on 2 cores)


@dataclass(frozen=True)
class Plan:
    """What a player does on one question: after `delay` seconds, press the right option or a
    wrong one (`right`), or nothing (`answers` False); `twice`: press the key a second time."""

    delay: float
    right: bool
    answers: bool = True
    twice: bool = False


def plans(name: str) -> list[Plan]:
    rng = random.Random(name)
    return [Plan(delay=rng.uniform(0.2, 2.0), right=rng.random() < 0.65,
                 answers=not (name == SKIPPER and index == QUESTIONS - 1), twice=name in TWICE and index % 2 == 0)
            for index in range(QUESTIONS)]


@dataclass
class Question:
    """One question once opened: its options and key (the teacher's), who has answered and whose
    screen has shown the verdict."""

    options: tuple[str, ...]
    key: str
    answered: set[str] = field(default_factory=set)
    checked: set[str] = field(default_factory=set)

    def option(self, plan: Plan) -> int:
        """The number (from 1) the plan presses: the key's, or the first wrong one after it."""
        right = self.options.index(self.key) + 1
        return right if plan.right else right % len(self.options) + 1

    def expected(self, plan: Plan) -> str:
        return (RIGHT if plan.right else WRONG) if plan.answers else NONE


@dataclass
class Played:
    """What one player sent and saw."""

    name: str
    sent: dict[int, str] = field(default_factory=dict)  # question index -> the option's text first pressed
    pressed_at: dict[int, float] = field(default_factory=dict)  # …and how long after seeing it (s)
    verdicts: dict[int, str] = field(default_factory=dict)  # question index -> the verdict on screen
    final: tuple[int, int, int] | None = None  # (rank, players, points) on the last screen


@dataclass
class Game:
    code: str
    joined: set[str] = field(default_factory=set)
    questions: list[Question] = field(default_factory=list)
    played: dict[str, Played] = field(default_factory=dict)
    reloaded: bool = False  # the reloading tab came back answered, with its score
    timings: list[tuple[str, float]] = field(default_factory=list)  # the teacher's steps, when done

    def player(self, name: str) -> Played:
        return self.played.setdefault(name, Played(name))

    async def question(self, index: int) -> Question:
        await until(lambda: len(self.questions) > index, f"question {index + 1} opened", ARRIVING_S + WAIT_S)
        return self.questions[index]


async def until(done: Callable[[], bool], what: str | Callable[[], str], timeout: float = WAIT_S) -> None:
    """Until `done()`; AssertionError naming `what` (or what it says then) after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while not done():
        if time.monotonic() > deadline:
            raise AssertionError(f"never: {what if isinstance(what, str) else what()}")
        await asyncio.sleep(0.05)
