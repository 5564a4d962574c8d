"""Home: the learner, their streak, and the banks with what is due; Enter starts studying."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Footer, Header, Static

from quiz.tui.screens.base import QuizScreen

ALL_BANKS = "__all__"


class HomeScreen(QuizScreen):
    """Banks with what a session would hold now ("Due today", the session's "left") and the
    learner's new / learning / review / suspended cards."""

    BINDINGS = [
        Binding("enter", "study", "Study", priority=True),
        Binding("b", "app.browse", "Browse"),
        Binding("comma,o", "app.open_settings", "Settings"),
        Binding("l", "app.choose_learner", "Learner"),
        Binding("t", "app.stats", "Stats"),
        Binding("r", "refresh_data", "Refresh", show=False),
        Binding("q", "app.quit", "Quit"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="home"):
            yield Static(id="learner-line")
            yield DataTable(id="banks", cursor_type="row", zebra_stripes=True)
            yield Static(id="home-note")
            yield Static(
                "[b]Enter[/b] study the selected bank · [b]b[/b] browse · [b]ctrl+p[/b] commands",
                id="home-hint",
            )
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#banks", DataTable)
        table.add_column("Bank", key="bank")
        table.add_column("Due today", key="due")  # what a session opened now holds: its "left"
        for label in ("New", "Learning", "Review", "Suspended"):
            table.add_column(label, key=label.lower())

    def on_screen_resume(self) -> None:
        """Counts change while other screens are on top (a session, the browser, another learner)."""
        self.refresh_data()

    def action_refresh_data(self) -> None:
        self.refresh_data()

    def refresh_data(self) -> None:
        desk = self.desk
        stats = desk.stats()
        streak = f"{stats.streak_days} day" + ("" if stats.streak_days == 1 else "s")
        self.query_one("#learner-line", Static).update(Text.assemble(
            (desk.learner, "bold"), "   streak ", (streak, "bold"),
            "   reviews today ", (str(stats.reviews_today), "bold"),
            "   total ", (str(stats.reviews_total), "bold"),
        ))
        table = self.query_one("#banks", DataTable)
        row = table.cursor_row
        table.clear()
        banks = desk.banks()
        totals = [0, 0, 0, 0]
        for bank in banks:
            counts = (bank.new, bank.learning, bank.review, bank.suspended)
            totals = [a + b for a, b in zip(totals, counts, strict=True)]
            today = desk.session_left(bank.name)
            table.add_row(Text(bank.title or bank.name), str(today), *map(str, counts), key=bank.name)
        # Not the sum of the rows: one session on every bank shares the daily limits.
        table.add_row(Text("All banks", style="italic"), str(desk.session_left(None)), *map(str, totals),
                      key=ALL_BANKS)
        table.move_cursor(row=min(row, table.row_count - 1))
        note = desk.buried_note(None)  # one card a fact a day: say why new cards wait
        self.query_one("#home-note", Static).update(Text(note or ""))
        self.query_one("#home-note").display = note is not None

    def action_study(self) -> None:
        table = self.query_one("#banks", DataTable)
        if not table.row_count:
            return
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        self.quiz.study(None if key == ALL_BANKS else key)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """A mouse click (or Enter) on a bank row studies it."""
        event.stop()
        self.action_study()
