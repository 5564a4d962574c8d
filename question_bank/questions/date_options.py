"""Wrong dates: the key's neighbours at its own precision, the bank's own events' dates first, each
a plainly different date, in an order that gives the key no fixed place among them."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, timedelta

from question_bank.facts.dates import FactDate, Precision
from question_bank.facts.model import Bank
from question_bank.questions.date_pools import date_pools_for
from question_bank.questions.draws import draw_indices
from question_bank.questions.templates import month_of


def date_options(
    bank: Bank, key: FactDate, n: int, rng: random.Random, avoid: frozenset[str] = frozenset(),
    across_years: bool = False, place: int | None = None, arguable: frozenset[str] = frozenset(),
    between: tuple[date | None, date | None] = (None, None),
) -> tuple[str, ...]:
    """The key and `n` date distractors as text, in chronological order; () if too few.

    The key's place among the sorted options is drawn first (uniformly), so that it is not the
    middle one far more often than chance, nor never the earliest; when the candidates cannot fill
    that place, another place they can fill is taken. `across_years`: a month key may have months
    of the year before or after (a November key has three later months to stand before). `place`:
    the key's place dealt by the caller (a paper spreads its keys), instead of drawn. `arguable`:
    texts of dates never offered (the month next to a month's last day, in another time zone).
    `between`: days every option starts after and before (the same actor's events either side)."""
    if place is None:
        place = int(rng.random() * (n + 1))
    for _ in range(3):
        chosen = _draw_dates(bank, key, n, rng, avoid, across_years, place, arguable, between)
        if chosen is None:
            return ()
        if not _stands_apart(key, [when for when, _ in chosen]):
            ordered = sorted([(key, key.human()), *chosen], key=_chronological)
            return tuple(text for _, text in ordered)
    return ()


def _draw_dates(
    bank: Bank, key: FactDate, n: int, rng: random.Random, avoid: frozenset[str], across_years: bool, place: int,
    arguable: frozenset[str], between: tuple[date | None, date | None],
) -> list[tuple[FactDate, str]] | None:
    """`n` distractors with their texts, `place` of them before the key where the candidates allow;
    None if too few, or if the order of events (`between`) left a side short of its share: the
    key's place would then be fixed by it (June 1789 for an event of the 17th, the next of its
    actors' on the 20th: always the latest month), so another wording is tried (the day)."""
    key_order = _chronological((key, ""))
    after, until = between
    if not has_room(key, between, n):
        return None  # the order of events would leave the key (nearly) always at one end
    cut_before = cut_after = False
    earlier: list[tuple[FactDate, str]] = []
    later: list[tuple[FactDate, str]] = []
    texts = {key.human(), *arguable}
    for candidate in _date_candidates(bank, key, n, rng, avoid, across_years):
        when, text = candidate
        if text in texts:
            continue
        first, last = when.days()  # "mid-May" the 11th to the 20th
        if after is not None and last <= after:
            cut_before = True
            continue
        if until is not None and first >= until:
            cut_after = True
            continue
        side = earlier if _chronological(candidate) < key_order else later
        chosen = [c[0] for c in side]
        if not _fits(key, when, text, texts, chosen):
            continue
        side.append(candidate)
        texts.add(text)
        if len(earlier) >= place and len(later) >= n - place:
            break
    if not (len(earlier) >= place and len(later) >= n - place):
        if (cut_before and len(earlier) < place) or (cut_after and len(later) < n - place):
            return None
        places = [p for p in range(n + 1) if p <= len(earlier) and n - p <= len(later)]
        if not places:
            return None
        place = places[int(rng.random() * len(places))]
    # The nearest of each side beside the key, as drawn (the pool's events came first).
    return [*earlier[:place], *later[: n - place]]


def has_room(key: FactDate, between: tuple[date | None, date | None], n: int) -> bool:
    """Whether all `n` wrong days or months fit between the actor's event before the key and the
    key, and between the key and its event after (`between`), so that the key may take any place
    (a side without a bound always has room); if not, `date_options` offers none."""
    after, until = between
    if key.precision is Precision.DAY:
        before = ((key.start - after).days - 1) // 2 if after else n  # two days apart, after the event
        later = ((until - key.start).days - 1) // 2 if until else n
        return before >= n and later >= n
    if key.precision is Precision.MONTH:
        month = key.start.year * 12 + key.start.month
        before = month - (after.year * 12 + after.month) if after else n  # months ending after it
        later = (until.year * 12 + until.month) - month - (until.day == 1) if until else n
        return before >= n and later >= n
    if key.precision is Precision.RANGE:
        # The wrong ranges are whole spans away: n of them must fit each side (Vasco da Gama's
        # crossing of April–May, his landfall in India on 20 May: no range fits after it).
        return all(_fits_between(_spans_away(key, -k), after, until) for k in range(1, n + 1)) and all(
            _fits_between(_spans_away(key, k), after, until) for k in range(1, n + 1))
    return True


def _fits_between(when: FactDate | None, after: date | None, until: date | None) -> bool:
    """Whether a wrong date stands between the actor's events either side, as `_draw_dates` keeps it."""
    return when is not None and (after is None or when.end > after) and (until is None or when.start < until)


def _stands_apart(key: FactDate, others: list[FactDate]) -> bool:
    """A day key far from wrong days that crowd together (7 June beside 19, 21 and 23 June; 17 July
    beside 3, 6 and 9 July), or a month key alone in its year (January 1793 beside three months of
    1792): the odd one out is the one a test-wise student picks."""
    if key.precision is Precision.MONTH and others:
        return all(other.start.year != key.start.year for other in others)
    if key.precision is not Precision.DAY or len(others) < 2:
        return False
    days = sorted((other.start - key.start).days for other in others)
    nearest = min(abs(day) for day in days)
    widest = max(later - earlier for earlier, later in zip(days, days[1:], strict=False))
    return nearest >= 4 and nearest >= 2 * widest


def _chronological(option: tuple[FactDate, str]) -> tuple:
    when = option[0]  # FactDate's own ordering, without its slower generated __lt__
    return (when.start, when.end, when.precision, when.unit, when.qualifier)


def _date_candidates(
    bank: Bank, key: FactDate, n: int, rng: random.Random, avoid: frozenset[str], across_years: bool = False,
) -> Iterator[tuple[FactDate, str]]:
    """Dates that could stand beside the key, each with its text, lazily: the bank's own events of
    the key's precision and year first (in a random order; none of an event naming one of `avoid`,
    the fact's own entities), then invented ones near the key."""
    pool = date_pools_for(bank)
    precision, unit, qualifier = key.precision, key.unit, key.qualifier
    if precision is Precision.MONTH and not qualifier:
        # A month asked of a day-precision fact draws on every event's month of that year.
        same = pool.months.get(key.year, [])
        same_texts = pool.month_texts.get(key.year, [])
        same_names = pool.month_names.get(key.year, [])
    else:
        same = pool.dates.get((precision, unit, key.year), [])
        same_texts = pool.date_texts.get((precision, unit, key.year), [])
        same_names = pool.date_names.get((precision, unit, key.year), [])
    day = precision is Precision.DAY
    starts = pool.date_starts.get((precision, unit, key.year), []) if day else []
    first_day, last_day = key.start.toordinal() - 2 * DAY_SPREAD, key.start.toordinal() + 2 * DAY_SPREAD
    for index in draw_indices(len(same), rng, 2 * n + 2):
        if day and not first_day <= starts[index] <= last_day:
            continue
        candidate = same[index]
        if avoid and not avoid.isdisjoint(same_names[index]):
            continue
        if candidate.precision is precision and candidate.unit is unit and candidate.qualifier == qualifier:
            yield candidate, same_texts[index]
        else:  # restated at the key's precision
            candidate = FactDate(candidate.start, candidate.end, precision, unit, qualifier)
            yield candidate, candidate.human()
    last_year = pool.last_year
    for _ in range(8 * n + 8):
        made = _nearby(key, rng, last_year, across_years)
        if made is not None:
            yield made, made.human()


DAY_SPREAD = 16  # days either side of a day key that an invented option is drawn from


def _fits(key: FactDate, candidate: FactDate, text: str, texts: set[str], chosen: list[FactDate]) -> bool:
    """A new text, and for days at least two days from the key and every chosen date and not the
    key's day of the month (the twenty-sixth reading: the key where the others meet); for ranges,
    overlapping none ("August–September" beside "July–August" is half right)."""
    if text in texts:
        return False
    if key.precision is Precision.DAY:
        start = candidate.start
        if abs((start - key.start).days) < 2 or start.day == key.start.day:
            return False  # nor the key's day of another month: 9 June among 9 May, 15 and 17 June is where they meet
        for other in chosen:
            if abs((start - other.start).days) < 2:
                return False
        return True
    if key.precision is Precision.RANGE:
        return not overlaps(candidate, key) and not any(overlaps(candidate, d) for d in chosen)
    return True


def _nearby(key: FactDate, rng: random.Random, last_year: int, across_years: bool = False) -> FactDate | None:
    """A plausible invented date near the key, in the same year (a month: or a neighbouring one,
    `across_years`) and at the same precision (a year: at most the bank's last year and one after it)."""
    if key.precision is Precision.DAY:
        # Within a fortnight or so: a day two months off is ruled out by what a student knows of
        # the campaign's season ("the only July date").
        day = key.start + timedelta(days=rng.choice((-1, 1)) * rng.randint(2, DAY_SPREAD))
        if day.year != key.year:
            return None
        return FactDate(day, day, Precision.DAY, Precision.DAY)
    if key.precision is Precision.MONTH:
        # Within four months of the key: "mid-December 1945" for a February 1945 event is past
        # the war's end and gives itself away.
        # "In which month of 1945" keeps to the key's year; "mid-February 1945" may have "mid-December
        # 1944" before it, or the key could never be the earliest option.
        index = key.start.year * 12 + key.start.month - 1 + rng.choice((-1, 1)) * rng.randint(1, 4)
        if index // 12 != key.year and not key.qualifier and not across_years:
            return None
        shifted = _month_at(index // 12, index % 12 + 1)
        return FactDate(shifted.start, shifted.end, Precision.MONTH, Precision.MONTH, key.qualifier)
    if key.precision is Precision.YEAR:
        # Close to the key and mostly before it: 1938 for a 1944 event gives itself away, and a
        # year after a war's end gives away a question about one of its armies.
        year = key.year + rng.choice((-3, -2, -1, 1, 2, 3))
        if year > max(last_year, key.year) + 1:
            return None
        return FactDate(key.start.replace(year=year), key.end.replace(year=year), Precision.YEAR, Precision.YEAR)
    if key.unit is Precision.MONTH:
        return _spans_away(key, rng.choice((-1, 1)) * rng.randint(1, 3))  # further, they leave the era
    return _spans_away(key, rng.choice((-3, -2, -1, 1, 2, 3)))


def _spans_away(key: FactDate, steps: int) -> FactDate | None:
    """The range `steps` whole spans of the key away. A span of months moves by whole spans either
    way and across a new year, so that three neighbours that overlap neither the key nor each other
    exist on both sides ("July–August" beside "May–June", "March–April" and "September–October");
    a span of days likewise, so a long campaign gets neighbours that do not overlap it (None if it
    would run into another year: "25 November 1944 – 3 February 1945")."""
    if key.unit is Precision.MONTH:
        months = (key.end.year * 12 + key.end.month) - (key.start.year * 12 + key.start.month) + 1
        first_index = key.start.year * 12 + key.start.month - 1 + steps * months
        last_index = key.end.year * 12 + key.end.month - 1 + steps * months
        first = _month_at(first_index // 12, first_index % 12 + 1)
        last = _month_at(last_index // 12, last_index % 12 + 1)
        return FactDate(first.start, last.end, Precision.RANGE, Precision.MONTH)
    delta = timedelta(days=steps * ((key.end - key.start).days + 1))
    start: date = key.start + delta
    end: date = key.end + delta
    if abs(start.year - key.year) > 1:
        return None
    return FactDate(start, end, Precision.RANGE, Precision.DAY)


def _month_at(year: int, month: int) -> FactDate:
    return month_of(FactDate(date(year, month, 1), date(year, month, 1), Precision.DAY))


def overlaps(a: FactDate, b: FactDate) -> bool:
    return a.start <= b.end and b.start <= a.end
