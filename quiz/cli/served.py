"""The class server behind `quiz serve`: textual-serve with the limits a classroom network needs.

Stock textual-serve accepts a websocket from any web page's origin, any terminal size (one
`["resize", {"width": 20000, "height": 10000}]` took a tab to a gigabyte) and any number of tabs
(one process each, about 39 MB RSS). Here a tab's websocket must come from the page this server
served (its `Origin`), sizes are clamped, malformed messages are dropped, and tabs beyond
`max_tabs` get a plain refusal page (and their websocket a 503) instead of a process. With a
teacher's command (`quiz serve --teachers`), `/teacher` is a second page whose websocket
(`/teacher/ws`) runs that command instead of the student's, under the same limits (one tab count
for both). Each tab's
process is told its browser's network address (`QUIZ_CLIENT_ADDRESS`), which wrong personal codes
are counted against: the connection's peer, or, only when that peer is a proxy the teacher named
(`--trusted-proxy`), the address that proxy says it forwarded for. `GET /healthz` says whether this
server takes another tab (for a proxy or a monitor).
"""

from __future__ import annotations

import asyncio
import html
import ipaddress
import json
import logging
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, Protocol

import aiohttp_jinja2
import click
from aiohttp import WSMsgType, web
from textual_serve.app_service import AppService
from textual_serve.server import Server
from yarl import URL

from quiz.errors import QuizError
from quiz.tab import CLIENT_ADDRESS

log = logging.getLogger("textual-serve")

MAX_WIDTH, MAX_HEIGHT = 500, 200  # wider than any screen a student has; a frame stays a few MB
MIN_WIDTH, MIN_HEIGHT = 10, 4
HEALTH_TIMEOUT_S = 2.0  # a database slower than this to answer `SELECT` is as good as down to a proxy
HEALTH_FRESH_S = 1.0  # answers within this of the last check reuse it: a flood of checks is one query


def clamp_size(width: object, height: object) -> tuple[int, int] | None:
    """A terminal size within bounds, or None for anything that is not a pair of whole numbers."""
    if isinstance(width, bool) or isinstance(height, bool):
        return None
    try:
        w, h = int(str(width)), int(str(height))
    except ValueError:
        return None
    return min(max(w, MIN_WIDTH), MAX_WIDTH), min(max(h, MIN_HEIGHT), MAX_HEIGHT)


def _origin(url: str) -> str | None:
    """'http://teacher-pc:8000' for any URL on that scheme, host and port (case and default
    ports folded); None for what is not an http(s) origin."""
    try:
        parsed = URL(url.strip())
        if parsed.scheme not in ("http", "https") or not parsed.host:
            return None
        return str(parsed.origin()).lower()
    except ValueError:
        return None


def allowed_origins(public_url: str, host: str, port: int) -> frozenset[str]:
    """The origins of the pages this server hands out: the public URL's, and on loopback the
    other names of this machine a browser may have used (localhost, 127.0.0.1, [::1])."""
    found = {_origin(public_url)}
    try:
        loopback = host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = False
    if loopback:
        found |= {_origin(f"http://{name}:{port}") for name in ("localhost", "127.0.0.1", "[::1]")}
    return frozenset(o for o in found if o)


def _address(text: str) -> str | None:
    try:
        return str(ipaddress.ip_address(text.strip()))
    except ValueError:
        return None


def client_address(remote: str | None, forwarded_for: str | None, trusted: frozenset[str]) -> str | None:
    """The browser's address: the connection's peer, unless that peer is a trusted proxy; then the
    nearest address in X-Forwarded-For that is not a trusted proxy (a browser can write any address
    at the far left of that header, so it is read from the right, and only behind a known proxy)."""
    peer = _address(remote) if remote else None
    if peer is None or peer not in trusted or not forwarded_for:
        return peer
    for hop in reversed(forwarded_for.split(",")):
        found = _address(hop)
        if found is None:
            return peer  # a hop the proxies did not write well: count the proxy, trust nothing further
        if found not in trusted:
            return found
    return peer


class DatabaseProbe(Protocol):
    """The database as the health check sees it (a door, opened on the check's own thread)."""

    def ping(self) -> None:
        """Return when the database answers a cheap query; raise QuizError (or OSError) when not."""


@dataclass(frozen=True)
class Limits:
    max_tabs: int  # tabs running at once (`quiz serve --max-tabs`, whose default is in quiz.cli.serve)
    trusted_proxies: frozenset[str] = frozenset()  # `quiz serve --trusted-proxy`: whose X-Forwarded-For counts


