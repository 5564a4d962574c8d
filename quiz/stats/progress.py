"""The teacher's homework view (#21 item 4): per student, this week's work, backlog, habits and the
recall FSRS predicts on an exam date; per fact, the class's predicted recall.

The bank and the exam date are plain parameters (homework will supply them). Recall is each card's
FSRS retrievability under the student's own parameters, from its stability and last review, at the
start of the exam's study day, assuming no study until then; the bank's cards are its facts × the
kinds each asks, so a card never made or never answered counts 0 rather than being left out.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from question_bank.questions import kinds_for
from quiz.clock import Clock, utc_iso
from quiz.errors import ClassroomError, QuizError
from quiz.library.banks import get_bank
from quiz.library.preferences import load_settings
from quiz.model import State
from quiz.scheduling.fsrs import Scheduler
from quiz.settings import Settings, day_start, local_moment, study_day
from quiz.stats.compute import HourMap, _streaks
from quiz.stats.progress_model import (
    KNOWN_AT,
    RETENTION_DAYS,
    WEAKEST,
    WEEK,
    ClassProgress,
    FactProgress,
    FactRecall,
    Flag,
    StudentProgress,
)
from quiz.store import Database
from quiz.store import progress as sql
from quiz.store import stats as stats_sql
from quiz.store.fitting import learner_parameters

IDLE_DAYS = 3


@dataclass(frozen=True)
class _Fact:
    bank: str
    fact_id: str
    statement: str
    kinds: tuple[str, ...]


def class_progress(
    db: Database, clock: Clock, class_name: str, bank: str | None = None, exam: date | None = None,
    idle_days: int = IDLE_DAYS, teacher: str | None = None, owner: int | None = None,
    kinds: Collection[str] | None = None,
) -> ClassProgress:
    """The homework view of `class_name` for `bank` (None: every bank its students have cards in),
    predicted recall on `exam` (None: now), of the cards of `kinds` (None: every kind; a homework's
    own). ClassroomError / BankNotFound for bad names or dates."""
    students = stats_sql.class_students(db, class_name, owner)
    if students is None:
        raise ClassroomError(f"no class named '{class_name}'")
    if idle_days < 1:
        raise ClassroomError("--idle-days must be 1 or more")
    now = clock()
    teacher_id = stats_sql.learner_row(db, teacher) if teacher else None
    today = study_day(now, load_settings(db, teacher_id) if teacher_id is not None else Settings())
    if exam is not None and exam < today:
        raise ClassroomError(f"the exam date {exam.isoformat()} is before today ({today.isoformat()})")
    ids = [learner_id for learner_id, _ in students]
    names = [bank] if bank is not None else sql.studied_banks(db, ids)
    facts = _facts(db, names, strict=bank is not None, kinds=kinds)
    banks = tuple(dict.fromkeys(f.bank for f in facts)) if bank is None else (bank,)
    cards: dict[int, list[sql.CardRow]] = defaultdict(list)
    for card in sql.class_cards(db, ids, banks):
        if kinds is None or card.kind in kinds:
            cards[card.learner_id].append(card)
    hours: dict[int, list[tuple[str, str, int, int]]] = defaultdict(list)
    for learner_id, hour, category, reviews, passed, _time in stats_sql.hour_rows(db, ids, bank) if banks else ():
        hours[learner_id].append((hour, category, int(reviews), int(passed)))
    settings = {learner_id: load_settings(db, learner_id) for learner_id in ids}
    week_ago = {i: utc_iso(local_moment(study_day(now, s) - timedelta(days=WEEK), s.rollover_hour, s.zone()))
                for i, s in settings.items()}
    then = sql.backlog_at(db, ids, banks, week_ago)
    rows, recalls = [], []
    for learner_id, name in students:
        s = settings[learner_id]
        scheduler = Scheduler(s, learner_parameters(db, learner_id))
        moment = local_moment(exam, s.rollover_hour, s.zone()) if exam else now
        per_fact = _fact_recalls(facts, cards[learner_id], scheduler, moment)
        recalls.append(per_fact)
        rows.append(_student(name, s, now, hours[learner_id], cards[learner_id], facts, per_fact, then[learner_id],
                             idle_days))
    return ClassProgress(
        class_name=class_name, bank=bank, banks=banks, exam=exam, today=today, idle_after=idle_days,
        known_at=KNOWN_AT, students=tuple(rows), facts=_class_facts(facts, recalls),
    )


def _facts(db: Database, names: list[str], *, strict: bool, kinds: Collection[str] | None = None) -> list[_Fact]:
    """The banks' facts in bank order, each with the kinds it asks (its cards; of `kinds` only, a
    fact asking none of them left out); a bank that no longer loads is left out unless it was
    asked for by name."""
    found = []
    for name in names:
        try:
            loaded = get_bank(db, name)
        except QuizError:
            if strict:
                raise
            continue
        for fact in loaded.facts:
            asked = tuple(str(k) for k in kinds_for(fact) if kinds is None or str(k) in kinds)
            if asked:
                found.append(_Fact(name, fact.id, fact.statement(), asked))
    return found


@dataclass(frozen=True)
class _Recall:
    """One fact for one student: its cards' recall summed, how many cards, studied, and known."""

    total: float
    cards: int
    studied: int
    known: bool

    @property
    def mean(self) -> float:
        return self.total / self.cards if self.cards else 0.0


