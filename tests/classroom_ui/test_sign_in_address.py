"""#21: a served tab's wrong personal codes count against its browser's network address. The
address is the connection's peer, or X-Forwarded-For's only behind a proxy given by
`--trusted-proxy`; it reaches the tab's own process as QUIZ_CLIENT_ADDRESS. Tried without a browser:
the address rule itself, the tab's environment, and a real `quiz serve` over a websocket."""

from __future__ import annotations

import asyncio

import aiohttp
import pytest
from click.testing import CliRunner

from quiz.cli import main
from quiz.cli.served import TabService, client_address
from quiz.store import open_db
from quiz.tab import CLIENT_ADDRESS
from tests.classroom_ui.test_serve_limits import next_frame, serving

PROXY = frozenset({"127.0.0.1"})


def test_the_address_is_the_peers_unless_the_peer_is_a_trusted_proxy() -> None:
    assert client_address("192.168.1.20", None, frozenset()) == "192.168.1.20"
    assert client_address("192.168.1.20", "10.0.0.9", frozenset()) == "192.168.1.20"  # no proxy named: ignored
    assert client_address("192.168.1.20", "10.0.0.9", PROXY) == "192.168.1.20"  # not from the proxy: ignored
    assert client_address("127.0.0.1", "10.0.0.9", PROXY) == "10.0.0.9"
    assert client_address("127.0.0.1", "6.6.6.6, 10.0.0.9", PROXY) == "10.0.0.9"  # a browser writes the left
    assert client_address("127.0.0.1", "10.0.0.9, 127.0.0.1", PROXY) == "10.0.0.9"  # proxies in a chain
    assert client_address("127.0.0.1", "not-an-address", PROXY) == "127.0.0.1"
    assert client_address("127.0.0.1", "", PROXY) == "127.0.0.1"
    assert client_address(None, "10.0.0.9", PROXY) is None


def test_a_tab_process_is_told_its_address_and_never_inherits_one(monkeypatch) -> None:
    monkeypatch.setenv(CLIENT_ADDRESS, "1.2.3.4")  # the teacher's own shell must not decide a tab's address

    def service(address: str | None) -> TabService:
        return TabService("true", write_bytes=None, write_str=None, close=None, download_manager=None,
                          debug=False, address=address)

    assert service("10.0.0.9")._build_environment()[CLIENT_ADDRESS] == "10.0.0.9"
    assert CLIENT_ADDRESS not in service(None)._build_environment()


def test_serve_takes_trusted_proxies_as_addresses(room) -> None:
    result = CliRunner().invoke(main, ["--db", str(room.db_path), "serve", "--trusted-proxy", "proxy.school"])
    assert result.exit_code == 2 and "'proxy.school' is not an IP address" in result.output


async def _one_wrong_sign_in(url: str, headers: dict[str, str], db_path) -> None:  # type: ignore[no-untyped-def]
    async with aiohttp.ClientSession() as session:
        tab = await session.ws_connect(f"{url}/ws", headers={"Origin": url, **headers})
        await next_frame(tab)
        await tab.send_json(["focus"])
        await asyncio.sleep(0.5)
        for key in "Ana\rAAAAAA\r":  # a key at a time, as a person types
            await tab.send_json(["stdin", key])
            await asyncio.sleep(0.05)
        for _ in range(300):  # the failure is stored before the screen says so
            if _addresses(db_path):
                break
            await asyncio.sleep(0.1)
        await tab.close()


def _addresses(db_path) -> list[str]:  # type: ignore[no-untyped-def]
    db = open_db(db_path)
    try:
        return [s for (s,) in db.execute("SELECT subject FROM sign_in_failures WHERE kind = 'address'")]
    finally:
        db.close()


@pytest.mark.parametrize(("extra", "counted"), [((), "127.0.0.1"), (("--trusted-proxy", "127.0.0.1"), "10.9.9.9")])
async def test_a_served_tabs_wrong_code_counts_against_its_address(room, extra, counted) -> None:
    with serving(room.db_path, room.paper(), *extra) as url:
        await asyncio.wait_for(_one_wrong_sign_in(url, {"X-Forwarded-For": "10.9.9.9"}, room.db_path), 60)
    assert _addresses(room.db_path) == [counted]
