"""Statistics: a learner's charts over a chosen period, and a class view with one row per student."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Vertical, VerticalScroll
from textual.widgets import DataTable, Footer, Header, Static, Tab, Tabs

from quiz.errors import QuizError
from quiz.tui.format import counted
from quiz.tui.screens.base import QuizScreen
from quiz.tui.widgets.stats_charts import Columns, Heatmap, HorizontalBars, RateColumns, StackedColumns
from quiz.tui.widgets.stats_panels import retention_table, summary_text

if TYPE_CHECKING:
    from quiz.stats import ClassReport, LearnerReport, Period, StudentRow

PERIODS = {"week": 7, "month": 30, "quarter": 90, "year": 365}
PERIOD_LABELS = {"week": "7 days", "month": "30 days", "quarter": "90 days", "year": "12 months"}
TYPE_COLOURS = ("#5FA8D3", "#8AB17D", "#2A9D8F", "#E76F51")  # learning, young, mature, relearning
WIDE = 110  # from this width the charts sit two abreast


class _Periodic(QuizScreen):
    """A screen with a period selector (tabs; keys 1-4) that recomputes on change."""

    period_key = "month"

    def period_tabs(self) -> Tabs:
        return Tabs(*(Tab(label, id=key) for key, label in PERIOD_LABELS.items()), active=self.period_key,
                    id="stats-period")

    def period(self, learner: str | None = None) -> Period:
        statistics = self.desk.statistics
        until = statistics.period(learner=learner).until
        return statistics.period(until - timedelta(days=PERIODS[self.period_key] - 1), until, learner=learner)

    @on(Tabs.TabActivated, "#stats-period")
    def _period_changed(self, event: Tabs.TabActivated) -> None:
        if event.tab.id and event.tab.id != self.period_key:
            self.period_key = event.tab.id
            self.reload()

    def action_period(self, key: str) -> None:
        self.query_one("#stats-period", Tabs).active = key

    def action_next_period(self) -> None:
        keys = list(PERIODS)
        self.action_period(keys[(keys.index(self.period_key) + 1) % len(keys)])

    def reload(self) -> None:
        raise NotImplementedError


PERIOD_BINDINGS = [
    Binding("p", "next_period", "Period"),
    Binding("1", "period('week')", "7 days", show=False),
    Binding("2", "period('month')", "30 days", show=False),
    Binding("3", "period('quarter')", "90 days", show=False),
    Binding("4", "period('year')", "12 months", show=False),
]


class StatsScreen(_Periodic):
    """One learner's progress: summary, reviews per day, retention, forecast, calendar, hours, mastery."""

    DEFAULT_CSS = """
    StatsScreen #stats-body { padding: 0 1; }
    StatsScreen .chart-title { color: $text-muted; text-style: bold; margin-top: 1; }
    StatsScreen #stats-grid { grid-size: 1; grid-gutter: 0 2; height: auto; }
    StatsScreen.-wide #stats-grid { grid-size: 2; }
    StatsScreen .panel { height: auto; }
    StatsScreen #stats-retention-line { height: 7; }
    StatsScreen #stats-summary { height: auto; }
    """
    AUTO_FOCUS = "#stats-body"
    BINDINGS = [
        Binding("escape,q", "back", "Back"),
        Binding("c", "class_view", "Class view"),
        Binding("r", "reload", "Refresh", show=False),
        *PERIOD_BINDINGS,
    ]

    def __init__(self, learner: str | None = None) -> None:
        super().__init__()
        self.learner = learner
        self.report: LearnerReport | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield self.period_tabs()
        with VerticalScroll(id="stats-body"):
            yield Static(id="stats-summary")
            with Grid(id="stats-grid"):
                with Vertical(classes="panel"):
                    yield Static("Reviews per day", classes="chart-title")
                    yield StackedColumns(("learning", "young", "mature", "relearning"), TYPE_COLOURS,
                                         axis="reviews", id="stats-reviews")
                with Vertical(classes="panel"):
                    yield Static("Due in the next 30 days", classes="chart-title")
                    yield Columns("#E9C46A", axis="cards due", id="stats-forecast")
                with Vertical(classes="panel"):
                    yield Static("True retention per day (young and mature reviews)", classes="chart-title")
                    yield RateColumns("#2A9D8F", axis="% passed", id="stats-retention-line")
                    yield Static(id="stats-retention")
                with Vertical(classes="panel"):
                    yield Static("Study days", classes="chart-title")
                    yield Heatmap(id="stats-calendar")
                with Vertical(classes="panel"):
                    yield Static("Reviews by hour of day", classes="chart-title")
                    yield Columns("#5FA8D3", axis="reviews", id="stats-hourly")
                with Vertical(classes="panel"):
                    yield Static("Mastery (share of cards at the desired retention)", classes="chart-title")
                    yield HorizontalBars(id="stats-mastery")
            yield Static("Hardest facts", classes="chart-title")
            yield Static(id="stats-hardest")
        yield Footer()

    def on_mount(self) -> None:
        self.reload()

    def on_resize(self) -> None:
        self.set_class(self.size.width >= WIDE, "-wide")

    def action_reload(self) -> None:
        self.reload()

    def action_back(self) -> None:
        self.dismiss()

    def action_class_view(self) -> None:
        classes = self.teacher.classroom.classes()
        if not classes:
            self.notify("No classes in this database yet", markup=False)
            return
        self.quiz.push_screen(ClassStatsScreen(classes[0].name))

    def reload(self) -> None:
        name = self.learner or self.desk.learner
        try:
            report = self.desk.statistics.learner(name, self.period(name))
        except QuizError as error:
            self.query_one("#stats-summary", Static).update(Text(f"{error}: no statistics yet. Study a little, or press c "
                                                                 "for a class view."))
            return
        self.report = report
        self.sub_title = f"Statistics · {name}"
        self.query_one("#stats-summary", Static).update(summary_text(report))
        days = report.days
        first, last = days[0].day.strftime("%d %b"), days[-1].day.strftime("%d %b")
        self.query_one("#stats-reviews", StackedColumns).show(
            [(d.learning, d.young, d.mature, d.relearning) for d in days], first, last)
        forecast = report.forecast.days
        self.query_one("#stats-forecast", Columns).show(
            [n for _, n in forecast], "today", forecast[-1][0].strftime("%d %b") if forecast else "")
        self.query_one("#stats-retention-line", RateColumns).show_rates(
            [(d.retained, d.young + d.mature) for d in days], first, last)
        self.query_one("#stats-retention", Static).update(retention_table(report))
        self.query_one("#stats-calendar", Heatmap).show(dict(report.calendar.days), report.period.since,
                                                        report.period.until)
        self.query_one("#stats-hourly", Columns).show([t.reviews for t in report.hourly], "0h", "23h")
        self.query_one("#stats-mastery", HorizontalBars).show(
            [(g.name, g.share, f"{g.mastered}/{g.cards}  known {g.known:.0f}") for g in
             (*report.fsrs.by_kind, *report.fsrs.by_bank)])
        hardest = Text()
        for h in report.hardest[:5]:
            hardest.append(f"{h.lapses:>3} {'lapse ' if h.lapses == 1 else 'lapses'}  ", style="bold")
            hardest.append(h.statement)
            hardest.append(f"  ({h.bank})\n", style="dim")
        self.query_one("#stats-hardest", Static).update(hardest or Text("No lapses yet.", style="dim"))


