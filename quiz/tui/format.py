"""Words and numbers as the screens show them: intervals, modes, verdicts, dates."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from rich.markup import escape

MODE_LABELS = {
    "mc": "multiple choice",
    "typed": "typed answer",
    "cloze": "fill the gap",
    "flip": "flip card",
}
KIND_LABELS = {"date": "date", "unit": "unit", "place": "place"}
RATING_LABELS = {1: "Again", 2: "Hard", 3: "Good", 4: "Easy"}
STATE_LABELS = {"new": "new", "learning": "learning", "review": "review", "relearning": "relearning"}


def interval(delta: timedelta | None) -> str:
    """A short human interval: 45s, 10m, 3h, 4d, 2mo, 1.5y."""
    if delta is None:
        return "—"
    seconds = max(0.0, delta.total_seconds())
    if seconds < 60:
        return f"{seconds:.0f}s"
    if seconds < 3600:
        return f"{seconds / 60:.0f}m"
    if seconds < 86400:
        return f"{seconds / 3600:.0f}h"
    days = seconds / 86400
    if days < 30:
        return f"{days:.0f}d"
    if days < 365:
        return f"{days / 30.4:.0f}mo"
    return f"{days / 365:.1f}y"


def duration(seconds: float) -> str:
    """Time spent: 45s, 3m 20s, 1h 05m."""
    seconds = int(round(seconds))
    if seconds < 60:
        return f"{seconds}s"
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes}m {seconds:02d}s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours}h {minutes:02d}m"


def when(moment: datetime | None, now: datetime) -> str:
    """A due time relative to now: "now", "in 10m", "in 3d (12 Mar)"."""
    if moment is None:
        return "nothing scheduled"
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    delta = moment - now
    if delta.total_seconds() <= 0:
        return "now"
    text = f"in {interval(delta)}"
    if delta >= timedelta(days=1):
        text += f" ({moment:%d %b %Y})"
    return text


def percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f}%" if whole else "—"


def mode_line(kind: str, mode: str, state: str | None = None) -> str:
    parts = [KIND_LABELS.get(kind, kind), MODE_LABELS.get(mode, mode)]
    if state:
        parts.append(STATE_LABELS.get(state, state))
    return " · ".join(parts)


def text(value: object) -> str:
    """Escape user or bank text before it goes into Rich markup."""
    return escape(str(value)) if value is not None else ""
