"""A crash in the app ends it with one line on stderr and a non-zero exit, the traceback in a file."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import sys
from quiz.doors.learner import LearnerDoor
from quiz.tui.app import QuizApp

class Broken(LearnerDoor):
    def banks(self):
        raise RuntimeError("the bank list exploded")

app = QuizApp(Broken(sys.argv[1], "ann"))
app.run(headless=True, size=(80, 24))
sys.exit(app.return_code)
"""


def test_a_crash_is_one_line_and_exit_1(tmp_path: Path) -> None:
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data"), "HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-W", "ignore", "-c", SCRIPT, str(tmp_path / "q.db")], cwd=ROOT, env=env,
        capture_output=True, text=True, timeout=60,
    )
    assert done.returncode == 1
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("quiz: crashed: RuntimeError: the bank list exploded (details in ")
    log = Path(lines[0].split("(details in ", 1)[1].rstrip(")"))
    assert "Traceback" in log.read_text() and "the bank list exploded" in log.read_text()
