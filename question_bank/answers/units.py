"""Unit names taken apart into number, echelon and the other words, so they compare exactly.

Fuzzy scores rate "46th Rifle Corps" closer to "64th Rifle Corps" than "64 rifle corps" is, so the
number and echelon must match exactly; only the words may carry a small typo.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from question_bank.facts import edits
from question_bank.facts.entities import ECHELONS, SIDES
from question_bank.facts.text import fold

SIDE_WORDS = frozenset(fold(side) for side in SIDES)
_ECHELON_WORDS: dict[str, str] = {e: e for e in ECHELONS if " " not in e} | {
    "div": "division", "divn": "division", "bde": "brigade", "regt": "regiment", "rgt": "regiment",
    "bn": "battalion", "btn": "battalion", "corp": "corps", "kampfgruppe": "battle group",
    "battlegroup": "battle group", "heeresgruppe": "army group", "armygroup": "army group",
}
_ECHELON_PAIRS = {tuple(e.split()): e for e in ECHELONS if " " in e} | {("group", "army"): "army group"}
_FUZZY_ECHELONS = tuple(e for e in _ECHELON_WORDS.values() if " " not in e and len(e) >= 5)
_ORDINAL_WORDS = {
    word: i
    for i, word in enumerate(
        "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
        "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth".split(), 1
    )
}
_TENS = {w: 10 * i for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), 2)}
_ORDINAL_WORDS |= {w[:-1] + "ieth": n for w, n in _TENS.items()}  # "twentieth", "sixtieth"
_ORDINAL_WORDS |= {"hundredth": 100}
# The usual abbreviations of unit names, read as the words they stand for.
ABBREVIATIONS = {
    "gds": "guards", "gd": "guards", "mech": "mechanized", "mechanised": "mechanized",
    "mot": "motorized", "motorised": "motorized", "mtn": "mountain", "mtd": "mounted", "inf": "infantry",
    "ukr": "ukrainian", "ukrn": "ukrainian", "bel": "belorussian", "byelorussian": "belorussian",
    "belarusian": "belorussian", "rif": "rifle", "tk": "tank", "pz": "panzer", "cav": "cavalry",
    "arty": "artillery", "prol": "proletarian", "bulg": "bulgarian", "yug": "yugoslav", "sov": "soviet",
    "armoured": "armored", "armd": "armored", "gv": "guards", "grp": "group", "gp": "group",
    "ag": "army group", "hg": "army group",
}
# Serbian and Russian unit words, folded from Cyrillic or typed in Latin, read as the English word
# whatever their case ending: "57. армија", "57-я армия", "3-й Украинский фронт", "Друга армија".
_FOREIGN_STEMS = {
    "armij": "army", "armiy": "army", "armi": "army", "korpus": "corps", "divizij": "division",
    "diviziy": "division", "diviz": "division", "brigad": "brigade", "polk": "regiment", "puk": "regiment",
    "bataljon": "battalion", "batalon": "battalion", "front": "front", "flotilij": "flotilla",
    "flotiliy": "flotilla", "grupp": "group", "grup": "group", "vozdusn": "air",
    "vazduhoplovn": "air", "strelkov": "rifle", "streljack": "rifle", "gvardeysk": "guards",
    "gvardejsk": "guards", "gardijsk": "guards", "tankov": "tank", "tenkovsk": "tank",
    "mehanizirovann": "mechanized", "mehanizovan": "mechanized", "motorizovan": "motorized",
    "motorizirovann": "motorized", "ukrainsk": "ukrainian", "ukrajinsk": "ukrainian",
    "belorussk": "belorussian", "belorusk": "belorussian", "bjelorusk": "belorussian",
    "bolgarsk": "bulgarian", "bugarsk": "bulgarian", "sovetsk": "soviet", "sovjetsk": "soviet",
    "nemeck": "german", "nemack": "german", "njemack": "german", "rumunsk": "romanian",
    "rumynsk": "romanian", "madarsk": "hungarian", "madjarsk": "hungarian", "vengersk": "hungarian",
    "proletersk": "proletarian", "proletarsk": "proletarian", "srpsk": "serbian", "serbsk": "serbian",
    "gorsk": "mountain", "brdsk": "mountain", "pehotn": "infantry", "pesadijsk": "infantry",
    "vojvodansk": "vojvodina", "vojvodjansk": "vojvodina", "voyvodinsk": "vojvodina",
}
# Ordinal stems take an ending ("druga", "vtoraya"), so "pet" or "drug" alone is no number.
_FOREIGN_ORDINALS = {
    "prv": "first", "drug": "second", "trec": "third", "cetvrt": "fourth", "pet": "fifth", "sest": "sixth",
    "sedm": "seventh", "osm": "eighth", "devet": "ninth", "deset": "tenth", "perv": "first",
    "vtor": "second", "tret": "third", "cetvert": "fourth", "pyat": "fifth", "vosm": "eighth",
    "devyat": "ninth", "desyat": "tenth",
}
_ENDINGS = "a e i o u y ya ja ie ii ij iy om oj oy og oga ogo ego aya oe ye yy yh ih ym im ov".split()
_FOREIGN_WORD = re.compile(
    "(" + "|".join(sorted(_FOREIGN_STEMS, key=len, reverse=True)) + ")(" + "|".join(_ENDINGS) + ")?"
)
_FOREIGN_ORDINAL = re.compile(
    "(" + "|".join(sorted(_FOREIGN_ORDINALS, key=len, reverse=True)) + ")(" + "|".join(_ENDINGS) + ")"
)
# What follows the digits of a Russian ordinal ("57-я", "3-й", "64-го"), once folded.
_ORDINAL_SUFFIXES = frozenset("ya y j iy yy oy oj aya ja go ogo e oe ye".split())
_ROMAN = re.compile(r"(?=[mdclxvi])m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})")
_ROMAN_VALUES = {"m": 1000, "d": 500, "c": 100, "l": 50, "x": 10, "v": 5, "i": 1}
_NUMBER = re.compile(r"(\d{1,4})(?:st|nd|rd|th)?")
_QUOTED = re.compile(r"[\"“”„«»]([^\"“”„«»]+)[\"“”„«»]")
_BRACKETED = re.compile(r"\([^()]*\)")  # "(NOVJ)", "(Croatian)": a qualifier, optional
_SKIP = frozenset({"the", "of", "in"})


def typo_allowance(letters: int) -> int:
    """Edits a name of this many letters may be off by: 0 up to 4, 1 up to 8, then 2."""
    return 0 if letters <= 4 else 1 if letters <= 8 else 2


@dataclass(frozen=True)
class UnitName:
    """A unit name taken apart: "64th Rifle Corps" → 64, "corps", ("rifle",).

    `nickname` holds a quoted well-known name ("Prinz Eugen"), which alone also names the unit;
    a bracketed qualifier such as "(NOVJ)" is left out. `loose` says the echelon word was
    recognised despite a typo.
    """

    number: int | None
    echelon: str | None
    words: tuple[str, ...]
    nickname: tuple[str, ...] = ()
    loose: bool = False


def roman_value(text: str) -> int | None:
    """The value of a lower-case Roman numeral ("lxiv" → 64), or None if it is not one."""
    if not _ROMAN.fullmatch(text):
        return None
    values = [_ROMAN_VALUES[c] for c in text]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def _echelon(token: str) -> tuple[str | None, bool]:
    if token in _ECHELON_WORDS:
        return _ECHELON_WORDS[token], False
    if len(token) >= 5:
        for echelon in _FUZZY_ECHELONS:
            if edits.distance(token, echelon) <= typo_allowance(len(echelon)):
                return echelon, True
    return None, False


@lru_cache(maxsize=8192)
def parse_unit_name(text: str) -> UnitName:
    """Take a unit name apart; Roman numerals count as the number only as the first word."""
    nicknames: list[str] = []

    def grab(match: re.Match[str]) -> str:
        nicknames.append(match.group(1))
        return " "

    text = re.sub(r"(?<=\w)['’](?=\w)", "", text)  # "Devil's" → "Devils", one word
    text = re.sub(r"[ьъЬЪ]", "", text)  # soft and hard signs: "седьмая" is one word, not "sed maya"
    folded = fold(_BRACKETED.sub(" ", _QUOTED.sub(grab, text))).split()
    folded = [t for i, t in enumerate(folded) if not (i and folded[i - 1].isdigit() and t in _ORDINAL_SUFFIXES)]
    tokens = [ABBREVIATIONS.get(t) or _foreign(t) for t in folded]
    number: int | None = None
    echelon: str | None = None
    echelon_tokens: list[str] = []
    words: list[str] = []
    loose = False
    i = 0
    while i < len(tokens):
        token = tokens[i]
        pair = tuple(tokens[i : i + 2])
        found, fuzzy = (_ECHELON_PAIRS[pair], False) if pair in _ECHELON_PAIRS else _echelon(token)
        if found:
            words.extend(echelon_tokens)  # "Army Corps": the last echelon word is the echelon
            echelon_tokens = list(pair) if pair in _ECHELON_PAIRS else [token]
            echelon, loose = found, fuzzy
            i += len(echelon_tokens)
            continue
        value = None
        if number is None:
            if match := _NUMBER.fullmatch(token):
                value = int(match.group(1))
            elif token in _TENS and i + 1 < len(tokens) and tokens[i + 1] in _ORDINAL_WORDS:
                value = _TENS[token] + _ORDINAL_WORDS[tokens[i + 1]]  # "sixty fourth"
                i += 1
            elif token in _ORDINAL_WORDS and len(tokens) > 1:
                value = _ORDINAL_WORDS[token]  # "Second" anywhere: "Bulgarian Second Army"
            elif i == 0 and len(tokens) > 1:
                value = roman_value(token)
        if value is not None:
            number = value
        elif token not in _SKIP:
            words.append(token)
        i += 1
    nickname = tuple(fold(nicknames[0]).split()) if nicknames else ()
    return UnitName(number, echelon, tuple(words), nickname, loose)


def _foreign(token: str) -> str:
    """The English word for a Serbian or Russian unit word ("armija" → "army"), else the token."""
    if token.isascii() and (match := _FOREIGN_WORD.fullmatch(token)):
        return _FOREIGN_STEMS[match.group(1)]
    if match := _FOREIGN_ORDINAL.fullmatch(token):
        return _FOREIGN_ORDINALS[match.group(1)]
    return token


def match_words(given: tuple[str, ...], expected: tuple[str, ...]) -> str:
    """Compare the words of two names in any order.

    Returns "same", "typo" (same words, small misspellings), "fewer" (some expected words
    missing), "none" (none of them given) or "different". Side words ("Soviet", "Bulgarian") the
    expected name lacks are ignored.
    """
    remaining = list(expected)
    typo = False
    for word in given:
        if word in remaining:
            remaining.remove(word)
            continue
        best = min(remaining, key=lambda e: edits.distance(word, e), default=None)
        if best is not None and edits.distance(word, best) <= typo_allowance(len(best)):
            remaining.remove(best)
            typo = True
        elif word not in SIDE_WORDS:
            return "different"
    if remaining:
        return "none" if len(remaining) == len(expected) else "fewer"
    return "typo" if typo else "same"


def without(words: tuple[str, ...], part: tuple[str, ...]) -> tuple[str, ...]:
    """`words` with the run `part` taken out (an unquoted nickname inside a full name)."""
    n = len(part)
    for i in range(len(words) - n + 1) if n else ():
        if words[i : i + n] == part:
            return words[:i] + words[i + n :]
    return words
