"""A paper's results for the teacher: grades per student, item analysis per question, the summary.

The numbers are the door's `classroom.results(code)`, the same `PaperResults` whose `to_dict()`
`quiz paper results --json` prints, formatted here and nowhere computed: a screen and the command
cannot disagree.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import DataTable, Footer, Header, OptionList, Static, TabbedContent, TabPane
from textual.widgets.option_list import Option

from quiz.errors import ClassroomError
from quiz.model import Outcome
from quiz.tui.format import duration, verdict_word
from quiz.tui.screens.base import DeskAccess, QuizScreen

if TYPE_CHECKING:
    from quiz.classroom.report import ItemResult, PaperResults, StudentResult

FLAG_LABELS = {
    "unchosen_distractor": "distractor nobody chose",
    "negative_discrimination": "negative discrimination",
}
VERDICT_MARKS = {Outcome.CORRECT: "✓", Outcome.WRONG: "✗", Outcome.NEAR_MISS: "≈", Outcome.UNANSWERED: "—"}
BARS = " ▁▂▃▄▅▆▇█"


def number(value: float | None, places: int = 2) -> str:
    """A statistic as the screen shows it; None (undefined: no spread) is a dash."""
    if value is None:
        return "—"
    return f"{value:.{places}f}"


def flags_of(item: ItemResult) -> list[str]:
    return [FLAG_LABELS.get(flag, flag) for flag in item.flags]


def roster_line(waiting: list[tuple[str, bool]]) -> Text:
    """Who is still writing and who has not started: a student with an open attempt is in progress,
    never "not taken"."""
    working = [name for name, started in waiting if started]
    absent = [name for name, started in waiting if not started]
    line = Text()
    for label, names in (("in progress: ", working), ("not taken: ", absent)):
        if names:
            if line:
                line.append(" · ", style="dim")
            line.append(label, style="bold")
            line.append(", ".join(names))
    return line


def histogram(counts: list[int]) -> Text:
    """Scores 0 … max as a row of bars, the count under each."""
    top = max(counts, default=0)
    line = Text("scores ")
    for score, count in enumerate(counts):
        level = round(count / top * (len(BARS) - 1)) if top else 0
        line.append(BARS[level] if count else "·", style="bold" if count else "dim")
        if score < len(counts) - 1:
            line.append(" ")
    line.append(f"   (0 … {len(counts) - 1})", style="dim")
    return line


class ResultsScreen(QuizScreen):
    """Students (score, time, each answer) and items (facility, discrimination, options)."""

    DEFAULT_CSS = """
    #results { padding: 0 1; }
    #results-summary { height: auto; margin-top: 1; }
    #results-histogram { height: auto; margin-bottom: 1; }
    #results-tabs { height: 1fr; }
    #results-tabs DataTable { height: 1fr; }
    #results-detail-box { height: 1fr; border-top: solid $primary 50%; }
    """

    AUTO_FOCUS = "#results-students"  # arrows move the highlighted student at once, and `o` acts on that one
    BINDINGS = [
        Binding("escape,q", "close", "Back"),
        Binding("r", "reload", "Reload"),
        Binding("s", "tab('students')", "Students"),
        Binding("i", "tab('items')", "Items"),
        Binding("o", "override", "Override a verdict"),
    ]

    def __init__(self, code: str) -> None:
        super().__init__()
        self.code = code
        self.report: PaperResults | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="results"):
            yield Static(id="results-summary")
            yield Static(id="results-histogram")
            with TabbedContent(initial="students", id="results-tabs"):
                with TabPane("Students", id="students"):
                    yield DataTable(id="results-students", cursor_type="row", zebra_stripes=True)
                with TabPane("Items", id="items"):
                    yield DataTable(id="results-items", cursor_type="row", zebra_stripes=True)
            with VerticalScroll(id="results-detail-box"):
                yield Static(id="results-detail")
        yield Footer()

    def on_mount(self) -> None:
        try:
            self.load()
        except ClassroomError as error:  # the paper was deleted meanwhile
            self.notify(str(error), severity="error", markup=False)
            self.app.pop_screen()

    def load(self) -> None:
        self.report = report = self.teacher.classroom.results(self.code)
        self.title = report.paper.title
        self.sub_title = f"results · {self.code}"
        s = report.summary
        line = Text(f"{report.paper.title} ({self.code})", style="bold")
        line.append(
            f"   attempts {s.attempts} · mean {number(s.mean)} · median {number(s.median)}"
            f" · sd {number(s.sd)} · alpha {number(s.alpha)}"
        )
        self.query_one("#results-summary", Static).update(line)
        counts = s.histogram
        lines = Text("\n").join(part for part in (
            histogram(list(counts)) if counts else Text(), roster_line(self.teacher.classroom.not_taken(self.code)),
        ) if part)
        self.query_one("#results-histogram", Static).update(lines)
        self._fill_students()
        self._fill_items()
        self.show_detail()

    def _fill_students(self) -> None:
        table = self.query_one("#results-students", DataTable)
        table.clear(columns=True)
        table.add_columns("Student", "Score", "Max", "%", "Time")
        for n, student in enumerate(self.students()):
            score, top = student.score, student.max
            share = f"{100 * score / top:.0f}%" if top else "—"
            seconds = student.seconds
            table.add_row(
                Text(student.name), number(score, 1), str(top), share,
                duration(seconds) if seconds is not None else "—", key=str(n),
            )

    def students(self) -> tuple[StudentResult, ...]:
        return self.report.students if self.report else ()

    def items(self) -> tuple[ItemResult, ...]:
        return self.report.items if self.report else ()

    def _fill_items(self) -> None:
        table = self.query_one("#results-items", DataTable)
        table.clear(columns=True)
        table.add_columns("#", "Facility", "Discrim.", "Flags", "Question")
        for n, item in enumerate(self.items()):
            flags = flags_of(item)
            prompt = " ".join(item.prompt.split())
            table.add_row(
                str(item.question), number(item.facility), number(item.discrimination),
                Text("⚑ " + ", ".join(flags), style="bold yellow") if flags else "",
                Text(prompt if len(prompt) <= 70 else prompt[:69] + "…"), key=str(n),
            )

    # -- the detail under the tables -------------------------------------------------------------
    @on(DataTable.RowHighlighted)
    def row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.show_detail()

    @on(TabbedContent.TabActivated)
    def tab_activated(self, event: TabbedContent.TabActivated) -> None:
        tab = self.query_one("#results-tabs", TabbedContent).active
        self.query_one(f"#results-{tab}", DataTable).focus()  # a click on a tab, like `s`/`i`, moves the keys there
        self.show_detail()

    def show_detail(self) -> None:
        tab = self.query_one("#results-tabs", TabbedContent).active
        table = self.query_one(f"#results-{tab}", DataTable)
        detail = self.query_one("#results-detail", Static)
        row = table.cursor_row
        if tab == "students":
            students = self.students()
            detail.update(self._student_detail(students[row], self.expected()) if 0 <= row < len(students)
                          else Text("No attempts submitted yet.", style="dim"))
        else:
            items = self.items()
            detail.update(self._item_detail(items[row]) if 0 <= row < len(items) else Text("No items.", style="dim"))

    def expected(self) -> dict[int, str]:
        """Question number -> the answer the key expects (the items of the same report)."""
        return {item.question: item.answer for item in self.items()}

    @staticmethod
    def _student_detail(student: StudentResult, expected: dict[int, str]) -> Table:
        table = Table(title=Text(student.name, style="bold"), expand=True, show_edge=False, pad_edge=False)
        table.add_column("#", justify="right", no_wrap=True)
        table.add_column("Question", ratio=3)
        table.add_column("Given", ratio=2)
        table.add_column("Expected", ratio=2)
        table.add_column("", no_wrap=True)
        table.add_column("Override", min_width=len("Override"), max_width=16)  # its heading whole at 80 columns
        for answer in student.answers:
            override = answer.override
            table.add_row(str(answer.question), Text(answer.prompt), Text(answer.given or "—"),
                          Text(expected.get(answer.question, "")), Text(VERDICT_MARKS[answer.verdict]),
                          Text(f"{verdict_word(override.verdict)} by {override.by}") if override else "")
        return table

    @staticmethod
    def _item_detail(item: ItemResult) -> Table | Text:
        title = Text(f"{item.question}. {item.prompt}", style="bold")
        for flag in flags_of(item):
            title.append(f"  ⚑ {flag}", style="yellow")
        if not item.options:
            title.append(f"\n{item.mode} answer · key: ", style="")
            title.append(item.answer, style="bold")
            title.append(f" · {item.takers} took it", style="")
            return title
        table = Table(title=title, expand=True, show_edge=False, pad_edge=False)
        table.add_column("Option", ratio=3)
        table.add_column("Key", no_wrap=True)
        table.add_column("Chosen", justify="right", no_wrap=True)
        table.add_column("Point-biserial", justify="right", no_wrap=True)
        for option in item.options:
            table.add_row(Text(option.text), "✓" if option.correct else "", str(option.chosen),
                          number(option.point_biserial))
        return table

    # -- actions ------------------------------------------------------------------------------
    def action_tab(self, name: str) -> None:
        self.query_one("#results-tabs", TabbedContent).active = name
        self.query_one(f"#results-{name}", DataTable).focus()

    def action_reload(self) -> None:
        self.load()
        self.notify("Results reloaded", timeout=2)

    def action_close(self) -> None:
        self.app.pop_screen()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "override":  # on a student's row only
            return self.query_one("#results-tabs", TabbedContent).active == "students" and bool(self.students())
        return True

    def action_override(self) -> None:
        students = self.students()
        row = self.query_one("#results-students", DataTable).cursor_row
        if not 0 <= row < len(students):
            return
        student = students[row]

        def apply(choice: tuple[int, Outcome] | None) -> None:
            if choice is None:
                return
            number, verdict = choice
            try:  # the teacher is the desk's learner, as `quiz paper override` takes it by default
                self.teacher.classroom.override(self.code, student.name, number - 1, verdict, self.teacher.teacher)
            except ClassroomError as error:
                self.notify(str(error), severity="error", markup=False)
                return
            self.load()
            self.query_one("#results-students", DataTable).move_cursor(row=row)
            self.notify(f"{student.name}'s answer to question {number} is now {verdict_word(verdict)}",
                        markup=False)

        self.app.push_screen(OverrideScreen(student, self.expected()), apply)


class OverrideScreen(ModalScreen[tuple[int, Outcome] | None]):
    """Pick one of a student's answers, then the verdict it gets; dismisses with (question, verdict)."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]
    VERDICTS = (Outcome.CORRECT, Outcome.WRONG, Outcome.NEAR_MISS)
    DEFAULT_CSS = """
    OverrideScreen { align: center middle; }
    #override-dialog { width: 90; max-width: 96%; height: auto; max-height: 22; border: round $accent;
                       background: $surface; padding: 1 2; }
    #override-list { height: auto; max-height: 14; margin-top: 1; }
    """

    def __init__(self, student: StudentResult, expected: dict[int, str] | None = None) -> None:
        super().__init__()
        self.student = student
        self.expected = expected or {}
        self.question: int | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="override-dialog"):
            yield Static(Text(f"Override one of {self.student.name}'s verdicts", style="bold"), id="override-title")
            answers = []
            for answer in self.student.answers:
                line = Text(f"{answer.question}. ")
                line.append(" ".join(answer.prompt.split())[:50])
                line.append(f"  — {answer.given or '(blank)'}", style="bold")
                key = self.expected.get(answer.question)
                if key is not None and answer.verdict is not Outcome.CORRECT:
                    line.append(f"  (expected {key})")
                line.append(f"  {verdict_word(answer.verdict)}", style="dim")
                answers.append(Option(line, id=str(answer.question)))
            yield OptionList(*answers, id="override-list")

    def on_mount(self) -> None:
        self.query_one("#override-list").focus()

    @on(OptionList.OptionSelected, "#override-list")
    def chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if self.question is None:  # first the answer, then its verdict
            self.question = int(event.option.id or 0)
            self.query_one("#override-title", Static).update(
                Text(f"Question {self.question} of {self.student.name}: which verdict?", style="bold"))
            options = self.query_one("#override-list", OptionList)
            options.clear_options()
            options.add_options(Option(Text(verdict_word(v)), id=v) for v in self.VERDICTS)
            options.highlighted = 0
            return
        if event.option.id:  # each verdict's option id is its value
            self.dismiss((self.question, Outcome(event.option.id)))

    def action_cancel(self) -> None:
        self.dismiss(None)


class PaperPickerScreen(DeskAccess, ModalScreen[str | None]):
    """Pick a paper (newest first) by title and code; dismisses with its code, or None."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]
    DEFAULT_CSS = """
    PaperPickerScreen { align: center middle; }
    #paper-dialog { width: 70; max-width: 96%; height: auto; max-height: 20; border: round $accent;
                    background: $surface; padding: 1 2; }
    #paper-list { height: auto; max-height: 12; margin-top: 1; }
    """

    def compose(self) -> ComposeResult:
        papers = self.teacher.classroom.papers()
        with Vertical(id="paper-dialog"):
            yield Static("Results of which paper?", classes="dialog-title")
            options = [
                Option(Text.assemble((p.code, "bold"), "  ", p.title, (f"  {p.class_name}" if p.class_name else "", "dim")),
                       id=p.code)
                for p in papers
            ]
            yield OptionList(*options, id="paper-list")
            if not papers:
                yield Static(Text("No papers yet: make one with `quiz paper new`.", style="dim"))

    def on_mount(self) -> None:
        self.query_one("#paper-list").focus()

    @on(OptionList.OptionSelected, "#paper-list")
    def chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
