"""Distractors: wrong options of the same kind, form, theatre and period as the key, drawn bank
first, and never one that is also right.

A candidate is refused when it is the key or one of the fact's own entities, listed in the fact's
`exclude` or `also_accept`, contains or lies inside the key (a region and its country), served
with the key in the fact's period (catalog [[together]]), appears in another event of the same
period beside one of the fact's entities (the same side doing the same thing), is named in the
question itself, did not exist yet, belongs to another theatre, or is spelled a letter or two
from the key. Pools are built once per bank; picking a question's distractors is a few samples.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Iterator, Sequence
from datetime import date, timedelta
from typing import TypeVar

from question_bank.facts import edits
from question_bank.facts.dates import FactDate, Precision
from question_bank.facts.entities import Entity, Place, Unit
from question_bank.facts.model import Bank, Fact
from question_bank.facts.relations import MAIN_THEATRE
from question_bank.facts.text import fold, mentions
from question_bank.questions.geography import anchors, km, named_places, side_of_country
from question_bank.questions.pools import Tier, pools_for
from question_bank.questions.templates import is_durative, month_of

_T = TypeVar("_T")
_ITS_FIRST = re.compile(r"\bits first ([\w-]+)")
_DEATH = re.compile(r"\b(?:kill(?:ed|s)?|die[ds]?|drown(?:ed|s)?|execut(?:ed|es?)|guillotined|assassinated|murdered)\b",
                    re.IGNORECASE)


def _draw_indices(size: int, rng: random.Random, wanted: int) -> Iterator[int]:
    """Random indices into a pool of `size`, without repeats: cheap draws from a large pool, a
    shuffled range for a small one."""
    if size <= 4 * wanted + 4:
        yield from rng.sample(range(size), size)
        return
    seen: set[int] = set()
    for _ in range(4 * wanted + 8):
        index = int(rng.random() * size)  # randrange costs ten times as much in this loop
        if index not in seen:
            seen.add(index)
            yield index


def _draw(pool: Sequence[_T], rng: random.Random, wanted: int) -> Iterator[_T]:
    """Random members of `pool`, without repeats."""
    return (pool[index] for index in _draw_indices(len(pool), rng, wanted))


def _take(
    tiers: list[Tier], n: int, rng: random.Random, taken: list[Entity], excluded_names: set[str],
    fits: Callable[[Entity, frozenset[str]], bool], took: Callable[[Entity], None] | None,
) -> None:
    """Fill `taken` up to n from the tiers in order, skipping anything that folds to a used name
    or does not `fit`; `took` hears of each one taken."""
    for tier, tier_keys in tiers:
        if len(taken) >= n:
            return
        for index in _draw_indices(len(tier), rng, n - len(taken)):
            names = tier_keys[index]
            if not excluded_names.isdisjoint(names) or not fits(tier[index], names):
                continue
            taken.append(tier[index])
            if took is not None:
                took(tier[index])
            excluded_names |= names
            if len(taken) >= n:
                return


def entity_distractors(
    bank: Bank, fact: Fact, key: Entity, n: int, rng: random.Random, same_side: bool, prompt: str = "",
    exact_type: bool = False, broad: bool = False,
) -> list[Entity]:
    """`n` entities of the key's kind and form that are not also right (see the module doc);
    `prompt` is the question's text (nothing it names is offered), `exact_type` keeps places to
    the key's own type (the stem says "Which town …")."""
    pools = pools_for(bank)
    keys = pools.keys
    relations = pools.relations
    banned = pools.also_true(fact, key)
    used = set(keys(key))
    for entity in (*fact.entities, *fact.exclude):
        used |= keys(entity)
    if fact.also_accept:
        used.update(fold(name) for name in fact.also_accept)
    stem = prompt.lower()
    theatre = relations.theatre_of(key.name)
    key_name = key.name.lower()
    lower_names = pools.lower_names
    lowered_names = pools.lowered
    is_place = isinstance(key, Place)
    check_theatre = bool(relations.theatre)
    check_since = bool(relations.since)
    when = fact.date

    # "A fire … killed Gus Grissom, Ed White and _____": no one the bank shows alive afterwards.
    died = isinstance(key, Unit) and key.category == "person" and bool(_DEATH.search(fact.statement()))
    spans = pools.spans
    within = _named_home(key, prompt, catalog_of=pools.catalog.ancestors) if isinstance(key, Place) else ""
    stems_taken = {_stem_of(key_name)} - {""}
    ruled_sides: set[str] = set()
    its_first = _ITS_FIRST.search(stem)
    if its_first:  # "put its first satellite into orbit": not those whose first came before
        earlier, ruled_sides = pools.first_before(fact, its_first.group(1))
        banned |= earlier
    unoffered = pools.unoffered
    is_unit = not is_place
    near = anchors(key, [*fact.places, *named_places(prompt, pools.place_named)]) if isinstance(key, Place) and prompt else []
    of_the_period = pools.of_the_period

    def fits(candidate: Entity, names: frozenset[str]) -> bool:
        if candidate.name in banned or candidate.name in unoffered:
            return False
        if is_unit and isinstance(candidate, Unit) and not of_the_period(candidate, when):
            return False
        if died and candidate.name in spans and spans[candidate.name][1] > when.end:
            return False
        if check_theatre:
            # Another theatre's entity is never an option; a key from elsewhere (Moscow) may
            # still be set beside places of the main theatre.
            own = relations.theatre_of(candidate.name)
            if own != theatre and own != MAIN_THEATRE:
                return False
        if check_since and not relations.existed(candidate.name, when):
            return False
        lowered = lowered_names.get(candidate.name) or lower_names(candidate)
        for name in lowered:
            if name in stem and mentions(stem, name):
                return False
        if ruled_sides and is_place and any(side_of_country(side, fold(candidate.name)) for side in ruled_sides):
            return False
        if within and isinstance(candidate, Place) and within not in _homes(candidate, pools.catalog.ancestors):
            return False
        if near and isinstance(candidate, Place) and candidate.lat is not None and candidate.lon is not None:
            if any(km(candidate, anchor) > limit for anchor, limit in near):
                return False
        # A place name a letter or two from the key's reads as a trick, not a distractor (unit
        # names differ by their number: "3rd Bulgarian Army" is a fair option for the 2nd); nor
        # may two options start alike (Smederevo and Smederevska Palanka: one of the pair, surely).
        return not is_place or (edits.distance(key_name, lowered[0], score_cutoff=2) > 2
                                and _stem_of(lowered[0]) not in stems_taken)

    catalog = pools.catalog

    def took(candidate: Entity) -> None:
        # Three wrong options from one event (the Apollo 1 crew) leave the key the odd one out.
        banned.update(pools.fact_mates(candidate))
        # Croatia beside Yugoslavia would tell the learner that neither can be the one answer.
        if isinstance(candidate, Place):
            banned.update(catalog.related_places(candidate))
            banned.update(pools.close_to(candidate))
            stems_taken.add(_stem_of(candidate.name.lower()))
            stems_taken.discard("")

    taken: list[Entity] = []
    same_country = isinstance(key, Place) and pools.country_bound(fact, key)
    tiers = pools.tiers_for(key, same_side, exact_type, broad, same_country)
    on_take = took
    favourites = pools.favourites(tiers)
    if favourites[0]:
        # One of the bank's most asked entities first, so that it is a wrong option about as often
        # as it is the key ("Belgrade" must not be the answer whenever it is offered).
        _take([favourites], 1, rng, taken, used, fits, on_take)
    _take(tiers, n, rng, taken, used, fits, on_take)
    return taken


