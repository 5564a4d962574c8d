"""Personal scheduling, from Settings: fit FSRS to this learner's reviews, undo a fit, and see what
each desired retention would cost (reviews a day) and give (cards remembered)."""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, DataTable, Footer, Header, Static

from quiz.doors.learner import LearnerDoor, OptimizeReport, SimulationReport
from quiz.errors import QuizError
from quiz.tui.screens.base import QuizScreen

RETENTIONS = (0.8, 0.85, 0.9, 0.95)
DAYS = 365


class SchedulingScreen(QuizScreen):
    """Fitting and simulating run in a thread worker on its own connection: a big history takes seconds."""

    BINDINGS = [
        Binding("f", "fit", "Fit to my reviews"),
        Binding("u", "undo_fit", "Undo fit"),
        Binding("escape,q", "back", "Back"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="scheduling"):
            yield Static(id="scheduling-status")
            with Horizontal(id="scheduling-buttons"):
                yield Button("Fit to my reviews", id="fit", variant="primary")
                yield Button("Undo fit", id="undo-fit")
            yield Static(id="fit-result")
            yield Static(Text("What a desired retention costs over a year", style="bold"), id="simulation-title")
            yield DataTable(id="simulation", cursor_type="none", zebra_stripes=True)
            yield Static(id="simulation-note")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#simulation", DataTable)
        for label in ("Retention", "Reviews a day", "Remembered after a year"):
            table.add_column(label)
        self.query_one("#fit-result").display = False  # until there is a fit to report
        self._show_status()
        self._simulate()

    def _worker_desk(self) -> LearnerDoor:
        """The learner's door on a connection of its own, for a worker thread (a connection cannot cross threads)."""
        return self.desk.for_thread()

    def _show_status(self) -> None:
        fitted = self.desk.personal.fitted()
        line = (f"{self.desk.learner}: parameters fitted to your reviews on {fitted[:10]}" if fitted
                else f"{self.desk.learner}: FSRS's default parameters")
        self.query_one("#scheduling-status", Static).update(Text(line))

    @on(Button.Pressed, "#fit")
    def action_fit(self) -> None:
        result = self.query_one("#fit-result", Static)
        result.update(Text("Fitting to your reviews…", style="italic"))
        result.display = True
        self._fit()

    @on(Button.Pressed, "#undo-fit")
    def action_undo_fit(self) -> None:
        try:
            undone = self.desk.personal.undo()
        except QuizError as error:
            self.notify(str(error), severity="error")
            return
        self.notify("Back to the parameters before the last fit" if undone else "No fit to undo",
                    severity="information" if undone else "warning")
        self._show_status()
        self._simulate()

    def action_back(self) -> None:
        self.app.pop_screen()

    @work(thread=True, exclusive=True, group="fit", exit_on_error=False)
    def _fit(self) -> None:
        desk = self._worker_desk()
        try:
            report: OptimizeReport | str = desk.personal.optimize()
        except QuizError as error:
            report = str(error)
        finally:
            desk.close()
        self.app.call_from_thread(self._fitted, report)

    def _fitted(self, report: OptimizeReport | str) -> None:
        result = self.query_one("#fit-result", Static)
        if isinstance(report, str):
            result.update(Text(report, style="yellow"))
            return
        fit = report.fit
        verdict = ("Saved: your next intervals use them." if report.saved
                   else "Not saved: they predict no better than the ones in use.")
        result.update(Text(
            f"{report.reviews} reviews. Log loss {fit.default.log_loss:.3f} → {fit.fitted.log_loss:.3f}, "
            f"RMSE {fit.default.rmse:.3f} → {fit.fitted.rmse:.3f} (held-out reviews). {verdict}"
        ))
        self._show_status()
        self._simulate()

    @work(thread=True, exclusive=True, group="simulate", exit_on_error=False)
    def _simulate(self) -> None:
        desk = self._worker_desk()
        try:
            cards = max(1, sum(bank.cards for bank in desk.banks()))
            report: SimulationReport | str = desk.personal.simulate(RETENTIONS, DAYS, cards)
        except QuizError as error:
            report = str(error)
        finally:
            desk.close()
        self.app.call_from_thread(self._simulated, report)

    def _simulated(self, report: SimulationReport | str) -> None:
        note = self.query_one("#simulation-note", Static)
        if isinstance(report, str):
            note.update(Text(report, style="yellow"))
            return
        table = self.query_one("#simulation", DataTable)
        table.clear()
        for row in report.rows:
            table.add_row(f"{row.retention:.2f}", f"{row.reviews_per_day:.1f}", f"{row.remembered:.0f}")
        note.update(Text(f"{report.cards} card{'' if report.cards == 1 else 's'}. {report.explain()} Change it in Settings."))
