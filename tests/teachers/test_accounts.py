"""Teacher accounts: passwords stored salted and hashed, sign-in with a rate limit on the injected
clock (5 wrong in 15 minutes lock 15 minutes), removing a teacher, and the new tables in a copy."""

from __future__ import annotations

import pytest

from quiz.doors.admin import copy
from quiz.errors import SignInRefused, TeacherError
from quiz.store import open_db
from tests.teachers.conftest import PASSWORDS, door

pytestmark = pytest.mark.engines


def test_passwords_are_stored_hashed_and_verified(pair, db_path) -> None:
    ana, _ = pair
    db = open_db(db_path)
    stored = db.execute("SELECT name, password_salt, password_hash FROM teachers ORDER BY name").fetchall()
    db.close()
    assert [row[0] for row in stored] == ["Ana", "Ben"]
    for name, salt, digest in stored:
        assert PASSWORDS[name] not in (salt, digest) and len(digest) == 64
    assert stored[0][1] != stored[1][1]  # a salt each
    assert ana.sign_in("Ana", PASSWORDS["Ana"]) == "Ana"
    with pytest.raises(SignInRefused, match="^wrong teacher name or password$"):
        ana.sign_in("Ana", PASSWORDS["Ben"])
    with pytest.raises(SignInRefused, match="^wrong teacher name or password$"):
        ana.sign_in("Nobody", PASSWORDS["Ana"])  # an unknown name reads the same


def test_five_wrong_passwords_lock_for_fifteen_minutes(pair, clock) -> None:
    ana, _ = pair
    for _ in range(4):
        with pytest.raises(SignInRefused, match="^wrong teacher name or password$"):
            ana.sign_in("Ana", "guess-guess")
        clock.advance(minutes=2)
    with pytest.raises(SignInRefused, match="too many for 'Ana': try again in 15 minutes"):
        ana.sign_in("Ana", "guess-guess")
    clock.advance(minutes=10)
    with pytest.raises(SignInRefused, match="^too many wrong passwords for 'Ana': try again in 5 minutes$"):
        ana.sign_in("Ana", PASSWORDS["Ana"])  # even the right one, while locked
    assert ana.sign_in("Ben", PASSWORDS["Ben"]) == "Ben"  # another teacher is not locked
    clock.advance(minutes=5)
    assert ana.sign_in("Ana", PASSWORDS["Ana"]) == "Ana"  # released; and the failures are forgotten
    for _ in range(4):
        with pytest.raises(SignInRefused, match="^wrong teacher name or password$"):
            ana.sign_in("Ana", "guess-guess")


def test_a_name_nobody_has_locks_alike_so_the_lockout_reveals_no_teacher(pair, clock) -> None:
    """Guessing a real name and an unknown one reads the same at every try, the lock included."""
    ana, _ = pair
    answers: dict[str, list[str]] = {"Ana": [], "Anna": []}
    for _ in range(6):
        for name, seen in answers.items():
            with pytest.raises(SignInRefused) as refused:
                ana.sign_in(name, "guess-guess")
            seen.append(str(refused.value).replace(f"'{name}'", "'NAME'"))
        clock.advance(minutes=1)
    assert answers["Ana"] == answers["Anna"]
    assert answers["Anna"][4] == "wrong teacher name or password; too many for 'NAME': try again in 15 minutes"
    assert answers["Anna"][5] == "too many wrong passwords for 'NAME': try again in 14 minutes"


def test_failures_spread_over_more_than_fifteen_minutes_never_lock(pair, clock) -> None:
    ana, _ = pair
    for _ in range(8):
        with pytest.raises(SignInRefused, match="^wrong teacher name or password$"):
            ana.sign_in("Ana", "guess-guess")
        clock.advance(minutes=4)


def test_a_new_password_works_and_clears_failures(pair, clock) -> None:
    ana, _ = pair
    for _ in range(5):
        with pytest.raises(SignInRefused):
            ana.sign_in("Ana", "guess-guess")
    ana.accounts.set_password("Ana", "a-new-password")
    assert ana.sign_in("Ana", "a-new-password") == "Ana"
    with pytest.raises(SignInRefused):
        ana.sign_in("Ana", PASSWORDS["Ana"])
    with pytest.raises(TeacherError, match="at least 8 characters"):
        ana.accounts.set_password("Ana", "short")
    with pytest.raises(TeacherError, match="already exists"):
        ana.accounts.add("Ana", "whatever-1")


def test_removing_a_teacher_hands_their_classes_over_or_is_refused(pair, db_path, clock) -> None:
    ana, ben = pair
    ben.classroom.new_class("9c")
    with pytest.raises(TeacherError, match="still has 2 classes and 0 papers"):
        ana.accounts.remove("Ben")
    with pytest.raises(TeacherError, match="still has 1 class .*same names"):
        ana.accounts.remove("Ben", to="Ana")  # Ana has a 7b of her own: Ben's 9c moved, his 7b stays
    assert sorted(c.name for c in ana.classroom.classes()) == ["7b", "9c"]
    assert [t.name for t in ana.accounts.all()] == ["Ana", "Ben"]
    ana.accounts.add("Cleo", "cleo-secret")
    assert ana.accounts.remove("Ben", to="Cleo") == (1, 0)
    assert [c.students for c in door(db_path, clock, "Cleo").classroom.classes()] == [["Mila"]]
    assert [t.name for t in ana.accounts.all()] == ["Ana", "Cleo"]


def test_a_copy_carries_the_teachers(pair, tmp_path) -> None:
    ana, _ = pair
    with pytest.raises(SignInRefused):
        ana.sign_in("Ana", "guess-guess")
    ana.close()
    target = tmp_path / "copy.db"
    result = copy(ana.db_path, target)
    assert result.rows["teachers"] == 2 and result.rows["teacher_sign_in_failures"] == 1
    copied = door(target, ana.clock, "Ana")
    assert [c.students for c in copied.classroom.classes()] == [["Ivo", "Jana"]]
    assert copied.sign_in("Ana", PASSWORDS["Ana"]) == "Ana"
    copied.accounts.add("Dora", "dora-secret")  # fresh ids after the copied ones
    copied.close()


def test_wrong_passwords_from_one_address_lock_that_address(pair, db_path, clock) -> None:
    """A served teacher's tab counts wrong passwords per network address too (20 in 15 minutes, the
    students' limit, shared with their wrong codes): guessing across many names, real or not, stops
    there, and another address is not affected."""
    from quiz.doors.teacher import TeacherDoor

    tab = TeacherDoor(db_path, None, clock=clock, address="10.0.0.9")
    for n in range(20):  # four tries per name: no name reaches its own lock of five
        with pytest.raises(SignInRefused, match="wrong teacher name or password"):
            tab.sign_in(["Ana", "Ben", "Cleo", "Dan", "Eve"][n % 5], "guess")
    with pytest.raises(SignInRefused, match="too many wrong tries from this network address"):
        tab.sign_in("Ana", PASSWORDS["Ana"])  # even the right password, while the lock lasts
    other = TeacherDoor(db_path, None, clock=clock, address="10.0.0.10")
    assert other.sign_in("Ana", PASSWORDS["Ana"]) == "Ana"
    clock.advance(minutes=16)
    assert tab.sign_in("Ben", PASSWORDS["Ben"]) == "Ben"
    tab.close()
    other.close()
