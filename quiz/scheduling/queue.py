"""Today's queue for a session: which card comes next.

Due learning cards first, then reviews with new cards spread evenly among them; never the same
fact twice in a row while anything else is left. A learning card waits for its due time while
anything else is left; when nothing is, one due within LEARN_AHEAD comes early, as Anki's "learn
ahead limit" does, so a first session does not end with every card it taught still waiting.
"""

from __future__ import annotations

from bisect import bisect_right, insort
from collections.abc import Container, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from itertools import chain, islice, takewhile

from quiz.model import State, StudyItem
from quiz.scheduling.exam import ExamPlan
from quiz.settings import Settings, day_start, study_day
from quiz.store import Database
from quiz.store.app_state import extra_new
from quiz.store.cards import CardRecord
from quiz.store.homework import new_started_since
from quiz.store.queue import Scope, due_learning, due_reviews, new_cards
from quiz.store.reviews import today_counts, touched_facts_today

LEARN_AHEAD = timedelta(minutes=20)  # Anki's default learn ahead limit

@dataclass(eq=False)
class Slot:
    """A card in the session: its record, which queue it came from, and its question once shown."""

    card: CardRecord
    origin: State  # NEW, REVIEW or LEARNING (learning and relearning cards alike)
    item: StudyItem | None = None


def _due(slot: Slot) -> datetime:
    """When a queued learning card is due (queued cards always have a due time)."""
    due = slot.card.sched.due
    assert due is not None
    return due


def _one_card_per_fact(cards: Iterator[CardRecord], buried: Container, limit: int) -> list[CardRecord]:
    """One new card a fact, its kind turning with the fact's place in the bank (the first fact
    gives its date card, the next its unit card, …), so a first day mixes the kinds."""
    groups: dict[tuple[str, str], list[CardRecord]] = {}
    for card in cards:  # in bank order, a fact's cards side by side
        if card.fact_key in buried:
            continue
        if card.fact_key not in groups and len(groups) > limit:
            break
        groups.setdefault(card.fact_key, []).append(card)
    chosen = [group[index % len(group)] for index, group in enumerate(groups.values())]
    return chosen[:limit]


def _first(slots: Iterator[Slot], last_fact: tuple[str, str] | None) -> Slot | None:
    """The first slot of another fact than the last one asked, else the first slot."""
    fallback = None
    for slot in slots:
        if slot.card.fact_key != last_fact:
            return slot
        fallback = fallback or slot
    return fallback


def new_allowance(db: Database, learner_id: int, settings: Settings, now: datetime) -> int:
    """New cards the learner may start today: the daily limit and any "study more" for today."""
    return settings.new_per_day + extra_new(db, learner_id, study_day(now, settings).isoformat())


def _new_slots(
    db: Database, scope: Scope, settings: Settings, now: datetime, plans: list[ExamPlan], allowance: int,
    own_limit: int, buried: set[tuple[str, str]],
) -> list[Slot]:
    """Today's new cards with homework: each homework's first, at most its `daily` a day (default:
    the learner's allowance), then the learner's other new cards within what is left of their own
    allowance (homework cards started today count against it, never the other way round)."""
    since = day_start(now, settings)
    taken: set[int] = set()
    hidden = set(buried)  # facts given a homework card today hide their other new cards
    chosen: list[CardRecord] = []
    for plan in plans:
        daily = allowance if plan.daily is None else plan.daily
        limit = max(0, daily - new_started_since(db, scope.learner_id, plan.bank, sorted(plan.kinds), since))
        if not limit:
            continue
        cards = (c for c in new_cards(db, Scope(scope.learner_id, (plan.bank,)), now)
                 if plan.covers(c.bank, c.kind) and c.id not in taken)
        picked = (_one_card_per_fact(cards, hidden, limit) if settings.bury_new_siblings
                  else list(islice(cards, limit)))
        chosen += picked
        taken |= {c.id for c in picked}
        hidden |= {c.fact_key for c in picked}
    own_limit = max(0, own_limit - len(chosen))
    if own_limit:
        others = (c for c in new_cards(db, scope, now)
                  if c.id not in taken and not any(plan.covers(c.bank, c.kind) for plan in plans))
        chosen += (_one_card_per_fact(others, hidden, own_limit) if settings.bury_new_siblings
                   else list(islice(others, own_limit)))
    return [Slot(card, State.NEW) for card in chosen]


