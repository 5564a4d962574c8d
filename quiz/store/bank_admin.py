"""Renaming and removing a stored bank, with every row that names it."""

from __future__ import annotations

import sqlite_utils

from quiz.store.db import immediate


def _tables_with_bank(db: sqlite_utils.Database) -> list[str]:
    """Every table with a `bank` column (cards, facts, papers, roll-ups…), read from the schema so a
    feature's new table is never forgotten."""
    names = [row[0] for row in db.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    return [name for name in names
            if any(column[1] == "bank" for column in db.conn.execute("SELECT * FROM pragma_table_info(?)", [name]))]


def bank_origin(db: sqlite_utils.Database, name: str) -> str | None:
    row = db.conn.execute("SELECT origin FROM banks WHERE name = ?", [name]).fetchone()
    return str(row[0]) if row else None


def rename_bank(db: sqlite_utils.Database, old: str, new: str) -> None:
    """Give a bank a new name everywhere, in one transaction (history, cards and papers follow)."""
    tables = _tables_with_bank(db)
    with immediate(db):
        db.conn.execute("PRAGMA defer_foreign_keys = ON")  # facts point at banks(name): checked at commit
        db.conn.execute("UPDATE banks SET name = ? WHERE name = ?", [new, old])
        for table in tables:
            db.conn.execute(f'UPDATE "{table}" SET bank = ? WHERE bank = ?', [new, old])


def remove_bank(db: sqlite_utils.Database, name: str, *, purge: bool) -> int:
    """Remove a bank and its facts; with `purge` also every card of it, their reviews and the
    statistics' hourly rows of it. Without, the cards, reviews and rows stay as history (out of
    queues, counts and browse). The reviews removed."""
    with immediate(db):
        reviews: int = db.conn.execute(
            "SELECT count(*) FROM reviews r JOIN cards c ON c.id = r.card_id WHERE c.bank = ?", [name]
        ).fetchone()[0] if purge else 0
        db.conn.execute("DELETE FROM banks WHERE name = ?", [name])
        db.conn.execute("DELETE FROM card_sync WHERE bank = ?", [name])
        if purge:  # the roll-up rows go with the reviews they counted: no hour of the bank is left at zero
            db.conn.execute("DELETE FROM review_hours WHERE bank = ?", [name])
            db.conn.execute("DELETE FROM reviews WHERE card_id IN (SELECT id FROM cards WHERE bank = ?)", [name])
            db.conn.execute("DELETE FROM cards WHERE bank = ?", [name])
    return reviews
