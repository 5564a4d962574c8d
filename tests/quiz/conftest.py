"""Fixtures for the study engine: sessions on the sample bank, with real or predictable questions."""

from __future__ import annotations

import pytest

from tests.support.banks import load_sample
from tests.support.fakes import fake_check, fake_question


@pytest.fixture
def bank():
    return load_sample()


@pytest.fixture
def make_session(db_path, clock, bank):
    """Open sessions on the sample bank with the test clock; closes them at the end."""
    from quiz.library.learners import ensure_learner
    from quiz.library.preferences import save_settings
    from quiz.store import open_db
    from quiz.study.session import StudySession

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


@pytest.fixture
def fake_session(make_session):
    """Sessions with predictable questions and checking (the real ones are tested once, end to end)."""

    def make(**kwargs):
        kwargs.setdefault("question_maker", fake_question)
        kwargs.setdefault("checker", fake_check)
        return make_session(**kwargs)

    return make
