"""One learner's door into the core for a front end: counts, sessions, cards, settings.

Plain Python (never imports Textual), so the TUI holds no SQL and no scheduling: every screen asks a
`Desk`, and a test can hand the app a temporary database.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Callable

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

    row: Any
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
        self._theme: str | None = None
        self.learner_id = 0

    # -- plumbing -------------------------------------------------------------------------------
    @property
    def db(self):
        """The connection, opened on first use (and only on the thread that uses it)."""
        if self._db is None:
            from quiz.store import open_db

            self._db = open_db(self.db_path)
            self._ensure_learner()
        return self._db

    def _ensure_learner(self) -> None:
        from quiz.learners import ensure_learner

        self.learner_id = ensure_learner(self._db, self.learner, self.clock).id

    def _learner_names(self) -> list[str]:
        from quiz.learners import list_learners

        return [x.name for x in list_learners(self.db)]

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    def for_learner(self, name: str) -> "Desk":
        """The same database seen by another learner (created if new)."""
        self.close()
        return Desk(self.db_path, name, clock=self.clock, seed=self.seed)

    # -- home -----------------------------------------------------------------------------------
    def banks(self) -> list:
        from quiz.status import bank_overview

        return list(bank_overview(self.db, self.learner, self.clock()))

    def stats(self) -> LearnerStats:
        from quiz.status import learner_stats

        return LearnerStats(*learner_stats(self.db, self.learner, self.clock()))

    def learners(self) -> list[str]:
        return self._learner_names()

    # -- study ----------------------------------------------------------------------------------
    def session(self, bank: str | None = None):
        from quiz.session import StudySession

        return StudySession(self.db_path, self.learner, bank, clock=self.clock, seed=self.seed)

    # -- browse ---------------------------------------------------------------------------------
    def cards(self, flt: CardFilter = CardFilter(), limit: int | None = None) -> list:
        from quiz.status import list_cards

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
        from quiz.status import card_history

        row = next((r for r in self.cards() if r.card_id == card_id), None)
        if row is None:
            return None
        return CardDetail(row, card_history(self.db, card_id))

    def set_suspended(self, card_id: int, flag: bool) -> None:
        from quiz.store import set_suspended

        set_suspended(self.db, card_id, flag)

    # -- settings -------------------------------------------------------------------------------
    def settings(self):
        from quiz.settings import load_settings

        return load_settings(self.db, self.learner_id)

    def theme(self) -> str | None:
        """The learner's theme: stored with their settings when the core keeps one, else this run's."""
        return getattr(self.settings(), "theme", None) or self._theme

    def save_settings(self, **changes: Any) -> None:
        """Validate and store; raises ValueError with one line naming a bad value."""
        from quiz.settings import FIELDS, save_settings

        if "theme" in changes and "theme" not in FIELDS:
            self._theme = str(changes.pop("theme"))
        save_settings(self.db, self.learner_id, **changes)
