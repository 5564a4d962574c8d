"""Live review under load: a whole game (10 questions) played by a class on one `quiz serve`, 35
players on SQLite, then 150 on PostgreSQL (a school's server).

Each player is a small client speaking textual-serve's websocket protocol as the page does
(`bench.live_tab`): the server starts a student's home for it, as for a browser tab; it signs in
with its personal code, presses `g`, types the game's code, and answers each question by an
option's number after 1-4 s (right seven times in ten). The teacher's side is the host screen's
loop through the teacher's door: open the next question, then `tick` 4 times a second, which
reveals once every player has answered. Measured, for each game (suffix _35: SQLite, _150:
PostgreSQL; `live_players_*` says how many played):

    live_answers_lost_*                 answers sent (the screen said "Answer sent") minus the
                                        answers the game's report holds
    live_reveal_to_screen_p50/_p99_ms_* from the tick that revealed a question to the frame that
                                        shows the player's verdict, over every player and question
    live_server_cpu_ms_per_answer_*     CPU of the server and every tab's process (from /proc) from
                                        the first question's opening to the last reveal, per answer
    live_db_cpu_ms_per_answer_150       the same for PostgreSQL's processes, when it runs here (each
                                        process alive at the last reveal, from the opening or its start)
    live_rss_mb_per_tab_*               mean RSS of a tab's process at the last reveal
    live_pg_connections_peak_150        the most connections PostgreSQL's clients held at once
                                        (sampled twice a second from the first tab on), beside
    live_pg_max_connections_150         the server's limit

QUIZ_BENCH_PLAYERS=10 plays both games with 10 players (a quick run). PostgreSQL is
QUIZ_BENCH_POSTGRES or QUIZ_TEST_POSTGRES, else a throwaway server (`.ci/postgres`); when none can
run, it says so and gives the SQLite figures. The clients run in this process, on one event loop:
their CPU competes with the server's on the same 2 cores, as a class's browsers would not.
"""

from __future__ import annotations

import asyncio
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import AsyncExitStack
from dataclasses import dataclass, field
from pathlib import Path

from bench import live_tab
from bench.live_room import BANK, Connections, Teacher, database_processes, make_class
from bench.serve import group, rss_mb, serving
from bench.server import _cpu_s
from bench.ws_client import TIMEOUT_S, open_tab

QUICK = os.environ.get("QUIZ_BENCH_PLAYERS")
SIZES = {"35": int(QUICK or 35), "150": int(QUICK or 150)}  # SQLite's class, PostgreSQL's school
CLASS = "live"
QUESTIONS = 10
SECONDS = 60  # a question's countdown: a cap, each is revealed once every player has answered
THINK_S = (1.0, 4.0)
RIGHT_SHARE = 0.7
OPENING = 8  # tabs opening and signing in at once: a class arrives over a minute, not in 1 ms
TICK_S = 0.25  # the host screen's tick
SPARE_CONNECTIONS = 20  # PostgreSQL connections beside the tabs': the server's, the teacher's, the bench's


@dataclass
class Question:
    options: tuple[str, ...]
    key: str
    revealed_at: float | None = None  # when the tick that revealed it was called (monotonic)
    seen: list[float] = field(default_factory=list)  # when each player's verdict arrived


@dataclass
class Game:
    """What the teacher and the players share: the game's code, each question once opened."""

    code: str
    players: int
    joined: int = 0
    sent: int = 0
    refused: int = 0
    questions: list[Question] = field(default_factory=list)
    opened: asyncio.Condition = field(default_factory=asyncio.Condition)
    opening: asyncio.Semaphore = field(default_factory=lambda: asyncio.Semaphore(OPENING))

    @property
    def step_s(self) -> float:
        """How long a player waits on one step before the run stops: a big class on a small host
        is slow, not stuck (2 s a player, at least the client's own minute)."""
        return max(TIMEOUT_S, 2.0 * self.players)

    async def question(self, number: int) -> Question:
        """Question `number` (from 1), once the teacher has opened it."""
        async with self.opened:
            await self.opened.wait_for(lambda: len(self.questions) >= number)
        return self.questions[number - 1]

    async def open(self, question: Question) -> None:
        async with self.opened:
            self.questions.append(question)
            self.opened.notify_all()