_ADJECTIVE = re.compile(r"\b[A-Z][a-z]+(?:n|sh|se|ch|ic)\b")


def _stem_of(name: str) -> str:
    """The first six letters of a name's first word, where that word is long enough to carry a
    place's own stem ("smeder" for Smederevo and Smederevska Palanka); "" otherwise."""
    first = name.split(maxsplit=1)[0] if name else ""
    return first[:6] if len(first) >= 7 else ""


def _homes(place: Place, ancestors: Callable[[Place], frozenset[str]]) -> set[str]:
    """The folded names of the regions and countries a place lies in."""
    return {fold(name) for name in (*ancestors(place), place.region, place.country) if name}


def _named_home(key: Place, prompt: str, catalog_of: Callable[[Place], frozenset[str]]) -> str:
    """The region or country of the key that the stem names by its adjective ("Macedonian
    Partisan units drove the Germans out of …": a town of Macedonia, never Niš), folded; ""."""
    homes = _homes(key, catalog_of)
    for word in _ADJECTIVE.findall(prompt):
        adjective = word.lower()
        for home in homes:
            if side_of_country(adjective, home):
                return home
    return ""


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
    if not _room(key, after, until, n):
        return None  # the order of events would leave the key (nearly) always at one end
    cut_before = cut_after = False
    earlier: list[tuple[FactDate, str]] = []
    later: list[tuple[FactDate, str]] = []
    texts = {key.human(), *arguable}
    for candidate in _date_candidates(bank, key, n, rng, avoid, across_years):
        when, text = candidate
        if text in texts:
            continue
        if after is not None and when.end <= after:
            cut_before = True
            continue
        if until is not None and when.start >= until:
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


