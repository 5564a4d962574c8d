"""One learner's door into the core for a front end: counts, sessions, cards, settings.

Plain Python (never imports Textual), so the TUI holds no SQL and no scheduling: every screen asks a
`Desk`, and a test can hand the app a temporary database.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from quiz.learners import ensure_learner, list_learners
from quiz.session import StudySession
from quiz.settings import Settings, load_settings, save_settings
from quiz.status import BankCounts, CardRow, bank_overview, card_history, learner_stats, list_cards
from quiz.store import open_db, set_suspended
from quiz.store.db import utc_now

Clock = Callable[[], datetime]


@dataclass(frozen=True)
class CardFilter:
    """What the browse screen asks for; None means "any"."""

    bank: str | None = None
    search: str = ""
    kind: str | None = None
    state: str | None = None
    due_only: bool = False
    suspended: bool | None = None
    leech: bool | None = None


@dataclass(frozen=True)
class CardDetail:
    """A card (`quiz.status.CardRow`, with its retrievability now) and its reviews, oldest first."""

    row: CardRow
    history: list


@dataclass(frozen=True)
class LearnerStats:
    reviews_today: int
    streak_days: int
    reviews_total: int


class Desk:
    """Everything the study app needs for one learner, on one database file."""

    def __init__(
        self,
        db_path: Path | str,
        learner: str,
        *,
        clock: Clock | None = None,
        seed: int | None = None,
    ) -> None:
        self.db_path = Path(db_path)
        self.learner = learner
        self.clock: Clock = clock or utc_now
        self.seed = seed
        self._db = None
        self._learner_id = 0

    # -- plumbing -------------------------------------------------------------------------------
    @property
    def db(self) -> Database:
        """The connection, opened on first use (and only on the thread that uses it)."""
        if self._db is None:
            self._db = open_db(self.db_path)
            self._ensure_learner()
        return self._db

    def _ensure_learner(self) -> None:
        self._learner_id = ensure_learner(self._db, self.learner, self.clock).id

    @property
    def learner_id(self) -> int:
        self.db  # noqa: B018 - opening makes sure the learner exists
        return self._learner_id

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    def for_learner(self, name: str) -> Desk:
        """The same database seen by another learner (created if new)."""
        self.close()
        return Desk(self.db_path, name, clock=self.clock, seed=self.seed)

    # -- home -----------------------------------------------------------------------------------
    def banks(self) -> list[BankCounts]:
        return bank_overview(self.db, self.learner, self.clock())

    def stats(self) -> LearnerStats:
        return LearnerStats(*learner_stats(self.db, self.learner, self.clock()))

    def learners(self) -> list[str]:
        return [learner.name for learner in list_learners(self.db)]

    # -- study ----------------------------------------------------------------------------------
    def session(self, bank: str | None = None) -> StudySession:
        return StudySession(self.db_path, self.learner, bank, clock=self.clock, seed=self.seed)

    # -- browse ---------------------------------------------------------------------------------
    def cards(self, flt: CardFilter = CardFilter(), limit: int | None = None) -> list[CardRow]:
        return list_cards(
            self.db,
            self.learner,
            bank=flt.bank,
            search=flt.search,
            kind=flt.kind,
            state=flt.state,
            due_only=flt.due_only,
            suspended=flt.suspended,
            leech=flt.leech,
            now=self.clock(),
            limit=limit,
        )

    def card(self, card_id: int) -> CardDetail | None:
        """One card with its history; None if it is gone."""
        rows = list_cards(self.db, self.learner, now=self.clock(), card_id=card_id)
        return CardDetail(rows[0], card_history(self.db, card_id)) if rows else None

    def set_suspended(self, card_id: int, flag: bool) -> None:
        set_suspended(self.db, card_id, flag)

    # -- settings -------------------------------------------------------------------------------
    def settings(self) -> Settings:
        return load_settings(self.db, self.learner_id)

    def save_settings(self, **changes: Any) -> None:
        """Validate and store; raises ValueError with one line naming a bad value."""
        save_settings(self.db, self.learner_id, **changes)
