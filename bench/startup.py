"""Start-up of the study app: process start to the first question painted, beside a minimal Textual app.

`quiz study --bank NAME` (the built-in bank) goes straight to its first question; bare `quiz` would
stop at the home screen and wait for the learner.

Both run in a pseudo-terminal (80×24), as a learner's terminal would run them, and report the wall
time at which their first screen was painted; the figure is that time minus the time just before
the process was spawned. Median of several runs after one warm-up (which also builds the cards).
"""

from __future__ import annotations

import os
import re
import select
import statistics
import struct
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RUNS = 5
TIMEOUT_S = 60.0
MARKER = re.compile(rb"QUIZ_FIRST_QUESTION (\d+\.\d+)")

BASELINE_APP = """
import time
from textual.app import App
from textual.widgets import Footer, Header, Static

class Minimal(App):
    def compose(self):
        yield Header()
        yield Static("When did the offensive begin?")
        yield Footer()

    def on_mount(self):
        self.call_after_refresh(lambda: self.exit(time.time()))

print(f"QUIZ_FIRST_QUESTION {Minimal().run():.6f}")
"""


def _spawn_in_pty(argv: list[str], env: dict[str, str]) -> float:
    """Seconds from spawn to the painted time the child prints; raises if it never prints one."""
    import fcntl
    import termios

    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    started = time.time()
    proc = subprocess.Popen(
        argv, stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True, close_fds=True
    )
    os.close(slave)
    output = bytearray()
    deadline = time.monotonic() + TIMEOUT_S
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([master], [], [], 0.2)
            if ready:
                try:
                    chunk = os.read(master, 65536)
                except OSError:  # the child closed the terminal
                    break
                if not chunk:
                    break
                output += chunk
            elif proc.poll() is not None:
                break
    finally:
        os.close(master)
        if proc.poll() is None:
            proc.kill()
        proc.wait()
    found = MARKER.search(bytes(output))
    if not found:
        tail = bytes(output[-400:]).decode("utf-8", "replace")
        raise RuntimeError(f"{argv[1:4]} printed no first-question marker (exit {proc.returncode}): {tail!r}")
    return float(found.group(1)) - started


def _median(argv: list[str], env: dict[str, str], runs: int) -> float:
    _spawn_in_pty(argv, env)  # warm-up: bytecode caches, and the first run builds the cards
    return statistics.median(_spawn_in_pty(argv, env) for _ in range(runs))


def run(runs: int = RUNS) -> dict[str, float]:
    env = {
        **os.environ,
        "TERM": "xterm-256color",
        "COLUMNS": "80",
        "LINES": "24",
        "QUIZ_EXIT_AFTER_FIRST_QUESTION": "1",
        "QUIZ_LEARNER": "bench",
        "PYTHONPATH": os.pathsep.join(filter(None, [str(Path(__file__).resolve().parent.parent),
                                                    os.environ.get("PYTHONPATH", "")])),
    }
    env.pop("TEXTUAL", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed package has its bytecode compiled
    with tempfile.TemporaryDirectory() as tmp:
        env["PYTHONPYCACHEPREFIX"] = str(Path(tmp) / "pycache")  # …kept out of the source tree
        db = str(Path(tmp) / "bench.db")
        from question_bank.banks.builtin import builtin_bank_names

        bank = builtin_bank_names()[0]
        tui = _median([sys.executable, "-m", "quiz", "--db", db, "study", "--bank", bank], env, runs)
        baseline = _median([sys.executable, "-c", BASELINE_APP], env, runs)
    return {
        "tui_first_question_s": round(tui, 3),
        "textual_baseline_s": round(baseline, 3),
        "tui_vs_baseline": round(tui / baseline, 2),
    }


if __name__ == "__main__":
    for name, value in run().items():
        print(f"{name:24} {value}")