def _room(key: FactDate, after: date | None, until: date | None, n: int) -> bool:
    """Whether all `n` wrong days or months fit between the actor's event before the key and the
    key, and between the key and its event after, so that the key may take any place (a side
    without a bound always has room)."""
    if key.precision is Precision.DAY:
        before = ((key.start - after).days - 1) // 2 if after else n  # two days apart, after the event
        later = ((until - key.start).days - 1) // 2 if until else n
        return before >= n and later >= n
    if key.precision is Precision.MONTH:
        month = key.start.year * 12 + key.start.month
        before = month - (after.year * 12 + after.month) if after else n  # months ending after it
        later = (until.year * 12 + until.month) - month - (until.day == 1) if until else n
        return before >= n and later >= n
    return True


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
    pools = pools_for(bank)
    precision, unit, qualifier = key.precision, key.unit, key.qualifier
    if precision is Precision.MONTH and not qualifier:
        # A month asked of a day-precision fact draws on every event's month of that year.
        same = pools.months.get(key.year, [])
        same_texts = pools.month_texts.get(key.year, [])
        same_names = pools.month_names.get(key.year, [])
    else:
        same = pools.dates.get((precision, unit, key.year), [])
        same_texts = pools.date_texts.get((precision, unit, key.year), [])
        same_names = pools.date_names.get((precision, unit, key.year), [])
    day = precision is Precision.DAY
    first_day, last_day = key.start.toordinal() - 2 * DAY_SPREAD, key.start.toordinal() + 2 * DAY_SPREAD
    for index in _draw_indices(len(same), rng, 2 * n + 2):
        candidate = same[index]
        if day and not first_day <= candidate.start.toordinal() <= last_day:
            continue
        if avoid and not avoid.isdisjoint(same_names[index]):
            continue
        if candidate.precision is precision and candidate.unit is unit and candidate.qualifier == qualifier:
            yield candidate, same_texts[index]
        else:  # restated at the key's precision
            candidate = FactDate(candidate.start, candidate.end, precision, unit, qualifier)
            yield candidate, candidate.human()
    last_year = pools.last_year
    for _ in range(8 * n + 8):
        made = _nearby(key, rng, last_year, across_years)
        if made is not None:
            yield made, made.human()


DAY_SPREAD = 16  # days either side of a day key that an invented option is drawn from


