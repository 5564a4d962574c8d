"""Words and numbers as the screens show them: intervals, modes, verdicts, dates."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from rich.markup import escape

from quiz.model import Outcome

MODE_LABELS = {
    "mc": "multiple choice",
    "typed": "typed answer",
    "cloze": "fill the gap",
    "flip": "flip card",
}
RATING_LABELS = {1: "Again", 2: "Hard", 3: "Good", 4: "Easy"}
VERDICT_WORDS = {Outcome.CORRECT: "correct", Outcome.WRONG: "wrong", Outcome.NEAR_MISS: "near miss",
                 Outcome.UNANSWERED: "unanswered"}


def verdict_word(verdict: Outcome) -> str:
    """A verdict as a teacher reads it ("near miss"), not as it is stored ("near_miss")."""
    return VERDICT_WORDS[verdict]


def counted(n: int, word: str, plural: str | None = None) -> str:
    """'1 card', '2 cards' (`plural` for words that do not just take an s: '2 leeches')."""
    return f"{n} {word if n == 1 else plural or word + 's'}"


def interval(delta: timedelta | None) -> str:
    """A short human interval (the scheduler's own wording), or a dash for none."""
    return "—" if delta is None else format_interval(delta)


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
        moment = moment.replace(tzinfo=UTC)
    delta = moment - now
    if delta.total_seconds() <= 0:
        return "now"
    text = f"in {interval(delta)}"
    if delta >= timedelta(days=1):
        text += f" ({moment:%d %b %Y})"
    return text


def soon(moment: datetime | None, now: datetime) -> str:
    """A due time in a narrow column: "now", "10m", "3d", or a dash for none."""
    if moment is None:
        return "—"
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return "now" if moment <= now else interval(moment - now)


def percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f}%" if whole else "—"


def mode_line(kind: str, mode: str, state: str | None = None) -> str:
    """"date · multiple choice · new": what is asked, how, and where the card stands."""
    return " · ".join(filter(None, (str(kind), MODE_LABELS.get(mode, str(mode)), state)))


def text(value: object) -> str:
    """Escape user or bank text before it goes into Rich markup."""
    return escape(str(value)) if value is not None else ""


def format_interval(interval: timedelta) -> str:
    """Short human interval: 1m, 10m, 3h, 4d, 2.1mo, 1.5y."""
    seconds = max(0, interval.total_seconds())
    if seconds < 3600:
        return f"{max(1, round(seconds / 60))}m"
    if seconds < 86400:
        return f"{round(seconds / 3600)}h"
    days = seconds / 86400
    if days < 30:
        return f"{round(days)}d"
    if days < 365:
        return f"{days / 30:.1f}mo"
    return f"{days / 365:.1f}y"
