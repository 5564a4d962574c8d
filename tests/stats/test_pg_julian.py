"""PostgreSQL keeps each card's `last_review` and `due` as Julian day numbers too (`*_jd`, migration
pg-julian-1) for the statistics: the migration numbers the cards it finds, every write after keeps
them, and they are julianday()'s numbers for the same text."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from quiz.store.migrations import migrate
from quiz.store.postgres.connection import PostgresDatabase
from tests.support.engines import fresh_postgres

pytestmark = pytest.mark.postgres
T1, T2 = "2026-03-01T10:00:00.250000+00:00", "2026-03-04T23:59:59.999999+00:00"
CARD = "INSERT INTO cards (learner_id, bank, fact_id, kind, created, last_review, due) VALUES (1, 'b', ?, 'date', ?, ?, ?)"
# (cards numbered, cards whose numbers are not julianday()'s)
NUMBERED = ("SELECT count(last_review_jd), count(*) FILTER (WHERE last_review_jd IS DISTINCT FROM julianday(last_review) "
            "OR due_jd IS DISTINCT FROM julianday(due)) FROM cards")


@pytest.fixture
def pg_url() -> Iterator[str]:
    yield from fresh_postgres()


def test_cards_before_and_after_the_migration_have_their_day_numbers(pg_url: str) -> None:
    db = PostgresDatabase(pg_url)
    try:
        migrate(db, stop_before="pg-julian-1")
        with db.write():
            db.execute("INSERT INTO learners (name, created) VALUES ('Ivo', ?)", [T1])
            db.execute(CARD, ["old", T1, T1, T2])
        migrate(db)
        assert db.execute(NUMBERED).fetchone() == (1, 0)
        with db.write():
            db.execute(CARD, ["new", T1, None, None])
            db.execute(CARD, ["answered", T1, T2, T2])
            db.execute("UPDATE cards SET last_review = ?, due = ? WHERE fact_id = 'old'", [T2, T1])
        assert db.execute(NUMBERED).fetchone() == (2, 0)
        (interval,) = db.execute("SELECT due_jd - last_review_jd FROM cards WHERE fact_id = 'old'").fetchone()
        assert interval == pytest.approx(-(3 + (13 * 3600 + 59 * 60 + 59.749999) / 86400), abs=1e-8)  # ~1 ms
    finally:
        db.close()
