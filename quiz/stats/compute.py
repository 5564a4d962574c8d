"""One learner's statistics: the store's aggregates folded into the learner's days and hours.

The store counts reviews by UTC hour; here each hour becomes a study day and a local hour in the
learner's zone (exact for every whole-hour zone, DST included: the rollover is on the hour).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta, tzinfo

from quiz.clock import utc_iso
from quiz.scheduling.fsrs import Scheduler
from quiz.settings import Settings, day_start, local_moment, study_day
from quiz.stats.model import (
    Bin,
    Calendar,
    Day,
    Forecast,
    Fsrs,
    Group,
    Hard,
    LearnerReport,
    PaperScore,
    Period,
    Retention,
    Tally,
    Today,
)
from quiz.store import Database
from quiz.store import stats as sql

FORECAST_DAYS = 30
HARDEST = 10
STABILITY_LABELS = ("<1d", "1-3d", "3-7d", "7-14d", "14-30d", "30-90d", "90-180d", "180-365d", "≥365d")
DIFFICULTY_LABELS = tuple(f"{i}-{i + 1}" for i in range(1, 10))
RETRIEVABILITY_LABELS = tuple(f"{i * 10}-{i * 10 + 10}%" for i in range(10))


class HourMap:
    """UTC hour text ('YYYY-MM-DDTHH') -> (study day, local hour) in one zone, memoised."""

    def __init__(self, zone: tzinfo, rollover: int) -> None:
        self.zone, self.rollover = zone, timedelta(hours=rollover)
        self.seen: dict[str, tuple[date, int]] = {}

    def __call__(self, hour: str) -> tuple[date, int]:
        found = self.seen.get(hour)
        if found is None:
            moment = datetime(int(hour[:4]), int(hour[5:7]), int(hour[8:10]), int(hour[11:13]), tzinfo=UTC)
            local = moment.astimezone(self.zone)
            found = self.seen[hour] = ((local.replace(tzinfo=None) - self.rollover).date(), local.hour)
        return found


def curve(settings: Settings, now: datetime) -> sql.Curve:
    """FSRS's forgetting curve as the scheduler has it: R = (1 + factor · t / S) ^ decay."""
    decay = -float(Scheduler(settings).fsrs.parameters[20])
    return sql.Curve(utc_iso(now), decay, 0.9 ** (1 / decay) - 1, settings.desired_retention)


def default_period(now: datetime, settings: Settings, bank: str | None = None) -> Period:
    """The last twelve months: 365 study days ending today."""
    today = study_day(now, settings)
    return Period(today - timedelta(days=364), today, bank)


def learner_report(
    db: Database,
    learner_id: int,
    name: str,
    settings: Settings,
    now: datetime,
    period: Period,
    papers: Iterable[PaperScore] = (),
) -> LearnerReport:
    """Every statistic of one learner for `period` (the retention table and streaks look further back)."""
    zone = settings.zone()
    to_local = HourMap(zone, settings.rollover_hour)
    today = study_day(now, settings)
    hours = sql.hour_rows(db, [learner_id], period.bank)
    per_day: dict[date, dict[str, int]] = defaultdict(lambda: dict.fromkeys(
        ("learning", "young", "mature", "relearning", "passed", "time_ms", "young_passed", "mature_passed"), 0))
    hourly = [[0, 0] for _ in range(24)]
    for _learner, hour, category, reviews, passed, time_ms in hours:
        day, local_hour = to_local(hour)
        bucket = per_day[day]
        bucket[category] += reviews
        bucket["passed"] += passed
        bucket["time_ms"] += time_ms
        if category in ("young", "mature"):
            bucket[category + "_passed"] += passed
        if period.since <= day <= period.until:
            hourly[local_hour][0] += reviews
            hourly[local_hour][1] += passed
    days = tuple(_day(d, per_day.get(d)) for d in _dates(period.since, period.until))
    studied = sorted(d for d, b in per_day.items() if _total(b))
    memory = curve(settings, now)
    cards = sql.card_groups(db, learner_id, memory, period.bank)
    return LearnerReport(
        name=name,
        period=period,
        timezone=getattr(zone, "key", None) or str(zone),
        today=_today(db, learner_id, now, settings, today, period.bank),
        days=days,
        retention=_retention(per_day, today),
        forecast=_forecast(db, learner_id, now, settings, today, period.bank, to_local, sum(g.load for g in cards)),
        calendar=Calendar(tuple((d.day, d.reviews) for d in days if d.reviews), *_streaks(studied, today)),
        hourly=tuple(Tally(n, p) for n, p in hourly),
        fsrs=_fsrs(cards, sql.histograms(db, learner_id, memory, period.bank)),
        desired_retention=settings.desired_retention,
        hardest=tuple(Hard(b, f, s, n, r, bool(leech)) for b, f, s, n, r, leech
                      in sql.hardest_rows(db, learner_id, memory, HARDEST, period.bank)),
        leeches=sum(g.leeches for g in cards),
        papers=tuple(papers),
        last_studied=studied[-1] if studied else None,
    )


