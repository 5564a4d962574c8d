"""Why a bank has nothing to study now, and "study more today": the sentences behind an empty
session, so Enter on a bank never silently shows "Nothing studied"."""

from __future__ import annotations

from datetime import datetime

from quiz.clock import utc_iso
from quiz.errors import SessionError
from quiz.library.banks import bank_names
from quiz.library.learners import get_learner
from quiz.library.preferences import load_settings
from quiz.scheduling.queue import LEARN_AHEAD, StudyQueue, new_allowance
from quiz.settings import Settings, day_start, next_day_start, study_day
from quiz.store import Database
from quiz.store.app_state import add_extra_new
from quiz.store.overview import new_introduced_since, synced_banks
from quiz.store.queue import Scope, new_card_counts
from quiz.study.overview import bank_overview

MAX_EXTRA = 9999


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _minutes(delta_seconds: float) -> str:
    minutes = max(1, round(delta_seconds / 60))
    return f"{minutes}m" if minutes < 60 else f"{minutes // 60}h{minutes % 60:02d}"


def nothing_to_study(db: Database, learner: str, bank: str | None, now: datetime) -> str | None:
    """None when a session on `bank` (None: every bank) would have a card now; else why not, as one
    sentence: "Today's 20 new cards are done; 133 wait."."""
    found = get_learner(db, learner)
    names = [bank] if bank else bank_names(db)
    overview = [b for b in bank_overview(db, learner, now) if b.name in names]
    waiting = sum(b.new for b in overview)
    if found is None:  # never studied: everything is new
        return None if waiting and Settings().new_per_day else _nothing(waiting, Settings(), 0, 0)
    settings = load_settings(db, found.id)
    synced = synced_banks(db, found.id)
    allowance = new_allowance(db, found.id, settings, now)
    done = new_introduced_since(db, found.id, utc_iso(day_start(now, settings)))
    if done < allowance and any(b.new for b in overview if b.name not in synced):
        return None  # a bank never opened gives new cards at once
    scope = Scope(found.id, tuple(name for name in names if name in synced))
    queue = StudyQueue.load(db, scope, settings, now, next_day_start(now, settings))
    soonest = queue.next_learning_due()
    if queue.reviews or queue.new or (soonest is not None and soonest <= now + LEARN_AHEAD):
        return None  # a session would have a card now (a learning card within the learn-ahead limit too)
    sentence = _nothing(waiting, settings, allowance, done)
    buried = buried_note(db, learner, bank, now) if done < allowance else None
    if buried:
        sentence = buried
    if soonest is not None:
        back = len(queue.learning)
        sentence += (f" {_plural(back, 'card')} you are learning come{'s' if back == 1 else ''} back "
                     f"later today (the next in {_minutes((soonest - now).total_seconds())}).")
    return sentence


def _nothing(waiting: int, settings: Settings, allowance: int, done: int) -> str:
    if not waiting:
        return "Nothing is due now, and no new cards wait."
    if allowance == 0:
        return f"New cards a day is 0; {waiting} new wait."
    if done >= allowance:
        return f"Today's {_plural(allowance, 'new card')} {'is' if allowance == 1 else 'are'} done; {waiting} wait."
    return f"Nothing is due now; {waiting} new wait."


def buried_note(db: Database, learner: str, bank: str | None, now: datetime) -> str | None:
    """When one card a fact a day is the rule and some new cards wait for tomorrow because a sibling
    was studied today, the sentence that says so; else None."""
    found = get_learner(db, learner)
    if found is None:
        return None
    settings = load_settings(db, found.id)
    if not settings.bury_new_siblings:
        return None
    scope = Scope(found.id, tuple([bank] if bank else bank_names(db)))
    _, buried = new_card_counts(db, scope, now, day_start(now, settings))
    if not buried:
        return None
    return (f"One card per fact a day: {_plural(buried, 'new card')} wait{'s' if buried == 1 else ''} "
            "until tomorrow, as another card of their fact was studied today.")


def study_more(db: Database, learner_id: int, settings: Settings, now: datetime, extra: int) -> None:
    """Raise today's new-card allowance by `extra`, for this learner and this study day only."""
    if not 1 <= extra <= MAX_EXTRA:
        raise SessionError(f"study more: a whole number of new cards from 1 to {MAX_EXTRA}")
    add_extra_new(db, learner_id, study_day(now, settings).isoformat(), extra)
