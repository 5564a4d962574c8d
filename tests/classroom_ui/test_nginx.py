"""Issue 21 item 5: a school's setup, end to end. Two `quiz serve` processes on two ports share one
PostgreSQL database behind Debian's nginx running docs/nginx/quiz.conf (TLS at the proxy); two
students sign in and answer through nginx in headless Chromium, one tab landing on each process;
a separate `quiz paper results --json` process (standing for another host) reads every answer.
"""

from __future__ import annotations

import asyncio
import json
import ssl
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator

import aiohttp
import pytest

from tests.classroom_ui.browser import (
    CATCH_TERMINAL,
    CHROMIUM,
    VIEWPORT,
    answer_everything,
    chromium_or_skip,
    free_port,
    open_tab,
    sign_in,
    wait_for,
)
from tests.classroom_ui.proxy import nginx, nginx_or_skip, serve_process, tab_addresses
from tests.classroom_ui.test_serve_limits import next_frame
from tests.support.engines import fresh_postgres

pytestmark = pytest.mark.slow
STUDENTS = ("Ana", "Boris")


@pytest.fixture
def school_db() -> Iterator[str]:
    yield from fresh_postgres()


def quiz(db: str, *args: str) -> str:
    """One `quiz` command as its own process (another host's, as far as the database can tell)."""
    done = subprocess.run([sys.executable, "-m", "quiz", "--db", db, *args], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


async def _websocket_status(url: str, origin: str) -> int:
    async with aiohttp.ClientSession() as session:
        try:
            tab = await session.ws_connect(url, headers={"Origin": origin}, ssl=False)
        except aiohttp.WSServerHandshakeError as refused:
            return refused.status
        await tab.close()
        return 101


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


def get(url: str) -> tuple[int, str, dict[str, str]]:
    """A plain GET (no event loop: Playwright's sync API runs one on this thread), redirects not
    followed, the test's self-signed certificate accepted."""
    opener = urllib.request.build_opener(_NoRedirect, urllib.request.HTTPSHandler(context=ssl._create_unverified_context()))
    try:
        with opener.open(url, timeout=10) as answer:
            return answer.status, answer.read().decode(), dict(answer.headers)
    except urllib.error.HTTPError as answer:
        return answer.code, answer.read().decode(), dict(answer.headers)


@pytest.mark.postgres
def test_two_serve_processes_behind_nginx_lose_no_answer(tmp_path, school_db: str) -> None:
    nginx_or_skip()
    chromium_or_skip()
    sync_api = pytest.importorskip("playwright.sync_api")
    quiz(school_db, "class", "new", "7b")
    codes = {row["name"]: row["code"] for row in json.loads(quiz(school_db, "class", "add", "7b", *STUDENTS, "--json"))}
    made = json.loads(quiz(school_db, "paper", "new", "--bank", "belgrade-offensive", "--title", "Belgrade check",
                           "--class", "7b", "--count", "4", "--time-limit", "30m", "--json"))
    paper = made["code"]

    https_port, http_port, first, second = (free_port() for _ in range(4))
    public = f"https://127.0.0.1:{https_port}"
    hosts = [f"http://127.0.0.1:{first}", f"http://127.0.0.1:{second}"]
    shown: dict[str, dict[str, str]] = {}
    with serve_process(school_db, first, public, paper, tmp_path / "first.log") as first_server, \
            serve_process(school_db, second, public, paper, tmp_path / "second.log") as second_server, \
            nginx(tmp_path / "nginx", [first, second], https_port, http_port):
        status, body, _ = get(f"{public}/healthz")
        assert status == 200 and json.loads(body)["database"] is True
        status, _, headers = get(f"http://127.0.0.1:{http_port}/")
        assert status == 301 and headers["Location"].startswith("https://")
        # The Origin check holds behind the proxy: the proxy's page may open a tab, another site's may not.
        assert asyncio.run(_websocket_status(f"wss://127.0.0.1:{https_port}/ws", "https://evil.example")) == 403

        with sync_api.sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM),
                                                 args=["--disable-webgl", "--ignore-certificate-errors"])
            try:
                context = browser.new_context(viewport=VIEWPORT, ignore_https_errors=True)
                context.route("https://fonts.googleapis.com/**", lambda route: route.abort())
                context.add_init_script(CATCH_TERMINAL)
                sockets: list[str] = []
                context.on("page", lambda page: page.on("websocket", lambda ws: sockets.append(ws.url)))
                tabs = {}
                for name in STUDENTS:  # one after the other: the second tab goes to the less busy process
                    tabs[name] = open_tab(context, f"{public}/")
                    sign_in(tabs[name], name, codes[name])
                assert all(url.startswith(f"wss://127.0.0.1:{https_port}/ws?") for url in sockets), sockets
                per_host = [json.loads(get(f"{host}/healthz")[1])["tabs"] for host in hosts]
                assert per_host == [1, 1], per_host  # each process serves one tab, both through nginx
                addresses = tab_addresses(first_server) + tab_addresses(second_server)
                assert addresses == ["127.0.0.1"] * 2, addresses  # the browser's address, not nginx's
                for name, page in tabs.items():
                    shown[name] = answer_everything(page)
                    page.keyboard.press("Control+s")
                    wait_for(page, "Submit now?")
                    page.keyboard.press("y")
                    wait_for(page, "Submitted. Score")
            finally:
                browser.close()
        upgraded = [line for line in (tmp_path / "nginx" / "access.log").read_text().splitlines()
                    if '"GET /ws?' in line and '" 101 ' in line]
        assert len(upgraded) == len(STUDENTS), upgraded  # nginx carried each tab's websocket
        for host in hosts:
            status, body, _ = get(f"{host}/healthz")
            assert status == 200 and json.loads(body)["database"] is True, body

    report = json.loads(quiz(school_db, "paper", "results", paper, "--json"))
    assert report["summary"]["attempts"] == 2 and report["summary"]["in_progress"] == 0
    assert sorted(student["name"] for student in report["students"]) == sorted(STUDENTS)
    for student in report["students"]:
        stored = {"".join(a["prompt"].split()): "".join((a["given"] or "").split()) for a in student["answers"]}
        seen = {"".join(p.split()): "".join(g.split()) for p, g in shown[student["name"]].items()}
        assert stored.keys() == seen.keys()
        assert all(seen[p] and stored[p].startswith(seen[p]) for p in seen), (stored, seen)  # 0 answers lost


