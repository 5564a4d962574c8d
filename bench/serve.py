"""`quiz serve` in use: memory per served tab, the server's own, and how fast it stops.

Tabs are opened as a browser would open them, on the server's websocket (textual-serve starts one
take-app process per connection), without a browser: this measures the app a tab costs the
teacher's machine, not Chromium. Each tab signs a student in and answers a question, so its
take screen is running as during a real quiz. RSS is read from /proc, per process.

Where a tab's memory goes (measured Dec 2026, RSS; a tab after answering is 37.9 MB here, 43.3 before
its process ran `python -m quiz.tab`): Python 9.6 MB; `import textual.app` 31.8 MB with ssl, 27.5
without (a student's app on SQLite keeps ssl out: quiz.tab.without_tls); sqlite3 1.0 MB; the take
app's own modules about 4 MB (`quiz.doors.student` and the taking part of the classroom only: no
teacher module, no question generation, no study session); the paper, its catalog and the database
about 1 MB; the running screens about 5 MB, of which a minimal Textual app with the same widgets
through this driver costs 2 (29.5 MB in all without ssl). Kept out of a tab's process by quiz.tab:
click and the CLI's modules (1.7 MB), and on SQLite OpenSSL's libcrypto (3.5 MB; sign-in's scrypt
runs in a short-lived child, quiz.classroom.codes). numpy, lemminflect and rapidfuzz are not
loaded by a tab (edit distance is plain Python); dateparser only for a typed date the hand-written
reader cannot read (about 8 MB more).
"""

from __future__ import annotations

import asyncio
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path

from bench.ws_client import TIMEOUT_S, open_tab

TABS = 3
ANSWERED = re.compile(rb"[1-9]\d* of \d+ answered")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _pss_mb(pid: int) -> float:
    """Proportional set size: shared pages (libpython, numpy's libraries…) split between their users."""
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        if line.startswith("Pss:"):
            return int(line.split()[1]) / 1024
    return 0.0


