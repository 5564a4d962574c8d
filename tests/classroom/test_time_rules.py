"""Time rules judged by the store (issue #19, items 21 and 25): the opening, closing and deadline
of a paper are read off the store's clock inside the write that applies them, so a start or an
answer that waited for the write lock is judged and stamped when it is written, and a taking
process whose own clock is a month off decides nothing. Also: --show-key with several attempts."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from quiz.classroom import Classroom
from quiz.cli import main
from quiz.errors import ClassroomError
from quiz.store import now as store_clock
from quiz.store import open_db
from quiz.store.postgres.connection import WRITE_LOCK
from tests.classroom.conftest import BANK
from tests.support.clock import Clock

pytestmark = pytest.mark.engines

WAIT = 60.0  # seconds a step may take before the test gives up (a hang guard, never the assertion)


def while_locked(db_path: Path, clock: Clock, action: Callable[[Classroom], Any], meanwhile: Callable[[], object]) -> Any:
    """Run `action` on its own connection in a thread while another connection holds the write
    lock; once `action` is waiting for the lock, call `meanwhile`, then let the lock go. What
    `action` returned, or the exception it raised."""
    ready, go, waiting = threading.Event(), threading.Event(), threading.Event()
    outcome: dict[str, Any] = {}

    def taker() -> None:
        db = open_db(db_path)  # opened before the lock is taken: opening writes too
        if db.engine == "sqlite":
            db.conn.set_trace_callback(lambda sql: waiting.set() if sql.startswith("BEGIN IMMEDIATE") else None)
        try:
            ready.set()
            go.wait(WAIT)
            outcome["value"] = action(Classroom(db, clock))
        except Exception as error:  # handed back to the test to assert on
            outcome["value"] = error
        finally:
            db.close()

    thread = threading.Thread(target=taker)
    thread.start()
    assert ready.wait(WAIT)
    holder = open_db(db_path)
    try:
        with holder.write():  # the write lock, as every writer takes it; nothing written
            go.set()
            assert _waited_for(holder, waiting), "the action never asked for the write lock"
            meanwhile()
    finally:
        holder.close()
        thread.join(WAIT)
    assert not thread.is_alive()
    return outcome["value"]


def _waited_for(holder: Any, waiting: threading.Event) -> bool:
    """Whether another connection came to wait for the write lock `holder` holds: on SQLite, seen
    in its statements; on PostgreSQL, a session waiting for the advisory write lock."""
    if holder.engine == "sqlite":
        return waiting.wait(WAIT)
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        if holder.execute(
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND objid = ?",
            [WRITE_LOCK],
        ).fetchone()[0]:
            return True
        time.sleep(0.01)
    return False


def _answered_at(room: Classroom, attempt_id: int, position: int) -> str:
    row = room.db.execute(
        "SELECT answered_at FROM attempt_answers WHERE attempt_id = ? AND position = ?", [attempt_id, position]
    ).fetchone()
    return row[0] if row else ""


def test_an_answer_waiting_on_the_lock_is_stamped_when_written_and_late_if_the_deadline_passed(
    room: Classroom, codes: dict[str, str], clock: Clock, db_path: Path
) -> None:
    paper = room.new_paper(BANK, "Timed", class_name="7B", count=3, time_limit=timedelta(minutes=10), seed=1)
    view = room.start_attempt(paper.code, "Ana", codes["Ana"])
    clock.advance(minutes=9)

    given = while_locked(db_path, clock, lambda r: r.answer(view.attempt_id, 0, paper.questions[0].answer),
                         lambda: clock.advance(seconds=30))
    assert given is None
    assert _answered_at(room, view.attempt_id, 0) == "2026-03-02T10:09:30.000000+00:00"  # when written

    late = while_locked(db_path, clock, lambda r: r.answer(view.attempt_id, 1, paper.questions[1].answer),
                        lambda: clock.advance(seconds=30))  # 10:10:00, the deadline, passes while it waits
    assert isinstance(late, ClassroomError) and str(late) == "the time is up: the answer was not taken"
    assert _answered_at(room, view.attempt_id, 1) == ""
    assert room.submit(view.attempt_id).score == 1.0


def test_a_start_waiting_on_the_lock_when_the_paper_closes_is_refused(
    room: Classroom, codes: dict[str, str], clock: Clock, db_path: Path
) -> None:
    closes = clock.now + timedelta(minutes=5)
    paper = room.new_paper(BANK, "Closing", class_name="7B", count=2, closes=closes, seed=1)
    clock.advance(minutes=4, seconds=59)

    refused = while_locked(db_path, clock, lambda r: r.start_attempt(paper.code, "Boris", codes["Boris"]),
                           lambda: clock.advance(seconds=1))
    assert isinstance(refused, ClassroomError) and str(refused) == f"paper {paper.code} closed at 2026-03-02T10:05+00:00"
    assert room.db.execute("SELECT count(*) FROM attempts").fetchone()[0] == 0  # no attempt used up


def test_the_taking_process_clock_decides_nothing_the_store_clock_does(
    room: Classroom, codes: dict[str, str], clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As a store on a server answers with its own now(): the student's process clock (`clock`,
    as faketime would set it) is a month ahead, the store's is not."""
    server = Clock()
    monkeypatch.setattr(store_clock, "store_now", lambda db, local: server())
    opens = server.now + timedelta(days=1)
    paper = room.new_paper(BANK, "Next week", class_name="7B", count=2, time_limit=timedelta(minutes=15), opens=opens,
                           closes=opens + timedelta(days=1), seed=1)
    clock.advance(days=30)  # the student's machine says the paper opened long ago (and has closed)

    with pytest.raises(ClassroomError, match="opens at 2026-03-03T10:00"):
        room.start_attempt(paper.code, "Ana", codes["Ana"])
    server.advance(days=1, minutes=1)
    view = room.start_attempt(paper.code, "Ana", codes["Ana"])
    assert view.deadline == server.now + timedelta(minutes=15)  # from the store's now, not the process's
    room.answer(view.attempt_id, 0, paper.questions[0].answer)  # the process clock is past every deadline
    assert _answered_at(room, view.attempt_id, 0) == "2026-03-03T10:01:00.000000+00:00"
    server.advance(minutes=15)
    with pytest.raises(ClassroomError, match="time is up"):
        room.answer(view.attempt_id, 1, paper.questions[1].answer)


def test_show_key_with_more_than_one_attempt_is_refused_when_the_paper_is_made(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("QUIZ_LEARNER", "teacher")

    def run(*args: str) -> Any:
        return CliRunner().invoke(main, ["--db", str(db_path), *args])

    made = run("paper", "new", "--bank", BANK, "--title", "Quiz", "--count", "2", "--attempts", "2", "--show-key")
    assert made.exit_code == 2
    assert made.output.strip().splitlines() == [
        "quiz: --show-key with --attempts 2: the key shown after one attempt would give full marks on the next; "
        "give one or the other, or make it a --practice paper"
    ]
    assert open_db(db_path).execute("SELECT count(*) FROM papers").fetchone() == (0,)
    # one attempt with the key, several without it, and practice (retrying with the key is the point)
    for flags in (("--attempts", "1", "--show-key"), ("--attempts", "2"), ("--attempts", "2", "--show-key", "--practice")):
        assert run("paper", "new", "--bank", BANK, "--title", "Quiz", "--count", "2", *flags).exit_code == 0
    assert open_db(db_path).execute("SELECT count(*) FROM papers").fetchone() == (3,)
