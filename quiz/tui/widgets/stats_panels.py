"""Text panels of the Stats screen: the summary lines and the true-retention table."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.table import Table
from rich.text import Text

from quiz.tui.format import counted

if TYPE_CHECKING:
    from quiz.stats import LearnerReport


def pct(value: float | None) -> str:
    return "–" if value is None else f"{value * 100:.1f}%"


def summary_text(r: LearnerReport) -> Text:
    """Today, the period, streaks, forecast and memory in four short lines."""
    t, c, f = r.today, r.calendar, r.forecast
    text = Text()
    text.append("Today  ", style="bold")
    text.append(f"{counted(t.reviews, 'review')}, {t.time_s / 60:.0f} min, passed {pct(t.passed / t.reviews if t.reviews else None)}"
                f"  ·  new {t.new}  learning {t.learning}  review {t.review}  relearning {t.relearning}\n")
    text.append("Period ", style="bold")
    text.append(f"{r.period.since} – {r.period.until}: {counted(r.reviews, 'review')} on {len(c.days)} of "
                f"{counted(r.period.days(), 'day')}"
                f"  ·  streak {c.current_streak} (longest {c.longest_streak})\n")
    text.append("Ahead  ", style="bold")
    text.append(f"{f.days[0][1] if f.days else 0} due today, {sum(n for _, n in f.days[:7])} this week"
                f"  ·  daily load {f.daily_load:.1f}\n")
    text.append("Memory ", style="bold")
    text.append(f"about {counted(round(r.fsrs.known), 'fact')} known  ·  mastery {pct(r.mastery)} at R ≥ {r.desired_retention:g}"
                f"  ·  {counted(r.leeches, 'leech', 'leeches')}")
    if r.papers:
        text.append("\nPapers ", style="bold")
        text.append("  ".join(f"{p.title} {p.score:g}/{p.max}" for p in r.papers))
    return text


def retention_table(r: LearnerReport) -> Table:
    table = Table(box=None, padding=(0, 1), show_edge=False, header_style="bold")
    for name in ("", "Young", "Mature", "Total", "Reviews"):
        table.add_column(name, justify="left" if not name else "right")
    for row in r.retention:
        table.add_row(row.period, pct(row.young.rate), pct(row.mature.rate), pct(row.total.rate),
                      str(row.total.reviews))
    return table
