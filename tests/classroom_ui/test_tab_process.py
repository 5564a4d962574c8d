"""A served tab's process (`python -m quiz.tab`, issue #21's memory per tab): it signs students in
with right and wrong codes without OpenSSL's libcrypto or ssl mapped, and its errors are the CLI's
own lines and exit codes."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from pathlib import Path

from bench.ws_client import open_tab
from tests.classroom_ui.test_serve_limits import serving

NOT_RECOGNISED = b"name or personal code not recognised"


def _tab_processes(db: Path) -> list[Path]:
    """/proc entries of the tab processes running on `db`."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            argv = (entry / "cmdline").read_bytes().split(b"\0") if entry.name.isdigit() else []
        except OSError:
            continue
        if b"quiz.tab" in argv and str(db).encode() in argv:
            found.append(entry)
    return found


async def _sign_in(url: str, db: Path, name: str, code: str) -> list[str]:
    """Sign in with a wrong code, then the right one; the tab process's mapped files meanwhile."""
    async with open_tab(f"{url}/ws") as tab:
        await tab.read_until("▸ Name".encode(), since=0)
        await asyncio.sleep(0.5)
        await tab.keys(name)
        await tab.read_until(name.encode())
        await tab.keys("\r")
        await tab.read_until("▸ Personal code".encode())
        for typed in ("AAAAAA", code):
            await tab.keys(typed)
            await tab.read_until(("•" * len(typed)).encode())
            mark = tab.mark()
            await tab.keys("\r")
            await tab.read_until(NOT_RECOGNISED if typed != code else b"Question 1 of", since=mark)
        processes = _tab_processes(db)
        assert len(processes) == 1
        return (processes[0] / "maps").read_text().splitlines()


def test_a_served_tab_signs_in_without_libcrypto_or_ssl(room) -> None:
    code = room.paper()
    with serving(room.db_path, code) as url:
        maps = asyncio.run(_sign_in(url, room.db_path, "Ana", room.codes["Ana"]))
    libraries = {line.split("/")[-1] for line in maps if "/" in line}
    assert any(name.startswith("libpython") or name.startswith("python") for name in libraries)  # really read
    assert [name for name in libraries if name.startswith(("libcrypto", "libssl", "_hashlib", "_ssl"))] == []


def _run(*args: str) -> tuple[int, str]:
    done = subprocess.run([sys.executable, "-m", *args], capture_output=True, text=True, stdin=subprocess.DEVNULL,
                          timeout=60)
    return done.returncode, done.stderr


def test_a_tab_s_errors_are_the_cli_s(room, tmp_path: Path) -> None:
    """An unknown paper (bad input, 2) and a database folder that does not exist (a fault, 1): the
    same line and exit code from `python -m quiz.tab` as from `python -m quiz`."""
    db, missing = str(room.db_path), str(tmp_path / "no such folder" / "quiz.db")
    for args in (["--db", db, "paper", "take", "NOPE42"], ["--db", missing, "student"],
                 ["--db", missing, "paper", "take"], ["--db", missing, "teacher-tab"]):
        tab, cli = _run("quiz.tab", *args), _run("quiz", *args)
        assert tab == cli and tab[0] in (1, 2) and tab[1].count("\n") == 1 and tab[1].startswith("quiz: "), (tab, cli)


def test_a_tab_command_it_does_not_know_is_a_usage_line(room) -> None:
    for args in (["student", "x"], ["paper"], ["paper", "take", "A", "B"], ["study"], []):
        code, error = _run("quiz.tab", "--db", str(room.db_path), *args)
        assert code == 2 and error.startswith("quiz: usage: python -m quiz.tab") and error.count("\n") == 1
