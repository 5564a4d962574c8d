"""The statistics' value types: frozen dataclasses, each with the JSON shape `quiz stats --json` prints."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

CSV_COLUMNS = ("date", "reviews", "learning", "young", "mature", "relearning", "passed", "time_s",
               "true_retention")
CATEGORIES = ("learning", "young", "mature", "relearning")
RETENTION_PERIODS = ("today", "yesterday", "week", "month", "year", "all")


def rate(passed: int, total: int) -> float | None:
    return round(passed / total, 4) if total else None


@dataclass(frozen=True)
class Period:
    """Study days from `since` to `until`, both included, in the learner's zone; optionally one bank."""

    since: date
    until: date
    bank: str | None = None

    def days(self) -> int:
        return (self.until - self.since).days + 1

    def to_dict(self) -> dict[str, Any]:
        return {"since": self.since.isoformat(), "until": self.until.isoformat(), "bank": self.bank}


@dataclass(frozen=True)
class Today:
    day: date
    reviews: int = 0
    passed: int = 0
    time_s: float = 0.0
    new: int = 0
    learning: int = 0
    review: int = 0
    relearning: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {"date": self.day.isoformat(), "reviews": self.reviews, "passed": self.passed,
                "pass_rate": rate(self.passed, self.reviews), "time_s": round(self.time_s, 1),
                "new": self.new, "learning": self.learning, "review": self.review, "relearning": self.relearning}


@dataclass(frozen=True)
class Day:
    """One study day's reviews by type (Anki's): learning, young, mature, relearning."""

    day: date
    learning: int = 0
    young: int = 0
    mature: int = 0
    relearning: int = 0
    passed: int = 0
    time_s: float = 0.0
    retained: int = 0  # of the young and mature reviews, those passed (true retention)

    @property
    def reviews(self) -> int:
        return self.learning + self.young + self.mature + self.relearning

    @property
    def retention(self) -> float | None:
        return rate(self.retained, self.young + self.mature)

    def to_dict(self) -> dict[str, Any]:
        return {"date": self.day.isoformat(), "learning": self.learning, "young": self.young,
                "mature": self.mature, "relearning": self.relearning, "reviews": self.reviews,
                "passed": self.passed, "time_s": round(self.time_s, 1), "true_retention": self.retention}


@dataclass(frozen=True)
class Tally:
    reviews: int = 0
    passed: int = 0

    def __add__(self, other: Tally) -> Tally:
        return Tally(self.reviews + other.reviews, self.passed + other.passed)

    @property
    def rate(self) -> float | None:
        return rate(self.passed, self.reviews)

    def to_dict(self) -> dict[str, Any]:
        return {"reviews": self.reviews, "passed": self.passed, "rate": self.rate}


@dataclass(frozen=True)
class Retention:
    """A row of Anki's true-retention table: review cards' first review in a day, passed or not."""

    period: str
    young: Tally
    mature: Tally

    @property
    def total(self) -> Tally:
        return self.young + self.mature

    def to_dict(self) -> dict[str, Any]:
        return {"period": self.period, "young": self.young.to_dict(), "mature": self.mature.to_dict(),
                "total": self.total.to_dict()}


@dataclass(frozen=True)
class Forecast:
    """Cards due on each of the next days (overdue ones today) and the average daily load."""

    days: tuple[tuple[date, int], ...]
    daily_load: float

    def to_dict(self) -> dict[str, Any]:
        return {"days": [{"date": d.isoformat(), "due": n} for d, n in self.days],
                "daily_load": round(self.daily_load, 1)}


@dataclass(frozen=True)
class Calendar:
    days: tuple[tuple[date, int], ...]  # study days in the period with their reviews
    current_streak: int
    longest_streak: int

    def to_dict(self) -> dict[str, Any]:
        return {"days": [{"date": d.isoformat(), "reviews": n} for d, n in self.days],
                "study_days": len(self.days), "current_streak": self.current_streak,
                "longest_streak": self.longest_streak}


@dataclass(frozen=True)
class Bin:
    label: str
    cards: int

    def to_dict(self) -> dict[str, Any]:
        return {"bin": self.label, "cards": self.cards}


@dataclass(frozen=True)
class Group:
    """Cards of one bank or kind: how many, answered, estimated known (sum of R), mastered (R ≥ desired)."""

    name: str
    cards: int
    answered: int
    known: float
    mastered: int

    @property
    def share(self) -> float | None:
        return round(self.mastered / self.cards, 4) if self.cards else None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "cards": self.cards, "answered": self.answered,
                "known": round(self.known, 1), "mastered": self.mastered, "share": self.share}


@dataclass(frozen=True)
class Fsrs:
    stability: tuple[Bin, ...]
    difficulty: tuple[Bin, ...]
    retrievability: tuple[Bin, ...]
    known: float
    by_bank: tuple[Group, ...]
    by_kind: tuple[Group, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"stability": [b.to_dict() for b in self.stability],
                "difficulty": [b.to_dict() for b in self.difficulty],
                "retrievability": [b.to_dict() for b in self.retrievability],
                "known": round(self.known, 1),
                "known_by_bank": {g.name: round(g.known, 1) for g in self.by_bank},
                "known_by_kind": {g.name: round(g.known, 1) for g in self.by_kind}}