async def _player(url: str, name: str, personal_code: str, game: Game) -> None:
    rng = random.Random(name)
    async with AsyncExitStack() as stack:
        async with game.opening:
            tab = await stack.enter_async_context(open_tab(url))
            await live_tab.sign_in(tab, CLASS, name, personal_code, game.step_s)
            await live_tab.join(tab, game.code, game.step_s)
        game.joined += 1
        since = tab.mark()
        for number in range(1, QUESTIONS + 1):
            question = await game.question(number)
            await live_tab.asked(tab, number, QUESTIONS, since, game.step_s)
            await asyncio.sleep(rng.uniform(*THINK_S))
            right = question.options.index(question.key) + 1
            wrong = [n for n in range(1, len(question.options) + 1) if n != right]
            sent = await live_tab.answer(tab, right if rng.random() < RIGHT_SHARE else rng.choice(wrong), game.step_s)
            if sent.shown == live_tab.REFUSED:
                game.refused += 1
            else:
                game.sent += 1
            _, arrived = await live_tab.verdict(tab, sent.mark, game.step_s)
            question.seen.append(arrived)
            since = tab.mark()
        await live_tab.final_place(tab, since, game.step_s)


async def _count_connections(connections: Connections) -> None:
    while True:
        connections.sample()
        await asyncio.sleep(0.5)


async def _host(teacher: Teacher, game: Game, server: int, database: Path | str) -> dict[str, float]:
    """Open each question, tick until it is revealed, wait for every screen to show it; end."""
    connections = Connections(database)
    counting = asyncio.create_task(_count_connections(connections))
    try:
        figures = await _run_game(teacher, game, server, database)
    finally:
        counting.cancel()
        connections.close()
    if connections.limit:
        figures |= {"pg_connections_peak": float(connections.peak), "pg_max_connections": float(connections.limit)}
    return figures


async def _run_game(teacher: Teacher, game: Game, server: int, database: Path | str) -> dict[str, float]:
    arriving = time.monotonic()
    while game.joined < game.players:
        await asyncio.sleep(0.1)
    joined = time.monotonic() - arriving
    pids = group(server)
    backends = database_processes(database)
    cpu_before, db_before, started = _cpu_s(pids), {pid: _cpu_s([pid]) for pid in backends}, time.monotonic()
    for _ in range(QUESTIONS):
        view = await teacher.live(lambda live: live.open_next(game.code))
        key = (await teacher.live(lambda live: live.report(game.code))).questions[-1].answer  # the teacher's
        assert view.question is not None
        question = Question(view.question.options, key)
        await game.open(question)
        while True:
            await asyncio.sleep(TICK_S)
            called = time.monotonic()
            view = await teacher.live(lambda live: live.tick(game.code))
            if view.reveal is not None:
                question.revealed_at = called
                break
        while len(question.seen) < game.players:
            await asyncio.sleep(0.05)
    playing = time.monotonic() - started
    cpu = _cpu_s(pids) - cpu_before
    db_cpu = sum(_cpu_s([pid]) - db_before.get(pid, 0.0) for pid in database_processes(database)) if backends else 0.0
    tabs = [rss_mb(pid) for pid in pids if pid != server]
    await teacher.live(lambda live: live.end(game.code))
    figures = {"join_all_s": joined, "cpu_s": cpu, "game_s": playing, "rss_mb_per_tab": statistics.fmean(tabs),
               "rss_mb_server": rss_mb(server)}
    return figures | ({"db_cpu_s": db_cpu} if backends else {})


