"""A browser tab without a browser: textual-serve's websocket protocol as its page (textual.js) speaks it.

The page sends JSON text messages, `["stdin", keys]`, `["resize", {"width": W, "height": H}]`,
`["focus"]`, `["blur"]`, `["ping", n]`; the server sends the app's output as binary frames
(the terminal's bytes) and JSON text frames for the rest. A tab here keeps every byte the app drew
and waits on text appearing in what arrives after a given point.
"""

from __future__ import annotations

import asyncio
import bisect
import json
import re
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

TIMEOUT_S = 60.0


def stdin(keys: str) -> str:
    """Keys typed, as xterm encodes them ("\\r" is Enter, "\\x13" ctrl+s)."""
    return json.dumps(["stdin", keys])


def resize(width: int, height: int) -> str:
    return json.dumps(["resize", {"width": width, "height": height}])


def focus() -> str:
    return json.dumps(["focus"])


def ping(number: int) -> str:
    return json.dumps(["ping", str(number)])


def origin(url: str) -> str:
    """The Origin header a browser on the served page sends (the server refuses any other)."""
    scheme, rest = url.split("://", 1)
    return f"{'https' if scheme in ('https', 'wss') else 'http'}://{rest.split('/', 1)[0]}"


ESCAPE = re.compile(rb"\x1b\[[0-9;?]*[A-Za-z]")


def text(screen: bytes | bytearray) -> str:
    """The drawn bytes without their escape sequences: for a message, not for matching."""
    return ESCAPE.sub(b" ", bytes(screen)).decode("utf-8", "replace")


def drawn(shown: str) -> re.Pattern[bytes]:
    """`shown` as the app draws it: a change of style (an escape sequence) may come between any two
    of its characters, as under a cursor or where a styled word meets plain text."""
    between = rb"(?:" + ESCAPE.pattern + rb")*"
    return re.compile(between.join(re.escape(char.encode()) for char in shown))


def found(screen: bytes | bytearray, pattern: re.Pattern[bytes] | bytes, start: int) -> int | None:
    """Where the first showing of `pattern` in the bytes drawn from `start` on ends, or None."""
    if isinstance(pattern, re.Pattern):
        match = pattern.search(screen, start)
        return None if match is None else match.end()
    at = screen.find(pattern, start)
    return None if at < 0 else at + len(pattern)


class Tab:
    """One websocket session: the bytes the app drew so far, and keys typed into it.

    The socket is read all the time (`pump`), as a page does: the server's heartbeat pings are
    answered while the student thinks, and each frame's arrival time is kept."""

    def __init__(self, socket: Any) -> None:
        self.socket = socket
        self.screen = bytearray()
        self.ends: list[int] = []  # where each frame ends in `screen`…
        self.times: list[float] = []  # …and when it arrived
        self.closed = False
        self._drawn = asyncio.Event()

    async def pump(self) -> None:
        from aiohttp import WSMsgType

        try:
            async for message in self.socket:
                if message.type == WSMsgType.BINARY:
                    self.screen += message.data
                    self.ends.append(len(self.screen))
                    self.times.append(time.monotonic())
                    self._drawn.set()
        finally:
            self.closed = True
            self._drawn.set()

    def mark(self) -> int:
        """Where the screen is now: `read_until(..., since=mark)` waits on what is drawn after it."""
        return len(self.screen)

    async def read_until(self, pattern: re.Pattern[bytes] | bytes, since: int | None = None,
                         timeout: float = TIMEOUT_S) -> float:
        """Wait until the bytes drawn since `since` (default: now) show `pattern`; returns the
        monotonic time the frame that showed it arrived."""
        start = self.mark() if since is None else since
        deadline = time.monotonic() + timeout
        while (end := found(self.screen, pattern, start)) is None:
            if self.closed:
                raise ConnectionError("the tab's websocket closed")
            self._drawn.clear()
            try:
                await asyncio.wait_for(self._drawn.wait(), max(deadline - time.monotonic(), 0))
            except TimeoutError:
                raise TimeoutError(f"the tab never showed {pattern!r}; last drawn: "
                                   f"{text(self.screen[-8000:])[-3000:]!r}") from None
        return self.times[bisect.bisect_left(self.ends, end)]

    async def keys(self, keys: str) -> None:
        await self.socket.send_str(stdin(keys))

    async def fill(self, value: str, shown: re.Pattern[bytes] | bytes, tries: int = 5, wait: float = 5.0) -> None:
        """Type `value` into the focused field until the screen shows `shown`: keys typed while
        the app is still starting can be dropped, so it tries again, clearing the field first
        (ctrl+u), so a late first try is never doubled."""
        for attempt in range(tries):
            mark = self.mark()
            await self.keys(("\x15" if attempt else "") + value)
            try:
                await self.read_until(shown, since=mark, timeout=wait)
                return
            except TimeoutError:
                if attempt == tries - 1:
                    raise


@asynccontextmanager
async def open_tab(url: str, width: int = 80, height: int = 24) -> AsyncIterator[Tab]:
    """A tab on `url` (the server's `/ws`), its size in the address as the page gives it."""
    import aiohttp

    timeout = aiohttp.ClientTimeout(total=None, sock_connect=TIMEOUT_S)
    address = f"{url}?width={width}&height={height}"
    async with aiohttp.ClientSession(timeout=timeout) as session, \
            session.ws_connect(address, headers={"Origin": origin(url)}, heartbeat=None) as socket:
        tab = Tab(socket)
        pump = asyncio.create_task(tab.pump())
        try:
            yield tab
        finally:
            pump.cancel()