def _fits(key: FactDate, candidate: FactDate, text: str, texts: set[str], chosen: list[FactDate]) -> bool:
    """A new text, and for days at least two days from the key and every chosen date; for ranges,
    overlapping none ("August–September" beside "July–August" is half right)."""
    if text in texts:
        return False
    if key.precision is Precision.DAY:
        start = candidate.start
        if abs((start - key.start).days) < 2:
            return False
        for other in chosen:
            if abs((start - other.start).days) < 2:
                return False
        return True
    if key.precision is Precision.RANGE:
        return not _overlaps(candidate, key) and not any(_overlaps(candidate, d) for d in chosen)
    return True


def _month(when: FactDate) -> FactDate:
    return month_of(when)


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
        # A span of months moved by whole spans, either way and across a new year, so that three
        # neighbours that overlap neither the key nor each other exist on both sides ("July–August"
        # beside "May–June", "March–April" and "September–October").
        months = (key.end.year * 12 + key.end.month) - (key.start.year * 12 + key.start.month) + 1
        shift = rng.choice((-1, 1)) * rng.randint(1, 3) * months  # further, they leave the bank's era
        first_index = key.start.year * 12 + key.start.month - 1 + shift
        last_index = key.end.year * 12 + key.end.month - 1 + shift
        first = _month_at(first_index // 12, first_index % 12 + 1)
        last = _month_at(last_index // 12, last_index % 12 + 1)
        return FactDate(first.start, last.end, Precision.RANGE, Precision.MONTH)
    # Whole spans of the key away, so a long campaign gets neighbours that do not overlap it.
    span = (key.end - key.start).days + 1
    delta = timedelta(days=rng.choice((-3, -2, -1, 1, 2, 3)) * span)
    start: date = key.start + delta
    end: date = key.end + delta
    if abs(start.year - key.year) > 1:
        return None  # it may run into the next year ("25 November 1944 – 3 February 1945")
    return FactDate(start, end, Precision.RANGE, Precision.DAY)


def _month_at(year: int, month: int) -> FactDate:
    return _month(FactDate(date(year, month, 1), date(year, month, 1), Precision.DAY))


def event_distractors(bank: Bank, fact: Fact, n: int, rng: random.Random) -> list[Fact]:
    """Other events of the bank for 'What happened on …?', none overlapping the fact's date: the
    same year's first, then the nearest in time (a 1520s event among 1490s ones stands out)."""
    pools = pools_for(bank)
    same_year = pools.facts_by_year.get(fact.date.year, [])
    chosen: list[Fact] = []
    statement_key = pools.statement_key
    seen = {statement_key(fact)}
    when = fact.date
    span = when.precision is Precision.RANGE
    years: set[int] = set()
    # The same year's events, then the nearest of other years, one a year at first: three events
    # of 1492 beside a key of 1488 fall together to one thing a student knows of 1492.
    for pool, one_a_year in ((same_year, False), (None, True), (None, False)):
        if len(chosen) >= n:
            break
        drawn = _draw(same_year, rng, n) if pool is not None else iter(pools.nearest_facts(fact))
        for other in drawn:
            text = statement_key(other)
            # A span among single days (or a day among spans) stands out as the answer.
            if text in seen or _overlaps(other.date, when) or (other.date.precision is Precision.RANGE) != span:
                continue
            if _may_go_on(other, when) or (one_a_year and other.date.year in years):
                continue
            if pool is None:
                years.add(other.date.year)
            seen.add(text)
            chosen.append(other)
            if len(chosen) >= n:
                break
    return chosen


ONGOING = timedelta(days=60)  # how long a lasting action dated before the question may still be true


def _may_go_on(other: Fact, when: FactDate) -> bool:
    """An attack begun shortly before the asked date may still have been going on that day: "What
    happened on 13 July?" cannot offer "the 4th Panzer Army attacked" of 5 July."""
    return is_durative(other) and other.date.start < when.start and when.start - other.date.start <= ONGOING


def _overlaps(a: FactDate, b: FactDate) -> bool:
    return a.start <= b.end and b.start <= a.end
