"""What a student's home shows of their own study (issue #21): the homework due today and their
progress, read from the store for one learner. The student's door stands on this; it reads the
homework rows itself (`quiz.homework` is the teacher's: setting and reporting on a class)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from quiz.library.preferences import load_settings
from quiz.scheduling.exam import exam_start
from quiz.scheduling.fsrs import Scheduler
from quiz.settings import day_start, next_day_start
from quiz.store import Database
from quiz.store import homework as rows
from quiz.store.fitting import learner_parameters
from quiz.store.progress import class_cards
from quiz.store.reviews import learner_stats, reviews_since


@dataclass(frozen=True)
class HomeworkDue:
    """One active homework of the student's class, as it stands for them today."""

    id: int
    bank: str
    kinds: tuple[str, ...]
    exam: date | None
    due_today: int  # cards studied before and due by the end of today
    new_today: int  # new cards the pace still allows today
    learnt: int  # cards studied at least once
    total: int


@dataclass(frozen=True)
class OwnProgress:
    """The student's own progress: answers today and this week, study days in a row, and for the
    homework with an exam, the predicted recall on its day: FSRS's retrievability then, averaged
    over all its cards, one never answered counting 0 (None: no exam, or no cards)."""

    reviews_today: int
    reviews_week: int
    streak: int
    learnt: int
    total: int
    exam: date | None
    exam_recall: float | None


def homework_due(db: Database, learner_id: int, now: datetime) -> list[HomeworkDue]:
    settings = load_settings(db, learner_id)
    start, end = day_start(now, settings), next_day_start(now, settings)
    found = []
    for row in rows.learner_homework(db, learner_id):
        learnt, total, due = rows.homework_cards(db, learner_id, row.bank, row.kinds, end)
        pace = settings.new_per_day if row.daily is None else row.daily
        new_today = max(0, min(pace - rows.new_started_since(db, learner_id, row.bank, row.kinds, start), total - learnt))
        found.append(HomeworkDue(row.id, row.bank, row.kinds, date.fromisoformat(row.exam) if row.exam else None,
                                 due, new_today, learnt, total))
    return found


def own_progress(db: Database, learner_id: int, now: datetime) -> OwnProgress:
    settings = load_settings(db, learner_id)
    today, streak, _ = learner_stats(db, learner_id, now, settings)
    week = reviews_since(db, learner_id, day_start(now - timedelta(days=6), settings))
    homework = homework_due(db, learner_id, now)
    learnt, total = sum(h.learnt for h in homework), sum(h.total for h in homework)
    exams = sorted((h for h in homework if h.exam is not None), key=lambda h: h.exam or date.max)
    if not exams:
        return OwnProgress(today, week, streak, learnt, total, None, None)
    first = exams[0]
    assert first.exam is not None
    at = exam_start(first.exam, settings)
    scheduler = Scheduler(settings, learner_parameters(db, learner_id))
    # As the teacher's view counts it: every card of the homework, one never answered as 0.
    recalls = [scheduler.predicted_recall(card, at) for card in class_cards(db, [learner_id], [first.bank])
               if card.kind in first.kinds]
    recall = sum(recalls) / len(recalls) if recalls else None
    return OwnProgress(today, week, streak, learnt, total, first.exam, recall)
