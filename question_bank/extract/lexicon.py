"""Words of a sentence with their offsets, and finding catalog names among them.

A name is looked up by its folded words (case, diacritics and script folded as the catalog does),
so 'Zajecar', 'Zaječar' and 'Зајечар' all find the town; only runs that start with a capital
letter, a digit or a direction word ('western Serbia') are tried.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from functools import lru_cache
from operator import itemgetter
from typing import NamedTuple

from lemminflect import getAllLemmas

from question_bank.facts.entities import Catalog, Entity
from question_bank.facts.text import fold

_WORD = re.compile(r"[^\W_]+(?:[’'][^\W_]+|[’'](?=\s))?|\d+(?:st|nd|rd|th)?", re.UNICODE)
DIRECTIONS = frozenset({
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
    "north-east", "north-west", "south-east", "south-west", "upper", "lower",
})


class Word(NamedTuple):
    """A word of a sentence: its offsets, as written, folded, and whether it starts with a capital."""

    start: int
    end: int
    text: str
    folded: str
    capitalised: bool


def words(text: str) -> list[Word]:
    """The words of `text` (hyphens and slashes separate words; an apostrophe does not)."""
    # tuple.__new__ skips the NamedTuple's own __new__, a Python function (200 000 words a MB)
    return [
        tuple.__new__(Word, (m.start(), m.end(), (word := m[0]), _fold_word(word), word[0].isupper()))
        for m in _WORD.finditer(text)
    ]


def holds_any(text: str, parts: tuple[str, ...]) -> bool:
    """True if `text` holds one of `parts` (a loop: any() over a generator costs more than the tests)."""
    for part in parts:
        if part in text:
            return True
    return False


def free_words(tokens: list[Word], spans: list[tuple[int, int]]) -> list[bool]:
    """For each of `tokens` (the words of a text, in order), True if it overlaps none of `spans`."""
    free = [True] * len(tokens)
    for start, end in spans:  # the words that end after its start and start before its end
        for k in range(bisect_right(tokens, start, key=_END), bisect_left(tokens, end, key=_START)):
            free[k] = False
    return free


_START, _END = itemgetter(0), itemgetter(1)


@lru_cache(maxsize=65536)
def _fold_word(word: str) -> str:
    return fold(word)


@lru_cache(maxsize=65536)
def is_common_word(word: str) -> bool:
    """True if `word`, in lower case, is an English dictionary word ('pest', 'round'), not a name."""
    return bool(getAllLemmas(word.lower()))


class NameIndex:
    """Catalog names by their folded words, for finding them in running text."""

    def __init__(self, entities: Iterable[Entity]):
        self.by_key: dict[str, list[Entity]] = {}
        self.prefixes: set[str] = set()  # every run of first words of a name, to stop early
        self.longest = 1
        for entity in entities:
            for name in entity.names:
                key = " ".join(w.folded for w in words(name))
                if not key:
                    continue
                bucket = self.by_key.setdefault(key, [])
                if entity not in bucket:
                    bucket.append(entity)
                self.longest = max(self.longest, key.count(" ") + 1)
                parts = key.split(" ")
                self.prefixes.update(" ".join(parts[:n]) for n in range(1, len(parts) + 1))

    def scan(self, text: str, tokens: list[Word]) -> list[tuple[int, int, Entity]]:
        """(first word, last word + 1, entity) of every longest unambiguous catalog name, left to right."""
        found: list[tuple[int, int, Entity]] = []
        resume = 0  # the first word after the last name found
        prefixes = self.prefixes
        for i in [i for i, w in enumerate(tokens) if w.folded in prefixes]:
            first = tokens[i]
            if i < resume:
                continue
            if not (first.capitalised or first.text[0].isdigit() or first.folded in DIRECTIONS):
                continue
            hit = self._longest_at(text, tokens, i)
            if hit:
                found.append(hit)
                resume = hit[1]
        return found

    def _longest_at(self, text: str, tokens: list[Word], i: int) -> tuple[int, int, Entity] | None:
        """The longest unambiguous catalog name that starts at word `i` and ends on a capital or a digit."""
        hit = None
        key = ""
        for n in range(1, min(self.longest, len(tokens) - i) + 1):
            key = tokens[i].folded if n == 1 else f"{key} {tokens[i + n - 1].folded}"
            if key not in self.prefixes or n > 1 and not adjacent(text, tokens[i + n - 2 : i + n]):
                break
            last = tokens[i + n - 1]
            bucket = self.by_key.get(key)
            if bucket and len(bucket) == 1 and (last.capitalised or last.text[0].isdigit()):
                hit = (i, i + n, bucket[0])
        return hit


_NAME_BREAKS = frozenset(",.;:()[]")


def adjacent(text: str, run: list[Word]) -> bool:
    """Words of one name are separated by a space, a hyphen or quotes, never by a comma or a stop
    (but the stop of an abbreviated 'St.', 'Mt.' or 'Ft.': 'St. Louis')."""
    for a, b in zip(run, run[1:], strict=False):
        gap = text[a.end : b.start]
        if not 0 < len(gap) <= 3 or not _NAME_BREAKS.isdisjoint(gap) and not abbreviated_prefix(text, a, b):
            return False
    return True


# abbreviated first words of places' names ('St. Louis', 'Mt. Hood', 'Ft. Mandan')
PLACE_ABBREVIATIONS = frozenset({"St", "Ste", "Mt", "Ft", "Pt"})


def abbreviated_prefix(text: str, a: Word, b: Word) -> bool:
    """True if `a` is an abbreviated place prefix whose stop and one space lead to a capitalised `b`."""
    return a.text in PLACE_ABBREVIATIONS and b.capitalised and text[a.end : b.start] == ". "


@lru_cache(maxsize=4)
def catalog_indexes(catalog: Catalog) -> tuple[NameIndex, NameIndex]:
    """(units, places) indexes of a catalog, built once per catalog."""
    return NameIndex(catalog.units), NameIndex(catalog.places)
