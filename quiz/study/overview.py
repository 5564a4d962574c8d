"""Read-only views of a learner's progress: per-bank counts, streaks, the card browser's rows.

The home and browse screens and `quiz status` read through here (by way of the desk); nothing here
writes and nothing here holds SQL.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from question_bank.questions import kinds_for
from quiz.clock import utc_iso, utc_now
from quiz.errors import QuizError
from quiz.library.banks import bank_names, get_bank, list_banks, search_key
from quiz.library.learners import get_learner
from quiz.library.preferences import load_settings
from quiz.model import LEARNING_STATES, State
from quiz.scheduling.fsrs import Scheduler
from quiz.scheduling.queue import StudyQueue, new_allowance
from quiz.settings import Settings, day_start, next_day_start
from quiz.store import Database
from quiz.store.browse import browse_rows
from quiz.store.overview import COUNT_KEYS, bank_tallies, new_introduced_since, reviews_by_bank_since, synced_banks
from quiz.store.queue import Scope
from quiz.store.reviews import ReviewRow, card_history
from quiz.store.reviews import learner_stats as _learner_stats
from quiz.study.items import ANY_CARD, CardFilter

__all__ = [
    "BankCounts", "CardRow", "ReviewRow", "bank_overview", "card_history", "learner_stats",
    "list_cards", "session_left", "status_report",
]


@dataclass(frozen=True)
class BankCounts:
    """One bank for one learner. new/learning/review count cards in that state (not suspended);
    `due` is learning and review cards due now; `new_available` is new cards today's limit allows."""

    name: str
    title: str
    new: int
    learning: int
    review: int
    due: int
    suspended: int
    new_available: int = 0
    reviewed_today: int = 0
    reviews_total: int = 0
    cards: int = 0


@dataclass(frozen=True)
class CardRow:
    card_id: int
    bank: str
    fact_id: str
    kind: str
    state: str
    due: datetime | None
    last_review: datetime | None
    stability: float | None
    difficulty: float | None
    reps: int
    lapses: int
    suspended: bool
    leech: bool
    statement: str
    date_iso: str
    retrievability: float | None
    step: int | None = None


def _learner_context(db: Database, learner: str) -> tuple[int, Settings] | None:
    found = get_learner(db, learner)
    if found is None:
        return None
    return found.id, load_settings(db, found.id)


def _unsynced_new(db: Database, name: str, *, one_a_fact: bool = False) -> int:
    """New cards a bank will give a learner who has not opened it yet (facts × kinds), or with
    `one_a_fact` the new cards a first session may show (one a fact)."""
    try:
        kinds = [len(kinds_for(fact)) for fact in get_bank(db, name).facts]
    except QuizError:  # an unreadable bank shows no new cards rather than breaking the screen
        return 0
    return sum(1 for k in kinds if k) if one_a_fact else sum(kinds)


def session_left(db: Database, learner: str, bank: str | None, now: datetime) -> int:
    """The cards a study session on `bank` (None: every bank) opened now would hold, counted as
    the session counts its "left": today's new cards, reviews, and learning cards within the
    learn-ahead limit. The home screen's "Due today", so the two always agree."""
    context = _learner_context(db, learner)
    learner_id, settings = context if context else (0, Settings())
    names = [bank] if bank is not None else bank_names(db)
    synced = synced_banks(db, learner_id) if context else set()
    scope = Scope(learner_id, tuple(name for name in names if name in synced))
    counts = StudyQueue.load(db, scope, settings, now, next_day_start(now, settings)).counts(now)
    unopened = sum(_unsynced_new(db, name, one_a_fact=settings.bury_new_siblings)
                   for name in names if name not in synced)
    new = counts["new"]
    if unopened:  # the session would make these banks' cards first: they share today's new-card limit
        new_left = max(0, new_allowance(db, learner_id, settings, now)
                       - new_introduced_since(db, learner_id, utc_iso(day_start(now, settings))))
        new = min(new_left, new + unopened)
    return new + counts["learning"] + counts["review"]