def _dates(first: date, last: date) -> Iterable[date]:
    for offset in range((last - first).days + 1):
        yield first + timedelta(days=offset)


def _total(bucket: dict[str, int]) -> int:
    return bucket["learning"] + bucket["young"] + bucket["mature"] + bucket["relearning"]


def _day(day: date, bucket: dict[str, int] | None) -> Day:
    if bucket is None:
        return Day(day)
    return Day(day, bucket["learning"], bucket["young"], bucket["mature"], bucket["relearning"],
               bucket["passed"], bucket["time_ms"] / 1000, bucket["young_passed"] + bucket["mature_passed"])


def _today(
    db: Database, learner_id: int, now: datetime, settings: Settings, today: date, bank: str | None
) -> Today:
    by_state = {state: (n, p, t) for state, n, p, t in sql.today_rows(db, learner_id, utc_iso(day_start(now, settings)), bank)}
    reviews = sum(n for n, _, _ in by_state.values())
    passed = sum(p for _, p, _ in by_state.values())
    time_ms = sum(t for _, _, t in by_state.values())
    count = {state: by_state.get(state, (0, 0, 0))[0] for state in ("new", "learning", "review", "relearning")}
    return Today(today, reviews, passed, time_ms / 1000, count["new"], count["learning"], count["review"],
                 count["relearning"])


def _retention(per_day: dict[date, dict[str, int]], today: date) -> tuple[Retention, ...]:
    """Anki's table: today, yesterday, the last 7, 30 and 365 days, and all time."""
    spans = {"today": (today, today), "yesterday": (today - timedelta(days=1),) * 2,
             "week": (today - timedelta(days=6), today), "month": (today - timedelta(days=29), today),
             "year": (today - timedelta(days=364), today), "all": (date.min, date.max)}
    rows = []
    for label, (first, last) in spans.items():
        young = mature = Tally()
        for day, bucket in per_day.items():
            if first <= day <= last:
                young += Tally(bucket["young"], bucket["young_passed"])
                mature += Tally(bucket["mature"], bucket["mature_passed"])
        rows.append(Retention(label, young, mature))
    return tuple(rows)


def _streaks(studied: list[date], today: date) -> tuple[int, int]:
    """(current streak, ending today or yesterday; longest streak) of consecutive study days."""
    longest = run = 0
    previous: date | None = None
    for day in studied:
        run = run + 1 if previous is not None and day - previous == timedelta(days=1) else 1
        longest = max(longest, run)
        previous = day
    current = 0
    if studied and studied[-1] >= today - timedelta(days=1):
        current = run
    return current, longest


def _forecast(
    db: Database, learner_id: int, now: datetime, settings: Settings, today: date,
    bank: str | None, to_local: HourMap, load: float,
) -> Forecast:
    until = local_moment(today + timedelta(days=FORECAST_DAYS), settings.rollover_hour, settings.zone())
    due = dict.fromkeys(_dates(today, today + timedelta(days=FORECAST_DAYS - 1)), 0)
    for hour, count in sql.due_rows(db, learner_id, utc_iso(until), bank):
        day = max(to_local(hour)[0], today)  # overdue cards are today's
        if day in due:
            due[day] += count
    return Forecast(tuple(due.items()), load)


def _fsrs(groups: list[sql.CardGroup], bins: list[tuple[int, int, int, int]]) -> Fsrs:
    banks: dict[str, list[float]] = defaultdict(lambda: [0, 0, 0.0, 0])
    kinds: dict[str, list[float]] = defaultdict(lambda: [0, 0, 0.0, 0])
    for g in groups:
        for target in (banks[g.bank], kinds[g.kind]):
            target[0] += g.cards
            target[1] += g.answered
            target[2] += g.known
            target[3] += g.mastered
    stability = [0] * len(STABILITY_LABELS)
    difficulty = [0] * len(DIFFICULTY_LABELS)
    retrievability = [0] * len(RETRIEVABILITY_LABELS)
    for s, d, r, count in bins:
        stability[s] += count
        difficulty[d] += count
        retrievability[r] += count
    return Fsrs(
        tuple(map(Bin, STABILITY_LABELS, stability)),
        tuple(map(Bin, DIFFICULTY_LABELS, difficulty)),
        tuple(map(Bin, RETRIEVABILITY_LABELS, retrievability)),
        sum(g.known for g in groups),
        _groups(banks),
        _groups(kinds),
    )


def _groups(found: dict[str, list[float]]) -> tuple[Group, ...]:
    return tuple(Group(name, int(v[0]), int(v[1]), float(v[2]), int(v[3])) for name, v in sorted(found.items()))