@dataclass(frozen=True)
class Hard:
    bank: str
    fact_id: str
    statement: str
    lapses: int
    retrievability: float | None
    leech: bool

    def to_dict(self) -> dict[str, Any]:
        r = self.retrievability
        return {"bank": self.bank, "fact_id": self.fact_id, "statement": self.statement, "lapses": self.lapses,
                "retrievability": None if r is None else round(r, 4), "leech": self.leech}


@dataclass(frozen=True)
class PaperScore:
    code: str
    title: str
    score: float
    max: int
    submitted: datetime

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "title": self.title, "score": self.score, "max": self.max,
                "submitted": self.submitted.isoformat()}


@dataclass(frozen=True)
class LearnerReport:
    """Every statistic of one learner (or, summed, of a class) over a period."""

    name: str
    period: Period
    timezone: str
    today: Today
    days: tuple[Day, ...]  # every day of the period, oldest first
    retention: tuple[Retention, ...]
    forecast: Forecast
    calendar: Calendar
    hourly: tuple[Tally, ...]  # 24, by the local hour of day
    fsrs: Fsrs
    desired_retention: float
    hardest: tuple[Hard, ...]
    leeches: int
    papers: tuple[PaperScore, ...] = ()
    last_studied: date | None = None

    def retention_for(self, period: str) -> Retention:
        return next(r for r in self.retention if r.period == period)

    @property
    def reviews(self) -> int:
        return sum(day.reviews for day in self.days)

    @property
    def mastery(self) -> float | None:
        cards = sum(g.cards for g in self.fsrs.by_kind)
        return round(sum(g.mastered for g in self.fsrs.by_kind) / cards, 4) if cards else None

    def body(self) -> dict[str, Any]:
        """The JSON keys after `learner` / `class`."""
        return {
            "period": {**self.period.to_dict(), "timezone": self.timezone},
            "today": self.today.to_dict(),
            "reviews_per_day": [d.to_dict() for d in self.days],
            "true_retention": [r.to_dict() for r in self.retention],
            "forecast": self.forecast.to_dict(),
            "calendar": self.calendar.to_dict(),
            "hourly": [{"hour": h, **t.to_dict()} for h, t in enumerate(self.hourly)],
            "fsrs": self.fsrs.to_dict(),
            "mastery": {"desired_retention": self.desired_retention,
                        "share": self.mastery,
                        "by_kind": [g.to_dict() for g in self.fsrs.by_kind],
                        "by_bank": [g.to_dict() for g in self.fsrs.by_bank]},
            "hardest": {"facts": [h.to_dict() for h in self.hardest], "leeches": self.leeches},
            "papers": [p.to_dict() for p in self.papers],
        }

    def to_dict(self) -> dict[str, Any]:
        return {"learner": self.name, **self.body()}

    def to_csv(self) -> str:
        """The per-day series as CSV, ready for a spreadsheet: one row per study day (`CSV_COLUMNS`)."""
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(CSV_COLUMNS)
        for day in self.days:
            row = day.to_dict()
            writer.writerow(["" if row[c] is None else row[c] for c in CSV_COLUMNS])
        return out.getvalue()


@dataclass(frozen=True)
class StudentRow:
    """One row of the class view."""

    name: str
    reviews: int
    retention: float | None  # true retention over the period
    mastery: float | None
    streak: int
    last_studied: date | None
    papers: tuple[PaperScore, ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "reviews": self.reviews, "true_retention": self.retention,
                "mastery": self.mastery, "streak": self.streak,
                "last_studied": self.last_studied.isoformat() if self.last_studied else None,
                "papers": [p.to_dict() for p in self.papers]}

    def score_on(self, code: str) -> PaperScore | None:
        """The attempt at paper `code` that counts (the last finished, as the paper's results
        take it), or None when the student has not finished it."""
        return max((p for p in self.papers if p.code == code), key=lambda p: p.submitted, default=None)


@dataclass(frozen=True)
class ClassReport:
    name: str
    students: tuple[StudentRow, ...]
    total: LearnerReport  # the students' statistics summed

    @property
    def papers(self) -> tuple[tuple[str, str], ...]:
        """(code, title) of every paper a student finished, oldest first: the columns of a gradebook."""
        first: dict[str, tuple[datetime, str]] = {}
        for student in self.students:
            for paper in student.papers:
                if paper.code not in first or paper.submitted < first[paper.code][0]:
                    first[paper.code] = (paper.submitted, paper.title)
        return tuple((code, title) for code, (_, title) in sorted(first.items(), key=lambda kv: (kv[1][0], kv[0])))

    def to_csv(self) -> str:
        return self.total.to_csv()

    def to_dict(self) -> dict[str, Any]:
        return {"class": self.name, "students": [s.to_dict() for s in self.students], **self.total.body()}
