"""A PostgreSQL URL that leads nowhere is one line at once: no pool retries, no log noise."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import pytest

from quiz.errors import StoreError
from quiz.store.opening import open_db

ROOT = Path(__file__).resolve().parents[2]


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])  # closed again when the block ends: nothing listens there


def test_a_server_that_is_down_is_one_line_at_once() -> None:
    url = f"postgresql://quiz:hunter2@127.0.0.1:{_closed_port()}/quiz"
    run = subprocess.run([sys.executable, "-m", "quiz", "--db", url, "status"], cwd=ROOT,
                         capture_output=True, text=True, timeout=60)
    lines = run.stderr.strip().splitlines()
    assert run.returncode == 1
    assert len(lines) == 1, run.stderr
    assert lines[0].startswith("quiz: cannot reach the database server at postgresql://quiz:***@127.0.0.1:")
    assert "refused" in lines[0].lower()
    assert "hunter2" not in run.stderr + run.stdout


def test_no_pool_is_made_for_a_server_that_is_down() -> None:
    """The pool would retry for 30 s; the probe answers before one exists."""
    from quiz.store.postgres import connection

    url = f"postgresql://quiz@127.0.0.1:{_closed_port()}/quiz"
    with pytest.raises(StoreError, match="cannot reach the database server"):
        open_db(url)
    assert url not in connection._pools