class TabService(AppService):
    """One tab's take app, told its browser's address (and never the server's own environment's)."""

    def __init__(self, *args: object, address: str | None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.address = address

    def _build_environment(self, width: int = 80, height: int = 24) -> dict[str, str]:
        environment = super()._build_environment(width=width, height=height)
        environment.pop(CLIENT_ADDRESS, None)
        if self.address:
            environment[CLIENT_ADDRESS] = self.address
        return environment


FULL_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title}: full</title></head>
<body style="font-family: sans-serif; max-width: 40em; margin: 4em auto; line-height: 1.5">
<h1>This class server is full</h1>
<p>{tabs} tabs are open, as many as the teacher allowed. Close a tab you no longer need, or wait
for a classmate to finish, then reload this page.</p>
</body></html>
"""


class QuizServer(Server):
    """textual-serve with origin, size and tab limits; it closes its tabs' websockets when it stops
    (the stock one waits about 24 s for them on SIGTERM) and says where it listens in one line."""

    def __init__(self, command: str, host: str, port: int, public_url: str | None, title: str,
                 limits: Limits, probe: DatabaseProbe, teacher_command: str | None = None) -> None:
        super().__init__(command, host=host, port=port, title=title, public_url=public_url)
        self.teacher_command = teacher_command  # None: no /teacher page (the default surface is students' only)
        self.limits = limits
        self.origins = allowed_origins(self.public_url, host, port)
        self.sockets: set[web.WebSocketResponse] = set()
        self.tabs = 0  # tabs with a running app; counted before any await, so never over the cap
        self.probe = probe
        self._probe_thread = ThreadPoolExecutor(1, thread_name_prefix="healthz")  # a SQLite connection stays on it
        self._pinging: asyncio.Future[bool] | None = None  # the one check in flight, shared by every caller
        self._last: tuple[float, bool] | None = None  # (when, answered) of the last finished check

    async def _make_app(self) -> web.Application:
        app = await super()._make_app()
        app.router.add_get("/healthz", self.handle_health, name="healthz")
        if self.teacher_command is not None:
            app.router.add_get("/teacher", self.handle_teacher_index, name="teacher-index")
            app.router.add_get("/teacher/ws", self.handle_teacher_websocket, name="teacher-websocket")
        return app

    async def on_startup(self, app: web.Application) -> None:
        click.echo(f"quiz: serving the take screen on {self.public_url} (at most {self.limits.max_tabs} tabs; "
                   "Ctrl+C stops)")
        if self.teacher_command is not None:
            click.echo(f"quiz: teachers sign in at {self.public_url}/teacher")

    async def on_shutdown(self, app: web.Application) -> None:
        for tab in list(self.sockets):
            await tab.close()
        self._probe_thread.shutdown(wait=False, cancel_futures=True)

    def initialize_logging(self) -> None:
        """Warnings only: a classroom's server log is for problems, not every connection."""
        logging.basicConfig(level="WARNING", format="textual-serve: %(message)s")

    def _full(self) -> bool:
        return self.tabs >= self.limits.max_tabs

    async def handle_index(self, request: web.Request) -> web.StreamResponse:
        """The page, or a plain 'full' page (503) once every tab the teacher allowed is open."""
        return self._page(request, "websocket", self.title)

    async def handle_teacher_index(self, request: web.Request) -> web.StreamResponse:
        """The teacher's page: the same page, its websocket the teacher's (`/teacher/ws`)."""
        return self._page(request, "teacher-websocket", "quiz · teacher")

    def _page(self, request: web.Request, websocket_route: str, title: str) -> web.StreamResponse:
        """textual-serve's page (its template and context), connecting to `websocket_route`."""
        if self._full():
            page = FULL_PAGE.format(title=html.escape(title), tabs=self.limits.max_tabs)
            return web.Response(status=503, text=page, content_type="text/html")
        router = request.app.router
        font_size = request.query.get("fontsize", "16")

        def url(route: str, **parts: str) -> str:
            return f"{self.public_url}{router[route].url_for(**parts)}"

        scheme = "wss:" if self.public_url.startswith("https") else "ws:"
        context: dict[str, Any] = {
            "font_size": int(font_size) if font_size.isdigit() else 16,
            "app_websocket_url": scheme + url(websocket_route).split(":", 1)[1],
            "config": {"static": {"url": url("static", filename="/").rstrip("/") + "/"}},
            "application": {"name": title},
        }
        return aiohttp_jinja2.render_template("app_index.html", request, context)

    async def handle_health(self, request: web.Request) -> web.Response:
        """200 when this server takes another tab and its database answers, else 503; the body is
        counts and flags only (no names, no database address). It opens no tab and counts as none."""
        database = await self._database_answers()
        full = self._full()
        status = "ok" if database and not full else "database unreachable" if not database else "full"
        body = {"status": status, "tabs": self.tabs, "max_tabs": self.limits.max_tabs, "database": database}
        return web.json_response(body, status=200 if status == "ok" else 503, headers={"Cache-Control": "no-store"})

    async def _database_answers(self) -> bool:
        """Whether the database answered a cheap query within HEALTH_TIMEOUT_S. One check runs at a
        time on its own thread; a check that hangs (a server gone quiet) is waited on by no one for
        longer than the timeout, and later callers share it instead of starting another."""
        loop = asyncio.get_running_loop()
        if self._last is not None and loop.time() - self._last[0] < HEALTH_FRESH_S:
            return self._last[1]
        if self._pinging is None:
            self._pinging = pinging = loop.run_in_executor(self._probe_thread, self._ping)
            pinging.add_done_callback(self._pinged)
        try:
            return await asyncio.wait_for(asyncio.shield(self._pinging), HEALTH_TIMEOUT_S)
        except TimeoutError:
            return False

    def _ping(self) -> bool:
        try:
            self.probe.ping()
        except (QuizError, OSError) as error:
            log.warning("health check: the database did not answer: %s", error)
            return False
        return True

    def _pinged(self, future: asyncio.Future[bool]) -> None:
        self._pinging = None
        if not future.cancelled() and future.exception() is None:
            self._last = (asyncio.get_running_loop().time(), future.result())

    async def handle_websocket(self, request: web.Request) -> web.StreamResponse:  # type: ignore[override]
        """One tab: refused (403) from another site's page, refused (503) when full; else the
        take app at a clamped size, running until the tab closes."""
        return await self._tab(request, self.command)

    async def handle_teacher_websocket(self, request: web.Request) -> web.StreamResponse:
        """One teacher's tab, under the same checks and cap as a student's; the teacher's command."""
        assert self.teacher_command is not None  # the route exists only with one
        return await self._tab(request, self.teacher_command)

    async def _tab(self, request: web.Request, command: str) -> web.StreamResponse:
        origin = _origin(request.headers.get("Origin", ""))
        if origin not in self.origins:
            log.warning("refused a tab from origin %r (not this server's page)", request.headers.get("Origin"))
            return web.Response(status=403, text="quiz: this server only takes tabs opened from its own page\n")
        if self._full():
            return web.Response(status=503, text=f"quiz: this class server is full ({self.limits.max_tabs} tabs)\n")
        self.tabs += 1
        try:
            return await self._run_tab(request, command)
        finally:
            self.tabs -= 1

    async def _run_tab(self, request: web.Request, command: str) -> web.WebSocketResponse:
        websocket = web.WebSocketResponse(heartbeat=15)
        width, height = clamp_size(request.query.get("width", "80"), request.query.get("height", "24")) or (80, 24)
        service: AppService | None = None
        try:
            await websocket.prepare(request)
            self.sockets = {tab for tab in self.sockets if not tab.closed} | {websocket}
            async def close() -> None:
                await websocket.close()

            address = client_address(request.remote, request.headers.get("X-Forwarded-For"),
                                     self.limits.trusted_proxies)
            service = TabService(command, write_bytes=websocket.send_bytes, write_str=websocket.send_str,
                                 close=close, download_manager=self.download_manager, debug=self.debug,
                                 address=address)
            await service.start(width, height)
            await self._process_messages(websocket, service)
        except asyncio.CancelledError:  # the server is stopping
            await websocket.close()
        except ConnectionError:
            pass  # the tab went away mid-write
        except Exception as error:  # a fault in one tab is logged and ends that tab, not the server
            log.exception(error)
        finally:
            if service is not None:
                await service.stop()
            self.sockets.discard(websocket)
        return websocket

    async def _process_messages(self, websocket: web.WebSocketResponse, app_service: AppService) -> None:
        """The browser's messages, checked: a message that is not what textual.js sends is dropped."""
        async for message in websocket:
            if message.type != WSMsgType.TEXT:
                continue
            try:
                envelope = json.loads(message.data)
            except ValueError:
                continue
            if not isinstance(envelope, list) or not envelope:
                continue
            kind, data = envelope[0], envelope[1] if len(envelope) > 1 else None
            if kind == "stdin" and isinstance(data, str):
                await app_service.send_bytes(data.encode("utf-8"))
            elif kind == "resize" and isinstance(data, dict):
                if (size := clamp_size(data.get("width"), data.get("height"))) is not None:
                    await app_service.set_terminal_size(*size)
            elif kind == "ping" and isinstance(data, str):
                await websocket.send_json(["pong", data])
            elif kind == "blur":
                await app_service.blur()
            elif kind == "focus":
                await app_service.focus()
