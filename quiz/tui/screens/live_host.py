"""The teacher's screen of a live game (`quiz live`): the join code large and who has joined; each
question with its countdown and a live count of answers; the reveal (the key, a bar per option,
how many were right); at the end the leaderboard.

The screen never waits on the database: every call to the game (`tick` a few times a second, and
the teacher's keys) runs on the screen's one store thread, in order, and comes back as a message
with the game's view. `tick` reveals a question by itself when its countdown ends or everyone has
answered, so the screen only shows what the view says.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Protocol

from rich.console import Group, RenderableType
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Digits, Header, Static

from quiz.errors import QuizError
from quiz.live.model import HostView, State
from quiz.tui.format import counted
from quiz.tui.screens.live_link import LiveLink
from quiz.tui.widgets.big_code import big_code
from quiz.tui.widgets.footer import SteadyFooter
from quiz.tui.widgets.live_tables import countdown, distribution, options_table, standings_table
from quiz.tui.widgets.steady_line import SteadyLine
from quiz.tui.writer import Job

__all__ = ["POLL_S", "LiveHostScreen", "LiveHosting", "host_body"]

POLL_S = 0.25  # how often the screen asks the game how it stands (and lets it reveal by itself)
ENDING_S = 4.0  # how long a first e waits for the second that ends the game


class LiveHosting(Protocol):
    """The teacher's side of a game (`TeacherDoor.live`)."""

    def tick(self, code: str) -> HostView: ...

    def open_next(self, code: str) -> HostView: ...

    def reveal(self, code: str) -> HostView: ...

    def end(self, code: str) -> HostView: ...


@dataclass
class HostUpdated(Message):
    """The game as it stands, from the store thread; `acted`: the answer to a teacher's key."""

    view: HostView
    acted: bool


@dataclass
class HostRefused(Message):
    error: QuizError
    acted: bool


class LiveHostScreen(Screen[None]):
    """One game, hosted: Enter opens the next question, r reveals now, e ends with the leaderboard."""

    DEFAULT_CSS = """
    LiveHostScreen { align-horizontal: center; }
    #live-host { padding: 0 2; max-width: 110; }
    #host-status { height: 1; margin-top: 1; }
    #host-scroll { height: 1fr; margin-top: 1; }
    #host-body { height: auto; }
    #host-clock { height: 3; margin-bottom: 1; }
    #host-countdown { width: auto; color: $accent; }
    #host-answers { width: 1fr; height: 3; content-align: left middle; padding-left: 4; }
    """

    BINDINGS = [
        # Enter moves the game on; which of these the footer shows says where to (one is enabled).
        Binding("enter,space", "start", "First question"),
        Binding("enter,space", "next", "Next question"),
        Binding("enter,space", "finish", "Leaderboard"),
        Binding("r", "reveal", "Reveal now"),
        Binding("e", "end", "End game"),
        Binding("q", "leave", "Leave"),
    ]

    def __init__(self, host: LiveHosting, view: HostView) -> None:
        super().__init__()
        self.host = host
        self.view = view
        self.acting = False  # a teacher's key is on its way: the next waits for its answer
        self.ending = False  # e was pressed once mid-game: a second e ends it
        self._shown: HostView | None = None
        code = view.code
        self.link = LiveLink(self, "live host", lambda: HostUpdated(host.tick(code), acted=False),
                             lambda error: HostRefused(error, acted=False))

    @property
    def polls(self) -> int:
        """Looks at the game received (tests wait on it)."""
        return self.link.polls

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="live-host"):
            yield SteadyLine(id="host-status")
            with VerticalScroll(id="host-scroll"):
                yield Static(id="host-body")
            with Horizontal(id="host-clock"):
                yield Digits(id="host-countdown")
                yield SteadyLine(id="host-answers")
        yield SteadyFooter()

    def on_mount(self) -> None:
        self.title = f"Live · {self.view.class_name}"
        self.sub_title = f"code {self.view.code}"
        self.show(self.view)
        self.link.start(POLL_S, lambda: POLL_S if not self.acting and self.view.state is not State.ENDED else None)

    def on_unmount(self) -> None:
        self.link.close()

    # -- the game's view ------------------------------------------------------------------------
    @on(HostUpdated)
    def updated(self, report: HostUpdated) -> None:
        self._answered(report.acted)
        self.link.said(None)
        self.show(report.view)

    @on(HostRefused)
    def refused(self, report: HostRefused) -> None:
        self._answered(report.acted)
        if report.acted or self.link.said(str(report.error)):  # a failing look is said once, not 4 times a second
            self.notify(str(report.error), severity="warning", timeout=5, markup=False)

    def _answered(self, acted: bool) -> None:
        if acted:
            self.acting = False
        else:
            self.link.looked()

    def show(self, view: HostView) -> None:
        """Draw what changed: the body when the game moved, the clock and count every time."""
        self.view = view
        still = replace(view, seconds_left=None, closes=None, answers=0)  # those three are the lines below
        if still != self._shown:
            self._shown = still
            self.query_one("#host-body", Static).update(host_body(view))
            self.query_one("#host-clock").display = view.state is State.OPEN
            self.refresh_bindings()
        self.query_one("#host-status", SteadyLine).show(status_line(view))
        if view.state is State.OPEN:
            clock = self.query_one("#host-countdown", Digits)
            if clock.value != countdown(view.seconds_left):
                clock.update(countdown(view.seconds_left))
            self.query_one("#host-answers", SteadyLine).show(
                Text(f"{view.answers} of {len(view.players)} answered", style="bold"))

    # -- the teacher's keys ---------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        view = self.view
        if action == "start":
            return view.state is State.LOBBY
        if action in ("next", "finish"):
            return view.state is State.REVEALED and last_question(view) == (action == "finish")
        if action == "reveal":
            return view.state is State.OPEN
        if action == "end":
            return view.state is not State.ENDED
        if action == "leave":
            return view.state is State.ENDED
        return True

    def action_start(self) -> None:
        if not self.acting and self.view.state is State.LOBBY:
            self._act(self.host.open_next)

    def action_next(self) -> None:
        if not self.acting and self.view.state is State.REVEALED:
            self._act(self.host.end if last_question(self.view) else self.host.open_next)

    def action_finish(self) -> None:
        self.action_next()

    def action_reveal(self) -> None:
        if not self.acting and self.view.state is State.OPEN:
            self._act(self.host.reveal)

    def action_end(self) -> None:
        """e ends the game: at once after the last question, else on a second e (a slip of the
        finger should not end a class's game)."""
        view = self.view
        if self.acting or view.state is State.ENDED:
            return
        if self.ending or view.state is State.REVEALED and last_question(view):
            self._act(self.host.end)
            return
        self.ending = True
        self.notify("Press e again to end the game now (the leaderboard is shown).", timeout=ENDING_S)
        self.set_timer(ENDING_S, self._not_ending)

    def _not_ending(self) -> None:
        self.ending = False

    def action_leave(self) -> None:
        self.app.exit()

    def _act(self, call: _GameCall) -> None:
        """A teacher's key: its call on the store thread; the next key waits for its answer."""
        self.acting = True
        self.ending = False
        code = self.view.code
        self.link.put(Job(lambda: HostUpdated(call(code), acted=True), lambda error: HostRefused(error, acted=True)))


