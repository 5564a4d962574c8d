"""Short codes: a student's personal code (printed once, stored salted and hashed) and a paper's.

Codes use `secrets` (they guard who takes a paper, so no seeded RNG) and an alphabet without the
look-alikes 0/O and 1/I/L. A typed code is read without case, spaces or dashes.

Hashes are scrypt, which `hashlib` has only when OpenSSL's libcrypto backs it. A served tab keeps
libcrypto out of its long-lived process (3.5 MB of each tab; `quiz.tab`), so there the hash is
computed by a short-lived child Python that is handed the secret on stdin, never on its command
line: the same function, parameters and stored hashes, about 13 ms more per check.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import subprocess
import sys

from quiz.errors import CheckUnavailable

ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
PERSONAL_LENGTH = 6  # 31**6: about 900 million codes
PAPER_LENGTH = 6
# scrypt's cost: a stolen database costs a guesser real work per code, while checking one code
# when a student starts a paper stays a few tens of milliseconds.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**11, 8, 1
DIGEST_BYTES = 32
# The child: `-I -S` so that no environment variable, current folder or site package changes what
# it runs. It reads "N R P DKLEN", the salts (hex, space-separated) and the secret's bytes.
_CHILD = """\
import hashlib, sys
head, salts, secret = sys.stdin.buffer.read().split(b"\\n", 2)
n, r, p, dklen = map(int, head.split())
print(" ".join(hashlib.scrypt(secret, salt=bytes.fromhex(salt.decode()), n=n, r=r, p=p, dklen=dklen).hex()
               for salt in salts.split()))
"""


def new_code(length: int = PERSONAL_LENGTH) -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(length))


def normal(code: str) -> str:
    """A code as typed, read the way it was printed: upper case, no spaces or dashes."""
    return "".join(code.split()).replace("-", "").upper()


def hash_code(code: str, salt: str | None = None) -> tuple[str, str]:
    """(salt, hash) of a code, both hex text; a fresh salt unless one is given."""
    return hash_secret(normal(code), salt)


def hash_secret(secret: str, salt: str | None = None, n: int = SCRYPT_N) -> tuple[str, str]:
    """(salt, hash) of a secret exactly as given (a teacher's password: case and spaces count)."""
    salt = salt if salt is not None else secrets.token_hex(16)
    return salt, scrypt_hex(secret, [salt], n)[0]


def scrypt_hex(secret: str, salts: list[str], n: int = SCRYPT_N) -> list[str]:
    """The scrypt hash (hex) of `secret` under each salt (hex): in this process when its hashlib
    has scrypt, else all in one child process (see the module's docstring)."""
    scrypt = getattr(hashlib, "scrypt", None)
    if scrypt is not None:
        return [scrypt(secret.encode(), salt=bytes.fromhex(salt), n=n, r=SCRYPT_R, p=SCRYPT_P,
                       dklen=DIGEST_BYTES).hex() for salt in salts]
    given = f"{n} {SCRYPT_R} {SCRYPT_P} {DIGEST_BYTES}\n{' '.join(salts)}\n".encode() + secret.encode()
    try:
        done = subprocess.run([sys.executable, "-I", "-S", "-c", _CHILD], input=given, capture_output=True,
                              timeout=60)
    except (OSError, subprocess.SubprocessError) as error:
        raise CheckUnavailable(f"the code could not be checked ({error})") from None
    digests = done.stdout.decode(errors="replace").split()
    if done.returncode != 0 or len(digests) != len(salts):
        last = (done.stderr.decode(errors="replace").strip().splitlines() or ["no output"])[-1]
        raise CheckUnavailable(f"the code could not be checked ({last})")
    return digests


def decoy() -> tuple[str, str]:
    """A (salt, hash) no code matches, checked in place of a stored one when a name is on no roster,
    so that an unknown name costs one scrypt, as a wrong code does, and takes as long."""
    return secrets.token_hex(16), secrets.token_hex(DIGEST_BYTES)


def codes_match(code: str, stored: list[tuple[str, str]]) -> bool:
    """Whether `code` is any of the stored (salt, hash) pairs; every pair is hashed and compared
    (in one child process when there is one), so the time says nothing about which matched."""
    digests = scrypt_hex(normal(code), [salt for salt, _ in stored])
    right = [hmac.compare_digest(mine, digest) for mine, (_, digest) in zip(digests, stored, strict=True)]
    return any(right)
