"""Which side a unit fought on, from its own words or the words around it.

The catalog's sides are those of `question_bank.facts.entities.SIDES`; a bank's own units may
be on any side the loader accepts ("Union", "British"), so those are recognised too.
"""

from __future__ import annotations

import re
from functools import lru_cache

from question_bank.banks.records import check_side

SIDE_WORDS: dict[str, str] = {
    "soviet": "Soviet", "soviets": "Soviet", "red army": "Soviet", "russian": "Soviet", "russians": "Soviet",
    "rkka": "Soviet",
    "bulgarian": "Bulgarian", "bulgarians": "Bulgarian",
    "yugoslav": "Yugoslav", "yugoslavs": "Yugoslav", "partisan": "Yugoslav", "partisans": "Yugoslav",
    "novj": "Yugoslav", "proletarian": "Yugoslav", "nob": "Yugoslav",
    "german": "German", "germans": "German", "wehrmacht": "German", "ss": "German", "waffen-ss": "German",
    "luftwaffe": "German", "panzer": "German", "panzergrenadier": "German", "jäger": "German",
    "gebirgs": "German", "kampfgruppe": "German", "heeresgruppe": "German", "grenadier": "German",
    "romanian": "Romanian", "romanians": "Romanian",
    "hungarian": "Hungarian", "hungarians": "Hungarian", "honvéd": "Hungarian",
    "chetnik": "Chetnik", "chetniks": "Chetnik",
    "croatian": "Croatian", "croatians": "Croatian", "ustaše": "Croatian", "ustasha": "Croatian",
    "domobran": "Croatian",
    # other wars
    "union": "Union", "federal": "Union", "confederate": "Confederate", "confederates": "Confederate",
    "british": "British", "american": "American", "americans": "American", "u.s.": "American",
    "australian": "Australian", "canadian": "Canadian", "french": "French", "italian": "Italian",
    "italians": "Italian", "polish": "Polish", "ottoman": "Ottoman", "turkish": "Ottoman", "japanese": "Japanese",
    "finnish": "Finnish", "slovak": "Slovak", "greek": "Greek", "albanian": "Albanian", "allied": "Allied",
}
NATIONALITIES = frozenset({
    "soviet", "russian", "bulgarian", "yugoslav", "german", "romanian", "hungarian", "croatian", "british",
    "american", "australian", "canadian", "french", "italian", "polish", "ottoman", "turkish", "japanese",
    "finnish", "slovak", "greek", "albanian", "us", "u.s.",
})
# Words inside a unit's name that point to a side only when nothing stronger does.
_WEAK = {"guards": "Soviet", "rifle": "Soviet", "mechanized": "Soviet"}
_WORD = re.compile(r"[A-Za-zÀ-žš.-]+(?:\s+Army)?")
_BEFORE = re.compile(r"(?:^|[\s(])([A-Za-zÀ-ž.-]+)\s+(?:the\s+)?$")


def known(side: str | None) -> bool:
    """True for a side a bank's own unit may have."""
    return side is not None and _known_side(side)


@lru_cache(maxsize=1024)
def _known_side(side: str) -> bool:
    return check_side(side, None) is None


@lru_cache(maxsize=65536)
def _side_of(word: str) -> str | None:
    key = word.lower().strip(".,()")
    return SIDE_WORDS.get(key) or SIDE_WORDS.get(key.split()[0]) if key else None


def side_in_phrase(text: str, start: int, end: int) -> tuple[str | None, str]:
    """The side named by a unit's own words, a word just before it ('Soviet 17th Air Army') or a tag
    after it ('45th Division NOVJ'); (None, '') if none."""
    phrase = text[start:end]
    for word in phrase.replace("-", " ").split():
        side = _side_of(word)
        if side:
            return side, "name"
    before = _BEFORE.search(text[max(0, start - 30) : start])
    if before and _side_of(before.group(1)):
        return _side_of(before.group(1)), "name"
    after = text[end : end + 8].strip(" (")
    if after[:4].upper() == "NOVJ":
        return "Yugoslav", "name"
    for word in phrase.split():
        weak = _WEAK.get(word.lower())
        if weak:
            return weak, "name"
    return None, ""


def side_near(text: str, start: int, end: int) -> str | None:
    """The side word nearest before the unit in its sentence, else the nearest after it."""
    before = [m for m in _WORD.finditer(text[:start]) if _side_of(m.group(0))]
    if before:
        return _side_of(before[-1].group(0))
    for match in _WORD.finditer(text[end:]):
        side = _side_of(match.group(0))
        if side:
            return side
    return None
