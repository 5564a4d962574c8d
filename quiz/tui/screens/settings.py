"""Settings for the current learner: daily limits, retention, options, mode mix, theme."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widget import Widget
from textual.widgets import Button, Footer, Header, Input, Label, Select, Static

from quiz.tui.format import MODE_LABELS, text
from quiz.tui.screens.base import QuizScreen

MODE_CHOICES = [(label, mode) for mode, label in MODE_LABELS.items()] + [
    ("typed and multiple choice in turn", "alternate")
]


class SettingsScreen(QuizScreen):
    """A form over `Desk.settings()`; Save validates through the core and reports one clear line."""

    AUTO_FOCUS = "#new_per_day"
    BINDINGS = [
        Binding("ctrl+s", "save", "Save"),
        Binding("escape", "back", "Back"),
        Binding("ctrl+l", "app.choose_learner", "Switch learner"),
    ]

    def compose(self) -> ComposeResult:
        desk = self.desk
        s = desk.settings()
        themes = sorted(self.app.available_themes)
        yield Header()
        with VerticalScroll(id="settings"):
            with Horizontal(classes="setting"):
                yield Label("Learner", classes="setting-label")
                yield Static(f"[b]{text(desk.learner)}[/b]  [dim](ctrl+l to switch)[/dim]", id="learner-name")
            yield from self._row("New cards a day", Input(str(s.new_per_day), id="new_per_day", type="integer", compact=True))
            yield from self._row("Reviews a day", Input(str(s.reviews_per_day), id="reviews_per_day", type="integer", compact=True))
            yield from self._row(
                "Desired retention",
                Input(f"{s.desired_retention:g}", id="desired_retention", type="number", compact=True),
            )
            yield from self._row(
                "Options per question",
                Select([(str(n), n) for n in (3, 4, 5)], value=s.options_per_question,
                       id="options_per_question", allow_blank=False, compact=True),
            )
            yield from self._row(
                "New cards as",
                Select(MODE_CHOICES, value=s.mode_new, id="mode_new", allow_blank=False, compact=True),
            )
            yield from self._row(
                "Reviews as",
                Select(MODE_CHOICES, value=s.mode_review, id="mode_review", allow_blank=False, compact=True),
            )
            yield from self._row(
                "Theme",
                Select([(t, t) for t in themes], value=self.app.theme, id="theme", allow_blank=False, compact=True),
            )
            with Horizontal(id="settings-buttons"):
                yield Button("Save", id="save", variant="primary")
                yield Button("Cancel", id="cancel")
        yield Footer()

    @staticmethod
    def _row(label: str, widget: Widget) -> ComposeResult:
        with Horizontal(classes="setting"):
            yield Label(label, classes="setting-label")
            yield widget

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "theme" and event.value is not Select.NULL:
            self.app.theme = str(event.value)  # a live preview; Save keeps it

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_back()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.action_save()

    def values(self) -> dict[str, object]:
        def inp(name: str) -> str:
            return self.query_one(f"#{name}", Input).value.strip()

        def sel(name: str) -> object:
            return self.query_one(f"#{name}", Select).value

        return {
            "new_per_day": inp("new_per_day"),
            "reviews_per_day": inp("reviews_per_day"),
            "desired_retention": inp("desired_retention"),
            "options_per_question": sel("options_per_question"),
            "mode_new": sel("mode_new"),
            "mode_review": sel("mode_review"),
            "theme": sel("theme"),
        }

    def action_save(self) -> None:
        try:
            self.desk.save_settings(**self.values())
        except ValueError as error:
            self.notify(str(error), title="Not saved", severity="error")
            return
        self.notify("Settings saved", timeout=2)
        self.app.pop_screen()

    def action_back(self) -> None:
        self.app.theme = self.quiz._saved_theme() or self.app.theme
        self.app.pop_screen()
