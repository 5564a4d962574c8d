"""Command palette: the app's own commands (study a bank, switch learner, browse, settings)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content

if TYPE_CHECKING:
    from quiz.tui.app import QuizApp


class QuizCommands(Provider):
    """Commands built from the current learner's banks and the other learners."""

    async def startup(self) -> None:
        """Read the banks and learners once per palette opening, not once per keystroke."""
        self.commands = self._commands()

    def _commands(self) -> list[tuple[str, Callable[[], None], str]]:
        app = cast("QuizApp", self.app)
        desk = app.desk
        commands: list[tuple[str, Callable[[], None], str]] = [
            ("Study all banks", partial(app.study, None), "Start a session on every bank"),
        ]
        for bank in desk.banks():
            commands.append(
                (f"Study {bank.title}", partial(app.study, bank.name), f"{bank.due} due, {bank.new} new")
            )
        commands += [
            ("Browse cards", app.action_browse, "Search and filter cards, suspend or unsuspend"),
            ("Settings", app.action_open_settings, "Daily limits, retention, options, mode mix, theme"),
            ("Personal scheduling", app.action_personal_scheduling,
             "Fit FSRS to your reviews; what each desired retention costs"),
            ("Paper results…", app.action_paper_results, "Grades and item analysis of a paper"),
            ("Statistics", app.action_stats, "Reviews per day, retention, forecast, calendar, hours, mastery"),
            *((f"Class statistics: {c.name}", partial(app.class_stats, c.name), "One row per student")
              for c in app.teacher.classroom.classes()),
            *((f"Class progress: {c.name}", partial(app.class_progress, c.name),
               "Homework view: this week, backlog, flags, predicted recall on an exam day")
              for c in app.teacher.classroom.classes()),
            ("Switch learner…", app.action_choose_learner, "Pick or add a learner"),
            ("Home", app.go_home, "Banks and counts"),
        ]
        for name in desk.learners():
            if name != desk.learner:
                commands.append(
                    (f"Switch learner to {name}", partial(app.switch_learner, name), "")
                )
        return commands

    async def discover(self) -> Hits:
        for name, callback, help_text in self.commands:
            yield DiscoveryHit(Content(name), callback, text=name, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, callback, help_text in self.commands:
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, _highlight(matcher, name), callback, text=name, help=help_text)


def _highlight(matcher: Matcher, name: str) -> Content:
    """The matched letters marked on the literal name (`Matcher.highlight` reads it as markup, and a
    bank's title is bank text)."""
    content = Content(name)
    for offset in matcher.fuzzy_search.match(matcher.query, name)[1]:
        if not name[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content
