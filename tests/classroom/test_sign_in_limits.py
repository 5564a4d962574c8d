"""Signing in (#21): names matched without case, accents or script; one message for an unknown
name and a wrong code; wrong codes lock a student (5) or a network address (20) for 15 minutes,
counted in the store on the injected clock; a teacher's unlock. Every test runs on both engines."""

from __future__ import annotations

from datetime import timedelta

import pytest

from quiz.classroom.limits import SignInLocked, at_minute
from quiz.errors import ClassroomError
from quiz.store import sign_in as store
from tests.classroom.conftest import BANK

pytestmark = pytest.mark.engines

NOT_RECOGNISED = "^name or personal code not recognised"


@pytest.fixture
def mila(room) -> tuple[str, dict[str, str]]:
    """Class 8S with Mila Petrović and Đorđe Jovanović; a paper for it. (paper code, codes)"""
    room.new_class("8S")
    codes = dict(room.add_students("8S", ["Mila Petrović", "Đorđe Jovanović"]))
    return room.new_paper(BANK, "Quiz", class_name="8S", count=3, seed=1).code, codes


@pytest.mark.parametrize("typed", ["Mila Petrovic", "mila petrović", "MILA  PETROVIC", "Мила Петровић"])
def test_a_name_is_matched_without_case_accents_or_script(room, mila, typed: str) -> None:
    paper, codes = mila
    view = room.start_attempt(paper, typed, codes["Mila Petrović"])
    assert view.student == "Mila Petrović"  # the roster's name: the same attempt and version as typed exactly
    assert room.start_attempt(paper, "Mila Petrović", codes["Mila Petrović"]).attempt_id == view.attempt_id
    assert room.start_attempt(paper, "Ђорђе Јовановић", codes["Đorđe Jovanović"]).student == "Đorđe Jovanović"
    assert room.start_attempt(paper, "dorde jovanovic",
                              codes["Đorđe Jovanović"]).student == "Đorđe Jovanović"


def test_two_members_folding_alike_need_the_exact_name(room, mila) -> None:
    paper, _ = mila
    more = dict(room.add_students("8S", ["Mila Petrovic"]))  # a second Mila, without the accent
    codes = {**mila[1], **more}
    with pytest.raises(ClassroomError, match="two students of this class have names like 'mila petrovic'.*exactly"):
        room.start_attempt(paper, "mila petrovic", codes["Mila Petrovic"])
    assert room.start_attempt(paper, "Mila Petrovic", codes["Mila Petrovic"]).student == "Mila Petrovic"
    assert room.start_attempt(paper, "Mila Petrović", codes["Mila Petrović"]).student == "Mila Petrović"


def test_an_unknown_name_and_a_wrong_code_look_the_same(room, mila) -> None:
    paper, codes = mila
    with pytest.raises(ClassroomError, match=NOT_RECOGNISED) as wrong_code:
        room.start_attempt(paper, "Mila Petrovic", "AAAAAA")
    with pytest.raises(ClassroomError, match=NOT_RECOGNISED) as unknown:
        room.start_attempt(paper, "Zoran Zoric", codes["Mila Petrović"])
    assert str(wrong_code.value) == str(unknown.value)
    with pytest.raises(ClassroomError, match=NOT_RECOGNISED):  # a member of another class is unknown here
        room.new_class("7B")
        other = dict(room.add_students("7B", ["Ana"]))
        room.start_attempt(paper, "Ana", other["Ana"])


def test_five_wrong_codes_lock_the_student_for_fifteen_minutes(room, mila, clock) -> None:
    paper, codes = mila
    for _ in range(4):
        with pytest.raises(ClassroomError, match=NOT_RECOGNISED):
            room.start_attempt(paper, "mila petrovic", "AAAAAA")
        clock.advance(minutes=1)
    until = clock.now + timedelta(minutes=15)
    expected = f"too many wrong codes for Mila Petrović: try again at {at_minute(until)}, or ask your teacher"
    with pytest.raises(SignInLocked) as locked:  # the fifth, under another spelling of the same name
        room.start_attempt(paper, "Mila Petrović", "AAAAAA")
    assert str(locked.value) == expected
    clock.advance(minutes=14, seconds=59)
    with pytest.raises(SignInLocked, match="too many wrong codes for mila petrovic"):  # even the right code
        room.start_attempt(paper, "mila petrovic", codes["Mila Petrović"])
    assert room.start_attempt(paper, "Đorđe Jovanović", codes["Đorđe Jovanović"])  # another student is not locked
    clock.advance(seconds=1)
    assert room.start_attempt(paper, "Mila Petrović", codes["Mila Petrović"]).student == "Mila Petrović"


def test_wrong_codes_spread_beyond_the_window_do_not_lock(room, mila, clock) -> None:
    paper, codes = mila
    for _ in range(12):
        with pytest.raises(ClassroomError, match=NOT_RECOGNISED):
            room.start_attempt(paper, "Mila Petrović", "AAAAAA")
        clock.advance(minutes=4)  # 4 a quarter of an hour at most
    assert room.start_attempt(paper, "Mila Petrović", codes["Mila Petrović"])


