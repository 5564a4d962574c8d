"""A review history written straight into a database, as the store keeps it, for tests that need a
long one (personal scheduling) without answering thousands of questions."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from quiz.library.learners import ensure_learner
from quiz.library.preferences import save_settings
from quiz.scheduling.optimize import CardHistory
from quiz.store import open_db


def store_history(db_path: Path | str, cards: list[CardHistory], learner_name: str = "ann") -> None:
    """The simulated history as the store keeps it: cards in review state, one review row a day."""
    db = open_db(db_path)
    learner = ensure_learner(db, learner_name)
    save_settings(db, learner.id, timezone="UTC")
    cards_rows, review_rows = [], []
    for card in cards:
        last = datetime.combine(card.days[-1][0], datetime.min.time(), UTC) + timedelta(hours=9)
        cards_rows.append([card.card_id, learner.id, f"f{card.card_id}", (last + timedelta(days=5)).isoformat(),
                           last.isoformat(), len(card.days), last.isoformat()])
        for index, (day, rating) in enumerate(card.days):
            at = datetime.combine(day, datetime.min.time(), UTC) + timedelta(hours=9)
            review_rows.append([card.card_id, learner.id, at.isoformat(timespec="microseconds"), rating,
                                "new" if index == 0 else "review"])
    with db.write():  # either engine: db_path may be a PostgreSQL URL
        db.execute(
            "INSERT INTO banks (name, title, origin, format, source_text, imported_at) "
            "VALUES ('sim', 'Simulated', 'imported', 'toml', '', '2026-01-01T00:00:00.000000+00:00')"
        )
        db.executemany(
            "INSERT INTO cards (id, learner_id, bank, fact_id, kind, state, stability, difficulty, due, "
            "last_review, reps, created) VALUES (?, ?, 'sim', ?, 'date', 'review', 5.0, 5.0, ?, ?, ?, ?)",
            cards_rows,
        )
        db.executemany(
            "INSERT INTO reviews (card_id, learner_id, reviewed_at, rating, mode, verdict, state_before, "
            "state_after, reps_before, reps_after, lapses_before, lapses_after, leech_before, leech_after, "
            "suspended_before, suspended_after) VALUES (?, ?, ?, ?, 'mc', 'correct', ?, 'review', 0, 1, "
            "0, 0, 0, 0, 0, 0)",
            review_rows,
        )
    db.close()
