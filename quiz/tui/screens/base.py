"""What every screen of the app shares: typed access to the app and its desk."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, cast

from textual.screen import Screen

from quiz.doors.teacher import TeacherDoor

if TYPE_CHECKING:  # the learner's door is the study app's: a teacher's tab never loads it
    from quiz.doors.learner import LearnerDoor
    from quiz.tui.app import QuizApp


class DeskAccess:
    """`self.quiz` is the running `QuizApp`, `self.desk` its learner's door and `self.teacher` its
    teacher's (the only ways into the core)."""

    @property
    def quiz(self) -> QuizApp:
        return cast("QuizApp", cast(Screen, self).app)

    @property
    def desk(self) -> LearnerDoor:
        return self.quiz.desk

    @property
    def teacher(self) -> TeacherDoor:
        return self.quiz.teacher

    @property
    def quitting(self) -> bool:
        """The app is on its way out: a key pressed now must not touch widgets being removed."""
        return bool(getattr(cast(Screen, self).app, "_exit", False))


class QuizScreen(DeskAccess, Screen[None]):
    """A full screen of the app."""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return not self.quitting


class TeacherHost(Protocol):
    """An app that hands its screens a teacher's door: the study app, and a served teacher tab."""

    @property
    def teacher(self) -> TeacherDoor: ...


class TeacherScreen(Screen[None]):
    """A screen that needs the teacher's door and nothing else (the homework view), so it runs in
    the study app and in a teacher's browser tab alike."""

    @property
    def teacher(self) -> TeacherDoor:
        return cast(TeacherHost, self.app).teacher

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return not getattr(self.app, "_exit", False)
