"""Settings for the current learner: daily limits, retention, options, mode mix, theme."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widget import Widget
from textual.widgets import Button, Footer, Header, Input, Label, Select, Static

from quiz.errors import SettingsError
from quiz.settings import LABELS
from quiz.tui.format import MODE_LABELS
from quiz.tui.screens.base import QuizScreen

MID_SESSION = "A session is open: changes apply from the next session (the theme at once)."

MODE_CHOICES = [(label, mode) for mode, label in MODE_LABELS.items()] + [
    ("typed and multiple choice in turn", "alternate")
]


class SettingsScreen(QuizScreen):
    """A form over `LearnerDoor.settings()`; Save validates through the core and reports one clear line."""

    AUTO_FOCUS = "#new_per_day"
    # Short words: with a list open, its "esc Dismiss menu" joins them, and all fit in 80 columns.
    BINDINGS = [
        Binding("ctrl+s", "save", "Save"),
        Binding("escape", "back", "Back"),
        Binding("ctrl+l", "app.choose_learner", "Learner"),
        Binding("ctrl+f", "app.personal_scheduling", "Scheduling"),
    ]

    def compose(self) -> ComposeResult:
        desk = self.desk
        s = desk.settings()
        themes = sorted(self.app.available_themes)
        yield Header()
        with VerticalScroll(id="settings"):
            with Horizontal(classes="setting"):
                yield Label("Learner", classes="setting-label")
                yield Static(Text.assemble((desk.learner, "bold"), ("  (ctrl+l to switch)", "dim")), id="learner-name")
            if self.in_session:
                yield Static(MID_SESSION, id="settings-note")
            yield from self._row(Input(str(s.new_per_day), id="new_per_day", type="integer", compact=True))
            yield from self._row(Input(str(s.reviews_per_day), id="reviews_per_day", type="integer", compact=True))
            yield from self._row(
                Input(f"{s.desired_retention:g}", id="desired_retention", type="number", compact=True),
            )
            yield from self._row(
                Select([(str(n), n) for n in (3, 4, 5)], value=s.options_per_question,
                       id="options_per_question", allow_blank=False, compact=True),
            )
            yield from self._row(
                Select(MODE_CHOICES, value=s.mode_new, id="mode_new", allow_blank=False, compact=True),
            )
            yield from self._row(
                Select(MODE_CHOICES, value=s.mode_review, id="mode_review", allow_blank=False, compact=True),
            )
            yield from self._row(
                Select([(t, t) for t in themes], value=self.app.theme, id="theme", allow_blank=False, compact=True),
            )
            yield Static(id="settings-problem")
            with Horizontal(id="settings-buttons"):
                yield Button("Save", id="save", variant="primary")
                yield Button("Cancel", id="cancel")
                yield Button("Personal scheduling…", id="personal-scheduling")
        yield Footer()

    @property
    def in_session(self) -> bool:
        """A study session is open under this screen (the palette opens settings from anywhere)."""
        from quiz.tui.screens.study import StudyScreen

        return any(isinstance(screen, StudyScreen) for screen in self.app.screen_stack)

    @staticmethod
    def _row(widget: Widget) -> ComposeResult:
        """A labelled field, labelled as the core's messages name it ("Reviews a day: …")."""
        with Horizontal(classes="setting"):
            yield Label(LABELS[str(widget.id)], classes="setting-label")
            yield widget

    def on_mount(self) -> None:
        self.show_problem(None)

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "theme" and event.value is not Select.NULL:
            self.quiz.show_theme(str(event.value))  # a live preview; Save keeps it

    def show_problem(self, error: SettingsError | None) -> None:
        """One line under the form naming the field, and only that field marked."""
        for widget in self.query(".setting Input, .setting Select"):
            widget.set_class(error is not None and widget.id == error.field, "-invalid")
        problem = self.query_one("#settings-problem", Static)
        problem.update(Text(str(error) if error else ""))
        problem.display = error is not None

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "personal-scheduling":
            self.quiz.action_personal_scheduling()
        elif event.button.id == "save":
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
        except SettingsError as error:
            self.show_problem(error)
            if error.field:
                self.query_one(f"#{error.field}").focus()
            return
        self.notify("Settings saved; they apply from the next session" if self.in_session else "Settings saved",
                    timeout=3)
        self.app.pop_screen()

    def action_back(self) -> None:
        self.quiz.show_theme(self.quiz._saved_theme() or self.app.theme)
        self.app.pop_screen()
