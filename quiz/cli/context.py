"""What every command gets from the group: the database path, and the door it needs opened on it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from quiz.doors.base import Door

if TYPE_CHECKING:  # each door is imported when a command asks for it: the take app loads only the student's
    from quiz.doors.learner import LearnerDoor
    from quiz.doors.student import StudentDoor
    from quiz.doors.teacher import TeacherDoor

D = TypeVar("D", bound=Door)


@dataclass
class AppContext:
    db_path: Path | str  # a SQLite file, or a postgresql:// URL
    create_folder: bool = True
    opened: list[Door] = field(default_factory=list)

    def _opened(self, door: D) -> D:
        self.opened.append(door)
        return door.open()

    def desk(self, learner: str | None = None) -> LearnerDoor:
        """The learner's door for `learner` (default: $QUIZ_LEARNER, else the user name), opened
        now so that a bad database is reported before the command does anything."""
        from quiz.doors.learner import LearnerDoor

        return self._opened(LearnerDoor(self.db_path, learner, create_folder=self.create_folder))

    def teacher(self, name: str | None = None) -> TeacherDoor:
        """The teacher's door (`name` signs overrides; default: the user name), opened now."""
        from quiz.doors.teacher import TeacherDoor

        return self._opened(TeacherDoor(self.db_path, name, create_folder=self.create_folder))

    def student(self, address: str | None = None) -> StudentDoor:
        """The student's door, opened now: all a take app gets (`address`: a served tab's browser's)."""
        from quiz.doors.student import StudentDoor

        return self._opened(StudentDoor(self.db_path, create_folder=self.create_folder, address=address))

    def close(self) -> None:
        for door in self.opened:
            door.close()
        self.opened.clear()
