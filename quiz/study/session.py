"""A study session: today's queue for one learner, one question at a time, each answer committed.

Plain Python, no Textual. A session owns one store connection (either engine). It may be handed to
another thread (the study screen's writer thread makes its writes), but one thread at a time: the
screen waits for its writes before it reads again, and a worker that reads alongside opens its own.
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from question_bank.facts.model import Bank
from question_bank.questions import Kind, Mode, kinds_for, make_question
from quiz.clock import Clock, utc_now
from quiz.errors import QuizError, SessionError
from quiz.library.banks import bank_names as stored_bank_names
from quiz.library.banks import get_bank, sync_builtin_banks
from quiz.library.card_sync import ensure_cards
from quiz.library.learners import ensure_learner
from quiz.library.preferences import load_settings
from quiz.model import LEARNING_STATES, CardState, Outcome, Rating, State, StudyItem
from quiz.scheduling.exam import ExamPlan, capped_state, covering, exam_start
from quiz.scheduling.fsrs import RATINGS, Scheduler
from quiz.scheduling.queue import Slot as _Slot
from quiz.scheduling.queue import StudyQueue
from quiz.settings import next_day_start
from quiz.store.banks import bank_imported_at, save_bank
from quiz.store.cards import Answer, CardRecord, UndoRefused, load_card, set_suspended, undo_review, write_answer
from quiz.store.fitting import learner_parameters
from quiz.store.homework import learner_homework
from quiz.store.learners import learner_exists
from quiz.store.opening import open_db
from quiz.store.queue import Scope, next_due
from quiz.study.collaborators import BankLoader, BankNames, Checker, KindsOf, QuestionMaker, default_checker
from quiz.study.items import Feedback, QueueCounts, SessionSummary

__all__ = ["Feedback", "QueueCounts", "SessionSummary", "StudyItem", "StudySession"]

UNDO_DEPTH = 50
CHECKPOINT_EVERY = 1000
DONT_KNOW = ("", "?")  # a typed answer that says "I don't know"


@dataclass(frozen=True)
class _Done:
    """An answer, as undo needs it."""

    review_id: int
    slot: _Slot
    correct: bool


@dataclass(frozen=True)
class _Suspended:
    """A suspension, as undo needs it: the card's place in the session and what was on screen."""

    slot: _Slot
    feedback: Feedback | None
    learning: tuple[_Slot, ...]  # its learning slots taken off the queue


