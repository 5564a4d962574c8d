"""A card's facts: question kind, FSRS state, stability, difficulty, retrievability, review history."""

from __future__ import annotations

from datetime import datetime

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import DataTable, Static

from quiz.doors.learner import CardDetail
from quiz.tui.format import RATING_LABELS, interval, verdict_word

MODE_SHORT = {"mc": "choice", "typed": "typed", "cloze": "gap", "flip": "flip"}


def _fmt(value: object, spec: str = "") -> str:
    if value is None:
        return "—"
    return format(value, spec) if spec else str(value)


def _time(value: datetime | None) -> str:
    if value is None:
        return "—"
    return value.strftime("%Y-%m-%d %H:%M")


def _short(value: str, width: int) -> str:
    return value if len(value) <= width else value[: width - 1] + "…"


HIDDEN = "hidden until you answer"


def describe(detail: CardDetail, hide_answer: bool = False) -> Text:
    """A card and its numbers, as literal text (the statement and ids are bank text).

    Before the card is answered the statement would give the answer away, so it is hidden."""
    row = detail.row
    r = row.retrievability
    out = Text()
    if hide_answer:
        out.append(f"({HIDDEN})", style="dim italic")
    else:
        out.append(row.statement or row.fact_id, style="bold")
    out.append("\n")

    def field(label: str, value: str, gap: str = "  ") -> None:
        out.append(label, style="dim")
        out.append(f" {value}{gap}")

    field("bank", row.bank)
    field("fact", row.fact_id)
    field("kind", str(row.kind))
    field("state", str(row.state))
    if row.suspended:
        out.append("suspended ", style="bold yellow")
    if row.leech:
        out.append("leech", style="bold red")
    out.append("\n")
    field("stability", f"{_fmt(row.stability, '.2f')} d", "   ")
    field("difficulty", _fmt(row.difficulty, ".2f"), "   ")
    field("retrievability", "—" if r is None else f"{100 * r:.0f}%", "")
    out.append("\n")
    field("due", _time(row.due), "   ")
    field("lapses", str(row.lapses), "   ")
    field("reviews", str(len(detail.history)), "")
    return out


class CardInfo(Vertical):
    """The description above a table of past reviews, newest first."""

    def compose(self) -> ComposeResult:
        yield Static(id="card-describe")
        yield DataTable(id="card-history", cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        table = self.query_one("#card-history", DataTable)
        for label in ("When", "Mode", "Given", "Verdict", "Rating", "Next", "Stab.", "Diff."):
            table.add_column(label, key=label.lower())

    def show(self, detail: CardDetail, *, hide_answer: bool = False) -> None:
        self.query_one("#card-describe", Static).update(describe(detail, hide_answer))
        table = self.query_one("#card-history", DataTable)
        table.clear()
        for review in reversed(detail.history):
            table.add_row(
                review.reviewed_at.strftime("%d %b %H:%M"),
                MODE_SHORT.get(review.mode, review.mode),
                Text("…" if hide_answer and review.given else _short(review.given or "—", 24)),
                Text(verdict_word(review.verdict)),
                RATING_LABELS.get(review.rating, str(review.rating)),
                interval(review.interval),
                _fmt(review.stability_after, ".1f"),
                _fmt(review.difficulty_after, ".1f"),
            )
