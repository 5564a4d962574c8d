"""The homework view's value types: frozen dataclasses whose `to_dict` is `quiz class progress --json`.

What each figure means is `LEGEND`, shown by the command's --help, under its table and on the
screen, so the three never drift apart.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

KNOWN_AT = 0.9  # a card counts as known on a date when its predicted recall then is at least this
WEEK = 7
RETENTION_DAYS = 30
WEAKEST = 3

LEGEND = (
    ("done 7d", "reviews in the last 7 study days, today included"),
    ("due 7d", "cards due by the end of the 7th study day from today, backlog included"),
    ("backlog", "cards overdue now: due before today's study day began, not done"),
    ("streak", "consecutive study days up to today or yesterday"),
    ("retention", f"true retention over the last {RETENTION_DAYS} days: review cards' first "
                  "review of the day, share passed (– with no such review)"),
    ("recall", "predicted recall: mean FSRS retrievability of all the bank's cards (fact × kind) on "
               "the exam day (today without --exam), assuming no more study; a card never studied counts 0"),
    ("known", f"facts known / facts in the bank: a fact is known when every one of its cards has been "
              f"studied and its predicted recall is at least {KNOWN_AT:.0%}"),
    ("flags", "'idle Nd': not studied for N or more days (--idle-days); 'backlog↑': backlog now larger "
              "than at the start of the study day a week ago (rebuilt from the reviews)"),
)


def legend_text() -> str:
    return "\n".join(f"{name}: {meaning}." for name, meaning in LEGEND)


class Flag(StrEnum):
    IDLE = "not_studied"
    BACKLOG_GROWING = "backlog_growing"


def _pct(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


@dataclass(frozen=True)
class FactRecall:
    """One fact for one student: the mean predicted recall of its cards (0 for a card never studied)."""

    bank: str
    fact_id: str
    statement: str
    recall: float
    known: bool

    def to_dict(self) -> dict[str, Any]:
        return {"bank": self.bank, "fact_id": self.fact_id, "statement": self.statement,
                "recall": _pct(self.recall), "known": self.known}


@dataclass(frozen=True)
class StudentProgress:
    name: str
    reviews_week: int
    due_week: int
    backlog: int
    backlog_week_ago: int
    streak: int
    last_studied: date | None
    idle_days: int | None  # study days since the last one studied (None: never studied)
    true_retention: float | None
    retention_reviews: int
    recall: float
    facts_known: int
    facts: int
    cards_studied: int
    cards: int
    weakest: tuple[FactRecall, ...]
    flags: tuple[Flag, ...]

    def flag_words(self) -> list[str]:
        words = []
        for flag in self.flags:
            if flag is Flag.IDLE:
                words.append("never studied" if self.idle_days is None else f"idle {self.idle_days}d")
            else:
                words.append("backlog↑")
        return words

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name, "reviews_week": self.reviews_week, "due_week": self.due_week,
            "backlog": self.backlog, "backlog_week_ago": self.backlog_week_ago, "streak": self.streak,
            "last_studied": self.last_studied.isoformat() if self.last_studied else None,
            "days_since_studied": self.idle_days,
            "true_retention": _pct(self.true_retention), "retention_reviews": self.retention_reviews,
            "predicted_recall": _pct(self.recall),
            "facts_known": self.facts_known, "facts": self.facts,
            "cards_studied": self.cards_studied, "cards": self.cards,
            "weakest": [f.to_dict() for f in self.weakest],
            "flags": [str(f) for f in self.flags],
        }


@dataclass(frozen=True)
class FactProgress:
    """One fact across the class: mean predicted recall, and how many students know it."""

    bank: str
    fact_id: str
    statement: str
    cards: int  # kinds asked of it
    class_recall: float
    known_by: int
    students: int

    def to_dict(self) -> dict[str, Any]:
        return {"bank": self.bank, "fact_id": self.fact_id, "statement": self.statement, "cards": self.cards,
                "class_recall": _pct(self.class_recall), "known_by": self.known_by, "students": self.students}


CSV_COLUMNS = ("student", "reviews_7d", "due_7d", "backlog", "backlog_week_ago", "streak", "last_studied",
               "true_retention_30d", "predicted_recall", "facts_known", "facts", "flags", "weakest_facts")


@dataclass(frozen=True)
class ClassProgress:
    """A class's homework view of one bank (or every bank its students study) for a date."""

    class_name: str
    bank: str | None  # None: every bank the class has cards in (`banks`)
    banks: tuple[str, ...]
    exam: date | None  # None: predicted recall is for now
    today: date  # the teacher's study day
    idle_after: int
    known_at: float
    students: tuple[StudentProgress, ...]
    facts: tuple[FactProgress, ...]  # weakest first

    @property
    def fact_count(self) -> int:
        return len(self.facts)

    @property
    def card_count(self) -> int:
        return sum(f.cards for f in self.facts)

    @property
    def recall_on(self) -> str:
        return f"on the exam day {self.exam.isoformat()}" if self.exam else "now (no --exam given)"

    @property
    def class_recall(self) -> float | None:
        return round(sum(s.recall for s in self.students) / len(self.students), 4) if self.students else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "class": self.class_name, "bank": self.bank, "banks": list(self.banks),
            "exam": self.exam.isoformat() if self.exam else None,
            "recall_on": self.exam.isoformat() if self.exam else "now",
            "today": self.today.isoformat(), "idle_days": self.idle_after, "known_at": self.known_at,
            "facts_in_bank": self.fact_count, "cards_in_bank": self.card_count,
            "class_recall": self.class_recall,
            "students": [s.to_dict() for s in self.students],
            "facts": [f.to_dict() for f in self.facts],
            "legend": dict(LEGEND),
        }

    def to_csv(self) -> str:
        """One row per student (`CSV_COLUMNS`); flags and weakest facts joined by ';'."""
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(CSV_COLUMNS)
        for s in self.students:
            writer.writerow([
                _cell(s.name), s.reviews_week, s.due_week, s.backlog, s.backlog_week_ago, s.streak,
                s.last_studied.isoformat() if s.last_studied else "",
                "" if s.true_retention is None else round(s.true_retention, 4), round(s.recall, 4),
                s.facts_known, s.facts, ";".join(str(f) for f in s.flags),
                _cell(";".join(f.fact_id for f in s.weakest)),
            ])
        return out.getvalue()


def _cell(text: str) -> str:
    """A spreadsheet never runs a cell as a formula (as the exports do)."""
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text