class StudyQueue:
    def __init__(self, learning: list[Slot], reviews: list[Slot], new: list[Slot], buried: set, bury: bool):
        self.learning, self.reviews, self.new = learning, reviews, new
        self.buried_facts = buried
        self.bury = bury
        self.planned_new, self.planned_reviews = len(new), len(reviews)

    @classmethod
    def load(
        cls, db: Database, scope: Scope, settings: Settings, now: datetime, day_end: datetime,
        homework: Sequence[ExamPlan] = (),
    ) -> StudyQueue:
        """Today's cards within the daily limits, new siblings of touched facts buried; the new
        cards of active `homework` first (see `_new_slots`)."""
        s = settings
        new_done, reviews_done = today_counts(db, scope.learner_id, now, s)
        learning = [Slot(card, State.LEARNING) for card in due_learning(db, scope, day_end, now)]
        review_limit = max(0, s.reviews_per_day - reviews_done)
        reviews = [Slot(card, State.REVIEW) for card in due_reviews(db, scope, day_end, now, review_limit)]
        buried: set[tuple[str, str]] = set()
        if s.bury_new_siblings:  # a fact answered today, or with a card due today, shows no new card
            buried = touched_facts_today(db, scope.learner_id, now, s)
            buried |= {slot.card.fact_key for slot in (*learning, *reviews)}
        new: list[Slot] = []
        allowance = new_allowance(db, scope.learner_id, s, now)
        new_limit = max(0, allowance - new_done)
        plans = [plan for plan in homework if plan.bank in scope.banks]
        if plans:
            new = _new_slots(db, scope, s, now, plans, allowance, new_limit, buried)
        elif new_limit and s.bury_new_siblings:
            new = [Slot(card, State.NEW) for card in _one_card_per_fact(new_cards(db, scope, now), buried, new_limit)]
        elif new_limit:
            new = [Slot(card, State.NEW) for card in islice(new_cards(db, scope, now), new_limit)]
        return cls(learning, reviews, new, buried, s.bury_new_siblings)

    def counts(self, now: datetime) -> dict[str, int]:
        """What is left in the session: new cards, reviews and the learning cards it will show (those
        due within LEARN_AHEAD; the rest come back later today, after the session)."""
        return {"new": len(self.new), "learning": self._due_by(now + LEARN_AHEAD), "review": len(self.reviews)}

    def later_today(self, now: datetime) -> int:
        """Learning cards due today beyond LEARN_AHEAD: not this session's, but today's."""
        return len(self.learning) - self._due_by(now + LEARN_AHEAD)

    def _due_by(self, moment: datetime) -> int:
        """How many learning cards are due by `moment` (the list is kept sorted by due)."""
        return bisect_right(self.learning, moment, key=_due)

    def _learning_before(self, moment: datetime) -> Iterator[Slot]:
        return takewhile(lambda slot: _due(slot) <= moment, self.learning)

    def choose(self, now: datetime, touched: Container, last_fact: tuple[str, str] | None) -> Slot | None:
        """Take the next card off the queue."""
        if self.bury and self.new:
            buried = self.buried_facts
            kept = [slot for slot in self.new if (key := slot.card.fact_key) not in touched and key not in buried]
            if len(kept) != len(self.new):
                self.new = kept
        slot = _first(chain(self._learning_before(now), self._main_order()), last_fact)
        if slot is None:  # nothing else is left: learn ahead
            slot = _first(self._learning_before(now + LEARN_AHEAD), last_fact)
        return self._take(slot) if slot else None

    def _main_order(self) -> Iterator[Slot]:
        """Reviews and new cards, new ones spread evenly among the reviews."""
        if not self.new or not self.reviews:
            return iter(self.new or self.reviews)
        new_shown = self.planned_new - len(self.new)
        reviews_shown = self.planned_reviews - len(self.reviews)
        new_first = (new_shown + 1) / (self.planned_new + 1) < (reviews_shown + 1) / (self.planned_reviews + 1)
        first, second = (self.new, self.reviews) if new_first else (self.reviews, self.new)
        return chain(islice(first, 3), islice(second, 3), islice(first, 3, None), islice(second, 3, None))

    def _take(self, slot: Slot) -> Slot:
        for queue in (self.learning, self.reviews, self.new):
            if slot in queue:
                queue.remove(slot)
                break
        return slot

    def requeue(self, slot: Slot) -> None:
        """Put a card back at the front of its queue (learning cards by due time)."""
        if slot.origin == State.LEARNING:
            self.add_learning(slot)
        else:
            (self.reviews if slot.origin == State.REVIEW else self.new).insert(0, slot)

    def next_learning_due(self) -> datetime | None:
        """When the soonest queued learning card falls due."""
        return _due(self.learning[0]) if self.learning else None

    def waiting_until(self, now: datetime) -> datetime | None:
        """When the soonest learning card the session cannot show yet may be shown (None: none)."""
        ahead = self._due_by(now + LEARN_AHEAD)
        return _due(self.learning[ahead]) - LEARN_AHEAD if ahead < len(self.learning) else None

    def add_learning(self, slot: Slot) -> None:
        insort(self.learning, slot, key=_due)

    def drop_learning(self, card_id: int) -> None:
        self.learning = [slot for slot in self.learning if slot.card.id != card_id]
