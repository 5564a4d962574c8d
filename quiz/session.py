"""A study session: today's queue for one learner, one question at a time, each answer committed.

Plain Python, no Textual. A session owns one SQLite connection, which cannot cross threads: create
and use it on the same thread (a Textual thread worker opens its own session).
"""

from __future__ import annotations

import random
import sqlite3
from bisect import insort
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from itertools import chain, islice, takewhile
from pathlib import Path
from typing import Any

from quiz.learners import ensure_learner
from quiz.scheduler import AGAIN, GOOD, HARD, RATINGS, Scheduler
from quiz.settings import load_settings, next_day_start
from quiz.store.banks import save_bank
from quiz.store.cards import Answer, CardRecord, load_card, set_suspended, undo_review, write_answer
from quiz.store.db import immediate, open_db, utc_now
from quiz.store.queue import Scope, cards_in_step, due_learning, due_reviews, new_cards, next_due, sync_cards
from quiz.store.reviews import today_counts, touched_facts_today

try:
    from question_bank.questions import Kind, Mode, Question, kinds_for, make_question
except ImportError:  # pragma: no cover - question generation not installed
    Kind = Mode = str  # type: ignore[misc,assignment]
    Question = Any  # type: ignore[misc,assignment]
    kinds_for = make_question = None  # type: ignore[assignment]

LEARN_AHEAD = timedelta(minutes=20)  # with nothing else left, a learning card may come this early
UNDO_DEPTH = 50
CHECKPOINT_EVERY = 1000
LEARNING_STATES = ("learning", "relearning")


@dataclass(frozen=True)
class QueueCounts:
    new: int
    learning: int
    review: int


@dataclass(frozen=True)
class StudyItem:
    card_id: int
    question: Question
    state: str  # 'new' | 'learning' | 'review' | 'relearning'


@dataclass(frozen=True)
class Feedback:
    correct: bool
    outcome: str
    reason: str
    rating: int
    given: str
    answer: str
    note: str
    source: str
    next_due: datetime
    interval: timedelta
    leech: bool = False  # this answer made the card a leech


@dataclass(frozen=True)
class SessionSummary:
    reviewed: int
    correct: int
    seconds: float
    next_due: datetime | None
    due_tomorrow: int


@dataclass(eq=False)
class _Slot:
    """A card in the session: its record, which queue it came from, and its question once shown."""

    card: CardRecord
    origin: str  # 'new' | 'review' | 'learning'
    item: StudyItem | None = None


@dataclass(frozen=True)
class _Done:
    review_id: int
    slot: _Slot
    correct: bool


def _default_bank_access() -> tuple[Callable, Callable]:
    try:
        from quiz.banks import bank_names, get_bank

        return get_bank, bank_names
    except ImportError:
        from question_bank.builtin import builtin_bank_names, load_builtin_bank

        return (lambda db, name: load_builtin_bank(name)), (lambda db: builtin_bank_names())


SYNC_VERSION = 1  # bump when the kinds a fact supports change, so every bank's cards are re-made


def sync_fingerprint(imported_at: str) -> str:
    """What `card_sync` stores for a bank whose cards match the bank as saved at `imported_at`."""
    return f"{SYNC_VERSION}:{imported_at}"


def _sync_builtin(db: Any) -> None:
    """Keep the stored copies of the built-in banks current (the lead's helper, when present)."""
    try:
        from quiz.banks import sync_builtin_banks
    except ImportError:
        return
    sync_builtin_banks(db)


def _default_checker(question: Any, given: str) -> tuple[str, str]:
    from question_bank.questions import check_question

    verdict = check_question(question, given)
    return str(verdict.outcome), str(verdict.reason)


