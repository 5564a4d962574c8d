"""The teacher's homework view of a class: one row per student, flags, the selected student's weakest
facts, and a legend saying what each figure means. The numbers are the teacher door's
`class_progress`, the same object `quiz class progress --json` prints."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Footer, Header, Input, Static

from quiz.errors import QuizError
from quiz.tui.screens.base import TeacherScreen

if TYPE_CHECKING:
    from quiz.stats.progress_model import ClassProgress

HEADINGS = ("Student", "Done\n7d", "Due\n7d", "Back-\nlog", "Streak", "Last\nstudied", "Ret.", "Recall", "Known",
            "Flags")
LEGEND = ("Done/Due 7d: reviews in the last 7 days / cards due within 7. Backlog: overdue from before "
          "today. Ret.: true retention, 30 days. Recall: FSRS's predicted recall on the exam day (now "
          "if none), no more study assumed, unstudied cards 0. Known: facts (not cards) with every card "
          "≥90%. Flags: idle = no study for {idle}+ days; backlog↑ = larger than a week ago.")


FLAGS_WIDTH = 18  # " idle 12d backlog↑"


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value * 100:.0f}%"


class ProgressScreen(TeacherScreen):
    """A class's homework view; `e` sets the exam date, `b` the bank, Enter-less: the highlighted row
    shows that student's weakest facts under the table. It reads the teacher's door only (a
    `TeacherHost` app: the study app, or a served teacher tab) and writes nothing."""

    DEFAULT_CSS = """
    ProgressScreen #progress-body { padding: 0 0 0 1; }
    ProgressScreen #progress-summary { height: auto; }
    ProgressScreen #progress-students { height: 1fr; scrollbar-size-vertical: 1; }
    ProgressScreen #progress-weakest { height: auto; max-height: 3; }
    ProgressScreen #progress-legend { height: auto; color: $text-muted; }
    ProgressScreen #progress-exam { display: none; }
    ProgressScreen #progress-exam.-shown { display: block; }
    """
    AUTO_FOCUS = "#progress-students"
    BINDINGS = [
        Binding("escape,q", "back", "Back"),
        Binding("e", "ask_exam", "Exam date"),
        Binding("b", "next_bank", "Bank"),
        Binding("r", "reload", "Refresh", show=False),
    ]

    def __init__(self, class_name: str, bank: str | None = None, exam: date | None = None) -> None:
        super().__init__()
        self.class_name, self.bank, self.exam = class_name, bank, exam
        self.report: ClassProgress | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="progress-body"):
            yield Static(id="progress-summary")
            yield Input(placeholder="Exam date YYYY-MM-DD (empty: now), Enter", id="progress-exam")
            yield DataTable(id="progress-students", cursor_type="row", zebra_stripes=True, header_height=2,
                            fixed_columns=1, cell_padding=0)
            yield Static(id="progress-weakest")
            yield Static(id="progress-legend")
        yield Footer()

    def on_mount(self) -> None:
        self.reload()

    def on_resize(self) -> None:
        if self.report is not None:
            self.fill()  # the names' column takes what the other columns leave

    def action_back(self) -> None:
        exam = self.query_one("#progress-exam", Input)
        if exam.has_class("-shown"):
            exam.remove_class("-shown")
            self.query_one("#progress-students", DataTable).focus()
            return
        self.dismiss()

    def action_reload(self) -> None:
        self.reload()

    def action_ask_exam(self) -> None:
        exam = self.query_one("#progress-exam", Input)
        exam.value = self.exam.isoformat() if self.exam else ""
        exam.add_class("-shown")
        exam.focus()

    @on(Input.Submitted, "#progress-exam")
    def _exam_given(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        try:
            exam = date.fromisoformat(text) if text else None
        except ValueError:
            self.notify(f"Not a date (YYYY-MM-DD): {text}", severity="error", markup=False)
            return
        previous, self.exam = self.exam, exam
        if not self.reload():
            self.exam = previous
            return
        event.input.remove_class("-shown")
        self.query_one("#progress-students", DataTable).focus()

    def action_next_bank(self) -> None:
        """Every bank the class studies, then each bank in turn."""
        studied = list(self.report.banks) if self.report and self.report.bank is None else []
        choices: list[str | None] = [None, *sorted(set(studied) | ({self.bank} if self.bank else set()))]
        self.bank = choices[(choices.index(self.bank) + 1) % len(choices)]
        self.reload()

    def reload(self) -> bool:
        try:
            report = self.teacher.class_progress(self.class_name, self.bank, self.exam)
        except QuizError as error:
            self.notify(str(error), severity="error", markup=False)
            if self.report is None:
                self.query_one("#progress-summary", Static).update(Text(str(error)))
            return False
        self.report = report
        self.sub_title = f"Progress · {self.class_name}"
        banks = f"bank {report.bank}" if report.bank else ", ".join(report.banks) or "no banks"
        when = f"exam {report.exam.isoformat()}" if report.exam else "recall now (e: exam date)"
        self.query_one("#progress-summary", Static).update(Text.assemble(
            ("Class ", "dim"), (report.class_name, "bold"), ("  ·  ", "dim"), banks,
            f" ({report.fact_count} facts, {report.card_count} cards)", ("  ·  ", "dim"), when,
            ("  ·  ", "dim"), f"class recall {_pct(report.class_recall)}"))
        self.query_one("#progress-legend", Static).update(Text(LEGEND.format(idle=report.idle_after)))
        self.fill()
        return True

    def fill(self) -> None:
        assert self.report is not None
        table = self.query_one("#progress-students", DataTable)
        cursor = table.cursor_row
        table.clear(columns=True)
        rows = [[s.name, str(s.reviews_week), str(s.due_week), str(s.backlog), str(s.streak),
                 s.last_studied.strftime("%d %b") if s.last_studied else "never", _pct(s.true_retention),
                 _pct(s.recall), f"{s.facts_known}/{s.facts}"] for s in self.report.students]
        # Cells have no padding: each figure is right-aligned in its width plus one, so at 80 columns
        # the names get what the figures and the flags leave.
        widths = [max([*(len(line) for line in h.split("\n")), *(len(row[i]) for row in rows)]) + 1
                  for i, h in enumerate(HEADINGS[1:-1], start=1)]
        room = (self.size.width or self.app.size.width) - 1 - sum(widths) - FLAGS_WIDTH - 2
        longest = max((len(row[0]) for row in rows), default=7)
        table.add_column(Text(HEADINGS[0]), key="name", width=max(8, min(longest, room)))
        for heading, width in zip(HEADINGS[1:-1], widths, strict=True):
            table.add_column(Text(heading, justify="right"), key=heading, width=width)
        table.add_column(Text(" " + HEADINGS[-1]), key="flags", width=FLAGS_WIDTH)
        for s, row in zip(self.report.students, rows, strict=True):
            table.add_row(Text(row[0], overflow="ellipsis", no_wrap=True),
                          *(Text(cell, justify="right") for cell in row[1:]),
                          Text(" " + " ".join(s.flag_words()), style="bold"), key=s.name)
        if table.row_count:
            table.move_cursor(row=min(max(cursor, 0), table.row_count - 1))
        self.show_weakest()

    @on(DataTable.RowHighlighted, "#progress-students")
    def _highlighted(self) -> None:
        self.show_weakest()

    def show_weakest(self) -> None:
        table = self.query_one("#progress-students", DataTable)
        if self.report is None or not table.row_count:
            return
        student = self.report.students[table.cursor_row] if table.cursor_row < len(self.report.students) else None
        if student is None:
            return
        line = Text.assemble(("Weakest for ", "dim"), (student.name, "bold"), ": ")
        line.append(", ".join(f"{w.fact_id} {_pct(w.recall)}" for w in student.weakest) or "–")
        self.query_one("#progress-weakest", Static).update(line)
