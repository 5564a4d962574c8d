"""Banks as the application sees them: the built-in ones shipped in the package, and the ones a
teacher imported, stored in the database with the text of their file."""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path

from anyascii import anyascii

from question_bank.banks.builtin import builtin_bank_names, builtin_bank_path, load_builtin_bank
from question_bank.banks.loader import format_of, load_bank_bytes, read_bank
from question_bank.banks.problems import BankError
from question_bank.facts.model import Bank
from quiz.errors import BankConflict, BankNotFound, BankProblems, QuizError, Wording, mention
from quiz.library.learners import has_control_character
from quiz.store import Database
from quiz.store.banks import (
    BankChanges,
    bank_origins,
    save_bank,
    saved_bank_source,
    saved_bank_title,
    saved_banks,
    set_folded,
    unfolded_facts,
)

UnknownBank = BankNotFound  # the name the rest of the code grew up with


@dataclass(frozen=True)
class BankInfo:
    name: str
    title: str
    origin: str
    fact_count: int


_SERBIAN_CYRILLIC = str.maketrans(  # anyascii alone reads Ниш as "Nish"
    dict(zip("жцчћђшхЖЦЧЋЂШХ", "žcčćđšhŽCČĆĐŠH", strict=True)) | {"џ": "dž", "Џ": "Dž"}
)


def search_key(text: str) -> str:
    """Text as the browser searches it: no accents, no case, Serbian Cyrillic as Latin ("Niš" and
    "NIS" both give "nis"); punctuation kept, so a search's % and _ stay literal characters."""
    return anyascii(unicodedata.normalize("NFC", text).translate(_SERBIAN_CYRILLIC)).lower()


def shadowed_builtins(db: Database) -> list[str]:
    """Built-in bank names a teacher's imported bank already has: the teacher's bank keeps the name."""
    origins = bank_origins(db)
    return [name for name in builtin_bank_names() if origins.get(name) == "imported"]


def builtin_conflicts(db: Database) -> list[Wording]:
    """One line per built-in bank left out because an imported bank has its name."""
    return [
        Wording(f"The built-in bank '{name}' is not available: your imported bank '{name}' has that name "
                f"(re-import yours with {mention('name')} to use both)")
        for name in shadowed_builtins(db)
    ]


def list_banks(db: Database) -> list[BankInfo]:
    """Built-in banks first, then imported ones, each with its number of facts (an imported bank
    with a built-in bank's name stands in its place)."""
    infos = []
    saved = {bank.name: bank for bank in saved_banks(db)}
    builtin = set(builtin_bank_names())
    for name in builtin_bank_names():
        mine = saved.get(name)
        if mine is not None and mine.origin == "imported":
            infos.append(BankInfo(name, mine.title, mine.origin, mine.fact_count))
            continue
        bank = load_builtin_bank(name)
        infos.append(BankInfo(name, bank.title, "builtin", len(bank.facts)))
    for stored in saved.values():
        if stored.name not in builtin:
            infos.append(BankInfo(stored.name, stored.title, stored.origin, stored.fact_count))
    return infos


def bank_names(db: Database) -> list[str]:
    """The names `list_banks` gives, in its order, without parsing the built-in banks."""
    builtin = builtin_bank_names()
    taken = set(builtin)
    return [*builtin, *(saved.name for saved in saved_banks(db) if saved.name not in taken)]


def get_bank(db: Database, name: str) -> Bank:
    """The bank called `name`, parsed from the package or from its stored file text (a teacher's
    imported bank wins over a built-in bank of the same name shipped later)."""
    if name in builtin_bank_names() and name not in shadowed_builtins(db):
        return load_builtin_bank(name)
    stored = saved_bank_source(db, name)
    if stored is None:
        raise BankNotFound(f"no bank called '{name}' (see `quiz bank list`)")
    fmt, text = stored
    try:
        return load_bank_bytes(text.encode("utf-8"), f"<{name}>", fmt, name=name)
    except BankError as error:
        raise BankProblems(str(error)) from None


TITLE_MAX = 200


def _checked_title(title: str | None) -> str | None:
    """A title as given (None when blank), or QuizError for control characters or over 200 characters."""
    if title is None or not title.strip():
        return None
    if has_control_character(title):
        raise QuizError("control characters are not allowed", "title")
    if len(title.strip()) > TITLE_MAX:
        raise QuizError(f"at most {TITLE_MAX} characters", "title")
    return title.strip()


