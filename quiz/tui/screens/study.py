"""Study: one question at a time, answered by choice, typing or self-grading, then feedback.

Phases: "question" → ("revealed" for flip cards) → "feedback" → next question, until the session
runs out or the learner ends it. Letter keys (u, s, i, q) act whenever no Input has focus; while
typing, escape ends and ctrl+z / ctrl+s / ctrl+o undo, suspend and show card info. A toast names
only keys that work where it appears. An answer the store could not save (a full disk) is said on
screen and kept (typed text stays in the box), so the learner can try again. Writes (answers,
ratings, undo, suspend) run on the screen's writer thread; the screen waits for each without
freezing, and keys pressed meanwhile are replayed once it is done.
"""

from __future__ import annotations

import importlib
import time
from typing import Any

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Header, OptionList, Static

from quiz.doors.learner import StudySession
from quiz.errors import QuizError, StoreError, UnreadableAnswer
from quiz.study.items import Feedback, StudyItem
from quiz.tui.format import RATING_LABELS, interval
from quiz.tui.screens.base import QuizScreen
from quiz.tui.screens.question_panel import TYPED_MODES, question_layout, show_question, show_verdict
from quiz.tui.screens.study_writes import Answered, HeldKeys, NotDone, StudyWrite, Suspended, Undone
from quiz.tui.widgets.ratings import RatingBar
from quiz.tui.widgets.session_bar import SessionBar
from quiz.tui.writer import Job, StoreWriter

DONT_KNOW = "?"  # the session's "I don't know": scored Again, the answer shown
HINTS = {
    "mc": "1–{n} or ↑↓ Enter · 0 or ? I don't know",
    "typed": "type, Enter (empty or ? : I don't know) · ^z undo · Esc end",
    "cloze": "type, Enter (empty or ? : I don't know) · ^z undo · Esc end",
    "flip": "space shows the answer, then 1–4",
}


def _warm_up_answer_checking() -> None:
    """Import the answer checker (dateparser and friends) while the learner reads the first question."""
    importlib.import_module("question_bank.answers.check")


