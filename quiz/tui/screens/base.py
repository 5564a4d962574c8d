"""What every screen of the app shares: typed access to the app and its desk."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual.screen import Screen

from quiz.doors.learner import LearnerDoor
from quiz.doors.teacher import TeacherDoor

if TYPE_CHECKING:
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
