"""#21: `quiz serve --teachers` serves a teacher's page at /teacher whose websocket (/teacher/ws)
runs `quiz teacher-tab`, while / stays the student's home; tried on a real `quiz serve` over its
websockets, without a browser. Without --teachers there is no /teacher; without teacher accounts
--teachers is refused."""

from __future__ import annotations

import asyncio
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import aiohttp
from click.testing import CliRunner

from quiz.cli import main
from quiz.doors.teacher import TeacherDoor
from tests.classroom_ui.browser import free_port
from tests.classroom_ui.proxy import started
from tests.classroom_ui.test_serve_limits import next_frame

PASSWORDS = {"Ana": "ana-secret-1", "Ben": "ben-secret-2"}


def two_teachers(db: Path) -> None:
    """Ana with class 7b (Ivo, Jana) and 8a; Ben with his own 7b (Mila). Full-cost password hashes:
    the served tab checks them in its own process."""
    admin = TeacherDoor(db, None)
    for name, password in PASSWORDS.items():
        admin.accounts.add(name, password)
    admin.close()
    ana, ben = TeacherDoor(db, "Ana"), TeacherDoor(db, "Ben")
    ana.classroom.new_class("7b")
    ana.classroom.add_students("7b", ["Ivo", "Jana"])
    ana.classroom.new_class("8a")
    ben.classroom.new_class("7b")
    ben.classroom.add_students("7b", ["Mila"])
    ana.close()
    ben.close()


@contextmanager
def serving(db: Path, *extra: str) -> Iterator[str]:
    """`quiz serve` (no paper) on a free loopback port, with QUIZ_TEACHER=Ana in its environment
    (which a teacher's tab must not take for a signed-in teacher); yields its URL."""
    port = free_port()
    os.environ["QUIZ_TEACHER"] = "Ana"
    try:
        with started([sys.executable, "-m", "quiz", "--db", str(db), "serve", "--port", str(port), *extra],
                     port, db.with_suffix(".teacher.log")):
            yield f"http://127.0.0.1:{port}"
    finally:
        del os.environ["QUIZ_TEACHER"]


async def type_keys(tab: aiohttp.ClientWebSocketResponse, keys: str) -> None:
    for key in keys:  # a key at a time, as a person types
        await tab.send_json(["stdin", key])
        await asyncio.sleep(0.05)


async def drawn_until(tab: aiohttp.ClientWebSocketResponse, text: bytes) -> bytes:
    frame = b""

    async def read() -> None:
        nonlocal frame
        async for message in tab:
            if message.type is aiohttp.WSMsgType.BINARY:
                frame += message.data
                if text in frame:
                    return
        raise AssertionError(f"the tab closed; it drew {frame[-500:]!r}")

    await asyncio.wait_for(read(), 30)
    return frame


async def _routes(url: str) -> None:
    async with aiohttp.ClientSession() as session:
        async with session.get(f"{url}/teacher") as page:
            assert page.status == 200
            body = await page.text()
            assert f"ws://127.0.0.1:{url.rsplit(':', 1)[1]}/teacher/ws" in body and "quiz · teacher" in body
        async with session.get(f"{url}/") as page:
            body = await page.text()
            assert "/teacher/ws" not in body and f"{url.rsplit(':', 1)[1]}/ws" in body

        student = await session.ws_connect(f"{url}/ws", headers={"Origin": url})
        frame = await next_frame(student, also=b"Your homework and papers")
        assert b"Teacher" not in frame
        await student.close()

        refused = session.ws_connect(f"{url}/teacher/ws", headers={"Origin": "http://evil.example"})
        try:
            await refused
            raise AssertionError("a teacher's tab opened from another site's page")
        except aiohttp.WSServerHandshakeError as error:
            assert error.status == 403

        teacher = await session.ws_connect(f"{url}/teacher/ws", headers={"Origin": url})
        frame = await next_frame(teacher, also=b"Teacher's view")
        assert b"Your homework" not in frame
        await teacher.send_json(["focus"])
        await asyncio.sleep(0.5)
        await type_keys(teacher, "Ben\r" + PASSWORDS["Ben"] + "\r")
        frame = await drawn_until(teacher, b"1 student")  # Ben's classes: his 7b
        await type_keys(teacher, "\r")
        frame += await drawn_until(teacher, b"Mila")  # its homework view
        assert b"8a" not in frame and b"Ivo" not in frame  # Ana's: not his
        await teacher.close()


async def test_the_student_route_serves_the_student_app_and_the_teacher_route_the_teacher_app(tmp_path) -> None:
    db = tmp_path / "quiz.db"
    two_teachers(db)
    with serving(db, "--teachers") as url:
        await asyncio.wait_for(_routes(url), 120)


async def test_without_teachers_flag_there_is_no_teacher_page(tmp_path) -> None:
    db = tmp_path / "quiz.db"
    two_teachers(db)
    with serving(db) as url:
        async with aiohttp.ClientSession() as session:
            async with session.get(f"{url}/teacher") as page:
                assert page.status == 404


def test_teachers_flag_is_refused_on_a_database_without_teachers(tmp_path) -> None:
    db = tmp_path / "quiz.db"
    TeacherDoor(db, None).open().close()
    result = CliRunner().invoke(main, ["--db", str(db), "serve", "--teachers"])
    assert result.exit_code == 2
    assert "--teachers needs teacher accounts" in result.output and "`quiz teacher add NAME`" in result.output
