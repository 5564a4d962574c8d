"""Codes and passwords checked where hashlib has no scrypt (a served tab keeps OpenSSL's libcrypto
out, quiz.tab): a short-lived child process hashes them, to the very hashes stored, with the secret
on its stdin and never on its command line; sign-in, wrong codes, unknown names and lockouts behave
as in a process with libcrypto."""

from __future__ import annotations

import hashlib
import subprocess
import sys

import pytest

from quiz.classroom import codes, teachers
from quiz.classroom.limits import SignInLocked
from quiz.errors import CheckUnavailable, ClassroomError, SignInRefused
from tests.classroom.conftest import BANK

NOT_RECOGNISED = "^name or personal code not recognised"


@pytest.fixture
def children(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """hashlib without scrypt, as under quiz.tab.without_openssl; the argv of each child started."""
    monkeypatch.delattr(hashlib, "scrypt")
    started: list[list[str]] = []
    run = subprocess.run

    def spy(argv: list[str], **options: object) -> subprocess.CompletedProcess[bytes]:
        started.append(list(argv))
        return run(argv, **options)  # type: ignore[call-overload, no-any-return]

    monkeypatch.setattr(subprocess, "run", spy)
    return started


def test_a_child_makes_the_hashes_hashlib_makes(children) -> None:
    salt = "ab" * 16
    for secret, n in (("K7Q2XM", codes.SCRYPT_N), ("correct horse\nbattery é", teachers.PASSWORD_N), ("", 2**10)):
        child = codes.scrypt_hex(secret, [salt, "cd" * 16], n)
        assert child == [_openssl_scrypt(secret, s, n) for s in (salt, "cd" * 16)]
    hashing = [argv for argv in children if argv[1:3] == ["-I", "-S"]]
    assert len(hashing) == 3  # one child per call, however many salts
    assert all("K7Q2XM" not in " ".join(argv) and "horse" not in " ".join(argv) for argv in hashing)


def _openssl_scrypt(secret: str, salt: str, n: int) -> str:
    """The hash as stored by a process with libcrypto (hashlib's scrypt, in a fresh interpreter)."""
    code = (f"import hashlib; print(hashlib.scrypt({secret.encode()!r}, salt=bytes.fromhex({salt!r}), n={n}, "
            f"r={codes.SCRYPT_R}, p={codes.SCRYPT_P}, dklen=32).hex())")
    return subprocess.check_output([sys.executable, "-c", code], text=True).strip()


def test_codes_stored_with_libcrypto_are_recognised_without_it(monkeypatch, room) -> None:
    room.new_class("7B")
    known = dict(room.add_students("7B", ["Ana", "Boris"]))  # hashed in this process, with libcrypto
    paper = room.new_paper(BANK, "Quiz", class_name="7B", count=3, seed=1).code
    monkeypatch.delattr(hashlib, "scrypt")
    assert room.start_attempt(paper, "ana", known["Ana"].lower()).student == "Ana"
    with pytest.raises(ClassroomError, match=NOT_RECOGNISED) as wrong:
        room.start_attempt(paper, "Boris", known["Ana"])
    with pytest.raises(ClassroomError, match=NOT_RECOGNISED) as unknown:
        room.start_attempt(paper, "Zoran", known["Boris"])
    assert str(wrong.value) == str(unknown.value)
    for _ in range(3):  # five wrong codes for one student lock them, as with libcrypto
        with pytest.raises(ClassroomError, match=NOT_RECOGNISED):
            room.start_attempt(paper, "Boris", "AAAAAA")
    with pytest.raises(SignInLocked, match="^too many wrong codes for Boris: try again at"):
        room.start_attempt(paper, "Boris", "BBBBBB")


def test_an_unknown_name_costs_one_scrypt_as_a_wrong_code_does(children, room) -> None:
    room.new_class("7B")
    known = dict(room.add_students("7B", ["Ana"]))
    paper = room.new_paper(BANK, "Quiz", class_name="7B", count=3, seed=1).code
    salts: list[int] = []
    hashed = codes.scrypt_hex
    children.clear()  # the students' codes were hashed by children too

    def counting(secret: str, given: list[str], n: int = codes.SCRYPT_N) -> list[str]:
        salts.append(len(given))
        return hashed(secret, given, n)

    for typed in ("Ana", "Nobody", "Nobody", "Ana"):
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(codes, "scrypt_hex", counting)
            with pytest.raises(ClassroomError, match=NOT_RECOGNISED):
                room.start_attempt(paper, typed, "AAAAAA")
    assert salts == [1, 1, 1, 1] and len(children) == 4  # the first unknown name too: no stand-in hash made first
    assert room.start_attempt(paper, "Ana", known["Ana"]).student == "Ana"


def test_teacher_passwords_are_checked_without_libcrypto(monkeypatch, db_path, clock) -> None:
    from tests.teachers.conftest import door

    admin = door(db_path, clock, None)
    admin.accounts.add("Ana", "ana-secret-1")  # hashed here, with libcrypto, at the real cost
    monkeypatch.delattr(hashlib, "scrypt")
    try:
        assert admin.accounts.sign_in("Ana", "ana-secret-1") == "Ana"
        for name in ("Ana", "Nobody"):
            with pytest.raises(SignInRefused, match="^wrong teacher name or password$"):
                admin.accounts.sign_in(name, "ana-secret-2")
    finally:
        admin.close()


def test_a_child_that_cannot_run_is_a_check_unavailable_not_a_wrong_code(children, monkeypatch) -> None:
    monkeypatch.setattr(sys, "executable", "/nonexistent/python")
    with pytest.raises(CheckUnavailable, match="^the code could not be checked"):
        codes.codes_match("K7Q2XM", [("ab" * 16, "00" * 32)])
    monkeypatch.undo()
    monkeypatch.delattr(hashlib, "scrypt")
    with pytest.raises(CheckUnavailable, match="non-hexadecimal"):  # the child failed: its last line says why
        codes.codes_match("K7Q2XM", [("not hex", "00" * 32)])