SORTS = ("name", "reviews", "retention", "mastery", "streak", "last_studied")
HEADINGS = ("Student", "Reviews", "True\nretention", "Mastery", "Streak", "Last\nstudied")
PAPER = "paper:"  # the key of a paper's column: PAPER + its code


class ClassStatsScreen(_Periodic):
    """A class: one row per student, sortable (s, or click a heading); Enter opens their statistics.

    At 80 columns every column fits: two-line headings, a short date, and a narrow column per paper
    (P1, P2 … named in the summary); a wider gradebook scrolls sideways with the names kept."""

    DEFAULT_CSS = """
    ClassStatsScreen #class-body { padding: 0 0 0 1; }
    ClassStatsScreen #class-students { height: auto; max-height: 1fr; scrollbar-size-vertical: 1; }
    ClassStatsScreen #class-summary { height: auto; margin-bottom: 1; }
    """
    AUTO_FOCUS = "#class-students"
    BINDINGS = [
        Binding("escape,q", "back", "Back"),
        Binding("enter", "open_student", "Student", priority=True),
        Binding("s", "sort", "Sort"),
        *PERIOD_BINDINGS,
    ]

    def __init__(self, class_name: str) -> None:
        super().__init__()
        self.class_name = class_name
        self.sort_key = "name"
        self.report: ClassReport | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield self.period_tabs()
        with Vertical(id="class-body"):
            yield Static(id="class-summary")
            yield DataTable(id="class-students", cursor_type="row", zebra_stripes=True, header_height=2,
                            fixed_columns=1)
        yield Footer()

    def on_mount(self) -> None:
        self.reload()

    def on_resize(self) -> None:
        if self.report is not None:
            self.fill()  # the names' column takes what the other columns leave

    def action_back(self) -> None:
        self.dismiss()

    def reload(self) -> None:
        try:
            self.report = self.teacher.statistics.class_report(self.class_name, self.period())
        except QuizError as error:
            self.query_one("#class-summary", Static).update(Text(str(error)))
            return
        total = self.report.total
        self.sub_title = f"Class {self.class_name}"
        summary = Text.assemble(
            ("Class ", "dim"), (self.class_name, "bold"), ("  ·  ", "dim"),
            f"{counted(len(self.report.students), 'student')}, {counted(total.reviews, 'review')} in "
            f"{counted(total.period.days(), 'day')}, true retention {_pct(total.retention_for('all').total.rate)}, "
            f"mastery {_pct(total.mastery)}")
        for n, (code, title) in enumerate(self.report.papers, start=1):
            summary.append("\n" if n == 1 else "  ·  ", style="dim")
            summary.append(f"P{n} ", style="bold")
            summary.append(title)
            summary.append(f" ({code})", style="dim")
        self.query_one("#class-summary", Static).update(summary)
        self.fill()

    def columns(self) -> list[tuple[str, str]]:
        """(key, heading) of every column, the sorted one marked ▲ (A to Z) or ▼ (most first)."""
        assert self.report is not None
        shown = [*zip(SORTS, HEADINGS, strict=True),
                 *((PAPER + code, f"P{n}") for n, (code, _) in enumerate(self.report.papers, start=1))]
        marked = []
        for key, heading in shown:
            if key == self.sort_key:
                lines = heading.split("\n")
                mark = "▲" if key == "name" else "▼"
                heading = "\n".join([*lines, mark] if len(lines) == 1 else [f"{lines[0]} {mark}", *lines[1:]])
            marked.append((key, heading))
        return marked

    def fill(self) -> None:
        assert self.report is not None
        table = self.query_one("#class-students", DataTable)
        cursor = table.cursor_row
        table.clear(columns=True)
        papers = [code for code, _ in self.report.papers]
        if self.sort_key.startswith(PAPER) and self.sort_key[len(PAPER):] not in papers:
            self.sort_key = "name"
        year = self.report.total.period.until.year
        students = sorted(self.report.students, key=_sorter(self.sort_key), reverse=self.sort_key != "name")
        rows = [[s.name, str(s.reviews), _pct(s.retention), _pct(s.mastery), str(s.streak),
                 _short_date(s.last_studied, year),
                 *(f"{p.score:g}/{p.max}" if (p := s.score_on(code)) else "–" for code in papers)]
                for s in students]
        headings = self.columns()
        widths = [max([*(len(line) for line in heading.split("\n")), *(len(row[i]) for row in rows)])
                  for i, (_, heading) in enumerate(headings)]
        # The names take what the figures leave (a scrollbar and two cells of padding a column); a
        # name longer than that wraps onto a second line rather than pushing a paper off the screen.
        room = (self.size.width or self.app.size.width) - 2 - sum(w + 2 for w in widths[1:]) - 2
        widths[0] = max(min(widths[0], room), len("Student ▲"))
        for (key, heading), width in zip(headings, widths, strict=True):
            table.add_column(Text(heading), key=key, width=width)
        for s, cells in zip(students, rows, strict=True):
            table.add_row(Text(cells[0]), *cells[1:], key=s.name, height=None if len(s.name) > widths[0] else 1)
        if table.row_count:
            table.move_cursor(row=min(max(cursor, 0), table.row_count - 1))

    def sort_keys(self) -> list[str]:
        assert self.report is not None
        return [*SORTS, *(PAPER + code for code, _ in self.report.papers)]

    def action_sort(self) -> None:
        if self.report is None:
            return
        keys = self.sort_keys()
        self.sort_key = keys[(keys.index(self.sort_key) + 1) % len(keys)] if self.sort_key in keys else "name"
        titles = {PAPER + code: title for code, title in self.report.papers}
        name = titles.get(self.sort_key) or " ".join(HEADINGS[SORTS.index(self.sort_key)].split()).lower()
        self.notify(f"Sorted by {name}", markup=False)
        self.fill()

    def on_data_table_header_selected(self, event: DataTable.HeaderSelected) -> None:
        key = event.column_key.value
        if self.report is not None and key in self.sort_keys():
            self.sort_key = key
            self.fill()

    def action_open_student(self) -> None:
        table = self.query_one("#class-students", DataTable)
        if not table.row_count:
            return
        name = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        if name is not None:
            self.quiz.push_screen(StatsScreen(name))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open_student()


def _sorter(key: str) -> Callable[[StudentRow], tuple[bool, Any]]:
    """Sort by one column; a student with no value (never studied, paper not taken) sorts after every value."""

    def value(student: StudentRow) -> tuple[bool, Any]:
        if key.startswith(PAPER):
            paper = student.score_on(key[len(PAPER):])
            found: Any = paper.score / paper.max if paper and paper.max else None
        else:
            found = getattr(student, key)
        if key == "name":
            return (True, found.casefold())
        return (found is not None, found if found is not None else 0)

    return value


def _short_date(day: date | None, year: int) -> str:
    """"6 Dec" in the period's last year, "Dec 2025" before it: narrow enough for 80 columns."""
    if day is None:
        return "never"
    return f"{day.day} {day:%b}" if day.year == year else f"{day:%b %Y}"


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value * 100:.0f}%"
