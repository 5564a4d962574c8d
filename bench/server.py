"""A class on one `quiz serve`: 100 students answering at once through the websocket protocol.

Each student is a small client (bench.ws_client) speaking textual-serve's protocol as the page
does, so the server starts one take app per student, exactly as for a browser tab. All sign in
with their personal codes; then, together, each answers the paper's questions with a short pause
to think between answers (THINK_S), and submits. Measured:

    server_key_to_screen_p50_ms / _p99_ms   from sending an answer's key (the choice's number, or
                                            Enter after a typed answer) to the frame that shows the
                                            next question (the last: "N of N answered")
    server_answers_lost                     answers sent but not in the store (read through the
                                            teacher's door after every student submitted)
    server_cpu_ms_per_answer                CPU of the server and every tab's process (from /proc)
                                            while the class answered, per answer
    server_rss_mb_per_tab                   mean RSS of a tab's process once it has answered
    server_idle_cpu_cores                   cores busy with the class signed in and nobody typing

QUIZ_BENCH_STUDENTS=10 runs a smaller class (a quick run). The clients run in this process, on one
event loop: their own CPU competes with the server's on the same host, as a browser's would not.
Real Chromium tabs are not part of it (see the README).
"""

from __future__ import annotations

import asyncio
import os
import random
import re
import statistics
import tempfile
import time
from datetime import timedelta
from pathlib import Path

from bench.serve import group, rss_mb, serving
from bench.ws_client import TIMEOUT_S, Tab, open_tab

STUDENTS = int(os.environ.get("QUIZ_BENCH_STUDENTS", "100"))
QUESTIONS = 6
OPENING = 8  # students opening their tab and signing in at once: a class arrives over a minute, not in 1 ms
THINK_S = (2.0, 6.0)  # between seeing a question and answering it: a brisk class
IDLE_S = 3.0  # the class signed in, nobody typing: what open tabs cost by themselves
# A typed answer of the question's kind, right or wrong: text that is no date would send the
# checker to dateparser, about 8 MB more in that tab (a tab that read one measured 58.5 MB, not 50.7).
TYPED = {b"date": "June 1944", b"place": "Belgrade", b"unit": "1st Proletarian Division"}
MODE = re.compile(rb"(\w+) \xc2\xb7 (multiple choice|typed answer)")  # the box's subtitle: "date · typed answer"


def _prepare(db: Path) -> tuple[str, dict[str, str]]:
    """A class of STUDENTS and a paper of QUESTIONS on the built-in bank: (paper code, name -> code)."""
    from quiz.doors.teacher import TeacherDoor
    from quiz.model import Mode

    door = TeacherDoor(db, "teacher")
    try:
        door.classroom.new_class("bench")
        codes = dict(door.classroom.add_students("bench", [f"Student {n:03d}" for n in range(STUDENTS)]))
        bank = door.bank_names()[0]
        paper = door.classroom.new_paper(bank, "Bench paper", class_name="bench", count=QUESTIONS,
                                         modes=(Mode.MC, Mode.TYPED), time_limit=timedelta(minutes=30), seed=1)
        return paper.code, codes
    finally:
        door.close()


def _stored(db: Path, code: str) -> int:
    """Answers the store holds for the paper's submitted attempts, as the teacher sees them."""
    from quiz.doors.teacher import TeacherDoor

    door = TeacherDoor(db, "teacher")
    try:
        return sum(1 for student in door.classroom.results(code).students for a in student.answers if a.given)
    finally:
        door.close()


def _cpu_s(pids: list[int]) -> float:
    """User and system CPU seconds of these processes (a process gone meanwhile counts 0)."""
    ticks = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except (FileNotFoundError, ProcessLookupError):
            continue
        ticks += int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15 of stat)
    return ticks / os.sysconf("SC_CLK_TCK")


class Class:
    """What the students report: who is signed in, who has answered, and each answer's time."""

    def __init__(self) -> None:
        self.signed_in = 0
        self.answered = 0
        self.sent = 0
        self.times: list[float] = []
        self.opening = asyncio.Semaphore(OPENING)
        self.start = asyncio.Event()
        self.measured = asyncio.Event()


async def _sign_in(tab: Tab, name: str, code: str) -> None:
    # Keys typed in a tab's first moments are sometimes dropped or cut short (seen under load): wait
    # for the name field's focus mark, then as long as a person takes to start typing; each field is
    # then typed again until it shows exactly what was typed. A wrong code would count against the
    # address every student here shares, so the code is checked before Enter.
    await tab.read_until("▸ Name".encode(), since=0, timeout=2 * TIMEOUT_S)
    await asyncio.sleep(1.0)
    await tab.fill(name, re.compile(rb"(?<=[m ])" + re.escape(name.encode()) + rb"(?![\w\x80-\xff])"))
    mark = tab.mark()
    await tab.keys("\r")
    await tab.read_until("▸ Personal code".encode(), since=mark)
    dot = "•".encode()
    await tab.fill(code, re.compile(rb"(?<!" + dot + rb")(?:" + dot + rb"){%d}(?!" % len(code) + dot + rb")"))
    mark = tab.mark()
    await tab.keys("\r")
    await tab.read_until(f"Question 1 of {QUESTIONS}".encode(), since=mark)


