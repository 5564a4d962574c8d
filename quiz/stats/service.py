"""`Statistics` (reached as `desk.statistics`): a learner's or a class's report, on one connection and clock."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from datetime import date, datetime
from typing import Protocol

from quiz.clock import Clock
from quiz.errors import ClassroomError, LearnerError, mention
from quiz.library.preferences import load_settings
from quiz.settings import Settings
from quiz.stats.compute import HARDEST, default_period, learner_report
from quiz.stats.model import (
    RETENTION_PERIODS,
    Bin,
    Calendar,
    ClassReport,
    Day,
    Forecast,
    Fsrs,
    Group,
    Hard,
    LearnerReport,
    PaperScore,
    Period,
    Retention,
    StudentRow,
    Tally,
    Today,
)
from quiz.store import Database
from quiz.store import stats as sql


class PaperSource(Protocol):
    """A learner's finished papers: (code, title, score, max, submitted) — `Classroom.attempts_for`."""

    def __call__(self, learner_name: str) -> list[tuple[str, str, float, int, datetime]]: ...


class Statistics:
    def __init__(self, db: Database, clock: Clock, default_learner: str,
                 papers: PaperSource | None = None, owner: int | None = None) -> None:
        """`owner`: the teacher whose classes `class_report` reaches (None: the machine's own)."""
        self.db, self.clock, self.default_learner = db, clock, default_learner
        self.papers = papers
        self.owner = owner

    def period(self, since: date | None = None, until: date | None = None, bank: str | None = None,
               learner: str | None = None) -> Period:
        """The period asked for, each end defaulting to the last twelve months in the learner's days."""
        default = default_period(self.clock(), self._settings(self._learner_id(learner)), bank)
        period = Period(since or default.since, until or default.until, bank)
        if period.since > period.until:
            raise LearnerError(f"{mention('since')} {period.since} is after {mention('until')} {period.until}")
        return period

    def learner(self, name: str | None = None, period: Period | None = None) -> LearnerReport:
        """One learner's statistics (LearnerError if there is no such learner)."""
        name = name or self.default_learner
        learner_id = self._require(name)
        settings = self._settings(learner_id)
        period = period or default_period(self.clock(), settings)
        return learner_report(self.db, learner_id, name, settings, self.clock(), period, self._papers(name))

    def class_report(self, class_name: str, period: Period | None = None,
                     progress: Callable[[int, int], None] | None = None) -> ClassReport:
        """Each student's statistics and the class's summed (ClassroomError if there is no such class)."""
        students = sql.class_students(self.db, class_name, self.owner)
        if students is None:
            raise ClassroomError(f"no class named '{class_name}'")
        reports = []
        for done, (learner_id, name) in enumerate(students):
            settings = self._settings(learner_id)
            wanted = period or default_period(self.clock(), settings)
            reports.append(learner_report(self.db, learner_id, name, settings, self.clock(), wanted,
                                          self._papers(name)))
            if progress is not None:
                progress(done + 1, len(students))
        rows = tuple(_student_row(r) for r in reports)
        total = summed(class_name, reports, period or default_period(self.clock(), self._settings(None)))
        return ClassReport(class_name, rows, total)

    def _learner_id(self, name: str | None) -> int | None:
        if name is None:
            return sql.learner_row(self.db, self.default_learner)
        return self._require(name)

    def _require(self, name: str) -> int:
        found = sql.learner_row(self.db, name)
        if found is None:
            raise LearnerError(
                f"no learner named '{name}' yet: study first (`quiz study`), or name one with {mention('learner')} "
                "(see `quiz learner list`)",
            )
        return found

    def _settings(self, learner_id: int | None) -> Settings:
        return load_settings(self.db, learner_id) if learner_id is not None else Settings()

    def _papers(self, name: str) -> tuple[PaperScore, ...]:
        if self.papers is None:
            return ()
        return tuple(PaperScore(*row) for row in self.papers(name))