def group(pgid: int) -> list[int]:
    """Live processes of the server's process group (the server and every tab's app)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if os.getpgid(int(entry.name)) == pgid and rss_mb(int(entry.name)) > 0:
                    found.append(int(entry.name))
            except (ProcessLookupError, FileNotFoundError, PermissionError):
                continue
    return found


def wait_listening(proc: subprocess.Popen[bytes], port: int) -> None:
    """Until the server takes connections on `port` (it fails if it ends or takes TIMEOUT_S)."""
    deadline = time.monotonic() + TIMEOUT_S
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("quiz serve did not start") from None
            time.sleep(0.05)


@contextmanager
def serving(location: Path | str, log: Path, *options: str) -> Iterator[tuple[str, int]]:
    """`quiz serve [OPTIONS]` on a free loopback port, in its own session, its output in `log`: its
    websocket URL and process group. Stopped at the end, by group (the server and every tab)."""
    port = free_port()
    argv = [sys.executable, "-m", "quiz", "--db", str(location), "serve", "--port", str(port), *options]
    with open(log, "wb") as output:
        proc = subprocess.Popen(argv, stdout=output, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                start_new_session=True)
    try:
        wait_listening(proc, port)
        yield f"http://127.0.0.1:{port}/ws", proc.pid
    finally:
        stop_group(proc, TIMEOUT_S)


def stop_group(proc: subprocess.Popen[bytes], grace: float = 5.0) -> None:
    """SIGTERM to the whole group, then SIGKILL whatever is left after `grace` seconds."""
    try:
        os.killpg(proc.pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    try:
        proc.wait(grace)
    except subprocess.TimeoutExpired:
        pass
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    proc.wait()


def _prepare(db: Path) -> tuple[str, dict[str, str]]:
    """A class of TABS students and a paper on the built-in bank: (paper code, name -> code)."""
    from quiz.doors.teacher import TeacherDoor
    from quiz.model import Mode

    door = TeacherDoor(db, "teacher")
    try:
        door.classroom.new_class("bench")
        codes = dict(door.classroom.add_students("bench", [f"Student {n}" for n in range(TABS)]))
        bank = door.bank_names()[0]
        paper = door.classroom.new_paper(bank, "Bench paper", class_name="bench", count=10, modes=(Mode.MC, Mode.TYPED),
                                         time_limit=timedelta(minutes=30))
        return paper.code, codes
    finally:
        door.close()


async def _take(url: str, name: str, code: str, ready: asyncio.Event, idle: list[str], answered: list[str]) -> None:
    """Open a tab, sign in, answer the first question; then hold the tab open until told."""
    async with open_tab(url) as tab:
        await tab.read_until(b"Personal code", since=0)
        idle.append(name)
        while len(idle) < TABS:  # the idle figure is read with every tab at the sign-in screen
            await asyncio.sleep(0.05)
        await asyncio.sleep(1.0)
        # Wait on the screen before each key that moves focus: keys typed meanwhile land in the old field.
        await tab.keys(name)
        await tab.read_until(name.encode())
        await tab.keys("\r")
        await tab.read_until("▸ Personal code".encode())
        await tab.keys(code)
        await tab.read_until(("•" * len(code)).encode())
        await tab.keys("\r")
        await tab.read_until(b"Question 1 of")
        await tab.keys("1")  # a choice, or the start of a typed answer…
        await tab.read_until(b"1")
        await tab.keys("\r")  # …and Enter: one answer stored either way
        await tab.read_until(ANSWERED)
        answered.append(name)
        await ready.wait()


async def _until(count: int, seen: list[str], tasks: list[asyncio.Task[None]]) -> None:
    """Until `count` tabs have reported in; a tab that failed raises here."""
    while len(seen) < count:
        for task in tasks:
            if task.done():
                task.result()
        await asyncio.sleep(0.05)


async def _measure(port: int, server: int, codes: dict[str, str]) -> tuple[dict[str, float], float]:
    url = f"http://127.0.0.1:{port}/ws"
    done = asyncio.Event()
    idle: list[str] = []
    answered: list[str] = []
    tasks = [asyncio.create_task(_take(url, name, code, done, idle, answered)) for name, code in codes.items()]
    await _until(TABS, idle, tasks)
    await asyncio.sleep(0.3)
    idle_tabs = [rss_mb(pid) for pid in group(server) if pid != server]
    await _until(TABS, answered, tasks)
    await asyncio.sleep(0.5)
    pids = [pid for pid in group(server) if pid != server]
    tabs = [rss_mb(pid) for pid in pids]
    figures = {
        "serve_rss_mb_per_tab": round(statistics.fmean(tabs), 1),
        "serve_pss_mb_per_tab": round(statistics.fmean(_pss_mb(pid) for pid in pids), 1),
        "serve_rss_mb_per_tab_idle": round(statistics.fmean(idle_tabs), 1),
        "serve_server_rss_mb": round(rss_mb(server), 1),
        "serve_tab_processes": float(len(tabs)),
    }
    stopping = time.monotonic()
    os.killpg(server, signal.SIGTERM)  # with the tabs still open
    done.set()
    await asyncio.gather(*tasks, return_exceptions=True)
    return figures, stopping


def run() -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "serve.db"
        code, codes = _prepare(db)
        port = free_port()
        argv = [sys.executable, "-m", "quiz", "--db", str(db), "serve", "--port", str(port), "--paper", code]
        proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                stdin=subprocess.DEVNULL, start_new_session=True)
        try:
            wait_listening(proc, port)
            figures, stopping = asyncio.run(_measure(port, proc.pid, codes))
            proc.wait(TIMEOUT_S)
            figures["serve_stop_s"] = round(time.monotonic() - stopping, 2)
            return figures
        finally:
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            proc.wait()


if __name__ == "__main__":
    for key, value in run().items():
        print(f"{key:28} {value}")
