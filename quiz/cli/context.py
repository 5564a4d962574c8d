"""What every command gets from the group: the database path, opened lazily."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass
class AppContext:
    db_path: Path