def test_an_unknown_name_is_locked_like_a_known_one(room, mila) -> None:
    paper, _ = mila
    for _ in range(4):
        with pytest.raises(ClassroomError, match=NOT_RECOGNISED):
            room.start_attempt(paper, "Zoran Zorić", "AAAAAA")
    with pytest.raises(SignInLocked, match="too many wrong codes for Zoran Zorić"):
        room.start_attempt(paper, "Zoran Zorić", "AAAAAA")


def test_twenty_wrong_codes_from_one_address_lock_it(room, mila, clock) -> None:
    paper, codes = mila
    for n in range(19):  # 19 names, one wrong code each: no student reaches 5
        with pytest.raises(ClassroomError, match=NOT_RECOGNISED):
            room.start_attempt(paper, f"Student {n}", "AAAAAA", address="10.0.0.7")
    with pytest.raises(SignInLocked, match="too many wrong codes from this network address: try again at"):
        room.start_attempt(paper, "Student 19", "AAAAAA", address="10.0.0.7")
    with pytest.raises(SignInLocked, match="from this network address"):  # the right code too, from there
        room.start_attempt(paper, "Mila Petrović", codes["Mila Petrović"], address="10.0.0.7")
    assert room.start_attempt(paper, "Mila Petrović", codes["Mila Petrović"], address="10.0.0.8")
    assert room.start_attempt(paper, "Mila Petrović", codes["Mila Petrović"])  # a terminal has no address
    clock.advance(minutes=15)
    assert room.start_attempt(paper, "Đorđe Jovanović", codes["Đorđe Jovanović"], address="10.0.0.7")


def test_a_teacher_unlocks_a_student_and_an_address(room, mila) -> None:
    paper, codes = mila
    for _ in range(5):
        with pytest.raises(ClassroomError):
            room.start_attempt(paper, "mila petrovic", "AAAAAA", address="10.0.0.7")
    with pytest.raises(SignInLocked):
        room.start_attempt(paper, "Mila Petrović", codes["Mila Petrović"])
    assert room.unlock("8S", "MILA PETROVIC") == ("Mila Petrović", True)
    assert room.start_attempt(paper, "Mila Petrović", codes["Mila Petrović"])
    assert room.unlock("8S", "Mila Petrović") == ("Mila Petrović", False)
    with pytest.raises(ClassroomError, match="'Zoran' is not in class '8S'"):
        room.unlock("8S", "Zoran")
    assert room.unlock_address("10.0.0.7") is False  # 5 failures, no lock
    for n in range(20):
        with pytest.raises(ClassroomError):
            room.start_attempt(paper, f"Student {n}", "AAAAAA", address="10.0.0.7")
    assert room.unlock_address(" 10.0.0.7 ") is True
    assert room.start_attempt(paper, "Đorđe Jovanović", codes["Đorđe Jovanović"], address="10.0.0.7")


def test_the_store_counts_within_the_window_and_restarts_after_a_lock(room, clock) -> None:
    db = room.db
    limit = store.Limit("student", "1:ana", 3, timedelta(minutes=15), timedelta(minutes=15))
    assert store.record_failure(db, [limit], clock.now) == []
    clock.advance(minutes=15)  # the first is out of the window now
    assert store.record_failure(db, [limit], clock.now) == []
    assert store.record_failure(db, [limit], clock.now) == []
    locked = store.record_failure(db, [limit], clock.now)
    assert locked == [(limit, clock.now + timedelta(minutes=15))]
    assert store.locked_until(db, "student", "1:ana", clock.now) == clock.now + timedelta(minutes=15)
    assert store.locked_until(db, "address", "1:ana", clock.now) is None
    rows = db.execute("SELECT count(*) FROM sign_in_failures").fetchone()[0]
    assert rows == 0  # the count starts again after a lock
    assert store.clear(db, "student", ["1:ana"], clock.now) == 1
    assert store.locked_until(db, "student", "1:ana", clock.now) is None


def test_the_store_drops_old_failures_and_ended_locks_of_every_subject(room, clock) -> None:
    db = room.db
    once = store.Limit("student", "1:zoran", 5, timedelta(minutes=15), timedelta(minutes=15))
    locking = store.Limit("student", "1:ana", 1, timedelta(minutes=15), timedelta(minutes=15))
    store.record_failure(db, [once], clock.now)
    store.record_failure(db, [locking], clock.now)  # locked until 10:15
    clock.advance(minutes=16)
    store.record_failure(db, [store.Limit("student", "1:boris", 5, timedelta(minutes=15), timedelta(minutes=15))],
                         clock.now)
    assert db.execute("SELECT subject FROM sign_in_failures").fetchall() == [("1:boris",)]
    assert db.execute("SELECT count(*) FROM sign_in_locks").fetchone()[0] == 0
