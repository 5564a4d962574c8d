"""A browser tab without a browser: textual-serve's websocket protocol as its page (textual.js) speaks it.

The page sends JSON text messages, `["stdin", keys]`, `["resize", {"width": W, "height": H}]`,
`["focus"]`, `["blur"]`, `["ping", n]`; the server sends the app's output as binary frames
(the terminal's bytes) and JSON text frames for the rest. A tab here keeps every byte the app drew
and waits on text appearing in what arrives after a given point.
"""

from __future__ import annotations

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


def found(screen: bytes | bytearray, pattern: re.Pattern[bytes] | bytes, start: int) -> bool:
    """Whether the bytes drawn from `start` on show `pattern`."""
    if isinstance(pattern, re.Pattern):
        return pattern.search(screen, start) is not None
    return screen.find(pattern, start) >= 0


class Tab:
    """One websocket session: the bytes the app drew so far, and keys typed into it."""

    def __init__(self, socket: Any) -> None:
        self.socket = socket
        self.screen = bytearray()

    def mark(self) -> int:
        """Where the screen is now: `read_until(..., since=mark)` waits on what is drawn after it."""
        return len(self.screen)

    async def read_until(self, pattern: re.Pattern[bytes] | bytes, since: int | None = None,
                         timeout: float = TIMEOUT_S) -> float:
        """Wait until the bytes drawn since `since` (default: now) show `pattern`; returns the
        monotonic time the frame that showed it arrived."""
        from aiohttp import WSMsgType

        start = self.mark() if since is None else since
        if found(self.screen, pattern, start):
            return time.monotonic()
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            try:
                if remaining <= 0:
                    raise TimeoutError
                message = await self.socket.receive(timeout=remaining)
            except TimeoutError:
                raise TimeoutError(f"the tab never showed {pattern!r}; last drawn: "
                                   f"{text(self.screen[-8000:])[-3000:]!r}") from None
            if message.type == WSMsgType.BINARY:
                arrived = time.monotonic()
                self.screen += message.data
                if found(self.screen, pattern, start):
                    return arrived
            elif message.type in (WSMsgType.CLOSE, WSMsgType.CLOSED, WSMsgType.ERROR):
                raise ConnectionError("the tab's websocket closed")

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
        yield tab
