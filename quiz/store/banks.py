"""Banks and their facts as stored: an imported bank keeps its file's text so it can be re-parsed."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import sqlite_utils

from quiz.clock import Clock, utc_iso, utc_now
from quiz.errors import BankConflict
from quiz.store.db import immediate

ORIGINS = ("builtin", "imported")
FORMATS = ("toml", "csv")


@dataclass(frozen=True)
class SavedBank:
    name: str
    title: str
    origin: str
    fmt: str
    fact_count: int


def save_bank(
    db: sqlite_utils.Database,
    name: str,
    title: str,
    origin: str,
    fmt: str,
    source_text: str,
    facts: Iterable[tuple[str, str, str]],
    *,
    clock: Clock = utc_now,
) -> None:
    """Store a bank and its facts (fact_id, statement, date_iso) in one transaction.

    Replaces a stored bank of that name; an imported bank may not take a built-in bank's name.
    Cards and reviews are keyed by (bank, fact_id), so re-importing keeps the learners' progress.
    """
    if origin not in ORIGINS:
        raise ValueError(f"origin must be one of {ORIGINS}, not {origin!r}")
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {FORMATS}, not {fmt!r}")
    rows = [(name, str(fid), str(statement), str(date_iso)) for fid, statement, date_iso in facts]
    with immediate(db):
        existing = db.conn.execute("SELECT origin FROM banks WHERE name = ?", [name]).fetchone()
        if existing and existing[0] == "builtin" and origin != "builtin":
            raise BankConflict(f"'{name}' is a built-in bank; import it under another name")
        db.conn.execute(
            "INSERT INTO banks (name, title, origin, format, source_text, imported_at) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET title = excluded.title, "
            "origin = excluded.origin, format = excluded.format, "
            "source_text = excluded.source_text, imported_at = excluded.imported_at",
            [name, title, origin, fmt, source_text, utc_iso(clock())],
        )
        db.conn.execute("DELETE FROM facts WHERE bank = ?", [name])
        db.conn.executemany(
            "INSERT INTO facts (bank, fact_id, statement, date_iso) VALUES (?, ?, ?, ?)", rows
        )


def saved_banks(db: sqlite_utils.Database) -> list[SavedBank]:
    """Every stored bank, by name, with its number of facts."""
    rows = db.conn.execute(
        "SELECT b.name, b.title, b.origin, b.format, "
        "(SELECT count(*) FROM facts f WHERE f.bank = b.name) "
        "FROM banks b ORDER BY b.name"
    ).fetchall()
    return [SavedBank(*row) for row in rows]


def bank_imported_at(db: sqlite_utils.Database, name: str) -> str | None:
    """When a stored bank was last saved (its cards are re-made when this changes), or None."""
    row = db.conn.execute("SELECT imported_at FROM banks WHERE name = ?", [name]).fetchone()
    return str(row[0]) if row else None


def saved_bank_source(db: sqlite_utils.Database, name: str) -> tuple[str, str] | None:
    """(format, source_text) of a stored bank, or None."""
    row = db.conn.execute("SELECT format, source_text FROM banks WHERE name = ?", [name]).fetchone()
    return (row[0], row[1]) if row else None


def delete_bank(db: sqlite_utils.Database, name: str) -> bool:
    """Remove an imported bank and its facts (learners' cards stay, unused). False if absent."""
    with immediate(db):
        row = db.conn.execute("SELECT origin FROM banks WHERE name = ?", [name]).fetchone()
        if row is None:
            return False
        if row[0] == "builtin":
            raise BankConflict(f"'{name}' is a built-in bank and cannot be removed")
        db.conn.execute("DELETE FROM banks WHERE name = ?", [name])
    return True