async def _answer(tab: Tab, shown: int, number: int, done: Class) -> int:
    """Answer question `number`, whose frame came after `shown`; returns where its successor's starts."""
    title = tab.screen.find(f"Question {number} of {QUESTIONS}".encode(), shown)
    await tab.read_until(MODE, since=title)
    mode = MODE.search(tab.screen, title)
    assert title >= 0 and mode is not None
    key = "1"
    if mode.group(2) == b"typed answer":
        typed = TYPED.get(mode.group(1), "Belgrade")
        mark = tab.mark()
        await tab.keys(typed)
        await tab.read_until(typed.encode(), since=mark)
        key = "\r"
    after = (f"Question {number + 1} of {QUESTIONS}" if number < QUESTIONS
             else f"{QUESTIONS} of {QUESTIONS} answered").encode()
    mark = tab.mark()
    sent = time.monotonic()
    await tab.keys(key)
    done.sent += 1
    arrived = await tab.read_until(after, since=mark)
    done.times.append(arrived - sent)
    return mark


async def _student(url: str, name: str, code: str, done: Class) -> None:
    rng = random.Random(name)
    await done.opening.acquire()
    opening = True
    try:
        async with open_tab(url) as tab:
            await _sign_in(tab, name, code)
            done.opening.release()
            opening = False
            done.signed_in += 1
            await _take(tab, rng, done)
    finally:
        if opening:
            done.opening.release()


async def _take(tab: Tab, rng: random.Random, done: Class) -> None:
    await done.start.wait()
    shown = 0
    for number in range(1, QUESTIONS + 1):
        await asyncio.sleep(rng.uniform(*THINK_S))
        shown = await _answer(tab, shown, number, done)
    done.answered += 1
    await done.measured.wait()  # the tab's memory and the class's CPU are read with every tab open
    mark = tab.mark()
    await tab.keys("\x13")  # ctrl+s…
    await tab.read_until(b"Submit now?", since=mark)
    await tab.keys("y")  # …and y
    await tab.read_until(b"Submitted.", since=mark)


async def _until(count: int, reached: object, attribute: str, tasks: list[asyncio.Task[None]]) -> None:
    """Until `count` students have reached a point; a student who failed raises here."""
    while getattr(reached, attribute) < count:
        for task in tasks:
            if task.done():
                task.result()
        await asyncio.sleep(0.05)


async def _class(url: str, server: int, codes: dict[str, str]) -> dict[str, float]:
    done = Class()
    opened = time.monotonic()
    tasks = [asyncio.create_task(_student(url, name, code, done)) for name, code in codes.items()]
    await _until(len(codes), done, "signed_in", tasks)
    signed_in = time.monotonic() - opened
    pids = group(server)
    cpu_before = _cpu_s(pids)
    await asyncio.sleep(IDLE_S)
    idle = (_cpu_s(pids) - cpu_before) / IDLE_S
    cpu_before, started = _cpu_s(pids), time.monotonic()
    done.start.set()
    await _until(len(codes), done, "answered", tasks)
    cpu = _cpu_s(pids) - cpu_before
    answering = time.monotonic() - started
    tabs = [rss_mb(pid) for pid in pids if pid != server]
    server_rss = rss_mb(server)
    done.measured.set()
    await asyncio.gather(*tasks)
    times = sorted(done.times)
    return {
        "server_students": float(len(codes)),
        "server_sign_in_all_s": round(signed_in, 1),
        "server_answering_s": round(answering, 1),
        "server_key_to_screen_p50_ms": round(statistics.median(times) * 1000, 1),
        "server_key_to_screen_p99_ms": round(times[min(len(times) - 1, int(len(times) * 0.99))] * 1000, 1),
        "server_answers_sent": float(done.sent),
        "server_cpu_ms_per_answer": round(cpu / max(done.sent, 1) * 1000, 1),
        "server_cpu_cores_busy": round(cpu / answering, 2),
        "server_idle_cpu_cores": round(idle, 2),
        "server_rss_mb_per_tab": round(statistics.fmean(tabs), 1),
        "server_rss_mb_server": round(server_rss, 1),
    }


def run() -> dict[str, float]:
    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="quiz-bench-server-") as tmp:
        db = Path(tmp) / "server.db"
        code, codes = _prepare(db)
        with serving(db, Path(tmp) / "serve.log", "--paper", code, "--max-tabs", str(STUDENTS)) as (url, server):
            figures = asyncio.run(_class(url, server, codes))
        stored = _stored(db, code)
    figures["server_answers_lost"] = figures["server_answers_sent"] - stored
    figures["server_load_before"] = round(load, 2)
    return figures


if __name__ == "__main__":
    for key, value in run().items():
        print(f"{key:32} {value}")
