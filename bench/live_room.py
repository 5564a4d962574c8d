"""Where a live game is played under load: a class with personal codes, and the teacher's door on
a thread of its own (awaited from the players' event loop). The live benchmark (`bench.live`) and
the load test (tests/live_ui/test_load.py) use it, with `bench.serve.serving`.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from quiz.doors.teacher import TeacherDoor
    from quiz.live.service import LiveHost

BANK = "belgrade-offensive"  # the built-in bank
T = TypeVar("T")


def make_class(location: Path | str, class_name: str, students: int) -> dict[str, str]:
    """A class of `students` ("Student 001"…) with personal codes: name -> code."""
    from quiz.doors.teacher import TeacherDoor

    door = TeacherDoor(location, "teacher")
    try:
        door.classroom.new_class(class_name)
        return dict(door.classroom.add_students(class_name, [f"Student {n:03d}" for n in range(1, students + 1)]))
    finally:
        door.close()


class Teacher:
    """The teacher's door on one thread of its own (a connection stays on the thread that opened
    it): `await teacher.live(lambda live: live.open_next(code))` leaves the event loop free."""

    def __init__(self, location: Path | str) -> None:
        self.location = location
        self._pool = ThreadPoolExecutor(1, thread_name_prefix="teacher")
        self._door: TeacherDoor | None = None

    def _call(self, work: Callable[[LiveHost], T]) -> T:
        if self._door is None:
            from quiz.doors.teacher import TeacherDoor

            self._door = TeacherDoor(self.location, "teacher")
        return work(self._door.live)

    async def live(self, work: Callable[[LiveHost], T]) -> T:
        return await asyncio.get_running_loop().run_in_executor(self._pool, self._call, work)

    def close(self) -> None:
        if self._door is not None:
            self._pool.submit(self._door.close).result()
        self._pool.shutdown()


def database_processes(location: Path | str) -> list[int]:
    """PostgreSQL's processes serving `location` when it runs on this machine (its postmaster's
    children, the tabs' backends among them), to count their CPU too; none for a SQLite file."""
    if not str(location).startswith("postgresql"):
        return []
    import psycopg

    with psycopg.connect(str(location)) as conn:
        backend = conn.execute("SELECT pg_backend_pid()").fetchone()
    postmaster = _parent(int(backend[0])) if backend else None
    if postmaster is None:
        return []
    found = [postmaster]
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and _parent(int(entry.name)) == postmaster:
            found.append(int(entry.name))
    return found


class Connections:
    """How many connections PostgreSQL's clients hold on `location`'s database (this one left
    out), and the server's `max_connections`; nothing for a SQLite file."""

    def __init__(self, location: Path | str) -> None:
        self.conn = None
        self.peak = 0
        self.limit = 0
        if str(location).startswith("postgresql"):
            import psycopg

            self.conn = psycopg.connect(str(location), autocommit=True)
            row = self.conn.execute("SHOW max_connections").fetchone()
            self.limit = int(row[0]) if row else 0

    def sample(self) -> None:
        if self.conn is not None:
            row = self.conn.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                "AND backend_type = 'client backend' AND pid <> pg_backend_pid()").fetchone()
            self.peak = max(self.peak, int(row[0]) if row else 0)

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()


def _parent(pid: int) -> int | None:
    try:
        return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
    except (FileNotFoundError, ProcessLookupError, IndexError, ValueError):
        return None