def _student_row(report: LearnerReport) -> StudentRow:
    retained = sum(d.retained for d in report.days)
    asked = sum(d.young + d.mature for d in report.days)
    return StudentRow(report.name, report.reviews, Tally(asked, retained).rate, report.mastery,
                      report.calendar.current_streak, report.last_studied, report.papers)


def summed(name: str, reports: list[LearnerReport], period: Period) -> LearnerReport:
    """A class's statistics: every count the sum of its students' (days by date, hours by local hour)."""
    days: dict[date, list[float]] = defaultdict(lambda: [0] * 7)
    for report in reports:
        for d in report.days:
            total = days[d.day]
            for i, value in enumerate((d.learning, d.young, d.mature, d.relearning, d.passed, d.time_s, d.retained)):
                total[i] += value
    series = tuple(Day(day, int(v[0]), int(v[1]), int(v[2]), int(v[3]), int(v[4]), v[5], int(v[6])) for day, v in sorted(days.items())
                   if period.since <= day <= period.until)
    due: dict[date, int] = defaultdict(int)
    studied: dict[date, int] = defaultdict(int)
    hard: dict[tuple[str, str], Hard] = {}
    for report in reports:
        for day, count in report.forecast.days:
            due[day] += count
        for day, count in report.calendar.days:
            studied[day] += count
        for h in report.hardest:
            seen = hard.get((h.bank, h.fact_id))
            hard[(h.bank, h.fact_id)] = h if seen is None else Hard(
                h.bank, h.fact_id, h.statement, seen.lapses + h.lapses,
                _lowest(seen.retrievability, h.retrievability), seen.leech or h.leech)
    first = reports[0] if reports else None
    today = first.today.day if first else period.until
    return LearnerReport(
        name=name, period=period, timezone=first.timezone if first else "",
        today=Today(today, *(sum(getattr(r.today, f) for r in reports) for f in
                             ("reviews", "passed", "time_s", "new", "learning", "review", "relearning"))),
        days=series,
        retention=tuple(Retention(label, sum((r.retention_for(label).young for r in reports), Tally()),
                                  sum((r.retention_for(label).mature for r in reports), Tally()))
                        for label in RETENTION_PERIODS),
        forecast=Forecast(tuple(sorted(due.items())), sum(r.forecast.daily_load for r in reports)),
        calendar=Calendar(tuple(sorted(studied.items())), max((r.calendar.current_streak for r in reports), default=0),
                          max((r.calendar.longest_streak for r in reports), default=0)),
        hourly=tuple(sum((r.hourly[h] for r in reports), Tally()) for h in range(24)),
        fsrs=_summed_fsrs([r.fsrs for r in reports]),
        desired_retention=first.desired_retention if first else Settings().desired_retention,
        hardest=tuple(sorted(hard.values(), key=lambda h: (-h.lapses, h.retrievability or 0, h.bank, h.fact_id))[:HARDEST]),
        leeches=sum(r.leeches for r in reports),
        last_studied=max((r.last_studied for r in reports if r.last_studied), default=None),
    )


def _lowest(a: float | None, b: float | None) -> float | None:
    return b if a is None else a if b is None else min(a, b)


def _summed_fsrs(parts: list[Fsrs]) -> Fsrs:
    def bins(which: str) -> tuple[Bin, ...]:
        if not parts:
            return ()
        labels = [b.label for b in getattr(parts[0], which)]
        return tuple(Bin(label, sum(getattr(p, which)[i].cards for p in parts)) for i, label in enumerate(labels))

    def groups(which: str) -> tuple[Group, ...]:
        total: dict[str, list[float]] = defaultdict(lambda: [0, 0, 0.0, 0])
        for p in parts:
            for g in getattr(p, which):
                t = total[g.name]
                t[0] += g.cards
                t[1] += g.answered
                t[2] += g.known
                t[3] += g.mastered
        return tuple(Group(n, int(v[0]), int(v[1]), v[2], int(v[3])) for n, v in sorted(total.items()))

    return Fsrs(bins("stability"), bins("difficulty"), bins("retrievability"), sum(p.known for p in parts),
                groups("by_bank"), groups("by_kind"))
