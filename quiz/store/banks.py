"""Banks and their facts as stored: an imported bank keeps its file's text so it can be re-parsed."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from quiz.clock import Clock, utc_iso, utc_now
from quiz.errors import BankConflict
from quiz.store.engine import Database

ORIGINS = ("builtin", "imported")
FORMATS = ("toml", "csv")


@dataclass(frozen=True)
class BankChanges:
    """What saving a bank did to its facts: how many it has now, new, changed and retired ones.

    A retired fact (gone from the file) keeps its learners' cards and reviews, but no queue,
    count or browse shows them while the bank lacks it.
    """

    facts: int
    new: int = 0
    changed: int = 0
    retired: int = 0
    title: str = ""  # the title stored now
    previous_title: str | None = None  # the title stored before, None for a new bank
    file_title: str = ""  # the title the file gives (kept aside when an earlier --title stays)


@dataclass(frozen=True)
class SavedBank:
    name: str
    title: str
    origin: str
    fmt: str
    fact_count: int


def save_bank(
    db: Database,
    name: str,
    title: str,
    origin: str,
    fmt: str,
    source_text: str,
    facts: Iterable[tuple[str, str, str]],
    *,
    clock: Clock = utc_now,
    folded: Mapping[str, str] | None = None,
) -> BankChanges:
    """Store a bank and its facts (fact_id, statement, date_iso) in one transaction; what changed.

    Replaces a stored bank of that name; an imported bank may not take a built-in bank's name, nor
    a built-in bank an imported one's. Cards and reviews are keyed by (bank, fact_id), so
    re-importing keeps the learners' progress. `folded`: fact_id -> the statement as searched.
    """
    if origin not in ORIGINS:
        raise ValueError(f"origin must be one of {ORIGINS}, not {origin!r}")
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {FORMATS}, not {fmt!r}")
    rows = [(name, str(fid), str(statement), str(date_iso)) for fid, statement, date_iso in facts]
    with db.write():
        existing = db.execute("SELECT origin FROM banks WHERE name = ?", [name]).fetchone()
        if existing and existing[0] == "builtin" and origin != "builtin":
            raise BankConflict(f"'{name}' is a built-in bank; import it under another name")
        if existing and existing[0] == "imported" and origin == "builtin":
            raise BankConflict(f"'{name}' is an imported bank; the built-in bank of that name is not stored")
        old = {
            fact_id: (statement, date_iso)
            for fact_id, statement, date_iso in db.execute(
                "SELECT fact_id, statement, date_iso FROM facts WHERE bank = ?", [name]
            )
        }
        db.execute(
            "INSERT INTO banks (name, title, origin, format, source_text, imported_at) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET title = excluded.title, "
            "origin = excluded.origin, format = excluded.format, "
            "source_text = excluded.source_text, imported_at = excluded.imported_at",
            [name, title, origin, fmt, source_text, utc_iso(clock())],
        )
        db.execute("DELETE FROM facts WHERE bank = ?", [name])
        keys = folded or {}
        db.executemany(
            "INSERT INTO facts (bank, fact_id, statement, date_iso, folded) VALUES (?, ?, ?, ?, ?)",
            [(*row, keys.get(row[1])) for row in rows],
        )
    new = {fid: (statement, date_iso) for _, fid, statement, date_iso in rows}
    return BankChanges(
        len(new),
        new=sum(1 for fid in new if fid not in old),
        changed=sum(1 for fid, value in new.items() if fid in old and old[fid] != value),
        retired=sum(1 for fid in old if fid not in new),
    )


def unfolded_facts(db: Database, limit: int = 5000) -> list[tuple[str, str, str]]:
    """(bank, fact_id, statement) of facts stored without a folded statement (from before it was kept)."""
    return db.execute(
        "SELECT bank, fact_id, statement FROM facts WHERE folded IS NULL LIMIT ?", [limit]
    ).fetchall()


def set_folded(db: Database, rows: Iterable[tuple[str, str, str]]) -> None:
    """Store folded statements: (bank, fact_id, folded) rows (own transaction)."""
    with db.write():
        db.executemany(
            "UPDATE facts SET folded = ? WHERE bank = ? AND fact_id = ?",
            [(key, bank, fact_id) for bank, fact_id, key in rows],
        )


def bank_origins(db: Database) -> dict[str, str]:
    """Stored bank name -> 'builtin' or 'imported'."""
    return dict(db.execute("SELECT name, origin FROM banks").fetchall())


def saved_banks(db: Database) -> list[SavedBank]:
    """Every stored bank, by name, with its number of facts."""
    rows = db.execute(
        "SELECT b.name, b.title, b.origin, b.format, "
        "(SELECT count(*) FROM facts f WHERE f.bank = b.name) "
        "FROM banks b ORDER BY b.name"
    ).fetchall()
    return [SavedBank(*row) for row in rows]


def bank_imported_at(db: Database, name: str) -> str | None:
    """When a stored bank was last saved (its cards are re-made when this changes), or None."""
    row = db.execute("SELECT imported_at FROM banks WHERE name = ?", [name]).fetchone()
    return str(row[0]) if row else None


def saved_bank_title(db: Database, name: str) -> str | None:
    """The title a stored bank is shown under, or None when there is no such bank."""
    row = db.execute("SELECT title FROM banks WHERE name = ?", [name]).fetchone()
    return str(row[0]) if row else None


def saved_bank_source(db: Database, name: str) -> tuple[str, str] | None:
    """(format, source_text) of a stored bank, or None."""
    row = db.execute("SELECT format, source_text FROM banks WHERE name = ?", [name]).fetchone()
    return (row[0], row[1]) if row else None


def delete_bank(db: Database, name: str) -> bool:
    """Remove an imported bank and its facts (learners' cards stay, unused). False if absent."""
    with db.write():
        row = db.execute("SELECT origin FROM banks WHERE name = ?", [name]).fetchone()
        if row is None:
            return False
        if row[0] == "builtin":
            raise BankConflict(f"'{name}' is a built-in bank and cannot be removed")
        db.execute("DELETE FROM banks WHERE name = ?", [name])
    return True
