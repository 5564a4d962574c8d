"""A card's facts: question kind, FSRS state, stability, difficulty, retrievability, review history."""

from __future__ import annotations

from datetime import datetime

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import DataTable, Static

from quiz.desk import CardDetail
from quiz.tui.format import RATING_LABELS, interval, text

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


def describe(detail: CardDetail) -> str:
    """Rich markup for a card and its history."""
    row = detail.row
    r = row.retrievability
    flags = []
    if row.suspended:
        flags.append("[b $warning]suspended[/]")
    if row.leech:
        flags.append("[b $error]leech[/]")
    lines = [
        f"[b]{text(row.statement or row.fact_id)}[/b]",
        f"[dim]bank[/dim] {text(row.bank)}  [dim]fact[/dim] {text(row.fact_id)}  "
        f"[dim]kind[/dim] {text(row.kind)}  [dim]state[/dim] {text(row.state)}  {' '.join(flags)}",
        f"[dim]stability[/dim] {_fmt(row.stability, '.2f')} d   "
        f"[dim]difficulty[/dim] {_fmt(row.difficulty, '.2f')}   "
        f"[dim]retrievability[/dim] {'—' if r is None else f'{100 * r:.0f}%'}",
        f"[dim]due[/dim] {_time(row.due)}   "
        f"[dim]lapses[/dim] {row.lapses}   "
        f"[dim]reviews[/dim] {len(detail.history)}",
    ]
    return "\n".join(lines)


class CardInfo(Vertical):
    """The description above a table of past reviews, newest first."""

    def compose(self) -> ComposeResult:
        yield Static(id="card-describe")
        yield DataTable(id="card-history", cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        table = self.query_one("#card-history", DataTable)
        for label in ("When", "Mode", "Given", "Verdict", "Rating", "Next", "Stab.", "Diff."):
            table.add_column(label, key=label.lower())

    def show(self, detail: CardDetail) -> None:
        self.query_one("#card-describe", Static).update(describe(detail))
        table = self.query_one("#card-history", DataTable)
        table.clear()
        for review in reversed(detail.history):
            table.add_row(
                review.reviewed_at.strftime("%d %b %H:%M"),
                MODE_SHORT.get(review.mode, review.mode),
                text(_short(review.given or "—", 24)),
                text(review.verdict.replace("_", " ")),
                RATING_LABELS.get(review.rating, str(review.rating)),
                interval(review.interval),
                _fmt(review.stability_after, ".1f"),
                _fmt(review.difficulty_after, ".1f"),
            )
