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
    teacher_name: str | None = None  # `quiz --teacher NAME` / $QUIZ_TEACHER: who the host's CLI acts as
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
        """The teacher's door, opened now: for `--teacher NAME` if given, else `name` (who signs
        overrides; default: the user name). On a database with teachers, refused now (one line
        saying how to pick one) unless `--teacher` names a known one: the shell user is trusted."""
        door = self.teacher_accounts(name)
        # both refuse before the command runs: no --teacher once teachers exist, or an unknown one
        door.accounts.owner(self.teacher_name)
        return door

    def teacher_accounts(self, name: str | None = None) -> TeacherDoor:
        """The teacher's door with no teacher required: `quiz teacher …` manages the accounts."""
        from quiz.doors.teacher import TeacherDoor

        return self._opened(TeacherDoor(self.db_path, self.teacher_name or name, create_folder=self.create_folder))

    def student(self, address: str | None = None) -> StudentDoor:
        """The student's door, opened now: all a take app gets (`address`: a served tab's browser's)."""
        from quiz.doors.student import StudentDoor

        return self._opened(StudentDoor(self.db_path, create_folder=self.create_folder, address=address))

    def close(self) -> None:
        for door in self.opened:
            door.close()
        self.opened.clear()