def test_a_full_process_passes_new_tabs_to_the_next(tmp_path, room) -> None:
    """`proxy_next_upstream ... http_503`: a process at its --max-tabs answers 503, and nginx
    tries the next one, for the page, the websocket and /healthz alike. Behind `--trusted-proxy`,
    each tab is told its browser's address, not the proxy's, and not one the browser wrote."""
    nginx_or_skip()
    paper = room.paper()
    https_port, http_port, first, second = (free_port() for _ in range(4))
    public = f"https://127.0.0.1:{https_port}"
    hosts = [f"http://127.0.0.1:{first}", f"http://127.0.0.1:{second}"]

    async def scenario() -> tuple[list[int], list[int]]:
        async with aiohttp.ClientSession() as session:
            full = await session.ws_connect(f"{hosts[0]}/ws", headers={"Origin": hosts[0]})  # behind nginx's back
            await next_frame(full)
            through = []
            for _ in range(3):  # least_conn sees no connections on either: it alternates, and the full one refuses
                tab = await session.ws_connect(f"{public}/ws", ssl=False,
                                               headers={"Origin": public, "X-Forwarded-For": "6.6.6.6"})
                await next_frame(tab)
                through.append(tab)
            checks = []
            for _ in range(4):
                async with session.get(f"{public}/healthz", ssl=False) as answer:
                    checks.append(answer.status)
            tabs = []
            for host in hosts:
                async with session.get(f"{host}/healthz") as answer:
                    tabs.append((await answer.json())["tabs"])
            addresses.extend(tab_addresses(second_server))
            for tab in [full, *through]:
                await tab.close()
            return tabs, checks

    db = str(room.db_path)
    addresses: list[str | None] = []
    with serve_process(db, first, public, paper, tmp_path / "first.log", "--max-tabs", "1"), \
            serve_process(db, second, public, paper, tmp_path / "second.log", "--max-tabs", "10") as second_server, \
            nginx(tmp_path / "nginx", [first, second], https_port, http_port):
        tabs, checks = asyncio.run(scenario())
    assert tabs == [1, 3], tabs  # every tab through nginx went to the process with room
    assert checks == [200] * 4, checks
    assert addresses == ["127.0.0.1"] * 3, addresses  # the browser's, not nginx's 127.0.0.2 nor the forged 6.6.6.6
