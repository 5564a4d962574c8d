"""A student's screen in a live game (`quiz live join`, and `g` on a served student's home): the
question large with its options numbered, 1..n (or arrows and Enter) to answer, a box for a typed
question; then "Answer sent — waiting for the others"; after the reveal, right or wrong, the key,
the points won, the score and rank; at the end, their place.

The screen asks the game how it stands a few times a second on its one store thread, never on the
UI thread. It shows only what the player's view holds, and that view has no key, no one else's
answer and no distribution before the reveal. A student who comes back (a reloaded tab, a
restarted terminal) sees the game as it stands: an answered question stays answered.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Protocol, cast

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Header, Static
from textual.widgets.option_list import Option

from quiz.errors import QuizError, StoreError
from quiz.live.model import AskedQuestion, PlayerView, State
from quiz.model import Outcome
from quiz.tui.format import counted
from quiz.tui.screens.live_link import LiveLink
from quiz.tui.screens.take_answers import ChoiceList, why
from quiz.tui.widgets.answer_input import AnswerInput
from quiz.tui.widgets.footer import SteadyFooter
from quiz.tui.widgets.live_tables import countdown, options_table, ordinal
from quiz.tui.widgets.steady_line import SteadyLine
from quiz.tui.writer import Job

__all__ = ["POLL_S", "GameLeaver", "LivePlayScreen", "LiveSeat"]

POLL_S = 0.25  # the screen's heartbeat, and how often it looks when a change is due
CALM = 4  # in the lobby a look every CALM heartbeats (the first question is the teacher's keypress away)
STILL = 2  # while the player has a question to answer, or a revealed one, every STILL heartbeats
SENT = "Answer sent — waiting for the others"


class LiveSeat(Protocol):
    """A signed-in student's side of a game (the student's door)."""

    def live_view(self, code: str) -> PlayerView: ...

    def live_answer(self, code: str, index: int, given: str) -> PlayerView: ...


class GameLeaver(Protocol):
    """The app behind the screen: Esc leaves the game (home, or out of the terminal app)."""

    def leave_game(self) -> None: ...


@dataclass
class PlayUpdated(Message):
    view: PlayerView
    polled: bool


@dataclass
class PlayRefused(Message):
    error: QuizError
    index: int | None  # the question whose answer was refused; None for a refused look
    given: str | None = None


class LivePlayScreen(Screen[None]):
    """One student in one game."""

    DEFAULT_CSS = """
    LivePlayScreen { align-horizontal: center; }
    #live-play { padding: 0 1; max-width: 100; }
    #play-status { height: 1; margin-top: 1; }
    #play-question {
        height: auto; min-height: 3; border: round $primary; border-title-color: $accent;
        border-title-style: bold; padding: 0 1; margin-top: 1;
    }
    #play-prompt { text-style: bold; }
    #play-options { height: auto; max-height: 10; border: none; padding: 0; margin-top: 1; }
    #play-typed { margin-top: 1; }
    #play-shown { height: auto; margin-top: 1; padding: 0 1; }
    #play-note { height: auto; margin-top: 1; padding: 0 1; }
    #play-note.right { border: round $success; }
    #play-note.wrong { border: round $error; }
    #play-note.waiting { color: $accent; text-style: bold; }
    """
    BINDINGS = [
        Binding("escape", "leave", "Leave game"),
        *(Binding(str(n), f"number({n})", show=False) for n in range(1, 10)),
    ]

    def __init__(self, seat: LiveSeat, view: PlayerView, player: str = "") -> None:
        super().__init__()
        self.seat = seat
        self.view = view
        self.player = player
        self.sent: dict[int, str] = {}  # answers given on this screen, maybe still on their way
        self.problem: str | None = None  # why the last answer was not taken
        self._shown: PlayerView | None = None
        self._asked: int | None = None  # the question whose options or box were last filled
        code = view.code
        self.link = LiveLink(self, "live player", lambda: PlayUpdated(seat.live_view(code), polled=True),
                             lambda error: PlayRefused(error, None))

    @property
    def polls(self) -> int:
        """Looks at the game received (tests wait on it)."""
        return self.link.polls

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="live-play"):
            yield SteadyLine(id="play-status")
            with Vertical(id="play-question"):
                yield Static(id="play-prompt")
            yield ChoiceList(self, id="play-options")
            yield AnswerInput(self, id="play-typed", placeholder="Type your answer and press Enter")
            yield Static(id="play-shown")
            yield Static(id="play-note")
        yield SteadyFooter()

    def on_mount(self) -> None:
        self.title = f"Live · {self.view.code}"
        self.sub_title = self.player
        self.show(self.view)
        self.link.start(POLL_S, self.next_look)

    def on_unmount(self) -> None:
        self.link.close()

    def next_look(self) -> float | None:
        """Seconds from one look at the game to the next: often only when a change is due (this
        player has answered, so the reveal comes with the last answer or the countdown's end)."""
        state = self.view.state
        if state is State.ENDED:
            return None
        if state is State.LOBBY:
            return CALM * POLL_S
        if state is State.OPEN and self.given is not None:
            return POLL_S
        return STILL * POLL_S

    # -- the game's view ------------------------------------------------------------------------
    @on(PlayUpdated)
    def updated(self, report: PlayUpdated) -> None:
        if report.polled:
            self.link.looked()
            self.link.said(None)
        self.show(report.view)

    @on(PlayRefused)
    def refused(self, report: PlayRefused) -> None:
        if report.index is None:
            self.link.looked()
            if self.link.said(str(report.error)):  # a failing look is said once, not 4 times a second
                self.notify(str(report.error), severity="warning", timeout=5, markup=False)
            return
        if self.sent.get(report.index) == report.given:
            del self.sent[report.index]  # not taken: a store that could not write lets them try again
        reason = why(report.error) if isinstance(report.error, StoreError) else str(report.error)
        self.problem = f"Not counted: {reason}."
        self._shown = None
        self.show(self.view)

    @property
    def given(self) -> str | None:
        """This player's answer to the current question: stored, or sent from here."""
        view = self.view
        if view.answered:
            return view.given
        return self.sent.get(view.index) if view.index is not None else None

    def show(self, view: PlayerView) -> None:
        """Draw what changed: the question and its state when they move, the status line always."""
        if view.index != self.view.index:
            self.problem = None
        self.view = view
        still = replace(view, seconds_left=None)
        if still != self._shown:
            self._shown = still
            self._draw(view)
        self.query_one("#play-status", SteadyLine).show(status_line(view, self.given is not None))

    def _draw(self, view: PlayerView) -> None:
        question = view.question
        box = self.query_one("#play-question")
        box.border_title = (f"Question {view.index + 1} of {view.total}"
                            if view.index is not None and view.state is not State.ENDED else "Live game")
        prompt = self.query_one("#play-prompt", Static)
        options = self.query_one("#play-options", ChoiceList)
        typed = self.query_one("#play-typed", AnswerInput)
        shown = self.query_one("#play-shown", Static)
        asking = view.state is State.OPEN and question is not None and self.given is None
        options.display = asking and bool(question and question.options)
        typed.display = asking and bool(question and not question.options)
        if view.state is State.ENDED or question is None:
            prompt.update(Text("Game over" if view.state is State.ENDED else
                               "Waiting for the teacher to start the game…"))
            shown.display = False
        else:
            prompt.update(Text(question.prompt))
            if asking and view.index != self._asked:
                self._ask(question, options, typed)
            shown.display = not asking
            shown.update(answer_shown(question, self.given, view.answer if view.state is State.REVEALED else None))
        if asking:
            self.set_focus(options if question and question.options else typed)
        else:
            self.set_focus(None)
        self._note(view)

    def _ask(self, question: AskedQuestion, options: ChoiceList, typed: AnswerInput) -> None:
        """Fill the options or empty the box, once per question (a redraw keeps the highlight)."""
        self._asked = self.view.index
        options.clear_options()
        options.add_options(Option(option_line(n, o), id=str(n)) for n, o in enumerate(question.options, 1))
        options.highlighted = 0 if question.options else None
        typed.value = ""

    def _note(self, view: PlayerView) -> None:
        note = self.query_one("#play-note", Static)
        note.set_classes("")
        if self.problem is not None and view.state is State.OPEN:
            note.update(Text(self.problem, style="bold red"))
        elif view.state is State.LOBBY:
            note.update(Text(f"You are in. {counted(view.players, 'player')} so far; the question appears here."))
        elif view.state is State.OPEN:
            if self.given is not None:
                note.set_classes("waiting")
                note.update(Text(SENT if view.answered else "Sending your answer…"))
            else:
                options = view.question.options if view.question else ()
                how = f"1–{len(options)} or ↑↓ and Enter" if options else "type, then Enter"
                note.update(Text(f"Answer: {how}. Your first answer counts.", style="dim"))
        elif view.state is State.REVEALED:
            note.set_classes("right" if view.verdict is Outcome.CORRECT else "wrong")
            note.update(revealed_note(view))
        else:
            note.update(final_note(view))

    # -- answering ------------------------------------------------------------------------------
    def choose(self, option: int) -> None:
        """An option picked (from 0), by its number or by arrows and Enter."""
        question = self.view.question
        if question is not None and 0 <= option < len(question.options):
            self.send(question.options[option])

    def action_number(self, n: int) -> None:
        self.choose(n - 1)

    def answer_entered(self, text: str) -> None:
        if text.strip():
            self.send(text.strip())

    def hold_key(self, event: events.Key) -> bool:
        return False

    def send(self, given: str) -> None:
        """Take the answer now (the screen says so at once); the store thread sends it."""
        view = self.view
        if view.state is not State.OPEN or view.index is None or self.given is not None:
            return
        index, seat, code = view.index, self.seat, view.code
        self.sent[index] = given
        self.problem = None
        self.link.put(Job(lambda: PlayUpdated(seat.live_answer(code, index, given), polled=False),
                            lambda error: PlayRefused(error, index, given)))
        self._shown = None
        self.show(view)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "number":
            return self.view.state is State.OPEN and self.given is None
        return True

    def action_leave(self) -> None:
        cast(GameLeaver, self.app).leave_game()


def option_line(number: int, option: str) -> Table:
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1)
    grid.add_row(Text(f" {number} ", style="bold reverse"), Text(option, style="bold"))
    return grid