class StudyScreen(QuizScreen):
    """Runs one `StudySession` to its end, then shows the summary."""

    BINDINGS = [
        Binding("space,enter", "reveal", "Show answer"),
        Binding("enter,space", "next", "Next"),
        Binding("u,ctrl+z", "undo", "Undo"),
        Binding("s,ctrl+s", "suspend", "Suspend"),
        Binding("i,e,ctrl+o", "info", "Card info"),
        Binding("q,escape", "end", "End session"),
        Binding("0,question_mark", "dont_know", "Don't know", key_display="0/?"),
        *(Binding(str(n), f"number({n})", show=False) for n in range(1, 10)),
    ]

    def __init__(self, session: StudySession, bank: str | None = None) -> None:
        super().__init__()
        self.session = session
        self.bank = bank
        self.phase = "question"
        self.item: StudyItem | None = None
        self.shown_at = time.monotonic()
        self._reported_first = False
        self.writer = StoreWriter(self, "study writer")
        self.busy: StudyWrite | None = None  # a write on its way: the session is the writer's
        self.held = HeldKeys()

    # -- layout ---------------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Header()
        yield from question_layout(self, Static(id="flip-answer"), RatingBar(id="ratings"))
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = self.bank or "all banks"
        self.writer.start()
        self.show_item(self.session.current)

    # -- showing --------------------------------------------------------------------------------
    def show_item(self, item: StudyItem | None) -> None:
        """Put a question on screen, or end the session when there is none."""
        self.item = item
        if item is None:
            self.finish()
            return
        q = item.question
        self.phase = "question"
        self.shown_at = time.monotonic()
        self.query_one("#flip-answer").display = False
        self.query_one("#ratings").display = False
        show_question(self, item, HINTS)
        if q.mode != "mc" and q.mode not in TYPED_MODES:  # flip
            self.query_one("#flip-answer", Static).update(Text("Recall the answer, then press space", style="dim"))
            self.query_one("#flip-answer").display = True
            self.set_focus(None)
        self.update_bar()
        self.refresh_bindings()
        if not self._reported_first:
            self._reported_first = True
            self.call_after_refresh(self.quiz.first_question_shown)
            if not self.quiz.exit_after_first_question:
                self.run_worker(_warm_up_answer_checking, thread=True, exit_on_error=False)

    def update_bar(self) -> None:
        session = self.session
        self.query_one(SessionBar).show(self.bank or "All banks", session.reviewed, session.left(), session.counts())

    def show_feedback(self, fb: Feedback) -> None:
        """The verdict under the question; a multiple-choice question keeps its options, marked."""
        self.phase = "feedback"
        show_verdict(self, self.item, fb)
        self.update_bar()
        self.refresh_bindings()

    # -- answering ------------------------------------------------------------------------------
    def _elapsed_ms(self) -> int:
        return int((time.monotonic() - self.shown_at) * 1000)

    def write(self, write: StudyWrite, job: Job) -> None:
        """Hand a session call to the writer; until its report, keys wait and the session is its."""
        self.busy = write
        self.writer.put(job)

    def answer(self, given: str) -> None:
        if self.phase != "question" or self.item is None or self.busy:
            return
        session, ms = self.session, self._elapsed_ms()
        self.write(StudyWrite.ANSWER, Job(lambda: Answered(session.answer(given, duration_ms=ms), StudyWrite.ANSWER),
                                          lambda error: NotDone(StudyWrite.ANSWER, error)))

    def written(self) -> None:
        """The writer is done with the session: the keys pressed meanwhile go on."""
        self.busy = None
        self.refresh_bindings()
        self.held.replay(self.app)

    @on(Answered)
    def answered(self, report: Answered) -> None:
        self.busy = None
        if report.write == StudyWrite.RATE:
            self.rated(report.feedback)
        else:
            self.show_feedback(report.feedback)
        self.written()

    @on(NotDone)
    def not_done(self, report: NotDone) -> None:
        error = report.error
        self.busy = None
        if isinstance(error, UnreadableAnswer):  # nothing recorded: say why, keep what was typed, ask again
            self.say(Text(str(error)))
        elif isinstance(error, StoreError) and report.write in (StudyWrite.ANSWER, StudyWrite.RATE):
            self.not_saved(error)  # nothing recorded (a full disk): say so, keep the answer, retry
        else:  # the learner was removed, or the card changed, in another window; or undo not saved
            self.refused(error)
        self.written()

    def answer_entered(self, text: str) -> None:
        """Enter on an empty box (or `?`) is "I don't know": the session marks it Again."""
        self.answer(text)

    def hold_key(self, event: events.Key) -> bool:
        if self.busy:
            self.held.hold(event)
        return self.busy is not None

    def on_key(self, event: events.Key) -> None:
        """While the writer has the session, keys wait (bindings included) and are replayed after."""
        if self.busy:
            self.held.hold(event)

    def say(self, message: Text) -> None:
        """A line under the answer: why it was not taken (what was typed stays in the box)."""
        note = self.query_one("#typed-note", Static)
        note.update(message)
        note.display = True

    def not_saved(self, error: StoreError) -> None:
        """The store refused the write: the answer is not lost, the same key tries again."""
        again = {"mc": "choose again", "flip": "rate it again"}.get(self._mode() or "", "press Enter again")
        kept = "" if self._mode() in ("mc", "flip") else " Your answer is still in the box."
        why = str(error).removeprefix("not saved: ")
        self.say(Text(f"Your answer was not saved: {why}.{kept} Free some space, then {again}.", style="bold"))

    def refused(self, error: QuizError) -> None:
        self.notify(str(error), title="Not done", severity="error", timeout=6, markup=False)

    def toast(self, message: str, **options: Any) -> None:
        """One toast at a time: a new one replaces the last, so they never pile up."""
        self.app.clear_notifications()
        self.notify(message, markup=False, **options)

    def _mode(self) -> str | None:
        return str(self.item.question.mode) if self.item else None

    def undo_key(self) -> str:
        """The undo key that works on what is on screen now (letters go into an answer box)."""
        return "ctrl+z" if self.phase == "question" and self._mode() in TYPED_MODES else "u"

    def rate(self, rating: int) -> None:
        """A flip card is done once rated: the next question comes at once (two presses a card)."""
        if self.phase != "revealed" or self.busy:
            return
        session, ms = self.session, self._elapsed_ms()
        self.write(StudyWrite.RATE, Job(lambda: Answered(session.rate(rating, duration_ms=ms), StudyWrite.RATE),
                                        lambda error: NotDone(StudyWrite.RATE, error)))

    def rated(self, fb: Feedback) -> None:
        self.show_item(self.session.advance())
        if self.item is None:  # the summary is on screen now: no toast over it
            return
        label = RATING_LABELS.get(fb.rating, str(fb.rating))
        message = f"{label}: back in {interval(fb.interval)} · {self.undo_key()} undoes"
        if fb.leech:
            message += " · you keep forgetting this card: consider suspending it"
        self.toast(message, timeout=3)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if self.item is not None:
            self.answer(self.item.question.options[event.option_index])

    def on_rating_bar_rated(self, event: RatingBar.Rated) -> None:
        self.rate(event.rating)

    # -- actions --------------------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.quitting or self.busy:
            return False
        mode = self.item.question.mode if self.item else None
        if action == "reveal":
            return self.phase == "question" and mode == "flip"
        if action == "next":
            return self.phase == "feedback"
        if action == "number":
            return (self.phase == "question" and mode == "mc") or self.phase == "revealed"
        if action == "dont_know":
            return self.phase == "question" and mode == "mc"
        return True

    def action_reveal(self) -> None:
        if self.item is None:
            return
        q = self.item.question
        self.phase = "revealed"
        shown = Text(q.answer, style="bold")
        if q.note:
            shown.append("\n")
            shown.append(q.note, style="not bold dim")
        self.query_one("#flip-answer", Static).update(shown)
        ratings = self.query_one(RatingBar)
        ratings.show_preview(self.session.preview())
        ratings.display = True
        self.refresh_bindings()

    def action_number(self, n: int) -> None:
        if self.phase == "revealed":
            if n <= 4:
                self.rate(n)
            return
        if self.item is None:
            return
        options = self.item.question.options
        if 1 <= n <= len(options):
            self.answer(options[n - 1])

    def action_dont_know(self) -> None:
        """Multiple choice without guessing: scored Again, the answer marked."""
        self.answer(DONT_KNOW)

    def action_next(self) -> None:
        self.show_item(self.session.advance())

    def action_undo(self) -> None:
        """Undo the last action, an answer or a suspension (refused if another window changed the card)."""
        session = self.session
        self.write(StudyWrite.UNDO, Job(lambda: Undone(session.undo()), lambda error: NotDone(StudyWrite.UNDO, error)))

    @on(Undone)
    def undone(self, report: Undone) -> None:
        self.busy = None
        if report.undone:
            self.show_item(self.session.current)
            self.toast("Last action undone", timeout=2)
        else:
            self.toast("Nothing to undo", severity="warning", timeout=2)
        self.written()

    def action_suspend(self) -> None:
        if self.item is None:
            return
        session = self.session

        def suspend() -> Suspended:
            session.suspend_current()
            return Suspended()

        self.write(StudyWrite.SUSPEND, Job(suspend, lambda error: NotDone(StudyWrite.SUSPEND, error)))

    @on(Suspended)
    def suspended(self, report: Suspended) -> None:
        self.busy = None
        self.show_item(self.session.current)
        if self.item is not None:  # else the summary is on screen, where nothing undoes
            self.toast(f"Card suspended ({self.undo_key()} undoes)", timeout=2)
        self.written()

    def action_info(self) -> None:
        if self.item is None:
            return
        from quiz.tui.screens.card_info import CardInfoScreen

        answered = self.phase == "feedback"
        self.app.push_screen(CardInfoScreen(self.item.card_id, allow_suspend=False, hide_answer=not answered))

    def action_end(self) -> None:
        self.finish()

    def on_unmount(self) -> None:
        """However the screen goes (ended, or left through the palette), the write on its way is
        finished, then its connection closes."""
        self.writer.close()
        self.session.close()

    def finish(self) -> None:
        """Show the session's summary in place of this screen."""
        from quiz.tui.screens.summary import SummaryScreen

        self.app.clear_notifications()  # a study toast ("u undoes") means nothing on the summary
        self.app.switch_screen(SummaryScreen(self.session.summary()))
        if not self._reported_first:  # nothing to study: the start-up probe must still end
            self._reported_first = True
            self.app.call_after_refresh(self.quiz.first_question_shown)
