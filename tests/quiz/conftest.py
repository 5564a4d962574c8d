"""Fixtures for the study engine: a small bank, a movable clock, sessions on a temporary file."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from question_bank.banks.loader import load_bank_bytes
from question_bank.facts.entities import Catalog

SAMPLE = Path(__file__).with_name("sample_bank.toml")


def load_sample():
    return load_bank_bytes(SAMPLE.read_bytes(), str(SAMPLE), "toml", name="sample", catalog=Catalog())


class Clock:
    """A clock a test moves by hand: tz-aware UTC, never the real time."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kwargs: float) -> datetime:
        self.now += timedelta(**kwargs)
        return self.now


@pytest.fixture
def bank():
    return load_sample()


@pytest.fixture
def clock() -> Clock:
    # 10:00 UTC; tests pin the learner's timezone to UTC so "today" is predictable.
    return Clock(datetime(2026, 3, 2, 10, 0, tzinfo=UTC))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "quiz.db"


@pytest.fixture
def make_session(db_path, clock, bank):
    """Open sessions on the sample bank with the test clock; closes them at the end."""
    from quiz.learners import ensure_learner
    from quiz.session import StudySession
    from quiz.settings import save_settings
    from quiz.store import open_db

    opened = []

    def make(learner: str = "ann", seed: int = 1, settings: dict | None = None, **kwargs):
        db = open_db(db_path)
        person = ensure_learner(db, learner, clock)
        save_settings(db, person.id, timezone="UTC", **(settings or {}))
        db.close()
        kwargs.setdefault("bank_loader", lambda db, name: bank)
        kwargs.setdefault("bank_names", lambda db: ["sample"])
        session = StudySession(db_path, learner, kwargs.pop("bank", None), clock=clock, seed=seed, **kwargs)
        opened.append(session)
        return session

    yield make
    for session in opened:
        try:
            session.close()
        except Exception:
            pass


def fake_question(bank, fact, kind, mode, rng, n_options=3):
    """A predictable question: the answer is '<fact>/<kind>'; 'near' is a near miss."""
    from question_bank.questions.generate import Question

    answer = f"{fact.id}/{kind}"
    options = (answer, "wrong-1", "wrong-2", "wrong-3", "wrong-4")[:n_options] if str(mode) == "mc" else ()
    return Question(
        fact_id=fact.id, kind=kind, mode=mode, wording_id=f"w.{kind}.{rng.randint(1, 3)}",
        prompt=f"{kind} of {fact.id}?", answer=answer, accepted=(answer,), options=options,
        note="a note", source="a source", statement=fact.statement(),
    )


def fake_check(question, given: str) -> tuple[str, str]:
    if given == question.answer:
        return "correct", "Right."
    if given == "near":
        return "near_miss", "Close."
    return "wrong", f"The answer is {question.answer}."


@pytest.fixture
def fake_session(make_session):
    """Sessions with predictable questions and checking (the real ones are tested once, end to end)."""

    def make(**kwargs):
        kwargs.setdefault("question_maker", fake_question)
        kwargs.setdefault("checker", fake_check)
        return make_session(**kwargs)

    return make


def answer_right(session):
    return session.answer(session.current.question.answer)
