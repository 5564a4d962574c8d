"""A student's home (issue #21): homework due today, the class's open papers, their own progress.

Keys: s studies the homework (in the browser, judged by the checker), Enter on a paper takes it
(the personal code is not asked again), g joins a live game by its code, r reads it all again.
Only the signed-in student's data.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from quiz.doors.student import HomeworkDue, OpenPaper, OwnProgress
from quiz.errors import ClassroomError, QuizError

if TYPE_CHECKING:
    from quiz.tui.student_app import StudentApp

__all__ = ["StudentHomeScreen"]


class StudentHomeScreen(Screen[None]):
    BINDINGS = [
        Binding("s", "study", "Study homework"),
        Binding("g", "join_game", "Join live game"),
        Binding("r", "refresh", "Refresh"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="student-home"):
            yield Static(id="home-homework")
            yield Static("Open papers", classes="home-heading")
            yield OptionList(id="home-papers")
            yield Static(id="home-progress")
        yield Footer()

    @property
    def student_app(self) -> StudentApp:
        return cast("StudentApp", self.app)

    def on_mount(self) -> None:
        self.refresh_home()

    def on_screen_resume(self) -> None:
        self.refresh_home()

    def refresh_home(self) -> None:
        door = self.student_app.door
        who = door.student
        self.title = who.class_name
        self.sub_title = who.name
        self.homework = door.homework()
        self.query_one("#home-homework", Static).update(homework_text(self.homework))
        papers = self.query_one("#home-papers", OptionList)
        papers.clear_options()
        found = door.open_papers()
        papers.add_options(Option(paper_line(p), id=p.code) for p in found)
        if found:
            papers.highlighted = 0
            papers.display = True
            papers.focus()
        else:
            papers.display = False
        self.query_one(".home-heading", Static).update(
            "Open papers  (↑↓ choose, Enter takes it)" if found else "Open papers: none now")
        self.query_one("#home-progress", Static).update(progress_text(door.progress()))
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "study":
            return any(h.due_today or h.new_today for h in getattr(self, "homework", []))
        return True

    def action_refresh(self) -> None:
        self.refresh_home()

    def action_study(self) -> None:
        try:
            session = self.student_app.door.study_session()
        except QuizError as error:
            self.notify(str(error), severity="warning", markup=False)
            return
        if session.current is None:
            session.close()
            self.notify("Nothing to study now: come back later.", markup=False)
            return
        from quiz.tui.screens.student_study import StudentStudyScreen

        self.app.push_screen(StudentStudyScreen(session))

    def action_join_game(self) -> None:
        from quiz.tui.dialogs.game_code import GameCodeDialog

        self.app.push_screen(GameCodeDialog(), self.join_game)

    def join_game(self, code: str | None) -> None:
        """Join game `code` as the signed-in student (no personal code again) and play."""
        if code is None:
            return
        door = self.student_app.door
        try:
            view = door.live_join(code)
        except QuizError as error:
            self.notify(str(error), severity="warning", markup=False)
            return
        from quiz.tui.screens.live_play import LivePlayScreen

        self.app.push_screen(LivePlayScreen(door, view, door.student.name))

    @on(OptionList.OptionSelected, "#home-papers")
    def take(self, event: OptionList.OptionSelected) -> None:
        code = event.option.id
        if code is None:
            return
        try:
            view = self.student_app.door.take(code)
        except ClassroomError as error:
            self.notify(str(error), severity="warning", markup=False)
            self.refresh_home()
            return
        from quiz.tui.screens.take import TakeScreen

        self.app.push_screen(TakeScreen(view))


def homework_text(homework: list[HomeworkDue]) -> Text | Table:
    if not homework:
        return Text("No homework is set for your class.", style="dim")
    table = Table(title="Homework", title_justify="left", title_style="bold", expand=True, show_edge=False)
    table.add_column("Bank", ratio=3)
    table.add_column("Due today", justify="right")
    table.add_column("New today", justify="right")
    table.add_column("Learnt", justify="right")
    table.add_column("Exam", no_wrap=True)
    for h in homework:
        table.add_row(Text(h.bank), str(h.due_today), str(h.new_today), f"{h.learnt}/{h.total}",
                      h.exam.isoformat() if h.exam else "—")
    return table


def paper_line(paper: OpenPaper) -> Text:
    line = Text(f"{paper.code}  ", style="bold")
    line.append(paper.title)
    notes = [f"{paper.questions} questions"]
    if paper.in_progress:
        notes.append("in progress: Enter resumes")
    else:
        notes.append(f"{paper.attempts_left} attempt{'s' if paper.attempts_left != 1 else ''} left")
    if paper.time_limit_s:
        notes.append(f"{paper.time_limit_s // 60} min")
    line.append(f"  ({', '.join(notes)})", style="dim")
    return line


def progress_text(progress: OwnProgress) -> Text:
    text = Text("Your progress\n", style="bold")
    text.append(f"Answers today {progress.reviews_today} · this week {progress.reviews_week} · "
                f"days in a row {progress.streak}\n", style="not bold")
    if progress.total:
        text.append(f"Homework cards learnt {progress.learnt} of {progress.total}\n", style="not bold")
    if progress.exam is not None:
        recall = "—" if progress.exam_recall is None else f"{100 * progress.exam_recall:.0f}%"
        text.append(f"Predicted recall on the exam day ({progress.exam.isoformat()}): {recall}", style="not bold")
    return text