class _GameCall(Protocol):
    def __call__(self, code: str) -> HostView: ...


def last_question(view: HostView) -> bool:
    return view.index is not None and view.index + 1 >= view.total


def status_line(view: HostView) -> Text:
    """One line: the code (for late joiners), where the game is, and who is in it."""
    line = Text.assemble(("Code ", "dim"), (view.code, "bold"), ("  ·  ", "dim"))
    if view.state is State.LOBBY:
        line.append(f"{counted(len(view.players), 'player')} joined · {counted(view.total, 'question')}")
    elif view.state is State.ENDED:
        line.append("Game over")
    else:
        assert view.index is not None
        line.append(f"Question {view.index + 1} of {view.total}")
        if view.state is State.REVEALED:
            line.append("  ·  revealed", style="bold")
    line.append(f"  ·  {view.bank}", style="dim")
    return line


def host_body(view: HostView) -> RenderableType:
    """The screen's main part for the game's state."""
    if view.state is State.LOBBY:
        return lobby(view)
    if view.state is State.ENDED:
        return leaderboard(view)
    question = view.question
    assert question is not None and view.index is not None
    prompt = Text(question.prompt, style="bold")
    heading = Text(f"Question {view.index + 1} of {view.total}", style="bold cyan")
    if view.state is State.OPEN:
        answer_how = options_table(question) if question.options else Text("(a typed answer)", style="dim")
        return Group(heading, prompt, Text(""), answer_how)
    reveal = view.reveal
    assert reveal is not None
    summary = Text.assemble((f"{reveal.right} of {reveal.answered} right", "bold green"),
                            f"  ({reveal.answered} of {reveal.players} answered)  ·  the answer: ",
                            (reveal.answer, "bold"))
    then = "Enter: the leaderboard" if last_question(view) else "Enter: next question"
    board: list[RenderableType] = (
        [Text(""), Text("Standing", style="bold"), standings_table(view.leaderboard, view.points, limit=5)]
        if view.leaderboard else [])
    return Group(heading, prompt, Text(""), distribution(question, reveal), Text(""), summary, *board,
                 Text(""), Text(then, style="dim"))


def lobby(view: HostView) -> RenderableType:
    join = Text.assemble(("Join with ", "bold"), ("quiz live join ", "bold"), (view.code, "bold"),
                         " in a terminal, or ", ("g", "bold"), " on the class server's home.")
    players = Text.assemble((f"{counted(len(view.players), 'player')}: ", "bold"))
    players.append_text(Text(", ").join(Text(name) for name in view.players) if view.players
                        else Text("waiting for the class…", style="dim"))
    return Group(Text("Game code", style="bold"), big_code(view.code, "bold yellow"), Text(""), join, Text(""),
                 players, Text(""), Text("Enter: the first question", style="dim"))


def leaderboard(view: HostView) -> RenderableType:
    title = Text("Leaderboard" if view.points else "Right answers", style="bold")
    if not view.leaderboard:
        return Group(title, Text("Nobody played.", style="dim"))
    return Group(title, Text(""), standings_table(view.leaderboard, view.points),
                 Text(""), Text(f"The report: quiz live report {view.code}", style="dim"))
