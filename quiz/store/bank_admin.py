"""Renaming and removing a stored bank, with every row that names it."""

from __future__ import annotations

from quiz.store.engine import Database

# Every table with a `bank` column. A test reads both engines' schemas and fails when a new table
# with a bank column is missing here.
BANK_TABLES = ("facts", "cards", "card_sync", "papers", "review_hours", "homework", "live_games")


def bank_origin(db: Database, name: str) -> str | None:
    row = db.execute("SELECT origin FROM banks WHERE name = ?", [name]).fetchone()
    return str(row[0]) if row else None


def rename_bank(db: Database, old: str, new: str) -> None:
    """Give a bank a new name everywhere, in one transaction (history, cards and papers follow)."""
    with db.write():
        db.defer_foreign_keys()  # facts point at banks(name): checked at commit
        db.execute("UPDATE banks SET name = ? WHERE name = ?", [new, old])
        for table in BANK_TABLES:
            db.execute(f'UPDATE "{table}" SET bank = ? WHERE bank = ?', [new, old])


def remove_bank(db: Database, name: str, *, purge: bool) -> int:
    """Remove a bank and its facts; with `purge` also every card of it, their reviews and the
    statistics' hourly rows of it. Without, the cards, reviews and rows stay as history (out of
    queues, counts and browse). The reviews removed."""
    with db.write():
        reviews: int = db.execute(
            "SELECT count(*) FROM reviews r JOIN cards c ON c.id = r.card_id WHERE c.bank = ?", [name]
        ).fetchone()[0] if purge else 0
        db.execute("DELETE FROM banks WHERE name = ?", [name])
        db.execute("DELETE FROM card_sync WHERE bank = ?", [name])
        if purge:  # the roll-up rows go with the reviews they counted: no hour of the bank is left at zero
            db.execute("DELETE FROM review_hours WHERE bank = ?", [name])
            db.execute("DELETE FROM reviews WHERE card_id IN (SELECT id FROM cards WHERE bank = ?)", [name])
            db.execute("DELETE FROM cards WHERE bank = ?", [name])
    return reviews
