"""The dates of a bank, indexed for wrong date options and for the order of events: its events'
dates and months by precision and year (with their texts and the names of their events), the
months and years too busy to ask about, and each actor's events before and after a fact; built
once per bank and kept on it."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from datetime import date

from question_bank.facts.dates import FactDate, Precision
from question_bank.facts.model import Bank, Fact
from question_bank.questions.templates import month_of

DateKey = tuple[Precision, Precision, int]  # a date's precision, unit and start year


class DatePools:
    """The bank's own dates, indexed by what a wrong date must share with the key."""

    def __init__(self, bank: Bank):
        facts = bank.facts
        dates: dict[DateKey, dict[FactDate, None]] = defaultdict(dict)
        months: dict[int, dict[FactDate, None]] = defaultdict(dict)
        month_of_start: dict[tuple[int, int], FactDate] = {}  # month_of depends on the start's month only
        for fact in facts:
            when = fact.date
            start = when.start
            dates[(when.precision, when.unit, start.year)][when] = None
            if when.precision in (Precision.DAY, Precision.MONTH):
                month = month_of_start.get((start.year, start.month))
                if month is None:
                    month = month_of_start[(start.year, start.month)] = month_of(when)
                months[start.year][month] = None
        self.dates = {key: list(value) for key, value in dates.items()}
        # The entities of the events on each date: a date the bank gives to another event of the
        # same ship or army is known not to be this one's (the day it sailed is not the day it sank).
        date_entities: dict[FactDate, set[str]] = defaultdict(set)
        month_counts: dict[tuple[int, int], int] = defaultdict(int)
        for fact in facts:
            date_entities[fact.date].update(e.name for e in fact.entities)
            if fact.date.precision in (Precision.DAY, Precision.MONTH):
                month_counts[(fact.date.start.year, fact.date.start.month)] += 1
        # A month that holds most of a bank's events ("July 1943" in a Kursk bank) is no question.
        self.busy_months = frozenset(m for m, c in month_counts.items() if c >= 0.35 * len(facts) and c >= 4)
        self.months = {key: list(value) for key, value in months.items()}
        # The human text of every pooled date, index for index.
        self.date_texts = {key: [d.human() for d in value] for key, value in self.dates.items()}
        self.month_texts = {key: [d.human() for d in value] for key, value in self.months.items()}
        # And the day each starts on, as an ordinal (a day key draws from its year's, then keeps
        # those within a month of it: most draws are looked at for that alone).
        self.date_starts = {key: [d.start.toordinal() for d in value] for key, value in self.dates.items()}
        # And the names of the events on each (hashing a FactDate for each draw cost more).
        no_names: set[str] = set()
        self.date_names = {key: [date_entities.get(d, no_names) for d in value] for key, value in self.dates.items()}
        self.month_names = {key: [date_entities.get(d, no_names) for d in value] for key, value in self.months.items()}
        self.facts_by_year: dict[int, list[Fact]] = defaultdict(list)
        for fact in facts:
            self.facts_by_year[fact.date.start.year].append(fact)
        self.all_facts = facts
        self.last_year = max((f.date.end.year for f in facts), default=0)
        # A year that holds most of the bank's events, or that its title names ("The Belgrade
        # offensive, 1944"), is no "In which year …?" question either.
        titled = {int(y) for y in re.findall(r"(?<!\d)(\d{4})(?!\d)", bank.title)}
        self.busy_years = frozenset(
            y for y, facts in self.facts_by_year.items() if y in titled or (len(facts) >= 0.35 * len(bank.facts) and len(facts) >= 4)
        )
        # The starts of the events that name each entity, sorted, each once; and the last day of
        # those that began on each start (an event lasting weeks: "held Kraljevo for Army Group E
        # from 15 October to 29 November" places the group's next step after it).
        starts: dict[str, set[date]] = defaultdict(set)
        self.ends: dict[tuple[str, date], date] = {}
        for fact in facts:
            for entity in fact.entities:
                starts[entity.name].add(fact.date.start)
                key = (entity.name, fact.date.start)
                self.ends[key] = max(self.ends.get(key, fact.date.end), fact.date.end)
        self.starts = {name: sorted(days) for name, days in starts.items()}
        self.neighbours: dict[str, tuple[date | None, date | None]] = {}  # between, by fact id

    def between(self, fact: Fact) -> tuple[date | None, date | None]:
        """The starts of the bank's events just before and just after `fact` for the same actor
        (None where there is none; for a lasting event before it that is over by then, its end): a
        date outside them puts the actor's steps out of order, which a student who knows the
        sequence rules out (Magellan's fleet searching the Río de la Plata in October 1520, when it
        entered the strait that month; Hitler signing the order for Citadel in September, after
        calling the attack off in July)."""
        found = self.neighbours.get(fact.id)
        if found is None:
            found = self.neighbours[fact.id] = self._between(fact)
        return found

    def _between(self, fact: Fact) -> tuple[date | None, date | None]:
        start = fact.date.start
        before: date | None = None
        after: date | None = None
        for unit in fact.units:
            starts = self.starts.get(unit.name, [])
            earlier = bisect_left(starts, start)  # starts[:earlier] are before the fact's
            if earlier:
                last = starts[earlier - 1]
                end = self.ends[(unit.name, last)]
                bound = end if end < start else last  # after a lasting event, once it is over
                if before is None or bound > before:
                    before = bound
            later = bisect_right(starts, start)  # starts[later:] are after it
            if later < len(starts) and (after is None or starts[later] < after):
                after = starts[later]
        return before, after

    def nearest_facts(self, fact: Fact, limit: int = 12) -> list[Fact]:
        """The bank's facts nearest in time to `fact` (by start), nearest first."""
        start = fact.date.start.toordinal()
        found = sorted(self.all_facts[:2000], key=lambda other: abs(other.date.start.toordinal() - start))
        return found[:limit]


def date_pools_for(bank: Bank) -> DatePools:
    pools = bank._cache.get("date_pools")
    if pools is None:
        pools = bank._cache["date_pools"] = DatePools(bank)
    return pools


def unique_date_phrase(bank: Bank, fact: Fact) -> bool:
    """True if no other fact of the bank has the same date phrase ("in October 1944")."""
    counts = bank._cache.get("date_phrases")
    if counts is None:
        counts = bank._cache["date_phrases"] = {}
        for other in bank.facts:
            counts[other.date_phrase] = counts.get(other.date_phrase, 0) + 1
    return bool(counts.get(fact.date_phrase, 0) <= 1)
