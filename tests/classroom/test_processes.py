"""Takers in other processes: a killed one resumes with its deadline unchanged; thirty at once lose
no answer."""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from quiz.classroom import Classroom
from quiz.errors import ClassroomError
from quiz.store import open_db
from tests.classroom.conftest import BANK

pytestmark = pytest.mark.engines

TAKER = Path(__file__).with_name("taker.py")


def test_a_killed_taker_resumes_where_it_was_with_the_same_deadline(room, codes, db_path, clock) -> None:
    paper = room.new_paper(BANK, "Kill", class_name="7B", count=5, time_limit=timedelta(minutes=15), seed=2)
    process = subprocess.Popen(
        [sys.executable, str(TAKER), str(db_path), paper.code, "Cvijeta", codes["Cvijeta"], clock.now.isoformat(), "3"],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        started = process.stdout.readline().split()
        answered = [process.stdout.readline().split() for _ in range(3)]
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait()
    assert started[0] == "started" and all(line[0] == "ok" for line in answered)
    clock.advance(minutes=4)
    view = room.start_attempt(paper.code, "Cvijeta", codes["Cvijeta"])
    assert view.attempt_id == int(started[1])
    assert view.deadline.isoformat() == started[2]
    assert view.deadline == clock.now - timedelta(minutes=4) + timedelta(minutes=15)
    assert sorted(view.answers) == sorted(int(line[1]) for line in answered)
    assert [item.position for item in view.items[:3]] == [int(line[1]) for line in answered]


def _take(db_path: str, code: str, student: str, personal: str, now, go) -> None:  # type: ignore[no-untyped-def]
    """One student in a forked process: start, answer every question, submit; exit 0 if all taken."""
    go.wait()
    db = open_db(db_path)
    room = Classroom(db, lambda: now)
    paper = room.paper(code)
    view = room.start_attempt(code, student, personal)
    for item in view.items:
        room.answer(view.attempt_id, item.position, paper.questions[item.position].answer)
    result = room.submit(view.attempt_id)
    db.close()
    os._exit(0 if result.score == result.max == len(paper.questions) else 3)


def test_thirty_takers_at_once_lose_no_answer(db_path, clock) -> None:
    db = open_db(db_path)
    room = Classroom(db, clock)
    room.new_class("30")
    codes = room.add_students("30", [f"Student {i:02d}" for i in range(30)])
    paper = room.new_paper(BANK, "Thirty", class_name="30", count=10, time_limit=timedelta(minutes=15), seed=3)
    db.close()
    fork = multiprocessing.get_context("fork")
    go = fork.Event()
    takers = [fork.Process(target=_take, args=(str(db_path), paper.code, name, code, clock.now, go))
              for name, code in codes]
    for taker in takers:
        taker.start()
    go.set()
    for taker in takers:
        taker.join(60)
    assert [taker.exitcode for taker in takers] == [0] * 30
    db = open_db(db_path)
    assert db.execute("SELECT count(*) FROM attempt_answers").fetchone()[0] == 300
    assert db.execute("SELECT count(*) FROM attempts WHERE submitted IS NOT NULL").fetchone()[0] == 30
    report = Classroom(db, clock).results(paper.code)
    assert [s.score for s in report.students] == [10.0] * 30
    db.close()


def _start_until_used_up(db_path: str, code: str, student: str, personal: str, now, go) -> None:  # type: ignore[no-untyped-def]
    """The same student in many windows at once: start (or resume) an attempt and submit it, until
    the paper says every attempt is used (exit 0); any other refusal or failure exits otherwise."""
    go.wait()
    db = open_db(db_path)
    room = Classroom(db, lambda: now)
    while True:
        try:
            view = room.start_attempt(code, student, personal)
        except ClassroomError as error:
            os._exit(0 if "used all 3 attempts" in str(error) else 4)
        room.submit(view.attempt_id)


def test_one_student_starting_in_twelve_processes_at_once_gets_exactly_the_attempts_allowed(db_path, clock) -> None:
    """The count of attempts and the insert of the next share one write: no window starts a fourth,
    none fails on the (paper, learner, number) key, and the numbers run 1, 2, 3."""
    db = open_db(db_path)
    room = Classroom(db, clock)
    room.new_class("7C")
    ((name, code),) = room.add_students("7C", ["Ana"])
    paper = room.new_paper(BANK, "Three tries", class_name="7C", count=2, attempts=3, seed=4)
    db.close()
    fork = multiprocessing.get_context("fork")
    go = fork.Event()
    windows = [fork.Process(target=_start_until_used_up, args=(str(db_path), paper.code, name, code, clock.now, go))
               for _ in range(12)]
    for window in windows:
        window.start()
    go.set()
    for window in windows:
        window.join(60)
    assert [window.exitcode for window in windows] == [0] * 12
    db = open_db(db_path)
    stored = db.execute("SELECT number, submitted IS NOT NULL FROM attempts ORDER BY number").fetchall()
    db.close()
    assert stored == [(1, True), (2, True), (3, True)]
