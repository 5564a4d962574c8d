"""Short codes: a student's personal code (printed once, stored salted and hashed) and a paper's.

Codes use `secrets` (they guard who takes a paper, so no seeded RNG) and an alphabet without the
look-alikes 0/O and 1/I/L. A typed code is read without case, spaces or dashes.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
PERSONAL_LENGTH = 6  # 31**6: about 900 million codes
PAPER_LENGTH = 6
# scrypt's cost: a stolen database costs a guesser real work per code, while checking one code
# when a student starts a paper stays a few tens of milliseconds.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**11, 8, 1


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
    digest = hashlib.scrypt(secret.encode(), salt=bytes.fromhex(salt), n=n, r=SCRYPT_R, p=SCRYPT_P, dklen=32)
    return salt, digest.hex()


def code_matches(code: str, salt: str, digest: str) -> bool:
    return hmac.compare_digest(hash_code(code, salt)[1], digest)
