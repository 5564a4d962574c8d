"""Where and when a candidate stands beside the key: distances between located places, the
nearest of a form, a side's adjective against a country's name, years later."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from datetime import date

from question_bank.facts.entities import Place


def years_later(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


# Adjectives of sides whose country's name does not start with them.
DEMONYMS = {
    "american": "united states", "british": "united kingdom", "english": "england", "dutch": "netherlands",
    "french": "france", "spanish": "spain", "portuguese": "portugal", "chinese": "china", "swiss": "switzerland",
    "soviet": "soviet union", "danish": "denmark", "swedish": "sweden", "polish": "poland", "turkish": "turkey",
    "greek": "greece", "finnish": "finland", "castilian": "castile", "venetian": "venice", "union": "united states",
    "confederate": "confederate states",
}


def country_adjectives(country: str) -> tuple[str, ...]:
    """The adjectives a text names a country by, lower case: "romanian" for Romania, "greek" for
    Greece, "hungarian" for Hungary, "soviet" for the Soviet Union."""
    found = {side for side, name in DEMONYMS.items() if name == country and side != "union"}
    if country.endswith("a"):  # Romania, Bulgaria, Cuba
        found.add(country + "n")
    elif country.endswith("many"):  # Germany
        found.add(country[:-1])
    elif country.endswith("y"):  # Hungary, Italy
        found.add(country[:-1] + "ian")
    return tuple(sorted(found))


_COUNTRY_S_BANK = re.compile(r"\b[A-Z][\w'’-]*(?:an|ese|ish|ch|ic|ian) (?:bank|shore)\b")


def names_a_country_s_bank(text: str) -> bool:
    """Whether the text puts something on a country's bank of a river ("to reach the 74th Rifle
    Division on the Romanian bank"): the river is then the border river, which any map names."""
    return bool(_COUNTRY_S_BANK.search(text))


def side_of_country(side: str, country: str) -> bool:
    """Whether a side's adjective names the country ("Soviet" and "Soviet Union", "Serbian" and
    "Serbia", "American" and "United States")."""
    if DEMONYMS.get(side) == country or country.startswith(DEMONYMS.get(side, "\0")):
        return True
    stem = side[: max(4, len(side) - 3)]
    return len(side) >= 4 and country.split()[0].startswith(stem)


CLOSE_KM = 25.0


def km(a: Place, b: Place) -> float:
    """The great-circle distance between two located places, in kilometres."""
    assert a.lat is not None and a.lon is not None and b.lat is not None and b.lon is not None
    la1, la2 = math.radians(a.lat), math.radians(b.lat)
    dlat, dlon = la2 - la1, math.radians(b.lon - a.lon)
    h = math.sin(dlat / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin(dlon / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


NEARBY = 10  # places of the key's form, nearest first (beyond CLOSE_KM), that options are drawn from


# How far a wrong option may lie from the key, by the key's kind of place: a city 400 km off, or
# a region across the country, is ruled out by what the stem says of where things happened (a
# bridgehead on the Danube in Baranja: Dalmatia, 305 km off, is no option; Bačka and Banat are).
FARTHEST_KM = {"settlement": 220.0, "river": 350.0, "region": 250.0, "mountain": 250.0, "country": 2000.0}
FARTHEST_OTHER_KM = 400.0


def nearest(key: Place, places: list[Place]) -> list[Place]:
    """The NEARBY places nearest the key, beyond CLOSE_KM and within the farthest distance for its
    kind; the places without coordinates where none has them."""
    assert key.lat is not None and key.lon is not None
    farthest = FARTHEST_KM.get(key.family, FARTHEST_OTHER_KM)
    located = [(km(key, p), p) for p in places if p.lat is not None and p.lon is not None and p.name != key.name]
    close = sorted(((d, p) for d, p in located if CLOSE_KM < d <= farthest), key=lambda pair: pair[0])
    if located:
        return [p for _, p in close[:NEARBY]]
    return [p for p in places if p.lat is None]


# How much farther than the key a distractor may lie from a place the stem names beside it, by kind,
# and the kind of place that anchors it: a town or country beside its own kind, a river beside a town
# ("on the outskirts of Belgrade on the northern bank of which river": not the Ibar, 137 km off).
_ANCHOR_SLACK_KM = {"settlement": 60.0, "country": 150.0, "river": 50.0}
_ANCHOR_FAMILY = {"settlement": "settlement", "country": "country", "river": "settlement"}


def can_anchor(key: Place) -> bool:
    """Whether `anchors` can find any for the key: a located settlement, country or river."""
    return key.family in _ANCHOR_SLACK_KM and key.lat is not None and key.lon is not None


def anchors(key: Place, others: Sequence[Place]) -> list[tuple[Place, float]]:
    """The places the stem names beside a located settlement, country or river key ("around Niš
    and [Leskovac]", "crossed from [Romania] into …", "the outskirts of Belgrade on the northern
    bank of [the Sava]"), with the farthest a distractor may lie from each:
    half as far again as the key, or the key's distance plus a slack for its kind. Craiova and Sofia are no
    options beside Leskovac, nor Albania for a front crossing from Romania."""
    if not can_anchor(key):
        return []
    slack = _ANCHOR_SLACK_KM[key.family]
    family = _ANCHOR_FAMILY[key.family]
    found = []
    for other in others:
        if other is key or other.family != family or other.lat is None or other.lon is None:
            continue
        distance = km(key, other)
        found.append((other, max(1.5 * distance, distance + slack)))
    return found


_NAME = re.compile(r"[A-Z][\w'’.-]*(?:\s+(?:of\s+|the\s+)?[A-Z][\w'’.-]*)*")


def named_places(text: str, place_named: Callable[[str], Place | None]) -> list[Place]:
    """The catalog's places the text names by a capitalised name ("from Romania into …"), slots
    or not; `place_named` looks a name up (`Catalog.place`, or a bank's cache of it)."""
    found: list[Place] = []
    for match in _NAME.finditer(text):
        words = match.group().split()
        for size in range(len(words), 0, -1):  # "South Morava" before "Morava"
            for start in range(len(words) - size + 1):
                place = place_named(" ".join(words[start : start + size]))
                if place is not None and place not in found:
                    found.append(place)
    return found
