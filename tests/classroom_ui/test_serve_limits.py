"""Issue 19 item 20 (and item 17's header icon): a served tab's limits, tried with real HTTP and
websocket requests against a running `quiz serve`, as a hostile page or a greedy client would.

The terminal size a tab really got is read off what its app draws: the footer ("Leave") sits on
the last row, the centred title ("quiz · …") in the middle of the width.
"""

from __future__ import annotations

import asyncio
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import aiohttp
import pytest

from quiz.cli.served import MAX_HEIGHT, MAX_WIDTH
from tests.classroom_ui.browser import free_port, stop_group

_MOVE = re.compile(rb"\x1b\[(\d+);(\d+)H")
_CONTROL = re.compile(rb"\x1b\[[0-9;?$]*[a-zA-Z]|\x1b\][^\x07]*\x07")


@contextmanager
def serving(db: Path, paper: str, *extra: str) -> Iterator[str]:
    """`quiz serve` on a free loopback port in its own process group; yields its URL."""
    import socket

    port = free_port()
    log = open(db.with_suffix(".limits.log"), "wb")  # closed below
    proc = subprocess.Popen([sys.executable, "-m", "quiz", "--db", str(db), "serve", "--port", str(port),
                             "--paper", paper, *extra], stdout=log, stderr=subprocess.STDOUT,
                            stdin=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline = time.monotonic() + 20
        while True:
            assert proc.poll() is None, db.with_suffix(".limits.log").read_text()
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                assert time.monotonic() < deadline, "quiz serve did not listen"
                time.sleep(0.05)
        yield f"http://127.0.0.1:{port}"
    finally:
        stop_group(proc)
        log.close()


def placements(frame: bytes, text: bytes) -> list[tuple[int, int]]:
    """Each (row, column) where the app drew `text`, from the cursor move before it."""
    moves = list(_MOVE.finditer(frame))
    found = []
    for index, move in enumerate(moves):
        end = moves[index + 1].start() if index + 1 < len(moves) else len(frame)
        plain = _CONTROL.sub(b"", frame[move.end():end])
        if (at := plain.find(text)) >= 0:
            found.append((int(move.group(1)), int(move.group(2)) + len(plain[:at].decode("utf-8", "replace"))))
    return found


def lowest_row(frame: bytes) -> int:
    return max(int(move.group(1)) for move in _MOVE.finditer(frame))


def row_text(frame: bytes, row: int) -> str:
    """Everything the app drew on `row`."""
    moves = list(_MOVE.finditer(frame))
    parts = []
    for index, move in enumerate(moves):
        if int(move.group(1)) == row:
            end = moves[index + 1].start() if index + 1 < len(moves) else len(frame)
            parts.append(_CONTROL.sub(b"", frame[move.end():end]).decode("utf-8", "replace"))
    return "".join(parts)


async def next_frame(tab: aiohttp.ClientWebSocketResponse, footer_row: int | None = None, also: bytes = b"") -> bytes:
    """What the app draws until its footer is on screen (on `footer_row`, when given; and `also`
    drawn), within 30 s: a tab drawn at another size never gets there."""
    frame = b""

    async def read() -> None:
        nonlocal frame
        async for message in tab:
            if message.type is aiohttp.WSMsgType.BINARY:
                frame += message.data
                rows = [row for row, _ in placements(frame, b"Leave")] if b"Leave" in frame else []
                if rows and (footer_row is None or footer_row in rows) and also in frame:
                    return
        raise AssertionError(f"the tab closed; it drew {frame[-500:]!r}")

    await asyncio.wait_for(read(), 30)
    return frame


async def _first_text(tab: aiohttp.ClientWebSocketResponse) -> object:
    async for message in tab:
        if message.type is aiohttp.WSMsgType.TEXT:
            return message.json()
    return None


def _refused(error: pytest.ExceptionInfo[aiohttp.WSServerHandshakeError], status: int) -> bool:
    return error.value.status == status


async def test_only_the_servers_own_page_may_open_a_tab(room) -> None:
    with serving(room.db_path, room.paper()) as url:
        port = url.rsplit(":", 1)[1]
        async with aiohttp.ClientSession() as session:
            for origin in (None, "http://evil.example", f"http://127.0.0.1:{port}.evil.example", "null",
                           f"http://127.0.0.1:{int(port) + 1}", f"https://127.0.0.1:{port}"):
                headers = {"Origin": origin} if origin else {}
                with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                    await session.ws_connect(f"{url}/ws", headers=headers)
                assert _refused(refused, 403), origin
            for origin in (url, f"http://localhost:{port}", f"HTTP://127.0.0.1:{port}/"):
                tab = await session.ws_connect(f"{url}/ws", headers={"Origin": origin})
                assert b"Leave" in await next_frame(tab)
                await tab.close()


async def test_a_tab_never_gets_a_terminal_larger_than_the_limit(room) -> None:
    with serving(room.db_path, room.paper()) as url:
        async with aiohttp.ClientSession() as session:
            tab = await session.ws_connect(f"{url}/ws?width=20000&height=10000", headers={"Origin": url})
            frame = await next_frame(tab, MAX_HEIGHT)  # the footer on the last of 200 rows
            assert lowest_row(frame) == MAX_HEIGHT
            assert abs(placements(frame, b"quiz")[0][1] - MAX_WIDTH // 2) < 40  # the title centred in 500 columns

            await tab.send_json(["resize", {"width": 100, "height": 30}])
            await next_frame(tab, 30)  # resizes still work
            await tab.send_json(["resize", {"width": 20000, "height": 10000}])
            frame = await next_frame(tab, MAX_HEIGHT)
            assert lowest_row(frame) == MAX_HEIGHT
            assert abs(placements(frame, b"quiz")[-1][1] - MAX_WIDTH // 2) < 40

            for junk in ("not json", '{"a": 1}', '["resize", {"width": "x"}]', '["resize"]', "[]", '["stdin", 5]',
                         '["resize", {"width": true, "height": 1e400}]'):
                await tab.send_str(junk)
            await tab.send_json(["ping", "after-junk"])
            assert await asyncio.wait_for(_first_text(tab), 30) == ["pong", "after-junk"]  # still served
            await tab.close()
    assert "Traceback" not in room.db_path.with_suffix(".limits.log").read_text()


async def test_tabs_beyond_the_cap_get_a_full_page(room) -> None:
    with serving(room.db_path, room.paper(), "--max-tabs", "2") as url:
        async with aiohttp.ClientSession() as session:
            first = await session.ws_connect(f"{url}/ws", headers={"Origin": url})
            second = await session.ws_connect(f"{url}/ws", headers={"Origin": url})
            await next_frame(first)
            await next_frame(second)
            with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                await session.ws_connect(f"{url}/ws", headers={"Origin": url})
            assert _refused(refused, 503)
            async with session.get(f"{url}/") as page:
                assert page.status == 503 and "This class server is full" in await page.text()

            await first.close()  # a student leaves: a place frees up
            for _ in range(300):
                async with session.get(f"{url}/") as page:
                    if page.status == 200:
                        break
                await asyncio.sleep(0.1)
            assert page.status == 200
            third = await session.ws_connect(f"{url}/ws", headers={"Origin": url})
            assert b"Leave" in await next_frame(third)
            await third.close()
            await second.close()


async def test_the_header_draws_no_glyph_the_served_font_lacks(room) -> None:
    """Item 17: Textual's header icon (⭘) is in neither the page's Roboto Mono nor the fallback
    fonts, so a served tab showed a missing-glyph box."""
    import textual_serve
    from fontTools.ttLib import TTFont

    font = Path(textual_serve.__file__).parent / "static" / "fonts" / "RobotoMono-VariableFont_wght.ttf"
    glyphs = TTFont(font).getBestCmap()
    with serving(room.db_path, room.paper()) as url:
        async with aiohttp.ClientSession() as session:
            tab = await session.ws_connect(f"{url}/ws?width=100&height=30", headers={"Origin": url})
            header = row_text(await next_frame(tab, also=b"\x1b[1;1H"), 1)  # the icon's corner is drawn last
            await tab.close()
    assert "quiz" in header
    assert [c for c in header if not c.isspace() and ord(c) not in glyphs] == []
