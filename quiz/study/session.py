"""A study session: today's queue for one learner, one question at a time, each answer committed.

Plain Python, no Textual. A session owns one SQLite connection, which cannot cross threads: create
and use it on the same thread (a Textual thread worker opens its own session).
"""

from __future__ import annotations

import random
import sqlite3
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from question_bank.answers import check_question
from question_bank.questions import Kind, Mode, kinds_for, make_question
from quiz.banks import bank_names as stored_bank_names
from quiz.banks import get_bank, sync_builtin_banks
from quiz.card_sync import ensure_cards
from quiz.learners import ensure_learner
from quiz.scheduler import AGAIN, GOOD, HARD, RATINGS, Scheduler
from quiz.settings import load_settings, next_day_start
from quiz.store.banks import save_bank
from quiz.store.cards import Answer, load_card, set_suspended, undo_review, write_answer
from quiz.store.db import immediate, open_db, utc_now
from quiz.store.queue import Scope, next_due
from quiz.study_queue import Slot as _Slot
from quiz.study_queue import StudyQueue
from quiz.study_types import Feedback, QueueCounts, SessionSummary, StudyItem  # noqa: F401

UNDO_DEPTH = 50
CHECKPOINT_EVERY = 1000
LEARNING_STATES = ("learning", "relearning")


@dataclass(frozen=True)
class _Done:
    review_id: int
    slot: _Slot
    correct: bool


def _default_checker(question: Any, given: str) -> tuple[str, str]:
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
        self._load_bank = bank_loader or get_bank
        # With an injected loader (tests), a bank not yet stored is stored on first use.
        self._store_missing_bank = self._store_bank_if_missing if bank_loader else None
        self.learner = ensure_learner(self.db, learner, clock)
        self.settings = load_settings(self.db, self.learner.id)
        self.scheduler = Scheduler(self.settings)
        self.bank = bank
        if bank_loader is None:
            sync_builtin_banks(self.db)
        self.banks: dict[str, Any] = {}  # loaded on first use: a session touches few banks
        if bank is not None:
            self.bank_names = [bank]
            self._sync_cards(bank)
        else:
            self.bank_names = []
            for name in (bank_names or stored_bank_names)(self.db):
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

    def _store_bank_if_missing(self, name: str) -> None:
        if self.db.conn.execute("SELECT 1 FROM banks WHERE name = ?", [name]).fetchone():
            return
        bank = self._bank(name)
        save_bank(
            self.db, name, getattr(bank, "title", name), "builtin", "toml", "",
            [(f.id, f.statement(), f.date.iso()) for f in bank.facts], clock=self.clock,
        )

    def _bank(self, name: str) -> Any:
        if name not in self.banks:
            self.banks[name] = self._load_bank(self.db, name)
        return self.banks[name]

    def _sync_cards(self, name: str) -> None:
        if self._store_missing_bank is not None:
            self._store_missing_bank(name)
        ensure_cards(self.db, self.learner.id, name, self._bank, self.kinds, self.clock())

    def _build_queue(self) -> None:
        now = self.clock()
        self.day_end = next_day_start(now, self.settings)
        scope = Scope(self.learner.id, tuple(self.bank_names))
        self.queue = StudyQueue.load(self.db, scope, self.settings, now, self.day_end)

    def _pick(self) -> _Slot | None:
        """The next card that can be asked (a card whose question cannot be made is skipped)."""
        while True:
            slot = self.queue.choose(self.clock(), self._touched, self._last_fact)
            if slot is None:
                return None
            item = self._question_for(slot)
            if item is not None:
                slot.item = item
                return slot

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
        counts = self.queue.counts()
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
        mode = str(question.mode)
        if mode == "flip":
            raise ValueError("a flip card is rated by the learner: use rate()")
        given = given.strip()
        if mode == "mc" and given.isdigit() and given not in question.options:
            number = int(given)
            if 1 <= number <= len(question.options):
                given = question.options[number - 1]
        outcome, reason = self.check(question, given)
        if mode == "mc":
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
            self.queue.add_learning(_Slot(replace(card, sched=after), "learning"))
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
        self.queue.drop_learning(card_id)
        current = self._current
        if current is not None and self._feedback is None and current.card.id != card_id:
            self.queue.requeue(current)
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
        self.queue.drop_learning(self._current.card.id)
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

    def __enter__(self) -> StudySession:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


_ENUMS: dict[tuple[Any, str], Any] = {}


def _enum(enum: Any, value: str) -> Any:
    """`enum(value)`, or the value itself when it is no member; memoised (it runs every card)."""
    key = (enum, value)
    found = _ENUMS.get(key)
    if found is None:
        try:
            found = enum(value)
        except (TypeError, ValueError):
            found = value
        _ENUMS[key] = found
    return found