def answer_shown(question: AskedQuestion, given: str | None, key: str | None) -> RenderableType:
    """The options with this player's choice marked (and once revealed, the key); for a typed
    question, what they typed (and the key)."""
    if question.options:
        return options_table(question, chosen=given, key=key)
    lines = [Text.assemble(("Your answer: ", "dim"), (given, "bold") if given else ("none", "dim"))]
    if key is not None:
        lines.append(Text.assemble(("The answer:  ", "dim"), (key, "bold green")))
    return Group(*lines)


def status_line(view: PlayerView, answered: bool) -> Text:
    line = Text()
    if view.state is State.OPEN:
        line.append(f"{countdown(view.seconds_left)} s left", style="bold red" if (view.seconds_left or 0) < 5 else "bold")
        line.append("  ·  answered" if answered else "  ·  not answered yet", style="dim")
        line.append("  ·  ")
    elif view.state is State.REVEALED:
        line.append("Revealed  ·  ", style="bold")
    line.append(f"score {view.score}" if view.points else f"{counted(view.score, 'right answer')}")
    if view.rank is not None:
        line.append(f"  ·  {ordinal(view.rank)} of {view.players}")
    return line


def revealed_note(view: PlayerView) -> Text:
    if view.verdict is Outcome.CORRECT:
        line = Text.assemble(("Right!", "bold green"))
        if view.points and view.points_won:
            line.append(f"  +{view.points_won} points")
    elif view.verdict is None:
        line = Text.assemble(("No answer this time.", "bold"))
    else:
        line = Text.assemble(("Nearly, but not right." if view.verdict is Outcome.NEAR_MISS else "Not right.", "bold red"))
    line.append("\nThe answer: ", style="dim")
    line.append(view.answer or "")
    line.append("\n")
    line.append(f"Score {view.score}" if view.points else counted(view.score, "right answer"), style="bold")
    if view.rank is not None:
        line.append(f"  ·  {ordinal(view.rank)} of {view.players}")
    if view.index is not None and view.index + 1 < view.total:
        line.append("\nThe next question comes when your teacher opens it.", style="dim")
    return line


def final_note(view: PlayerView) -> Text:
    if view.rank is None:
        return Text("The game is over.", style="bold")
    line = Text.assemble((f"You came {ordinal(view.rank)} of {view.players}", "bold"))
    line.append(f" with {view.score} points." if view.points else f" with {counted(view.score, 'right answer')}.")
    line.append("\nEsc leaves.", style="dim")
    return line
