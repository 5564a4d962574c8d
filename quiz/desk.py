"""Compatibility only: today's front ends use the doors (`quiz.doors`: a learner's, a teacher's, a
student's). `Desk` is a learner's door that also answers the teacher's `classroom`, `exports` and
`demo`, kept for the benchmarks (bench/) and for files still being changed by others; no front end
may import it. Remove it once nothing does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from quiz.doors.learner import LearnerDoor

if TYPE_CHECKING:
    from quiz.classroom.service import Classroom
    from quiz.demo import DemoResult
    from quiz.doors.teacher import TeacherDoor
    from quiz.exports.service import Exports

__all__ = ["Desk"]


def __getattr__(name: str) -> Any:
    """The value types the old desk re-exported, from the door that now has them."""
    import quiz.doors.learner as learner

    if name in learner.__all__:
        return getattr(learner, name)
    if name in ("EXPORT_FORMATS", "ExportSet", "Exports"):
        import quiz.doors.teacher as teacher

        return getattr(teacher, name)
    raise AttributeError(f"module 'quiz.desk' has no attribute {name!r}")


class Desk(LearnerDoor):
    """A learner's door with the teacher's door beside it, on one connection (the old shape)."""

    def _teacher(self) -> TeacherDoor:
        from quiz.doors.teacher import TeacherDoor  # when first asked: importing this module loads no teacher's door

        db = self.db
        door: TeacherDoor | None = getattr(self, "_teacher_door", None)
        if door is None or door._db is not db:
            door = self._teacher_door = TeacherDoor(self.db_path, self.learner, clock=self.clock,
                                                    create_folder=self.create_folder)
            door._db = db  # one connection, as before
        return door

    @property
    def classroom(self) -> Classroom:
        return self._teacher().classroom

    @property
    def exports(self) -> Exports:
        return self._teacher().exports

    def demo(self, **options: Any) -> DemoResult:
        from quiz.doors.teacher import TeacherDoor

        self.close()
        return TeacherDoor(self.db_path, self.learner, clock=self.clock).demo(**options)
