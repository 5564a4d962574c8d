"""Countries, continents, states and capitals that no word of a sentence marks as places.

The names come from the `countryinfo` package (MIT, 380 KB, no dependencies): every country's
English name and its spellings ("Russia", "The Netherlands", "Holland"), its provinces or states
("Florida", "Lazio", "Tasmania", "Zeeland"), its capital ("Rome", "Oslo") and its region and
subregion ("Europe", "Western Europe", "Polynesia"). A province or capital that is also an English
word ("Reading", "Bay", "Valley") is left out; a country's name is kept though it is a word too
("Turkey", "Chad"); a person's name found first wins ("Queen Victoria", "Rosalind Franklin").
Codes ("US", "GBR") are left out: an acronym is rarely a place in running text. Loaded once, on
first use.
"""

from __future__ import annotations

import re
from functools import lru_cache

from question_bank.extract.lexicon import NameIndex, is_common_word, words
from question_bank.facts.entities import Place

# Continents and polar regions the package names only by its own grouping ("Americas").
_REGIONS_BEYOND = (("North America", "continent"), ("South America", "continent"), ("Arctic", "region"),
                   ("Antarctic", "region"), ("Middle East", "region"), ("Far East", "region"))
# Countries by their everyday or former names, and historical and geographical regions, that the package
# lacks: general vocabulary of encyclopedia text, not any one article's names.
_COUNTRIES_BEYOND = (
    "Britain England Scotland Wales America Korea Persia Siam Ceylon Burma Formosa Prussia Bohemia Moravia "
    "Indochina Czechoslovakia Yugoslavia Rhodesia Abyssinia Mesopotamia Palestine Transjordan Byzantium"
).split()
_REGIONS_NAMED = (
    "Manchuria Siberia Ulster Flanders Bavaria Saxony Silesia Pomerania Galicia Dalmatia Crimea Scandinavia "
    "Borneo Sumatra Java Anatolia Caucasus Transvaal Labrador Sinai Arabia Catalonia Lapland Patagonia Kashmir "
    "Balkans Levant Normandy Brittany Burgundy Provence Alsace Lorraine Tuscany Lombardy Sicily Sardinia "
    "Corsica Crete Transylvania Bessarabia Ukraine Karelia Kurdistan Punjab Bengal Tibet Mongolia Sahara"
).split() + ["Soviet Union", "East Germany", "West Germany", "Ottoman Empire", "Austria-Hungary", "East Prussia",
             "Upper Silesia", "Holy Roman Empire", "British Isles", "Korean Peninsula"]
# The Sun, its planets and their largest moons: places as the Moon and the Earth are (a name that is a
# word too, 'Mercury', 'Mars', is left to the words around it).
_BODIES = ("Sun Moon Earth Mercury Venus Mars Jupiter Saturn Uranus Neptune Pluto Io Europa Ganymede Callisto "
           "Titan Enceladus Triton Charon Phobos Deimos Titania Oberon").split()
_PARENTHESES = re.compile(r"\s*\(([^()]*)\)\s*")


def _spellings(name: str) -> list[str]:
    """'Acores (Azores)' → ['Acores', 'Azores']; 'The Bahamas' → ['Bahamas'] ('the' is no name's word)."""
    found = [part.strip() for part in _PARENTHESES.split(name) if part.strip()]
    found = [n[4:] if n.startswith("The ") else n for n in found]
    return [n for n in found if "," not in n and not n.isupper() and not n.isdigit() and len(n) > 2]


@lru_cache(maxsize=1)
def places() -> tuple[Place, ...]:
    """Every place the package names, once per folded name (a country before a province)."""
    from countryinfo import CountryInfo

    chosen: dict[str, Place] = {}

    def add(name: object, kind: str, guarded: bool) -> None:
        if not isinstance(name, str):
            return  # a field the package leaves empty or gives as a list
        for spelling in _spellings(name):
            key = _key(spelling)
            if key not in chosen and not (guarded and " " not in spelling and is_common_word(spelling)):
                chosen[key] = Place(spelling, kind)

    countries = CountryInfo.all().values()
    for info in countries:
        add(info.get("name"), "country", False)
        for spelling in info.get("altSpellings") or ():
            add(spelling, "country", False)
    for name, kind in _REGIONS_BEYOND:
        add(name, kind, False)
    for name in _COUNTRIES_BEYOND:
        add(name, "country", True)
    for name in _REGIONS_NAMED:
        add(name, "region", True)
    for name in _BODIES:
        add(name, "celestial body", True)
    for info in countries:
        for field, kind in (("region", "continent"), ("subregion", "region")):
            add(info.get(field), kind, False)
    for info in countries:
        add(info.get("capital"), "city", True)
        for province in info.get("provinces") or ():
            add(province, "region", True)
    return tuple(chosen.values())


@lru_cache(maxsize=1)
def index() -> NameIndex:
    """The package's places by their folded words, for `NameIndex.scan`."""
    return NameIndex(places())


def _key(name: str) -> str:
    return " ".join(w.folded for w in words(name))


@lru_cache(maxsize=65536)
def is_place(name: str) -> bool:
    """True if `name`, as written, is one of the package's places ('Florida' is, 'Scott' is not)."""
    return _key(name) in index().by_key


@lru_cache(maxsize=1)
def demonyms() -> frozenset[str]:
    """Folded words for the people of a country ('norwegian', 'peruvian', 'polynesian'): as a name of
    their own, adjectives, never places."""
    from countryinfo import CountryInfo

    return frozenset(w.folded for info in CountryInfo.all().values() if isinstance(d := info.get("demonym"), str)
                     for w in words(d) if len(w.text) > 3)  # 'French Polynesian' gives 'polynesian' too


@lru_cache(maxsize=1)
def first_words() -> frozenset[str]:
    """The folded first word of every name: a sentence without one of them has no gazetteer place."""
    return frozenset(key.split(" ", 1)[0] for key in index().by_key)
