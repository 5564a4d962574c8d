"""A real `quiz paper take` in a pseudo-terminal, killed with SIGKILL mid-paper: taking it again
resumes the same attempt with the answers given on screen and the deadline unchanged."""

from __future__ import annotations

import fcntl
import os
import re
import select
import signal
import struct
import subprocess
import sys
import termios
import time
from datetime import timedelta

from quiz.clock import utc_now
from quiz.doors.student import StudentDoor
from quiz.doors.teacher import TeacherDoor
from tests.classroom_ui.conftest import SIZE
from tests.classroom_ui.test_take import sign_in
from tests.support.screens import screen_text

ANSWERED = re.compile(rb"([1-9]\d*) of (\d+) answered")


class Terminal:
    """A child process on a pseudo-terminal of SIZE, and everything it has drawn."""

    def __init__(self, argv: list[str]) -> None:
        self.master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", SIZE[1], SIZE[0], 0, 0))
        env = {**os.environ, "TERM": "xterm-256color"}
        env.pop("TEXTUAL", None)
        self.proc = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, env=env,
                                     start_new_session=True, close_fds=True)
        os.close(slave)
        self.output = bytearray()

    def wait_for(self, pattern: re.Pattern[bytes], timeout: float = 30.0) -> re.Match[bytes]:
        deadline = time.monotonic() + timeout
        while True:
            found = pattern.search(bytes(self.output))
            if found:
                return found
            if time.monotonic() > deadline or self.proc.poll() is not None:
                raise AssertionError(f"{pattern.pattern!r} never drawn: {bytes(self.output[-600:])!r}")
            ready, _, _ = select.select([self.master], [], [], 0.1)
            if ready:
                try:
                    self.output += os.read(self.master, 65536)
                except OSError:
                    pass

    def type(self, text: str) -> None:
        os.write(self.master, text.encode())

    def kill(self) -> None:
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.proc.wait()
        os.close(self.master)


async def test_a_killed_take_resumes_with_its_answers_and_deadline(room):
    code = room.paper(time_limit=timedelta(minutes=30))
    argv = [sys.executable, "-m", "quiz", "--db", str(room.db_path), "paper", "take", code, "--student", "Ana"]
    terminal = Terminal(argv)
    try:
        terminal.wait_for(re.compile(rb"Personal code"))
        terminal.type(room.codes["Ana"])  # the name was given: the code field has the focus
        terminal.wait_for(re.compile(rb"(?:\xe2\x80\xa2){6}"))  # six masked characters
        terminal.type("\r")
        terminal.wait_for(re.compile(rb"Question 1 of"))
        kind = terminal.wait_for(re.compile(rb"multiple choice|typed answer|fill the gap"))
        terminal.type("1" if kind.group(0) == b"multiple choice" else "1944\r")  # one answer, either way
        given = int(terminal.wait_for(ANSWERED).group(1))
        assert given == 1
    finally:
        terminal.kill()  # SIGKILL: no chance to save anything on the way out
    desk = TeacherDoor(room.db_path, "teacher", clock=utc_now)
    before = desk.classroom.start_attempt(code, "Ana", room.codes["Ana"])  # what the store kept
    desk.close()
    assert len(before.answers) == given and before.deadline is not None
    from quiz.tui.take_app import TakeApp

    app = TakeApp(StudentDoor(room.db_path, clock=utc_now), paper_code=code, student="Ana")
    async with app.run_test(size=SIZE) as pilot:
        screen = await sign_in(app, pilot, "Ana", room.codes["Ana"])
        assert screen.view.attempt_id == before.attempt_id and screen.view.deadline == before.deadline
        assert screen.answers == before.answers and f"{given} of 6 answered" in screen_text(app)
