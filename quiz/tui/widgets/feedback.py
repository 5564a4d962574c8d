"""What the learner sees after an answer: the verdict, the right answer, the note and the next review."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from quiz.model import Outcome
from quiz.study.items import Feedback
from quiz.tui.format import RATING_LABELS, interval, verdict_word

VERDICTS = {
    Outcome.CORRECT: ("✓ Right", "verdict-right"),
    Outcome.NEAR_MISS: ("≈ Near miss", "verdict-near"),
    Outcome.WRONG: ("✗ Wrong", "verdict-wrong"),
}
PLAIN_REASONS = {"", "right", "correct"}  # a verdict that says no more than "✓ Right"
SPELLED = "Accepted; it is spelled"  # the checker's word for a typo it forgives
NOT_KNOWN = "Not known"  # the session's reason for an "I don't know"


def render_feedback(fb: Feedback, with_answer: bool = True) -> Group:
    """A label/value grid for a `Feedback`, so long notes wrap under their value, not their label.

    Every value is bank or learner text, so each is a `Text` (never markup). Without the answer
    (multiple choice marks its options instead), the grid holds the note, the source and the next
    review."""
    title, _ = VERDICTS.get(fb.outcome, (verdict_word(fb.outcome), ""))
    reason = "" if fb.reason.strip().rstrip(".").lower() in PLAIN_REASONS else fb.reason
    if not fb.correct and reason.startswith(NOT_KNOWN):  # "I don't know": no guess, no "Wrong"
        title, reason = "✗ Not known", reason.removeprefix(NOT_KNOWN).lstrip(": ")
    if fb.correct and reason.startswith(SPELLED):  # the checker may name the alias matched ("Zajecar")
        reason = f"{SPELLED} {fb.answer}"
    grid = Table.grid(padding=(0, 1), expand=True)
    grid.add_column(style="dim", no_wrap=True, min_width=8)
    grid.add_column(ratio=1)
    heading = Text(title, style="bold")
    if reason:
        heading.append(f" — {reason}", style="not bold")
    if with_answer:
        grid.add_row("Answer", Text(str(fb.answer), style="bold"))
        if fb.given and fb.given != fb.answer and fb.given.strip() != "?":
            grid.add_row("You gave", Text(str(fb.given)))
    rating = RATING_LABELS.get(fb.rating, str(fb.rating))
    grid.add_row("Next", Text.assemble("in ", (interval(fb.interval), "bold"), f" ({rating})"))
    if fb.note:
        grid.add_row("Note", Text(str(fb.note)))
    if fb.source:
        grid.add_row("Source", Text(str(fb.source), style="italic"))
    if fb.leech:
        grid.add_row("Leech", Text("You keep forgetting this card: consider suspending it (s)."))
    return Group(heading, grid)


class FeedbackPanel(VerticalScroll, can_focus=True):
    """Focusable, so Enter/space (and u, s, i) reach the screen once the answer widgets hide."""

    def compose(self) -> ComposeResult:
        yield Static(id="feedback-text")

    def show(self, fb: Feedback, *, with_answer: bool = True) -> None:
        _, css_class = VERDICTS.get(fb.outcome, ("", ""))
        self.remove_class(*(c for _, c in VERDICTS.values()))
        if css_class:
            self.add_class(css_class)
        self.query_one("#feedback-text", Static).update(render_feedback(fb, with_answer))
        self.border_title = "Feedback · Enter to go on"
        self.scroll_home(animate=False)