class StudySession:
    """Today's queue for a learner on one bank (or all banks): due learning cards first, reviews
    interleaved with new cards within the daily limits, then learning cards coming due."""

    def __init__(
        self,
        db_path: str | Path,
        learner: str,
        bank: str | None = None,
        *,
        clock: Callable[[], datetime] = utc_now,
        seed: int | None = None,
        question_maker: Callable | None = None,
        kinds: Callable | None = None,
        bank_loader: Callable | None = None,
        bank_names: Callable | None = None,
        checker: Callable[[Any, str], tuple[str, str]] | None = None,
    ) -> None:
        self.db = open_db(db_path)
        # No automatic WAL checkpoint in the middle of studying: on a large file one costs up to a
        # second after some unlucky answer. The session checkpoints when it closes (and every
        # CHECKPOINT_EVERY answers); answers are durable in the WAL already.
        self.db.conn.execute("PRAGMA wal_autocheckpoint=0")
        self._since_checkpoint = 0
        try:
            self._open(
                learner, bank, clock, seed, question_maker, kinds, bank_loader, bank_names, checker
            )
        except BaseException:
            self.db.close()
            raise

    def _open(
        self,
        learner: str,
        bank: str | None,
        clock: Callable[[], datetime],
        seed: int | None,
        question_maker: Callable | None,
        kinds: Callable | None,
        bank_loader: Callable | None,
        bank_names: Callable | None,
        checker: Callable[[Any, str], tuple[str, str]] | None,
    ) -> None:
        self.clock = clock
        self.rng = random.Random(seed)
        self.make_question = question_maker or make_question
        self.kinds = kinds or kinds_for
        self.check = checker or _default_checker
        default_loader, default_names = _default_bank_access()
        self._load_bank = bank_loader or default_loader
        self.learner = ensure_learner(self.db, learner, clock)
        self.settings = load_settings(self.db, self.learner.id)
        self.scheduler = Scheduler(self.settings)
        self.bank = bank
        if bank_loader is None:
            _sync_builtin(self.db)
        self.banks: dict[str, Any] = {}  # loaded on first use: a session touches few banks
        if bank is not None:
            self.bank_names = [bank]
            self._sync_cards(bank)
        else:
            self.bank_names = []
            for name in (bank_names or default_names)(self.db):
                try:
                    self._sync_cards(name)
                except Exception:  # an unreadable bank is left out of an all-banks session
                    continue
                self.bank_names.append(name)
        self.started = clock()
        self.reviewed = 0
        self.correct = 0
        self._history: list[_Done] = []
        self._touched: Counter[tuple[str, str]] = Counter()
        self._last_fact: tuple[str, str] | None = None
        self._feedback: Feedback | None = None
        self._current: _Slot | None = None
        self._build_queue()
        self._current = self._pick()

    # -- setting up -------------------------------------------------------------------------

    def _bank(self, name: str) -> Any:
        if name not in self.banks:
            self.banks[name] = self._load_bank(self.db, name)
        return self.banks[name]

    def _sync_cards(self, name: str) -> None:
        """Create this learner's new cards for the bank's facts × kinds, if the bank changed since.

        A bank is stored (facts table) when imported or first studied; its `imported_at` changes
        whenever it is saved again, so comparing it is enough and costs one query, not a parse.
        """
        conn = self.db.conn
        row = conn.execute("SELECT imported_at FROM banks WHERE name = ?", [name]).fetchone()
        if row is None:
            bank = self._bank(name)
            path = Path(getattr(bank, "path", "") or "")
            text = path.read_text(encoding="utf-8") if path.is_file() else ""
            save_bank(
                self.db, name, getattr(bank, "title", name), "builtin", "toml", text,
                [(f.id, f.statement(), f.date.iso()) for f in bank.facts], clock=self.clock,
            )
            row = conn.execute("SELECT imported_at FROM banks WHERE name = ?", [name]).fetchone()
        fingerprint = sync_fingerprint(row[0])
        if cards_in_step(self.db, self.learner.id, name, fingerprint):
            return
        bank = self._bank(name)
        keys = [(fact.id, str(kind)) for fact in bank.facts for kind in self.kinds(fact)]
        sync_cards(self.db, self.learner.id, name, keys, fingerprint, self.clock())

    def _build_queue(self) -> None:
        now = self.clock()
        s = self.settings
        scope = Scope(self.learner.id, tuple(self.bank_names))
        self.day_end = next_day_start(now, s)
        new_done, reviews_done = today_counts(self.db, self.learner.id, now, s)
        self._learning = [_Slot(card, "learning") for card in due_learning(self.db, scope, self.day_end, now)]
        review_limit = max(0, s.reviews_per_day - reviews_done)
        self._reviews = [_Slot(card, "review") for card in due_reviews(self.db, scope, self.day_end, now, review_limit)]
        self._buried_facts: set[tuple[str, str]] = set()
        if s.bury_new_siblings:  # a fact answered today, or with a card due today, shows no new card
            self._buried_facts = touched_facts_today(self.db, self.learner.id, now, s)
            self._buried_facts |= {slot.card.fact_key for slot in (*self._learning, *self._reviews)}
        self._new = []
        new_limit = max(0, s.new_per_day - new_done)
        if new_limit:
            seen: set[tuple[str, str]] = set()  # one new card a fact a day
            for card in new_cards(self.db, scope, now):
                if s.bury_new_siblings and (card.fact_key in self._buried_facts or card.fact_key in seen):
                    continue
                seen.add(card.fact_key)
                self._new.append(_Slot(card, "new"))
                if len(self._new) >= new_limit:
                    break
        self._planned_new = len(self._new)
        self._planned_reviews = len(self._reviews)

    # -- choosing the next card ---------------------------------------------------------------

    def _pick(self) -> _Slot | None:
        """The next card: never the same fact twice in a row unless nothing else is left."""
        while True:
            slot = self._choose()
            if slot is None:
                return None
            item = self._question_for(slot)
            if item is not None:
                slot.item = item
                return slot

    def _choose(self) -> _Slot | None:
        """Due learning cards, then reviews and new cards, then learning cards due soon."""
        now = self.clock()
        if self.settings.bury_new_siblings and self._new:
            self._new = [
                slot for slot in self._new
                if slot.card.fact_key not in self._touched and slot.card.fact_key not in self._buried_facts
            ]
        soon = now + LEARN_AHEAD
        candidates = chain(
            takewhile(lambda slot: slot.card.sched.due <= now, self._learning),  # kept sorted by due
            self._main_order(),
            takewhile(lambda slot: slot.card.sched.due <= soon, self._learning),
        )
        fallback = None
        for slot in candidates:
            if slot.card.fact_key != self._last_fact:
                return self._take(slot)
            fallback = fallback or slot
        return self._take(fallback) if fallback else None

    def _main_order(self) -> Iterator[_Slot]:
        """Reviews and new cards, new ones spread evenly among the reviews."""
        if not self._new or not self._reviews:
            return iter(self._new or self._reviews)
        new_shown = self._planned_new - len(self._new)
        reviews_shown = self._planned_reviews - len(self._reviews)
        new_first = (new_shown + 1) / (self._planned_new + 1) < (reviews_shown + 1) / (self._planned_reviews + 1)
        first, second = (self._new, self._reviews) if new_first else (self._reviews, self._new)
        return chain(islice(first, 3), islice(second, 3), islice(first, 3, None), islice(second, 3, None))

    def _take(self, slot: _Slot) -> _Slot:
        for queue in (self._learning, self._reviews, self._new):
            if slot in queue:
                queue.remove(slot)
                break
        return slot

    def _requeue(self, slot: _Slot) -> None:
        """Put a card back at the front of its queue (learning cards by due time)."""
        if slot.origin == "learning":
            insort(self._learning, slot, key=_due)
        else:
            (self._reviews if slot.origin == "review" else self._new).insert(0, slot)

    def _question_for(self, slot: _Slot) -> StudyItem | None:
        card = slot.card
        if card.sched.suspended:
            return None
        try:
            bank = self._bank(card.bank)
            fact = bank.fact(card.fact_id)
        except Exception:  # the bank no longer loads, or no longer has this fact: skip the card
            return None
        mix = self.settings.mode_new if card.sched.state == "new" else self.settings.mode_review
        if mix == "alternate":
            mix = "typed" if card.sched.reps % 2 == 0 else "mc"
        kind = _enum(Kind, card.kind)
        for mode in dict.fromkeys((mix, "mc", "typed", "cloze", "flip")):
            try:
                question = self.make_question(
                    bank, fact, kind, _enum(Mode, mode), self.rng, self.settings.options_per_question
                )
            except Exception:  # one fact the generator cannot handle must not end the session
                question = None
            if question is not None:
                return StudyItem(card.id, question, card.sched.state)
        return None

    # -- the learner's side ------------------------------------------------------------------

    @property
    def current(self) -> StudyItem | None:
        return self._current.item if self._current else None

    @property
    def feedback(self) -> Feedback | None:
        """The feedback for the current card once answered, until `advance`."""
        return self._feedback

    def counts(self) -> QueueCounts:
        """Cards left, the current one included while unanswered."""
        counts = {"new": len(self._new), "learning": len(self._learning), "review": len(self._reviews)}
        if self._current and self._feedback is None:
            counts[self._current.origin] += 1
        return QueueCounts(counts["new"], counts["learning"], counts["review"])

    def progress(self) -> tuple[int, int]:
        left = self.counts()
        return self.reviewed, self.reviewed + left.new + left.learning + left.review

    def preview(self) -> dict[int, timedelta]:
        if not self._current:
            return {}
        card = self._current.card
        return self.scheduler.preview(card.sched, self.clock(), card.id)

    def answer(self, given: str, duration_ms: int | None = None) -> Feedback:
        """Check a multiple-choice, typed or cloze answer, schedule the card and commit."""
        slot = self._require_unanswered()
        question = slot.item.question
        if str(question.mode) == "flip":
            raise ValueError("a flip card is rated by the learner: use rate()")
        given = given.strip()
        if str(question.mode) == "mc" and given.isdigit() and given not in question.options:
            number = int(given)
            if 1 <= number <= len(question.options):
                given = question.options[number - 1]
        outcome, reason = self.check(question, given)
        if str(question.mode) == "mc":
            rating = GOOD if outcome == "correct" else AGAIN
        else:
            rating = {"correct": GOOD, "near_miss": HARD}.get(outcome, AGAIN)
        return self._commit(slot, rating, given, outcome, reason, duration_ms)

    def rate(self, rating: int, duration_ms: int | None = None) -> Feedback:
        """The learner's own rating (1 Again .. 4 Easy) of a flip card; commits."""
        if rating not in RATINGS:
            raise ValueError("rating must be 1 (again), 2 (hard), 3 (good) or 4 (easy)")
        slot = self._require_unanswered()
        outcome = "correct" if rating > AGAIN else "wrong"
        return self._commit(slot, rating, "", outcome, "", duration_ms)

    def _require_unanswered(self) -> _Slot:
        if self._current is None or self._current.item is None:
            raise RuntimeError("no card to answer: the session is over")
        if self._feedback is not None:
            raise RuntimeError("this card is answered already: call advance()")
        return self._current

    def _commit(
        self, slot: _Slot, rating: int, given: str, outcome: str, reason: str, duration_ms: int | None
    ) -> Feedback:
        question = slot.item.question
        now = self.clock()
        answer = Answer(rating, str(question.mode), outcome, question.wording_id, question.prompt,
                        given, question.answer, duration_ms)
        card = slot.card
        after = self.scheduler.review(card.sched, rating, now, card.id)  # outside the write lock
        with immediate(self.db):
            review_id = write_answer(self.db, card, after, answer, now)
            if review_id is None:  # changed since the queue was read: schedule what is stored
                card = load_card(self.db, card.id)
                if card is None:
                    raise RuntimeError("this card was deleted")
                after = self.scheduler.review(card.sched, rating, now, card.id)
                review_id = write_answer(self.db, card, after, answer, now)
                assert review_id is not None  # under the write lock nothing else can change it
        slot.card = card
        self._since_checkpoint += 1
        if self._since_checkpoint >= CHECKPOINT_EVERY:
            self._checkpoint()
        correct = outcome == "correct"
        self.reviewed += 1
        self.correct += int(correct)
        self._touched[card.fact_key] += 1
        self._history.append(_Done(review_id, slot, correct))
        del self._history[:-UNDO_DEPTH]
        if after.state in LEARNING_STATES and not after.suspended and after.due < self.day_end:
            insort(self._learning, _Slot(replace(card, sched=after), "learning"), key=_due)
        self._feedback = Feedback(
            correct, outcome, reason, rating, given, question.answer, question.note, question.source,
            after.due, after.due - now, after.leech and not card.sched.leech,
        )
        return self._feedback

    def advance(self) -> StudyItem | None:
        """After feedback, the next card (None when the session is over)."""
        if self._current is not None and self._feedback is None:
            return self.current
        if self._current is not None:
            self._last_fact = self._current.card.fact_key
        self._feedback = None
        self._current = self._pick()
        return self.current

    def undo(self) -> bool:
        """Take back the last answer: the card as it was, its review deleted, its question shown again."""
        if not self._history:
            return False
        done = self._history.pop()
        if undo_review(self.db, done.review_id) is None:
            return False
        card_id = done.slot.card.id
        self._learning = [slot for slot in self._learning if slot.card.id != card_id]
        current = self._current
        if current is not None and self._feedback is None and current.card.id != card_id:
            self._requeue(current)
            current.item = None
        self.reviewed -= 1
        self.correct -= int(done.correct)
        key = done.slot.card.fact_key
        self._touched[key] -= 1
        if self._touched[key] <= 0:
            del self._touched[key]
        self._feedback = None
        self._current = done.slot
        self._current.card = load_card(self.db, card_id) or done.slot.card
        return True

    def suspend_current(self) -> None:
        """Suspend the current card (until unsuspended in browse) and move on."""
        if self._current is None:
            return
        set_suspended(self.db, self._current.card.id, True)
        self._learning = [slot for slot in self._learning if slot.card.id != self._current.card.id]
        self._last_fact = self._current.card.fact_key
        self._feedback = None
        self._current = self._pick()

    def summary(self) -> SessionSummary:
        now = self.clock()
        scope = Scope(self.learner.id, tuple(self.bank_names))
        soonest, due_tomorrow = next_due(self.db, scope, next_day_start(self.day_end, self.settings))
        return SessionSummary(
            self.reviewed, self.correct, (now - self.started).total_seconds(), soonest, due_tomorrow
        )

    def _checkpoint(self) -> None:
        self._since_checkpoint = 0
        try:
            self.db.conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
        except sqlite3.OperationalError:  # busy: another connection will do it
            pass

    def close(self) -> None:
        """Checkpoint the WAL into the database file and close (safe to call twice)."""
        try:
            self._checkpoint()
        except sqlite3.ProgrammingError:  # closed already
            return
        self.db.close()

    def __enter__(self) -> "StudySession":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _due(slot: _Slot) -> datetime:
    return slot.card.sched.due


def _enum(enum: Any, value: str) -> Any:
    try:
        return enum(value)
    except (TypeError, ValueError):
        return value