def _fact_recalls(facts: list[_Fact], cards: list[sql.CardRow], scheduler: Scheduler,
                  moment: datetime) -> list[_Recall]:
    """Per fact (in `facts` order): its cards' predicted recall at `moment` (0 for a card never studied)."""
    by_key = {(c.bank, c.fact_id, c.kind): scheduler.predicted_recall(c, moment) for c in cards}
    found = []
    for fact in facts:
        values = [by_key.get((fact.bank, fact.fact_id, kind), 0.0) for kind in fact.kinds]
        found.append(_Recall(sum(values), len(values), sum(1 for v in values if v > 0),
                             bool(values) and min(values) >= KNOWN_AT))
    return found


def _weakest(facts: list[_Fact], per_fact: list[_Recall]) -> tuple[FactRecall, ...]:
    """The few facts with the lowest predicted recall (ties in bank order)."""
    order = sorted(range(len(facts)), key=lambda i: (per_fact[i].mean, i))[:WEAKEST]
    return tuple(FactRecall(facts[i].bank, facts[i].fact_id, facts[i].statement, round(per_fact[i].mean, 4),
                            per_fact[i].known) for i in order)


def _class_facts(facts: list[_Fact], recalls: list[list[_Recall]]) -> tuple[FactProgress, ...]:
    """Every fact with the class's mean predicted recall (the students' fact recalls averaged), weakest first."""
    rows = []
    for i, fact in enumerate(facts):
        mine = [r[i] for r in recalls]
        mean = sum(r.mean for r in mine) / len(mine) if mine else 0.0
        rows.append(FactProgress(fact.bank, fact.fact_id, fact.statement, len(fact.kinds), round(mean, 4),
                                 sum(1 for r in mine if r.known), len(mine)))
    order = sorted(range(len(rows)), key=lambda i: (rows[i].class_recall, i))
    return tuple(rows[i] for i in order)


def _student(
    name: str, s: Settings, now: datetime, hours: list[tuple[str, str, int, int]], cards: list[sql.CardRow],
    facts: list[_Fact], per_fact: list[_Recall], backlog_then: int, idle_after: int,
) -> StudentProgress:
    today = study_day(now, s)
    to_local = HourMap(s.zone(), s.rollover_hour)
    per_day: dict[date, int] = defaultdict(int)
    asked = passed = 0
    for hour, category, reviews, ok in hours:
        day = to_local(hour)[0]
        per_day[day] += reviews
        if category in ("young", "mature") and today - day < timedelta(days=RETENTION_DAYS):
            asked += reviews
            passed += ok
    studied = sorted(d for d, n in per_day.items() if n)
    start = utc_iso(day_start(now, s))
    week_end = utc_iso(local_moment(today + timedelta(days=WEEK), s.rollover_hour, s.zone()))
    dues = [c.due for c in cards if c.state != State.NEW and not c.suspended and c.due is not None]
    backlog = sum(1 for due in dues if due < start)
    last = studied[-1] if studied else None
    idle = (today - last).days if last else None
    cards_in_bank = sum(r.cards for r in per_fact)
    flags = []
    if idle is None or idle >= idle_after:
        flags.append(Flag.IDLE)
    if backlog > backlog_then:
        flags.append(Flag.BACKLOG_GROWING)
    return StudentProgress(
        name=name,
        reviews_week=sum(n for d, n in per_day.items() if today - d < timedelta(days=WEEK)),
        due_week=sum(1 for due in dues if due < week_end),
        backlog=backlog, backlog_week_ago=backlog_then,
        streak=_streaks(studied, today)[0], last_studied=last, idle_days=idle,
        true_retention=round(passed / asked, 4) if asked else None, retention_reviews=asked,
        recall=round(sum(r.total for r in per_fact) / cards_in_bank, 4) if cards_in_bank else 0.0,
        facts_known=sum(1 for r in per_fact if r.known), facts=len(per_fact),
        cards_studied=sum(r.studied for r in per_fact), cards=cards_in_bank,
        weakest=_weakest(facts, per_fact), flags=tuple(flags),
    )