class StudySession:
    """Today's queue for a learner on one bank (or all banks): due learning cards first, reviews
    interleaved with new cards within the daily limits, then learning cards coming due."""

    def __init__(
        self,
        db_path: str | Path,
        learner: str,
        bank: str | None = None,
        *,
        clock: Clock = utc_now,
        seed: int | None = None,
        question_maker: QuestionMaker | None = None,
        kinds: KindsOf | None = None,
        bank_loader: BankLoader | None = None,
        bank_names: BankNames | None = None,
        checker: Checker | None = None,
        modes: tuple[str, ...] | None = None,
        card_kinds: tuple[tuple[str, str], ...] | None = None,
    ) -> None:
        self.db = open_db(db_path)
        self.modes = modes  # the modes a question may be asked in (None: all; the student's home: checked ones)
        self.card_kinds = card_kinds  # (bank, kind) pairs asked (None: all; the student's home: the homework's)
        self._since_checkpoint = 0
        self._closed = False
        try:
            self._open(
                learner, bank, clock, seed, question_maker, kinds, bank_loader, bank_names, checker
            )
            # The session checkpoints when it closes (and every CHECKPOINT_EVERY answers), never in
            # the middle of an answer; answers are durable in the WAL already. Opening may have
            # made a bank's cards: that WAL is checkpointed as it grows, as on any connection.
            self.db.pause_autocheckpoint()
        except BaseException:
            self.db.close()
            raise

    def _open(
        self,
        learner: str,
        bank: str | None,
        clock: Clock,
        seed: int | None,
        question_maker: QuestionMaker | None,
        kinds: KindsOf | None,
        bank_loader: BankLoader | None,
        bank_names: BankNames | None,
        checker: Checker | None,
    ) -> None:
        self.clock = clock
        self.rng = random.Random(seed)
        self.make_question: QuestionMaker = question_maker or make_question
        self.kinds: KindsOf = kinds or kinds_for
        self.check: Checker = checker or default_checker
        self._load_bank: BankLoader = bank_loader or get_bank
        # With an injected loader (tests), a bank not yet stored is stored on first use.
        self._store_missing_bank = self._store_bank_if_missing if bank_loader else None
        self.learner = ensure_learner(self.db, learner, clock)
        self.settings = load_settings(self.db, self.learner.id)
        self.scheduler = Scheduler(self.settings, learner_parameters(self.db, self.learner.id))
        self.homework = self._homework_plans()
        self.bank = bank
        if bank_loader is None:
            sync_builtin_banks(self.db)
        self.banks: dict[str, Bank] = {}  # loaded on first use: a session touches few banks
        if bank is not None:
            self.bank_names = [bank]
            self._sync_cards(bank)
        else:
            self.bank_names = []
            for name in (bank_names or stored_bank_names)(self.db):
                try:
                    self._sync_cards(name)
                except QuizError:  # an unreadable bank is left out of an all-banks session
                    continue
                self.bank_names.append(name)
        self.started = clock()
        self.reviewed = 0
        self.correct = 0
        self._history: list[_Done | _Suspended] = []  # the learner's actions, newest last, for undo
        self._missed: dict[int, tuple[str, str]] = {}  # card id -> (prompt, answer), in order missed
        self._touched: Counter[tuple[str, str]] = Counter()
        self._last_fact: tuple[str, str] | None = None
        self._feedback: Feedback | None = None
        self._current: _Slot | None = None
        self._build_queue()
        self._current = self._pick()

    # -- setting up -------------------------------------------------------------------------

    def _store_bank_if_missing(self, name: str) -> None:
        if bank_imported_at(self.db, name) is not None:
            return
        bank = self._bank(name)
        save_bank(
            self.db, name, getattr(bank, "title", name), "builtin", "toml", "",
            [(f.id, f.statement(), f.date.iso()) for f in bank.facts], clock=self.clock,
        )

    def _bank(self, name: str) -> Bank:
        if name not in self.banks:
            self.banks[name] = self._load_bank(self.db, name)
        return self.banks[name]

    def _sync_cards(self, name: str) -> None:
        if self._store_missing_bank is not None:
            self._store_missing_bank(name)
        ensure_cards(self.db, self.learner.id, name, self._bank, self.kinds, self.clock())

    def _homework_plans(self) -> tuple[ExamPlan, ...]:
        """The active homework of the learner's classes: its new cards come first, at its daily
        pace, and its exam date caps its cards' intervals (`quiz.scheduling.exam`)."""
        return tuple(
            ExamPlan(row.id, row.bank, frozenset(row.kinds), row.daily,
                     exam_start(date.fromisoformat(row.exam), self.settings) if row.exam else None, row.retention)
            for row in learner_homework(self.db, self.learner.id)
        )

    def _build_queue(self) -> None:
        now = self.clock()
        self.day_end = next_day_start(now, self.settings)
        scope = Scope(self.learner.id, tuple(self.bank_names), self.card_kinds)
        self.queue = StudyQueue.load(self.db, scope, self.settings, now, self.day_end, self.homework)

    def _schedule(self, card: CardRecord, rating: int, now: datetime) -> CardState:
        """The card after `rating` at `now`: FSRS, its due date capped before a homework's exam."""
        after = self.scheduler.review(card.sched, rating, now, card.id)
        plans = covering(self.homework, card.bank, card.kind) if self.homework else ()
        if not plans:
            return after
        retention = self.settings.desired_retention
        return capped_state(after, now, plans, retention, self.scheduler.decay)

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
        except (QuizError, KeyError):  # the bank no longer loads, or no longer has this fact: skip it
            return None
        mix = self.settings.mode_new if card.sched.state == State.NEW else self.settings.mode_review
        if mix == "alternate":
            mix = "typed" if card.sched.reps % 2 == 0 else "mc"
        kind = _enum(Kind, card.kind)
        for mode in dict.fromkeys((mix, "mc", "typed", "cloze", "flip")):
            if self.modes is not None and mode not in self.modes:
                continue
            question = self.make_question(
                bank, fact, kind, _enum(Mode, mode), self.rng, self.settings.options_per_question
            )
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
        """Cards left in this session, the current one included while unanswered: new cards,
        reviews, and learning cards due within the learn-ahead limit (the session shows them)."""
        counts = self.queue.counts(self.clock())
        if self._current and self._feedback is None:
            counts[self._current.origin] += 1
        return QueueCounts(counts["new"], counts["learning"], counts["review"])

    def left(self) -> int:
        """Cards left in today's session, the current one included while unanswered."""
        left = self.counts()
        return left.new + left.learning + left.review

    def progress(self) -> tuple[int, int]:
        return self.reviewed, self.reviewed + self.left()

    def waiting_until(self) -> datetime | None:
        """With no card to ask now, when the next of today's learning cards can be asked (within the
        learn-ahead limit of its due time); None: none is left today."""
        if self._current is not None:
            return None
        return self.queue.waiting_until(self.clock())

    def preview(self) -> dict[int, timedelta]:
        if not self._current:
            return {}
        card = self._current.card
        if not covering(self.homework, card.bank, card.kind):
            return self.scheduler.preview(card.sched, self.clock(), card.id)
        now = self.clock()
        dues = {rating: self._schedule(card, rating, now).due for rating in RATINGS}
        return {rating: due - now for rating, due in dues.items() if due is not None}

    def answer(self, given: str, duration_ms: int | None = None) -> Feedback:
        """Check a multiple-choice, typed or cloze answer, schedule the card and commit."""
        slot = self._require_unanswered()
        assert slot.item is not None
        question = slot.item.question
        mode = question.mode
        if mode == Mode.FLIP:
            raise SessionError("a flip card is rated by the learner: use rate()")
        given = given.strip()
        if given in DONT_KNOW:
            reason = f"Not known: the answer is {question.answer}"
            return self._commit(slot, Rating.AGAIN, given, Outcome.WRONG, reason, duration_ms)
        if mode == Mode.MC and given.isdigit() and given not in question.options:
            number = int(given)
            if 1 <= number <= len(question.options):
                given = question.options[number - 1]
        outcome, reason = self.check(question, given)
        if mode == Mode.MC:
            rating = Rating.GOOD if outcome == Outcome.CORRECT else Rating.AGAIN
        else:
            rating = {Outcome.CORRECT: Rating.GOOD, Outcome.NEAR_MISS: Rating.HARD}.get(outcome, Rating.AGAIN)
        return self._commit(slot, rating, given, outcome, reason, duration_ms)

    def rate(self, rating: int, duration_ms: int | None = None) -> Feedback:
        """The learner's own rating (1 Again .. 4 Easy) of a flip card; commits."""
        if self.modes is not None and "flip" not in self.modes:
            raise SessionError("this session's answers are judged by the checker, never self-rated: use answer()")
        if rating not in RATINGS:
            raise SessionError("rating must be 1 (again), 2 (hard), 3 (good) or 4 (easy)")
        slot = self._require_unanswered()
        outcome = Outcome.CORRECT if rating > Rating.AGAIN else Outcome.WRONG
        return self._commit(slot, Rating(rating), "", outcome, "", duration_ms)

    def _require_unanswered(self) -> _Slot:
        if self._current is None or self._current.item is None:
            raise SessionError("no card to answer: the session is over")
        if self._feedback is not None:
            raise SessionError("this card is answered already: call advance()")
        return self._current

    def _require_learner(self) -> None:
        if not learner_exists(self.db, self.learner.id):
            raise SessionError(
                f"learner '{self.learner.name}' was removed in another window; this session cannot go on"
            )

    def _commit(
        self, slot: _Slot, rating: Rating, given: str, outcome: Outcome, reason: str, duration_ms: int | None
    ) -> Feedback:
        assert slot.item is not None
        question = slot.item.question
        now = self.clock()
        answer = Answer(rating, str(question.mode), outcome, question.wording_id, question.prompt,
                        given, question.answer, duration_ms)
        card = slot.card
        after = self._schedule(card, rating, now)  # outside the write lock
        with self.db.write():
            review_id = write_answer(self.db, card, after, answer, now)
            if review_id is None:  # changed since the queue was read: schedule what is stored
                stored = load_card(self.db, card.id)
                if stored is None:
                    self._require_learner()
                    raise SessionError("this card was deleted in another window")
                card = stored
                after = self._schedule(card, rating, now)
                review_id = write_answer(self.db, card, after, answer, now)
                assert review_id is not None  # under the write lock nothing else can change it
        slot.card = card
        self._since_checkpoint += 1
        if self._since_checkpoint >= CHECKPOINT_EVERY:
            self._checkpoint()
        correct = outcome == Outcome.CORRECT
        due = after.due
        assert due is not None  # an answered card is always due again some time
        self.reviewed += 1
        self.correct += int(correct)
        self._touched[card.fact_key] += 1
        self._history.append(_Done(review_id, slot, correct))
        del self._history[:-UNDO_DEPTH]
        if not correct:
            self._missed.setdefault(card.id, (question.prompt, question.answer))
        if after.state in LEARNING_STATES and not after.suspended and due < self.day_end:
            self.queue.add_learning(_Slot(replace(card, sched=after), State.LEARNING))
        self._feedback = Feedback(
            correct, outcome, reason, rating, given, question.answer, question.note, question.source,
            due, due - now, after.leech and not card.sched.leech,
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
        """Take back the last action: an answer (the card as it was, its review deleted, its
        question shown again) or a suspension. False with nothing to undo; SessionError, with
        nothing changed, when another window changed the card since."""
        if not self._history:
            return False
        action = self._history[-1]
        if isinstance(action, _Suspended):
            self._history.pop()
            self._undo_suspension(action)
            return True
        try:
            undone = undo_review(self.db, action.review_id)
        except UndoRefused:
            self._require_learner()
            raise SessionError("this card was changed in another window since; the answer stays") from None
        self._history.pop()
        if undone is None:
            return False
        card_id = action.slot.card.id
        self.queue.drop_learning(card_id)
        self._bring_back(action.slot, None)
        self.reviewed -= 1
        self.correct -= int(action.correct)
        if not action.correct and not any(isinstance(a, _Done) and not a.correct and a.slot.card.id == card_id
                                          for a in self._history):
            self._missed.pop(card_id, None)
        key = action.slot.card.fact_key
        self._touched[key] -= 1
        if self._touched[key] <= 0:
            del self._touched[key]
        self._current = action.slot
        self._current.card = load_card(self.db, card_id) or action.slot.card
        return True

    def _bring_back(self, slot: _Slot, feedback: Feedback | None) -> None:
        """Make `slot` current again, the card shown now (if unanswered) going back to its queue."""
        current = self._current
        if current is not None and self._feedback is None and current is not slot:
            self.queue.requeue(current)
            current.item = None
        self._feedback = feedback
        self._current = slot

    def _undo_suspension(self, action: _Suspended) -> None:
        set_suspended(self.db, action.slot.card.id, False)
        for learning in action.learning:
            self.queue.add_learning(learning)
        self._bring_back(action.slot, action.feedback)

    def suspend_current(self) -> None:
        """Suspend the current card (until unsuspended in browse, or `undo`) and move on."""
        if self._current is None:
            return
        slot = self._current
        card_id = slot.card.id
        if not set_suspended(self.db, card_id, True):
            self._require_learner()
        learning = tuple(s for s in self.queue.learning if s.card.id == card_id)
        self.queue.drop_learning(card_id)
        self._history.append(_Suspended(slot, self._feedback, learning))
        del self._history[:-UNDO_DEPTH]
        self._last_fact = slot.card.fact_key
        self._feedback = None
        self._current = self._pick()

    def summary(self) -> SessionSummary:
        now = self.clock()
        scope = Scope(self.learner.id, tuple(self.bank_names), self.card_kinds)
        soonest, by_tomorrow_end = next_due(self.db, scope, next_day_start(self.day_end, self.settings))
        _, due_today = next_due(self.db, scope, self.day_end)
        complete = self._current is None and self.left() == 0 and due_today == 0
        return SessionSummary(
            self.reviewed, self.correct, (now - self.started).total_seconds(), soonest,
            by_tomorrow_end - due_today, tuple(self._missed.values()), complete, due_today,
        )

    def _checkpoint(self) -> None:
        self._since_checkpoint = 0
        self.db.checkpoint()

    def close(self) -> None:
        """Checkpoint the WAL into the database file and close (safe to call twice)."""
        if self._closed:
            return
        self._closed = True
        self._checkpoint()
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