def import_bank(
    db: Database,
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
    return import_bank_changes(db, path, name, entities=entities, title=title)[0]


def import_bank_changes(
    db: Database,
    path: str | Path,
    name: str | None = None,
    *,
    entities: str | Path | None = None,
    title: str | None = None,
) -> tuple[Bank, BankChanges]:
    """`import_bank`, and what it changed: new, changed and retired facts."""
    path = Path(path)
    try:
        fmt = format_of(path)
        # A --name given, even an empty one, is checked in full by the loader (check_bank_name).
        loaded = read_bank(path, name=name if name is not None else (None if fmt == "toml" else path.stem),
                           entities=entities)
    except BankError as error:
        raise BankProblems(str(error)) from None
    bank = loaded.bank
    if name is None and fmt == "toml":
        name = bank.name
    if (name or bank.name) in builtin_bank_names():
        raise BankConflict(f"'{name or bank.name}' is a built-in bank; import it under another name")
    stored_name = name or bank.name
    previous = saved_bank_title(db, stored_name)
    shown = _checked_title(title) or _kept_title(db, stored_name, previous) or bank.title
    stored_fmt, text = loaded.stored()
    changes = save_bank(db, stored_name, shown, "imported", stored_fmt, text, _fact_rows(bank), folded=_folded(bank))
    return bank, replace(changes, title=shown, previous_title=previous, file_title=bank.title)


def _kept_title(db: Database, name: str, previous: str | None) -> str | None:
    """The stored title when a teacher gave it (it differs from the title of the file stored with it),
    so re-importing without --title keeps it; None when the file's title should be taken."""
    stored = saved_bank_source(db, name)
    if previous is None or stored is None:
        return None
    fmt, text = stored
    try:
        file_title = load_bank_bytes(text.encode("utf-8"), f"<{name}>", fmt, name=name).title
    except BankError:
        return previous  # the old file no longer reads: keep what the teacher sees
    return previous if previous != file_title else None


def describe_changes(changes: BankChanges) -> Wording:
    """"3 facts: 1 new, 1 changed, 1 retired" (the parts that are not zero), then what happened to
    the title: "title now 'B' (was 'A')", or "title kept: 'A' (the file's is 'B'; --title changes it)", the field mentioned for the front end to spell
    (the field for a front end to spell: the CLI's `--title`)."""
    parts = [f"{n} {word}" for n, word in ((changes.new, "new"), (changes.changed, "changed"),
                                            (changes.retired, "retired")) if n]
    total = f"{changes.facts} fact{'s' if changes.facts != 1 else ''}"
    said = f"{total}: {', '.join(parts)}" if parts else f"{total}, none changed"
    if changes.previous_title is None or not changes.title:
        return Wording(said)
    if changes.title != changes.previous_title:
        return Wording(f"{said}; title now '{changes.title}' (was '{changes.previous_title}')")
    if changes.file_title and changes.file_title != changes.title:
        return Wording(f"{said}; title kept: '{changes.title}' (the file's is '{changes.file_title}'; "
                       f"{mention('title')} changes it)")
    return Wording(said)


def sync_builtin_banks(db: Database) -> None:
    """Store the built-in banks' facts so cards can refer to them; skipped when unchanged, and
    never over a teacher's imported bank of the same name (see `builtin_conflicts`)."""
    stored = {s.name: s for s in saved_banks(db)}
    for name in builtin_bank_names():
        if name in stored and stored[name].origin == "imported":
            continue
        text = builtin_bank_path(name).read_text(encoding="utf-8")
        digest = hashlib.sha256(text.encode()).hexdigest()
        if name in stored and stored_digest(db, name) == digest:
            continue
        bank = load_builtin_bank(name)
        save_bank(db, name, bank.title, "builtin", "toml", text, _fact_rows(bank), folded=_folded(bank))
    fill_folded(db)


def fill_folded(db: Database) -> None:
    """Fold the statements of facts stored before folded statements were kept (once per file)."""
    while rows := unfolded_facts(db):
        set_folded(db, [(bank, fact_id, search_key(statement)) for bank, fact_id, statement in rows])


def _folded(bank: Bank) -> dict[str, str]:
    return {f.id: search_key(f.statement()) for f in bank.facts}


def stored_digest(db: Database, name: str) -> str | None:
    stored = saved_bank_source(db, name)
    return hashlib.sha256(stored[1].encode()).hexdigest() if stored else None


def _fact_rows(bank: Bank) -> list[tuple[str, str, str]]:
    return [(f.id, f.statement(), f.date.iso()) for f in bank.facts]
