"""Driving `quiz serve` in headless Chromium (Debian's, never a downloaded one).

The page draws the terminal with xterm.js on a canvas, so the screen is read from xterm's own
buffer: an init script keeps the `Terminal` that textual.js assigns to `this.terminal`. Google
Fonts is blocked (the machine may be offline), the viewport is fixed (it sets rows and columns),
and keys go to xterm's helper textarea, focused without a click (a click is a mouse event).
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from bench.serve import stop_group  # the server and every tab's app, by process group

CHROMIUM = Path("/usr/bin/chromium")
VIEWPORT = {"width": 1000, "height": 600}
KEYBOARD = "textarea.xterm-helper-textarea"
QUESTION = re.compile(r"Question (\d+) of (\d+)")
TYPED = "Belgrade"

# Catch `this.terminal = new Terminal(...)` in textual.js: a setter on Object.prototype that
# keeps the instance on window and then turns itself into a plain property of that object.
CATCH_TERMINAL = """
Object.defineProperty(Object.prototype, "terminal", {
  configurable: true,
  set(value) {
    if (value && value.buffer) { window.__quizTerminal = value; }
    Object.defineProperty(this, "terminal", {value, writable: true, configurable: true, enumerable: true});
  },
});
window.__quizScreen = () => {
  const t = window.__quizTerminal;
  if (!t) { return ""; }
  const rows = [];
  for (let i = 0; i < t.rows; i++) {
    const line = t.buffer.active.getLine(i);
    rows.push(line ? line.translateToString(true) : "");
  }
  return rows.join("\\n");
};
"""


def chromium_or_skip() -> None:
    """Skip without Debian's chromium; in CI (where .ci/run installs it) its absence fails."""
    if CHROMIUM.exists():
        return
    if os.environ.get("CI"):
        pytest.fail(f"{CHROMIUM} is missing: .ci/run installs Debian's chromium before the tests")
    pytest.skip(f"no {CHROMIUM} (apt-get install chromium fonts-dejavu-core)")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def served(db_path: Path, paper: str | None, timeout: float = 20.0) -> Iterator[str]:
    """`quiz serve --paper PAPER` (without a paper: each tab a student's home) on a free loopback
    port, in its own session; yields its URL.
    Always stopped at the end, by process group (the server and every tab's app)."""
    port = free_port()
    argv = [sys.executable, "-m", "quiz", "--db", str(db_path), "serve", "--port", str(port),
            *(["--paper", paper] if paper is not None else [])]
    log = open(db_path.with_suffix(".serve.log"), "wb")  # closed in the finally below
    proc = subprocess.Popen(argv, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                            start_new_session=True)
    try:
        deadline = time.monotonic() + timeout
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"quiz serve ended with {proc.returncode}: {db_path.with_suffix('.serve.log').read_text()}")
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError("quiz serve did not listen in time") from None
                time.sleep(0.05)
        yield f"http://127.0.0.1:{port}/"
    finally:
        stop_group(proc)
        log.close()


def screen(page) -> str:  # type: ignore[no-untyped-def]
    return str(page.evaluate("window.__quizScreen()"))


def wait_for(page, text: str, timeout: float = 25.0) -> str:  # type: ignore[no-untyped-def]
    """The screen once it shows `text`; fails with the screen as it was after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        shown = screen(page)
        if text in shown:
            return shown
        if time.monotonic() > deadline:
            raise AssertionError(f"{text!r} never appeared; the screen was:\n{shown}")
        page.wait_for_timeout(50)


def open_tab(context, url: str):  # type: ignore[no-untyped-def]
    """A new tab on the served app, its keyboard focused once the app has painted."""
    page = context.new_page()
    page.goto(url)
    page.wait_for_selector("body.-first-byte")
    return page


def sign_in(page, name: str, code: str) -> None:  # type: ignore[no-untyped-def]
    """Wait on what the screen shows before each key that moves focus: keys typed while focus moves
    would land in the old field."""
    wait_for(page, "▸ Name", timeout=30)
    page.focus(KEYBOARD)
    page.keyboard.type(name)
    wait_for(page, f"  {name} ")
    page.keyboard.press("Enter")
    wait_for(page, "▸ Personal code")
    page.keyboard.type(code)
    wait_for(page, "•" * len(code))
    page.keyboard.press("Enter")
    wait_for(page, "Question 1 of")


def answer_everything(page) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """Answer each question in this student's order: the first option, or TYPED; prompt -> given."""
    given: dict[str, str] = {}
    total = None
    for answered in range(1, 100):
        screen = wait_for(page, "answered")
        number, total = map(int, QUESTION.search(screen).groups())  # type: ignore[union-attr]
        lines = screen.splitlines()
        top = next(i for i, line in enumerate(lines) if "Question" in line and "╭" in line)
        bottom = next(i for i in range(top, len(lines)) if "╰" in lines[i])
        prompt = " ".join(line.strip(" │") for line in lines[top + 1:bottom]).strip()
        if "multiple choice" in lines[bottom]:
            first = next(line for line in lines[bottom:] if re.match(r"^\s+1 ", line))
            given[prompt] = first.split("1 ", 1)[1].strip()
            page.keyboard.press("1")
        else:
            page.keyboard.type(TYPED)
            wait_for(page, f"  {TYPED}")
            page.keyboard.press("Enter")
            given[prompt] = TYPED
        wait_for(page, f"{answered} of {total} answered")
        if answered == total:
            return given
    raise AssertionError("never reached the last question")
