"""Keeping a learner's cards in step with a bank: one card per fact × kind the bank supports."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from datetime import datetime

from question_bank.facts.model import Bank, Fact
from quiz.errors import BankNotFound
from quiz.store import Database
from quiz.store.banks import bank_imported_at
from quiz.store.cards import ensure_cards as insert_new_cards
from quiz.store.queue import SYNC_BATCH, cards_in_step, sync_cards

SYNC_VERSION = 1  # bump when the kinds a fact supports change, so every bank's cards are re-made


def sync_fingerprint(imported_at: str) -> str:
    """What `card_sync` stores for a bank whose cards match the bank as saved at `imported_at`."""
    return f"{SYNC_VERSION}:{imported_at}"


def ensure_cards(
    db: Database,
    learner_id: int,
    name: str,
    load_bank: Callable[[str], Bank],
    kinds: Callable[[Fact], Iterable[str]],
    now: datetime,
) -> None:
    """Create the learner's new cards for the bank's facts × kinds if the bank changed since.

    A bank's `imported_at` changes whenever it is saved again, so comparing it costs one query,
    not a parse. The bank must be stored already (built-in banks by `sync_builtin_banks`).
    """
    imported_at = bank_imported_at(db, name)
    if imported_at is None:
        raise BankNotFound(f"bank '{name}' is not stored")
    fingerprint = sync_fingerprint(imported_at)
    if cards_in_step(db, learner_id, name, fingerprint):
        return
    keys = card_keys(load_bank(name), kinds)
    sync_cards(db, learner_id, name, keys, fingerprint, now)


def card_keys(bank: Bank, kinds: Callable[[Fact], Iterable[str]], only: Collection[str] | None = None) -> list[tuple[str, str]]:
    """(fact id, kind) of every card the bank gives, or of those in the kinds `only`."""
    return [(fact.id, str(kind)) for fact in bank.facts for kind in kinds(fact) if only is None or str(kind) in only]


def ensure_kind_cards(db: Database, learner_id: int, name: str, keys: list[tuple[str, str]], now: datetime) -> int:
    """Create the learner's missing new cards for these keys of bank `name` (homework: some kinds
    only); the cards created. The bank's fingerprint is left alone, so a session on the whole bank
    still makes its other cards. In SYNC_BATCH-card transactions, as `sync_cards`."""
    created = 0
    for start in range(0, len(keys), SYNC_BATCH):
        with db.write():
            created += insert_new_cards(db, learner_id, name, keys[start:start + SYNC_BATCH], now)
    return created


def ensure_bank_cards(db: Database, learner_id: int, names: Iterable[str], now: datetime) -> None:
    """Make sure the learner has cards for these banks (browsing a bank before first studying it);
    a bank that no longer loads is left out."""
    from question_bank.questions import kinds_for
    from quiz.errors import QuizError
    from quiz.library.banks import get_bank, sync_builtin_banks

    sync_builtin_banks(db)
    for name in names:
        try:
            ensure_cards(db, learner_id, name, lambda bank: get_bank(db, bank), kinds_for, now)
        except QuizError:
            continue