def bank_overview(db: Database, learner: str, now: datetime) -> list[BankCounts]:
    """Every known bank with this learner's card counts (banks they never opened show their new cards)."""
    context = _learner_context(db, learner)
    learner_id, settings = context if context else (0, Settings())
    start_iso = utc_iso(day_start(now, settings))
    counts = bank_tallies(db, learner_id, utc_iso(now))
    today_by_bank = reviews_by_bank_since(db, learner_id, start_iso)
    new_left = max(0, new_allowance(db, learner_id, settings, now) - new_introduced_since(db, learner_id, start_iso))
    synced = synced_banks(db, learner_id)
    overview = []
    for info in list_banks(db):
        c = counts.get(info.name, dict.fromkeys(COUNT_KEYS, 0))
        new = c["new"] if info.name in synced else max(c["new"], _unsynced_new(db, info.name))
        overview.append(
            BankCounts(info.name, info.title, new, c["learning"], c["review"], c["due"], c["suspended"],
                       min(new, new_left), today_by_bank.get(info.name, 0), c["reps"], max(c["cards"], new))
        )
    return overview


def learner_stats(db: Database, learner: str, now: datetime) -> tuple[int, int, int]:
    """(reviews today, streak in study days, reviews in all); zeros for an unknown learner."""
    context = _learner_context(db, learner)
    if context is None:
        return 0, 0, 0
    return _learner_stats(db, context[0], now, context[1])


def list_cards(
    db: Database,
    learner: str,
    flt: CardFilter = ANY_CARD,
    *,
    now: datetime | None = None,
    limit: int | None = None,
    card_id: int | None = None,
) -> list[CardRow]:
    """The learner's cards with their fact's statement, filtered; ordered by bank and fact."""
    context = _learner_context(db, learner)
    if context is None:
        return []
    learner_id, settings = context
    now = now or utc_now()
    states: tuple[str, ...] = ()
    if flt.state:
        states = tuple(LEARNING_STATES) if flt.state == State.LEARNING else (flt.state,)
    rows = browse_rows(
        db, learner_id, bank=flt.bank, search=flt.search, folded_search=search_key(flt.search), kind=flt.kind,
        states=states,
        due_before=now if flt.due_only else None, suspended=flt.suspended, leech=flt.leech,
        limit=limit, card_id=card_id,
    )
    scheduler = Scheduler(settings)
    return [
        CardRow(
            r.card_id, r.bank, r.fact_id, r.kind, r.sched.state, r.sched.due, r.sched.last_review,
            r.sched.stability, r.sched.difficulty, r.sched.reps, r.sched.lapses, r.sched.suspended,
            r.sched.leech, r.statement, r.date_iso,
            scheduler.retrievability(r.sched, now) if r.sched.last_review else None, r.sched.step,
        )
        for r in rows
    ]


def status_report(db: Database, learner: str, now: datetime) -> dict[str, Any]:
    """The documented `quiz status --json` contract (see `quiz status --help`)."""
    banks = bank_overview(db, learner, now)
    today, streak, total = learner_stats(db, learner, now)
    context = _learner_context(db, learner)
    settings = context[1] if context else Settings()
    new_left = settings.new_per_day
    if context is not None:
        done = new_introduced_since(db, context[0], utc_iso(day_start(now, settings)))
        new_left = max(0, new_allowance(db, context[0], settings, now) - done)
    return {
        "learner": learner,
        "known_learner": context is not None,
        "reviews_total": total,
        "reviews_today": today,
        "streak_days": streak,
        "due_now": sum(b.due for b in banks),
        "new_available": min(new_left, sum(b.new for b in banks)),
        "banks": [
            {
                "name": b.name,
                "title": b.title,
                "new": b.new,
                "learning": b.learning,
                "review": b.review,
                "suspended": b.suspended,
                "due_now": b.due,
                "new_available": b.new_available,
                "reviewed_today": b.reviewed_today,
                "reviews_total": b.reviews_total,
            }
            for b in banks
        ],
    }
