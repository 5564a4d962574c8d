"""Banks as the application sees them: the built-in ones shipped in the package, and the ones a
teacher imported, stored in the database with the text of their file."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

from question_bank.banks.builtin import builtin_bank_names, builtin_bank_path, load_builtin_bank
from question_bank.banks.loader import format_of, load_bank_bytes, read_bank
from question_bank.banks.problems import BankError
from question_bank.facts.model import Bank
from quiz.errors import BankConflict, BankNotFound, BankProblems
from quiz.store.banks import save_bank, saved_bank_source, saved_banks

UnknownBank = BankNotFound  # the name the rest of the code grew up with


@dataclass(frozen=True)
class BankInfo:
    name: str
    title: str
    origin: str
    fact_count: int


def list_banks(db: sqlite_utils.Database) -> list[BankInfo]:
    """Built-in banks first, then imported ones, each with its number of facts."""
    infos = []
    for name in builtin_bank_names():
        bank = load_builtin_bank(name)
        infos.append(BankInfo(name, bank.title, "builtin", len(bank.facts)))
    builtin = set(builtin_bank_names())
    for saved in saved_banks(db):
        if saved.name not in builtin:
            infos.append(BankInfo(saved.name, saved.title, saved.origin, saved.fact_count))
    return infos


def bank_names(db: sqlite_utils.Database) -> list[str]:
    """The names `list_banks` gives, in its order, without parsing the built-in banks."""
    builtin = builtin_bank_names()
    taken = set(builtin)
    return [*builtin, *(saved.name for saved in saved_banks(db) if saved.name not in taken)]


def get_bank(db: sqlite_utils.Database, name: str) -> Bank:
    """The bank called `name`, parsed from the package or from its stored file text."""
    if name in builtin_bank_names():
        return load_builtin_bank(name)
    stored = saved_bank_source(db, name)
    if stored is None:
        raise BankNotFound(f"no bank called '{name}' (see `quiz bank list`)")
    fmt, text = stored
    try:
        return load_bank_bytes(text.encode("utf-8"), f"<{name}>", fmt, name=name)
    except BankError as error:
        raise BankProblems(str(error)) from None


def import_bank(
    db: sqlite_utils.Database,
    path: str | Path,
    name: str | None = None,
    *,
    entities: str | Path | None = None,
    title: str | None = None,
) -> Bank:
    """Check a bank file (.toml, .csv, .xlsx; with an optional entities file of the units and places
    the catalog lacks) and store it; BankProblems (nothing stored) if it has problems.

    What is stored reads back as the same bank on its own: a spreadsheet and its entities file are
    kept as a TOML bank, so neither is needed again.
    """
    path = Path(path)
    try:
        fmt = format_of(path)
        loaded = read_bank(path, name=name or (None if fmt == "toml" else path.stem), entities=entities)
    except BankError as error:
        raise BankProblems(str(error)) from None
    bank = loaded.bank
    if name is None and fmt == "toml":
        name = bank.name
    if (name or bank.name) in builtin_bank_names():
        raise BankConflict(f"'{name or bank.name}' is a built-in bank; import it under another name")
    stored_fmt, text = loaded.stored()
    shown = title.strip() if title and title.strip() else bank.title
    save_bank(db, name or bank.name, shown, "imported", stored_fmt, text, _fact_rows(bank))
    return bank


def sync_builtin_banks(db: sqlite_utils.Database) -> None:
    """Store the built-in banks' facts so cards can refer to them; skipped when unchanged."""
    stored = {s.name: s for s in saved_banks(db)}
    for name in builtin_bank_names():
        text = builtin_bank_path(name).read_text(encoding="utf-8")
        digest = hashlib.sha256(text.encode()).hexdigest()
        if name in stored and stored_digest(db, name) == digest:
            continue
        bank = load_builtin_bank(name)
        save_bank(db, name, bank.title, "builtin", "toml", text, _fact_rows(bank))


def stored_digest(db: sqlite_utils.Database, name: str) -> str | None:
    stored = saved_bank_source(db, name)
    return hashlib.sha256(stored[1].encode()).hexdigest() if stored else None


def _fact_rows(bank: Bank) -> list[tuple[str, str, str]]:
    return [(f.id, f.statement(), f.date.iso()) for f in bank.facts]
