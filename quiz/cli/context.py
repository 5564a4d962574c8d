"""What every command gets from the group: the database path, and a desk opened on it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from quiz.desk import Desk


@dataclass
class AppContext:
    db_path: Path | str  # a SQLite file, or a postgresql:// URL
    create_folder: bool = True
    opened: list[Desk] = field(default_factory=list)

    def desk(self, learner: str | None = None) -> Desk:
        """A desk on the database for `learner` (default: $QUIZ_LEARNER, else the user name),
        opened now so that a bad database is reported before the command does anything."""
        desk = Desk(self.db_path, learner, create_folder=self.create_folder)
        self.opened.append(desk)
        return desk.open()

    def close(self) -> None:
        for desk in self.opened:
            desk.close()
        self.opened.clear()
