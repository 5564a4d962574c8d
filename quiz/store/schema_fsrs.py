"""The tables of personal scheduling (issue #15): each learner's fitted FSRS parameters."""

from __future__ import annotations

from quiz.store.engine import Database

FSRS_V1 = """
CREATE TABLE fsrs_parameters (
    learner_id INTEGER PRIMARY KEY REFERENCES learners(id) ON DELETE CASCADE,
    parameters TEXT NOT NULL,
    previous TEXT,
    fitted_at TEXT NOT NULL,
    reviews INTEGER NOT NULL,
    log_loss_default REAL NOT NULL,
    log_loss_fitted REAL NOT NULL,
    rmse_default REAL NOT NULL,
    rmse_fitted REAL NOT NULL
)
"""


def fsrs_v1(db: Database) -> None:
    """A learner's fitted parameters, the ones they replaced (so a fit can be undone), and the figures."""
    db.execute(FSRS_V1)
