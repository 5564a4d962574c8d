"""What the learner sees after an answer: the verdict, the right answer, the note and the next review."""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.widgets import Static

from quiz.tui.format import RATING_LABELS, interval, text

VERDICTS = {
    "correct": ("✓ Right", "verdict-right"),
    "near_miss": ("≈ Near miss", "verdict-near"),
    "wrong": ("✗ Wrong", "verdict-wrong"),
}


def render_feedback(fb) -> str:
    """Rich markup for a `Feedback`; every bank or learner string is escaped."""
    title, _ = VERDICTS.get(fb.outcome, (fb.outcome, ""))
    lines = [f"[b]{title}[/b]" + (f" — {text(fb.reason)}" if fb.reason else "")]
    lines.append(f"[dim]Answer:[/dim]   [b]{text(fb.answer)}[/b]")
    if fb.given is not None and fb.given != "":
        lines.append(f"[dim]You gave:[/dim] {text(fb.given)}")
    if fb.note:
        lines.append(f"[dim]Note:[/dim]     {text(fb.note)}")
    if fb.source:
        lines.append(f"[dim]Source:[/dim]   [i]{text(fb.source)}[/i]")
    rating = RATING_LABELS.get(fb.rating, str(fb.rating))
    lines.append(f"[dim]Next:[/dim]     in [b]{interval(fb.interval)}[/b] ({rating})")
    if getattr(fb, "leech", False):
        lines.append("[b $error]This card is now a leech[/]: you keep forgetting it; consider suspending it (s).")
    return "\n".join(lines)


class FeedbackPanel(VerticalScroll, can_focus=True):
    """Focusable, so Enter/space (and u, s, i) reach the screen once the answer widgets hide."""

    def compose(self):
        yield Static(id="feedback-text")

    def show(self, fb) -> None:
        _, css_class = VERDICTS.get(fb.outcome, ("", ""))
        self.remove_class(*(c for _, c in VERDICTS.values()))
        if css_class:
            self.add_class(css_class)
        self.query_one("#feedback-text", Static).update(render_feedback(fb))
        self.border_title = "Feedback · Enter to go on"
        self.scroll_home(animate=False)
