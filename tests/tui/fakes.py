"""A stand-in for the core's StudySession and Desk: the contract's shape with trivial rules."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta, timezone

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)


@dataclass(frozen=True)
class Q:
    fact_id: str
    kind: str
    mode: str
    prompt: str
    answer: str
    options: tuple[str, ...] = ()
    wording_id: str = "w1"
    accepted: tuple[str, ...] = ()
    note: str = "A note about the fact."
    source: str = "Somebody, A History (1970), p. 12"
    statement: str = ""


@dataclass(frozen=True)
class Item:
    card_id: int
    question: Q
    state: str = "new"


@dataclass(frozen=True)
class Fb:
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


@dataclass(frozen=True)
class Counts:
    new: int
    learning: int
    review: int


@dataclass(frozen=True)
class Summary:
    reviewed: int
    correct: int
    seconds: float
    next_due: datetime | None
    due_tomorrow: int


INTERVALS = {1: timedelta(minutes=1), 2: timedelta(minutes=6), 3: timedelta(minutes=10), 4: timedelta(days=3)}


def sample_items() -> list[Item]:
    return [
        Item(1, Q("f1", "date", "mc", "When did the Red Army enter Belgrade?", "20 October 1944",
                  ("14 September 1944", "20 October 1944", "4 November 1944"))),
        Item(2, Q("f2", "unit", "typed", "Which corps took Avala?", "4th Guards Mechanized Corps")),
        Item(3, Q("f3", "place", "cloze", "The front line ran along the ___ river.", "Morava")),
        Item(4, Q("f4", "date", "flip", "When did the offensive begin?", "28 September 1944"), "review"),
    ]


@dataclass
class FakeSession:
    items: list[Item] = field(default_factory=sample_items)
    pos: int = 0
    answered: list[tuple[int, Fb]] = field(default_factory=list)
    suspended: list[int] = field(default_factory=list)
    closed: bool = False

    @property
    def current(self) -> Item | None:
        return self.items[self.pos] if self.pos < len(self.items) else None

    def counts(self) -> Counts:
        left = self.items[self.pos:]
        return Counts(sum(i.state == "new" for i in left), 0, sum(i.state == "review" for i in left))

    def progress(self) -> tuple[int, int]:
        return len(self.answered), len(self.items)

    def preview(self) -> dict[int, timedelta]:
        return dict(INTERVALS)

    def _feedback(self, outcome: str, rating: int, given: str) -> Fb:
        q = self.current.question
        fb = Fb(outcome == "correct", outcome, "" if outcome == "correct" else "not the same date",
                rating, given, q.answer, q.note, q.source, NOW + INTERVALS[rating], INTERVALS[rating])
        self.answered.append((self.current.card_id, fb))
        return fb

    def answer(self, given: str, duration_ms=None) -> Fb:
        q = self.current.question
        if given.strip().lower() == q.answer.lower():
            return self._feedback("correct", 3, given)
        if given.strip().lower()[:4] == q.answer.lower()[:4]:
            return self._feedback("near_miss", 2, given)
        return self._feedback("wrong", 1, given)

    def rate(self, rating: int, duration_ms=None) -> Fb:
        return self._feedback("correct" if rating > 1 else "wrong", rating, "")

    def advance(self) -> Item | None:
        self.pos += 1
        return self.current

    def undo(self) -> bool:
        if not self.answered:
            return False
        card_id, _ = self.answered.pop()
        self.pos = next(i for i, it in enumerate(self.items) if it.card_id == card_id)
        return True

    def suspend_current(self) -> None:
        self.suspended.append(self.current.card_id)
        self.pos += 1

    def summary(self) -> Summary:
        return Summary(len(self.answered), sum(fb.correct for _, fb in self.answered), 75.0,
                       NOW + timedelta(minutes=10), 4)

    def close(self) -> None:
        self.closed = True


@dataclass(frozen=True)
class BankRow:
    name: str
    title: str
    new: int
    learning: int
    review: int
    due: int
    suspended: int


@dataclass(frozen=True)
class CardRow:
    card_id: int
    bank: str
    fact_id: str
    kind: str
    state: str
    statement: str
    due: datetime | None = None
    stability: float | None = None
    difficulty: float | None = None
    lapses: int = 0
    suspended: bool = False
    leech: bool = False


def make_fake_desk(db_path, learner="ana"):
    """A real Desk (settings, learners) whose session and counts come from the fakes."""
    from quiz.browse import CardDetail, Desk, LearnerStats

    class FakeDesk(Desk):
        def __init__(self):
            super().__init__(db_path, learner, clock=lambda: NOW, seed=1)
            self.sessions: list[FakeSession] = []
            self.cards_ = [
                CardRow(i.card_id, "belgrade", i.question.fact_id, i.question.kind, i.state, i.question.prompt)
                for i in sample_items()
            ]

        def banks(self):
            return [BankRow("belgrade", "Belgrade Offensive 1944", 3, 0, 1, 4, 0)]

        def stats(self):
            return LearnerStats(5, 2, 40)

        def session(self, bank=None):
            s = FakeSession()
            self.sessions.append(s)
            return s

        def cards(self, flt=None):
            rows = self.cards_
            if flt and flt.search:
                rows = [r for r in rows if flt.search.lower() in r.statement.lower()]
            if flt and flt.kind:
                rows = [r for r in rows if r.kind == flt.kind]
            return rows

        def card(self, card_id):
            row = next(r for r in self.cards_ if r.card_id == card_id)
            return CardDetail(row, [], None)

        def set_suspended(self, card_id, flag):
            self.cards_ = [replace(r, suspended=flag) if r.card_id == card_id else r for r in self.cards_]

    return FakeDesk()
