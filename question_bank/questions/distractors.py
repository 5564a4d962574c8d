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
from collections.abc import Callable
from datetime import timedelta

from question_bank.facts import edits
from question_bank.facts.dates import FactDate, Precision
from question_bank.facts.entities import Entity, Place, Unit
from question_bank.facts.model import Bank, Fact
from question_bank.facts.relations import MAIN_THEATRE
from question_bank.facts.text import fold, mentions
from question_bank.questions.date_options import overlaps
from question_bank.questions.date_pools import date_pools_for
from question_bank.questions.draws import draw, draw_indices
from question_bank.questions.geography import anchors, can_anchor, km, named_places, side_of_country
from question_bank.questions.pools import Tier, pools_for
from question_bank.questions.templates import is_durative

_ITS_FIRST = re.compile(r"\bits first ([\w-]+)")
_DEATH = re.compile(r"\b(?:kill(?:ed|s)?|die[ds]?|drown(?:ed|s)?|execut(?:ed|es?)|guillotined|assassinated|murdered)\b",
                    re.IGNORECASE)


def _take(
    tiers: list[Tier], n: int, rng: random.Random, taken: list[Entity], excluded_names: set[str],
    fits: Callable[[Entity, frozenset[str]], bool], took: Callable[[Entity], None] | None,
) -> None:
    """Fill `taken` up to n from the tiers in order, skipping anything that folds to a used name
    or does not `fit`; `took` hears of each one taken."""
    for tier, tier_keys in tiers:
        if len(taken) >= n:
            return
        for index in draw_indices(len(tier), rng, n - len(taken)):
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
    within = _named_home(key, prompt, pools.homes) if isinstance(key, Place) else ""
    stems_taken = {_stem_of(key_name)} - {""}
    ruled_sides: set[str] = set()
    its_first = _ITS_FIRST.search(stem)
    if its_first:  # "put its first satellite into orbit": not those whose first came before
        earlier, ruled_sides = pools.first_before(fact, its_first.group(1))
        banned.update(earlier)
    unoffered = pools.unoffered
    is_unit = not is_place
    near = _stem_anchors(key, fact, prompt, pools.place_named) if isinstance(key, Place) else []
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
        if within and isinstance(candidate, Place) and within not in pools.homes(candidate):
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
        banned.add(pools.fact_mates(candidate))
        # Croatia beside Yugoslavia would tell the learner that neither can be the one answer.
        if isinstance(candidate, Place):
            banned.add(catalog.related_places(candidate))
            banned.add(pools.close_to(candidate))
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


def _named_home(key: Place, prompt: str, homes_of: Callable[[Place], frozenset[str]]) -> str:
    """The region or country of the key that the stem names by its adjective ("Macedonian
    Partisan units drove the Germans out of …": a town of Macedonia, never Niš), folded; ""."""
    words = _ADJECTIVE.findall(prompt)
    if not words:
        return ""
    homes = sorted(homes_of(key))  # in a set's order, two homes the stem names could come either way
    for word in words:
        adjective = word.lower()
        for home in homes:
            if side_of_country(adjective, home):
                return home
    return ""


def _stem_anchors(
    key: Place, fact: Fact, prompt: str, place_named: Callable[[str], Place | None],
) -> list[tuple[Place, float]]:
    """The `anchors` of the key among the fact's places and those the stem names (looked for
    only where the key can have anchors)."""
    if not prompt or not can_anchor(key):
        return []
    return anchors(key, [*fact.places, *named_places(prompt, place_named)])


def event_distractors(bank: Bank, fact: Fact, n: int, rng: random.Random) -> list[Fact]:
    """Other events of the bank for 'What happened on …?', none overlapping the fact's date: the
    same year's first, then the nearest in time (a 1520s event among 1490s ones stands out)."""
    dates = date_pools_for(bank)
    same_year = dates.facts_by_year.get(fact.date.year, [])
    chosen: list[Fact] = []
    statement_key = pools_for(bank).statement_key
    seen = {statement_key(fact)}
    when = fact.date
    span = when.precision is Precision.RANGE
    years: set[int] = set()
    # The same year's events, then the nearest of other years, one a year at first: three events
    # of 1492 beside a key of 1488 fall together to one thing a student knows of 1492.
    for pool, one_a_year in ((same_year, False), (None, True), (None, False)):
        if len(chosen) >= n:
            break
        drawn = draw(same_year, rng, n) if pool is not None else iter(dates.nearest_facts(fact))
        for other in drawn:
            text = statement_key(other)
            # A span among single days (or a day among spans) stands out as the answer.
            if text in seen or overlaps(other.date, when) or (other.date.precision is Precision.RANGE) != span:
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


