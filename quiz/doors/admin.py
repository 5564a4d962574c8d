"""The administrator's door: whole databases, moved between engines (`quiz db copy`).

Not a learner's, teacher's or student's task: it opens two databases, neither of them the
front end's own, so it is a function over two locations rather than a `Door` on one.
"""

from __future__ import annotations

from pathlib import Path

from quiz.locations import db_location
from quiz.store.copying import CopyProgress, CopyResult, copy_database

__all__ = ["CopyProgress", "CopyResult", "copy"]


def copy(source: str | Path, target: str | Path, progress: CopyProgress | None = None) -> CopyResult:
    """Copy every table of `source` into the empty `target` (a SQLite file or a postgresql:// URL)."""
    return copy_database(db_location(source), db_location(target), progress)
