"""The study app: a home screen of banks, study sessions, a card browser and settings.

The app is handed a learner's door (`quiz.doors.learner.LearnerDoor`; the CLI builds it, tests
build one on a temporary database with a fixed clock and seed) and, for the palette's paper results
and class statistics, a teacher's door. Every screen reaches the core through its typed `desk`
(the learner's door) or `teacher` property.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterable

from textual.app import App, SystemCommand
from textual.screen import Screen

from quiz.doors.learner import LearnerDoor
from quiz.doors.teacher import TeacherDoor
from quiz.errors import QuizError
from quiz.tui.commands import QuizCommands
from quiz.tui.crash import OneLineCrash
from quiz.tui.screens.study import StudyScreen
from quiz.tui.theme import QUIZ_THEME

EXIT_AFTER_FIRST_QUESTION = "QUIZ_EXIT_AFTER_FIRST_QUESTION"
FIRST_QUESTION_MARKER = "QUIZ_FIRST_QUESTION"

class QuizApp(OneLineCrash, App[float | None]):
    """Spaced-repetition study in the terminal."""

    TITLE = "quiz"
    CSS_PATH = "app.tcss"
    COMMANDS = App.COMMANDS | {QuizCommands}
    SYSTEM_COMMANDS = ("Theme", "Quit")  # Textual's Keys, Maximize and Screenshot are not this app's

    def __init__(self, desk: LearnerDoor, *, teacher: TeacherDoor | None = None, bank: str | None = None) -> None:
        super().__init__()
        self.desk = desk
        self._teacher = teacher
        self.start_bank = bank
        self.exit_after_first_question = bool(os.environ.get(EXIT_AFTER_FIRST_QUESTION))
        self.register_theme(QUIZ_THEME)
        self._keep_theme = False  # True while a theme is set that is not the learner's choice
        self._set_start_theme(self._saved_theme() or "quiz")

    @property
    def teacher(self) -> TeacherDoor:
        """The teacher's door: as handed in, else one on the learner's database and clock, signed
        with the learner's name (made when first used)."""
        if self._teacher is None:
            desk = self.desk
            self._teacher = TeacherDoor(desk.db_path, desk.learner, clock=desk.clock, create_folder=desk.create_folder)
        return self._teacher

    def _set_start_theme(self, name: str) -> None:
        """Set the theme before anything is styled. Assigning `self.theme` would also queue a full
        CSS re-parse for just after start-up (about 20 ms before the first question); with nothing
        parsed yet, the new variables and classes are enough. A theme of the other darkness also
        needs the ANSI colour filter changed, so it goes the usual way."""
        theme = self.get_theme(name)
        if theme is None or theme.dark != self.current_theme.dark:
            self.show_theme(name)
            return
        self.set_reactive(QuizApp.theme, name)
        self.stylesheet.set_variables(self.get_css_variables())
        self.set_class(True, f"-theme-{name}", update=False)

    def _saved_theme(self) -> str | None:
        name = self.desk.settings().theme
        return name if name in self.available_themes else None

    def show_theme(self, name: str) -> None:
        """Show a theme without saving it (a preview, or the learner's own saved one)."""
        self._keep_theme = True
        try:
            self.theme = name
        finally:
            self._keep_theme = False

    def watch_theme(self, name: str) -> None:
        """A theme chosen anywhere (the command palette too) is the learner's from now on."""
        if self._keep_theme or not self.is_running or name == self._saved_theme():
            return
        try:
            self.desk.save_settings(theme=name)
        except QuizError as error:
            self.notify(str(error), title="Theme not saved", severity="error", markup=False)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Only the palette's commands that belong in this app: the theme and quitting."""
        return (c for c in super().get_system_commands(screen) if c.title in self.SYSTEM_COMMANDS)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Once quitting, no key opens anything more (a screen mounted now would find no widgets)."""
        return not self._exit

    def on_mount(self) -> None:
        """Straight into a session when a bank was named (home comes after it), else home."""
        if self.start_bank is not None:
            self.study(self.start_bank)
            return
        from quiz.tui.screens.home import HomeScreen

        self.push_screen(HomeScreen())
        if self.exit_after_first_question:
            self.study(None)

    # -- navigation used by screens and the command palette ------------------------------------
    def study(self, bank: str | None) -> None:
        """Open a session on one bank (None: every bank) and show its first question; with nothing
        to study now, say why (and offer more new cards) instead of an empty session."""
        try:
            session = self.desk.session(bank)
        except QuizError as error:  # the store refused (a full disk, a busy file): say so, stay home
            from quiz.tui.screens.home import HomeScreen

            if not any(isinstance(s, HomeScreen) for s in self.screen_stack):
                self.push_screen(HomeScreen())  # started with --bank: home is where it goes
            self.notify(str(error), title="Cannot study now", severity="error", timeout=8, markup=False)
            return
        if session.current is None and not self.exit_after_first_question:
            session.close()
            self.nothing_to_study(bank)
            return
        self.push_screen(StudyScreen(session, bank))

    def nothing_to_study(self, bank: str | None) -> None:
        from quiz.tui.dialogs.nothing import EXTRA, NothingToStudyScreen
        from quiz.tui.screens.home import HomeScreen

        desk = self.desk
        reason = desk.nothing_to_study(bank) or "Nothing is due now."
        waiting = sum(b.new for b in desk.banks() if bank is None or b.name == bank)

        def answer(more: bool | None) -> None:
            if more:
                desk.study_more(bank, EXTRA)
                self.study(bank)

        if not any(isinstance(s, HomeScreen) for s in self.screen_stack):
            self.push_screen(HomeScreen())  # started with --bank: home is where Back goes
        self.push_screen(NothingToStudyScreen(reason, offer_more=waiting > 0), answer)

    # Home (with --bank), browse, settings and the learner dialog are imported when first opened:
    # start-up time.
    def action_browse(self) -> None:
        from quiz.tui.screens.browse import BrowseScreen

        self.push_screen(BrowseScreen())

    def action_open_settings(self) -> None:
        from quiz.tui.screens.settings import SettingsScreen

        self.push_screen(SettingsScreen())

    def action_stats(self) -> None:
        from quiz.tui.screens.stats import StatsScreen

        self.push_screen(StatsScreen())

    def class_stats(self, name: str) -> None:
        from quiz.tui.screens.stats import ClassStatsScreen

        self.push_screen(ClassStatsScreen(name))

    def class_progress(self, name: str) -> None:
        """The teacher's homework view of a class (the numbers of `quiz class progress`)."""
        from quiz.tui.screens.progress import ProgressScreen

        self.push_screen(ProgressScreen(name))

    def action_personal_scheduling(self) -> None:
        from quiz.tui.screens.scheduling import SchedulingScreen

        self.push_screen(SchedulingScreen())

    def action_paper_results(self) -> None:
        """Pick a paper, then its grades and item analysis (the numbers of `quiz paper results`)."""
        from quiz.tui.screens.results import PaperPickerScreen, ResultsScreen

        def show(code: str | None) -> None:
            if code:
                self.push_screen(ResultsScreen(code))

        self.push_screen(PaperPickerScreen(), show)

    def action_choose_learner(self) -> None:
        from quiz.tui.screens.learner import LearnerScreen

        self.push_screen(LearnerScreen(), self.switch_learner)

    def switch_learner(self, name: str | None) -> None:
        if not name or name == self.desk.learner:
            return
        try:
            desk = self.desk.for_learner(name)
        except QuizError as error:  # the dialog checks names first; the palette's come from the list
            self.notify(str(error), title="Learner not changed", severity="error", markup=False)
            return
        self.desk = desk
        self.show_theme(self._saved_theme() or self.theme)
        self.go_home()
        self.notify(f"Studying as {desk.learner}", markup=False)

    def go_home(self) -> None:
        """Back to the home screen (made now if the app started in a session), counts refreshed."""
        from quiz.tui.screens.home import HomeScreen  # not needed for a session's first question

        if not any(isinstance(s, HomeScreen) for s in self.screen_stack):
            self.switch_screen(HomeScreen())
            return
        while not isinstance(self.screen, HomeScreen):
            self.pop_screen()
        self.screen.refresh_data()

    def first_question_shown(self) -> None:
        """Start-up benchmark hook: leave as soon as the first question has been painted."""
        if self.exit_after_first_question:
            self.exit(time.time())

    def on_unmount(self) -> None:
        self.desk.close()
        if self._teacher is not None:
            self._teacher.close()
