"""The learner's door: study, one's own progress, banks, settings and learners on one database.

Plain Python (never imports Textual). The CLI builds a `LearnerDoor` and hands it to the study app;
CLI commands and TUI screens call the same methods, so a command and its screen cannot drift apart.
Classes, papers, results and exports are the teacher's door (`quiz.doors.teacher`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from question_bank.banks.loader import load_bank_file
from question_bank.banks.problems import BankError
from question_bank.facts.model import Bank
from question_bank.questions import Kind, Mode, Question, generate_all
from question_bank.questions.report import BankReport, publication_report
from quiz.clock import Clock
from quiz.doors.base import Door, lazy_attributes
from quiz.errors import BankProblems, LearnerError, QuizError, Wording
from quiz.library import banks as library_banks
from quiz.library.banks import BankInfo
from quiz.library.card_sync import ensure_bank_cards
from quiz.library.learners import (
    Learner,
    add_learner,
    clean_name,
    ensure_learner,
    get_learner,
    list_learners,
    remove_learner,
)
from quiz.library.preferences import load_settings, save_settings, settings_problems
from quiz.paths import default_learner
from quiz.settings import Settings
from quiz.store.app_state import get_state, set_state
from quiz.store.cards import set_suspended
from quiz.study import advice
from quiz.study.items import ANY_CARD, CardFilter
from quiz.study.overview import (
    BankCounts,
    CardRow,
    ReviewRow,
    bank_overview,
    card_history,
    learner_stats,
    list_cards,
    session_left,
)
from quiz.study.overview import status_report as _status_report
from quiz.study.session import StudySession

if TYPE_CHECKING:  # the features are imported when first used: start-up pays for few
    from question_bank.answers import Verdict
    from question_bank.extract.progress import Progress
    from quiz.library.drafts import DraftReport
    from quiz.scheduling.personal import OptimizeReport, PersonalScheduling, SimulationReport
    from quiz.stats import Statistics

_LAZY = {  # value types re-exported for the front ends, imported on first use
    "OptimizeReport": ("quiz.scheduling.personal", "OptimizeReport"),
    "SimulationReport": ("quiz.scheduling.personal", "SimulationReport"),
}


__getattr__ = lazy_attributes(__name__, _LAZY)


__all__ = [
    "BankCounts", "BankInfo", "CardDetail", "CardFilter", "CardRow", "Learner", "LearnerDoor", "LearnerStats",
    "OptimizeReport", "SimulationReport", "StudySession", "name_problem",
]


@dataclass(frozen=True)
class CardDetail:
    """A card (with its retrievability now) and its reviews, oldest first."""

    row: CardRow
    history: list[ReviewRow]


@dataclass(frozen=True)
class LearnerStats:
    reviews_today: int
    streak_days: int
    reviews_total: int


LAST_LEARNER = "last_learner"  # app_state key


def name_problem(name: str) -> str | None:
    """Why a typed learner name cannot be used, or None: the learners' own rules (blank, length,
    control characters, which would reach the terminal raw). Opens nothing."""
    try:
        clean_name(name)
    except LearnerError as error:
        return str(error)
    return None


class LearnerDoor(Door):
    """Everything a learner can do on one database file (or server).

    The connection opens on first use, on the thread that uses it. Reading never creates the
    learner; studying, browsing and saving settings do. With no learner named, the one who last
    studied in this file is the learner (else the OS user name).
    """

    def __init__(
        self,
        db_path: Path | str,
        learner: str | None = None,
        *,
        clock: Clock | None = None,
        seed: int | None = None,
        create_folder: bool = True,
    ) -> None:
        super().__init__(db_path, clock=clock, create_folder=create_folder)
        self._learner_name = clean_name(learner) if learner else None
        self.seed = seed
        self._learner_id: int | None = None

    # -- plumbing -------------------------------------------------------------------------------
    @property
    def learner(self) -> str:
        """Who studies: as named, else the last learner who studied here, else the OS user name."""
        if self._learner_name is None:
            self._learner_name = clean_name(self.last_learner() or default_learner())
        return self._learner_name

    def last_learner(self) -> str | None:
        """The learner who last studied in this database file (None before anyone has)."""
        if self._db is None and isinstance(self.db_path, Path) and not self.db_path.exists():
            return None
        return get_state(self.db, LAST_LEARNER)

    @property
    def learner_id(self) -> int:
        """The learner's id, the learner created on first use."""
        if self._learner_id is None:
            self._learner_id = ensure_learner(self.db, self.learner, self.clock).id
        return self._learner_id

    def for_learner(self, name: str) -> LearnerDoor:
        """The same database seen by another learner."""
        self.close()
        return LearnerDoor(self.db_path, name, clock=self.clock, seed=self.seed, create_folder=self.create_folder)

    def for_thread(self) -> LearnerDoor:
        """The same learner on a connection of its own, for a worker thread (a connection cannot
        cross threads); the caller closes it."""
        return LearnerDoor(self.db_path, self.learner, clock=self.clock, seed=self.seed,
                           create_folder=self.create_folder)

    # -- banks ----------------------------------------------------------------------------------
    def bank_list(self) -> list[BankInfo]:
        """Banks, built-in and imported, with their number of facts."""
        return library_banks.list_banks(self.db)

    def bank_names(self) -> list[str]:
        return library_banks.bank_names(self.db)

    def bank_conflicts(self) -> list[Wording]:
        """One line per built-in bank hidden by a teacher's imported bank of the same name (its
        advice mentions the `name` field, for the front end to spell)."""
        return library_banks.builtin_conflicts(self.db)

    def import_bank_changes(
        self, path: Path, name: str | None = None, *, entities: Path | None = None, title: str | None = None
    ) -> tuple[Bank, Wording]:
        """`import_bank`, and what changed in words: "3 facts: 1 new, 1 changed, 1 retired"."""
        bank, changes = library_banks.import_bank_changes(self.db, path, name, entities=entities, title=title)
        return bank, library_banks.describe_changes(changes)

    def bank(self, name: str) -> Bank:
        return library_banks.get_bank(self.db, name)

    def import_bank(
        self, path: Path, name: str | None = None, *, entities: Path | None = None, title: str | None = None
    ) -> Bank:
        """Check a bank file (and its entities file) and store it (nothing stored if it has problems)."""
        return library_banks.import_bank(self.db, path, name, entities=entities, title=title)

    def rename_bank(self, old: str, new: str) -> None:
        """Rename an imported bank; cards, reviews and papers follow it."""
        from quiz.library.bank_admin import rename

        rename(self.db, old, new)

    def remove_bank(self, name: str, *, purge: bool = False) -> int:
        """Remove an imported bank (history kept unless `purge`); the reviews removed."""
        from quiz.library.bank_admin import remove

        return remove(self.db, name, purge=purge)

    @staticmethod
    def validate_bank(path: Path, entities: Path | None = None) -> Bank:
        """Check a bank file (and its entities file) without storing it; BankProblems lists every problem."""
        try:
            return load_bank_file(path, entities=entities)
        except BankError as error:
            raise BankProblems(str(error)) from None

    def questions(
        self,
        name: str,
        kinds: tuple[Kind, ...] | None = None,
        modes: tuple[Mode, ...] | None = None,
        seed: int = 0,
        n_options: int = 3,
    ) -> list[Question]:
        return generate_all(self.bank(name), kinds=kinds, modes=modes, seed=seed, n_options=n_options)

    def question_report(self, name: str, seed: int = 0, n_options: int = 3) -> BankReport:
        """What the gate publishes of bank NAME, slot by slot, and why anything was withheld."""
        return publication_report(self.bank(name), seed=seed, n_options=n_options)

    def check_answer(self, name: str, fact_id: str, kind: Kind, text: str) -> tuple[Verdict, str]:
        """The verdict on a typed answer to one fact, as a study session gives it, and the answer
        expected; BankProblems-free: an unknown fact or a kind the fact is not asked in is a QuizError."""
        try:
            from question_bank.answers.explain import explain

            return explain(self.bank(name), fact_id, kind, text)
        except (KeyError, ValueError) as error:
            raise QuizError(str(error.args[0]) if error.args else str(error)) from None

    @staticmethod
    def draft_bank_from_article(
        article: Path, output: Path | None, name: str | None, year: int | None, progress: Progress | None = None
    ) -> DraftReport:
        """Draft a bank from an article (.txt, .md, .html, .pdf) and write it (see `quiz.library.drafts`);
        `progress` is told the sentences read."""
        from quiz.library.drafts import draft_article

        return draft_article(article, output, name, year, progress)

    @staticmethod
    def write_bank_template(path: Path, fmt: str | None = None) -> list[Path]:
        """An example bank (CSV and its entities CSV, or one workbook) with every column explained."""
        try:
            from question_bank.banks.template import write_template

            return write_template(path, fmt)
        except ValueError as error:
            raise QuizError(str(error)) from None

    # -- home and status ------------------------------------------------------------------------
    def banks(self) -> list[BankCounts]:
        """Every bank with this learner's counts, for the home screen."""
        return bank_overview(self.db, self.learner, self.clock())

    def session_left(self, bank: str | None = None) -> int:
        """What a session on `bank` (None: every bank) opened now would hold: home's "Due today"."""
        return session_left(self.db, self.learner, bank, self.clock())

    def stats(self) -> LearnerStats:
        return LearnerStats(*learner_stats(self.db, self.learner, self.clock()))

    def status(self) -> dict[str, Any]:
        """The `quiz status --json` contract."""
        return _status_report(self.db, self.learner, self.clock())

    # -- learners -------------------------------------------------------------------------------
    def learners(self) -> list[str]:
        return [learner.name for learner in list_learners(self.db)]

    def learner_rows(self) -> list[Learner]:
        return list_learners(self.db)

    def add_learner(self, name: str) -> Learner:
        return add_learner(self.db, name, self.clock)

    def remove_learner(self, name: str) -> int:
        """Remove a learner with all their progress; the number of reviews removed."""
        return remove_learner(self.db, name)

    # -- own progress ---------------------------------------------------------------------------
    @property
    def statistics(self) -> Statistics:
        """This learner's progress over time (issue #13), with their finished papers' scores;
        `stats()` is the home screen's line."""
        from quiz.classroom.service import Classroom
        from quiz.stats import Statistics

        return Statistics(self.db, self.clock, self.learner, Classroom(self.db, self.clock).attempts_for)

    # -- study ----------------------------------------------------------------------------------
    def session(self, bank: str | None = None) -> StudySession:
        """A study session on one bank (None: every bank), on its own connection; remembers the
        learner as the last one."""
        session = StudySession(self.db_path, self.learner, bank, clock=self.clock, seed=self.seed)
        set_state(session.db, LAST_LEARNER, self.learner)  # the session's connection: its thread's own
        return session

    def nothing_to_study(self, bank: str | None = None) -> str | None:
        """Why a session on `bank` (None: every bank) would have no card now, as one sentence
        ("Today's 20 new cards are done; 133 wait."); None when there is something to study."""
        return advice.nothing_to_study(self.db, self.learner, bank, self.clock())

    def study_more(self, bank: str | None = None, extra: int = 10) -> None:
        """Raise today's new-card allowance by `extra` for this learner (every bank), today only."""
        advice.study_more(self.db, self.learner_id, self.settings(), self.clock(), extra)

    def buried_note(self, bank: str | None = None) -> str | None:
        """The sentence saying new cards wait for tomorrow (one card a fact a day), or None."""
        return advice.buried_note(self.db, self.learner, bank, self.clock())

    # -- browse ---------------------------------------------------------------------------------
    def cards(self, flt: CardFilter = ANY_CARD, limit: int | None = None) -> list[CardRow]:
        """The learner's cards, filtered; a bank never studied gets its cards first, so it can be browsed."""
        ensure_bank_cards(self.db, self.learner_id, [flt.bank] if flt.bank else self.bank_names(), self.clock())
        return list_cards(self.db, self.learner, flt, now=self.clock(), limit=limit)

    def card(self, card_id: int) -> CardDetail | None:
        """One card with its history; None if it is gone."""
        rows = list_cards(self.db, self.learner, now=self.clock(), card_id=card_id)
        return CardDetail(rows[0], card_history(self.db, card_id)) if rows else None

    def set_suspended(self, card_id: int, flag: bool) -> None:
        set_suspended(self.db, card_id, flag)

    # -- settings -------------------------------------------------------------------------------
    def settings_problems(self) -> list[str]:
        """One line per stored setting this machine cannot use (the others still apply)."""
        return settings_problems(self.db, self.learner_id)

    def settings(self) -> Settings:
        return load_settings(self.db, self.learner_id)

    def save_settings(self, **changes: Any) -> Settings:
        """Validate and store; raises SettingsError with one line naming a bad value."""
        return save_settings(self.db, self.learner_id, **changes)

    # -- personal scheduling --------------------------------------------------------------------
    @property
    def personal(self) -> PersonalScheduling:
        """This learner's FSRS parameters: fit them to their history, undo a fit, simulate retention."""
        from quiz.scheduling.personal import PersonalScheduling

        found = get_learner(self.db, self.learner)  # a typo in --learner must not make a new learner
        if found is None:
            raise LearnerError(f"no learner '{self.learner}' (see `quiz learner list`)")
        return PersonalScheduling(self.db, found.id, self.learner, load_settings(self.db, found.id), self.clock)
