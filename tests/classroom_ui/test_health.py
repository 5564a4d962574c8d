"""Issue 21 item 5: `GET /healthz` on `quiz serve`, for a proxy or a monitor. 200 with counts when
the server takes another tab and its database answers; 503 when full or when the database does not
answer within a short timeout; never a tab, never a name or the database's address.

The server's own answers are tried in-process (aiohttp's test client, with probes that answer,
fail or hang); a real `quiz serve` is then asked while a real tab is open.
"""

from __future__ import annotations

import asyncio
import threading
import time

import aiohttp
import pytest
from aiohttp.test_utils import TestClient, TestServer

import quiz.cli.served as served
from quiz.cli.served import Limits, QuizServer
from quiz.errors import StoreError
from tests.classroom_ui.test_serve_limits import next_frame, serving


class Probe:
    """A database that answers, fails (`error`) or hangs until released; counts the questions."""

    def __init__(self, error: Exception | None = None, hang: bool = False) -> None:
        self.error = error
        self.released = threading.Event()
        if not hang:
            self.released.set()
        self.asked = 0

    def ping(self) -> None:
        self.asked += 1
        self.released.wait(30)
        if self.error is not None:
            raise self.error


async def _client(probe: Probe, max_tabs: int = 5) -> tuple[QuizServer, TestClient]:
    server = QuizServer("exec true", "127.0.0.1", 8000, "https://quiz.school.example", "quiz", Limits(max_tabs), probe)
    client = TestClient(TestServer(await server._make_app()))
    await client.start_server()
    return server, client


async def test_a_healthy_server_says_so_in_counts_and_flags_only() -> None:
    server, client = await _client(Probe())
    try:
        answer = await client.get("/healthz")
        assert answer.status == 200
        assert answer.headers["Cache-Control"] == "no-store"
        assert await answer.json() == {"status": "ok", "tabs": 0, "max_tabs": 5, "database": True}
        server.tabs = 5  # every tab the teacher allowed is open: a proxy should send new tabs elsewhere
        answer = await client.get("/healthz")
        assert answer.status == 503
        assert await answer.json() == {"status": "full", "tabs": 5, "max_tabs": 5, "database": True}
    finally:
        await client.close()


async def test_a_database_that_fails_is_503_and_its_message_stays_in_the_log(caplog) -> None:
    secret = "cannot reach the database server at postgresql://quiz:***@db.school.example/quiz"
    server, client = await _client(Probe(StoreError(secret)))
    try:
        answer = await client.get("/healthz")
        assert answer.status == 503
        body = await answer.text()
        assert "db.school.example" not in body
        assert await answer.json() == {"status": "database unreachable", "tabs": 0, "max_tabs": 5, "database": False}
        assert "db.school.example" in caplog.text  # the server's log says why
    finally:
        await client.close()


async def test_a_database_that_hangs_is_503_within_the_timeout_and_checks_do_not_pile_up(monkeypatch) -> None:
    monkeypatch.setattr(served, "HEALTH_TIMEOUT_S", 0.3)
    probe = Probe(hang=True)
    server, client = await _client(probe)
    try:
        started = time.monotonic()
        answers = await asyncio.gather(*(client.get("/healthz") for _ in range(20)))
        assert time.monotonic() - started < 3
        assert {answer.status for answer in answers} == {503}
        assert probe.asked == 1  # twenty checks, one query in flight
        probe.released.set()  # the database answers again
        for _ in range(50):
            answer = await client.get("/healthz")
            if answer.status == 200:
                break
            await asyncio.sleep(0.05)
        assert answer.status == 200
        calls = probe.asked
        await asyncio.gather(*(client.get("/healthz") for _ in range(20)))
        assert probe.asked == calls  # within HEALTH_FRESH_S the last answer is reused
    finally:
        probe.released.set()
        await client.close()


@pytest.mark.slow
async def test_a_real_server_reports_its_tabs_and_the_check_is_no_tab(room) -> None:
    with serving(room.db_path, room.paper(), "--max-tabs", "1") as url:
        async with aiohttp.ClientSession() as session:
            for _ in range(5):  # however often it is asked, no tab opens
                async with session.get(f"{url}/healthz") as answer:
                    assert answer.status == 200
                    assert await answer.json() == {"status": "ok", "tabs": 0, "max_tabs": 1, "database": True}
            tab = await session.ws_connect(f"{url}/ws", headers={"Origin": url})
            await next_frame(tab)
            async with session.get(f"{url}/healthz") as answer:
                assert answer.status == 503
                assert await answer.json() == {"status": "full", "tabs": 1, "max_tabs": 1, "database": True}
            await tab.close()
            for _ in range(100):  # the tab's app ends, and its place frees up
                async with session.get(f"{url}/healthz") as answer:
                    body = await answer.json()
                if answer.status == 200:
                    break
                await asyncio.sleep(0.1)
            assert body == {"status": "ok", "tabs": 0, "max_tabs": 1, "database": True}