async def _play(url: str, server: int, location: Path | str, codes: dict[str, str], game: Game) -> dict[str, float]:
    """Every player and the teacher together; any of them failing stops the game and the run."""
    teacher = Teacher(location)
    try:
        async with asyncio.TaskGroup() as tasks:
            for name, code in codes.items():
                tasks.create_task(_player(url, name, code, game))
            host = tasks.create_task(_host(teacher, game, server, location))
        figures = host.result()
        report = await teacher.live(lambda live: live.report(game.code))
    finally:
        teacher.close()
    delays = sorted(seen - q.revealed_at for q in game.questions if q.revealed_at for seen in q.seen)
    stored = sum(row.answered for row in report.questions)
    return {
        "players": float(game.players),
        "join_all_s": round(figures["join_all_s"], 1),
        "game_s": round(figures["game_s"], 1),
        "answers_sent": float(game.sent),
        "answers_refused": float(game.refused),
        "answers_lost": float(game.sent - stored),
        "reveal_to_screen_p50_ms": round(statistics.median(delays) * 1000, 1),
        "reveal_to_screen_p99_ms": round(delays[min(len(delays) - 1, int(len(delays) * 0.99))] * 1000, 1),
        "server_cpu_ms_per_answer": round(figures["cpu_s"] / max(game.sent, 1) * 1000, 1),
        "server_cpu_cores_busy": round(figures["cpu_s"] / figures["game_s"], 2),
        "rss_mb_per_tab": round(figures["rss_mb_per_tab"], 1),
        "rss_mb_server": round(figures["rss_mb_server"], 1),
    } | ({"db_cpu_ms_per_answer": round(figures["db_cpu_s"] / max(game.sent, 1) * 1000, 1)} if "db_cpu_s" in figures else {}) \
      | {name: figures[name] for name in ("pg_connections_peak", "pg_max_connections") if name in figures}


def game_on(location: Path | str, players: int, log: Path) -> dict[str, float]:
    """One whole game with `players` on `location` (a SQLite file or a PostgreSQL URL)."""
    from quiz.doors.teacher import TeacherDoor
    from quiz.live.model import GameSettings

    codes = make_class(location, CLASS, players)
    door = TeacherDoor(location, "teacher")
    try:
        settings = GameSettings(class_name=CLASS, bank=BANK, questions=QUESTIONS, source="weak", seconds=SECONDS)
        code = door.live.create(settings, seed=1).code
    finally:
        door.close()
    game = Game(code, players)
    with serving(location, log, "--max-tabs", str(players + 10)) as (url, server):
        try:
            return asyncio.run(_play(url, server, location, codes, game))
        except ExceptionGroup as failed:
            stuck = failed.subgroup((TimeoutError, ConnectionError))
            if stuck is None:
                raise
            print(f"live: the game with {players} players stopped ({game.joined} joined, "
                  f"{len(game.questions)} questions opened): {str(stuck.exceptions[0])[-1500:]}", file=sys.stderr)
            return {"players": float(players), "players_joined": float(game.joined), "stopped": 1.0}


def _postgres(players: int, folder: Path) -> dict[str, float]:
    """The game on PostgreSQL, in a schema of its own; {} (and a line saying why) when it cannot run."""
    try:
        import psycopg

        from bench.postgres import server
        from quiz.store.postgres.connection import scratch_schema
    except ImportError as error:
        print(f"live: no PostgreSQL figures ({error})", file=sys.stderr)
        return {}
    try:
        with server() as base, scratch_schema(base, "bench_live") as url:
            limit = Connections(url)
            limit.close()
            if limit.limit < players + SPARE_CONNECTIONS:
                print(f"live: PostgreSQL's max_connections is {limit.limit}: {players} served tabs hold one each "
                      f"(and the server, the teacher and this bench a few); give it {players + SPARE_CONNECTIONS} "
                      "or more (.ci/postgres does)", file=sys.stderr)
                return {"players": float(players), "pg_max_connections": float(limit.limit), "stopped": 1.0}
            return game_on(url, players, folder / "serve-postgres.log")
    except (OSError, subprocess.CalledProcessError, psycopg.OperationalError) as error:
        print(f"live: PostgreSQL could not run ({error}): SQLite figures only", file=sys.stderr)
        return {}


def run() -> dict[str, float]:
    figures = {"live_load_before": round(os.getloadavg()[0], 2)}  # others' work on the same cores
    with tempfile.TemporaryDirectory(prefix="quiz-bench-live-") as tmp:
        folder = Path(tmp)
        games = {"35": game_on(folder / "live.db", SIZES["35"], folder / "serve-sqlite.log"),
                 "150": _postgres(SIZES["150"], folder)}
    for size, game in games.items():
        figures.update({f"live_{name}_{size}": value for name, value in game.items()})
    return figures


if __name__ == "__main__":
    for key, value in run().items():
        print(f"{key:36} {value}")
