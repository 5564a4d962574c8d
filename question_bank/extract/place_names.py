"""Classes of place names that a run of capitalised words alone does not settle.

- a compass word capitalised before a known place is part of its name ("West Berlin", "East
  Germany", "Northern California");
- a people's adjective before a head word is not ("the British Mount Everest expedition" names
  "Mount Everest");
- a name given again in parentheses in another language ("Mount Everest (Nepali: Sagarmatha)") is
  the same mention;
- "Mount Everest" once named, "Everest" alone is the same mountain.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol, TypeVar

from question_bank.extract import gazetteer
from question_bank.extract.lexicon import Word, is_common_word
from question_bank.extract.place_heads import COMPASS_WORDS, FOREIGN_PREFIXES, HEADS_BEFORE, WEAK_HEADS
from question_bank.extract.sides import SIDE_WORDS


class _Spanned(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


def compass_before(text: str, tokens: list[Word], free: list[bool], first: int) -> int:
    """The first word of a place's name that starts at word `first`, with a capitalised compass word
    right before it ('West Berlin'); `first` if there is none."""
    k = first - 1
    if k >= 0 and free[k] and tokens[k].capitalised and tokens[k].folded in COMPASS_WORDS \
            and text[tokens[k].end : tokens[first].start] == " ":
        return k
    return first


def _adjective(word: Word) -> bool:
    folded = word.folded
    return folded in SIDE_WORDS or folded.rstrip("s") in SIDE_WORDS or folded in gazetteer.demonyms()


def adjectives_before_head(run: list[Word]) -> int:
    """How many words at the start of `run` are peoples' adjectives before a head word or a foreign
    prefix ('British Mount Everest', 'Spanish San Sebastián'): they are not part of the name."""
    for k, word in enumerate(run[:-1]):
        if not _adjective(word):
            return k if k and (word.folded in HEADS_BEFORE or word.folded in FOREIGN_PREFIXES) else 0
    return 0


def weak_head_ok(run: list[Word], head: str) -> bool:
    """A head word that ends names of other things too ('the Moscow Summit', 'the Fifth Column')
    makes a place only after a compass word, a possessive or a name that is no known place nor an
    English word ('South Summit', 'Nelson's Column', 'Hillary Step')."""
    if head not in WEAK_HEADS or len(run) < 2:
        return True
    before = run[-2]
    return before.folded in COMPASS_WORDS or before.text.endswith(("'s", "’s")) or \
        not gazetteer.is_place(before.text) and not is_common_word(before.text)


_GLOSS = re.compile(r"\s*\((?:[^()]*:[^()]*)?")
_RENAMED = re.compile(r"\b(?:now|formerly|today|later|then|once)\b")


M = TypeVar("M", bound=_Spanned)


def without_glosses(text: str, mentions: Sequence[M]) -> list[M]:
    """`mentions` (in text order) without the names given in parentheses right after another, as
    the same name in another language ('Flushing (Vlissingen)', 'Mount Everest (Nepali:
    Sagarmatha)'); a former or later name ('Kuibyshev (now Samara)') stays, and so does a catalog
    place (the draft makes the two names of one catalog place one slot)."""
    kept: list[M] = []
    for mention in mentions:
        if kept and kept[-1].end <= mention.start and getattr(mention, "entity", None) is None:
            between = text[kept[-1].end : mention.start]
            if _GLOSS.fullmatch(between) and not _RENAMED.search(between):
                continue
        kept.append(mention)
    return kept


_BARE_HEADS = ("mount ", "monte ", "mont ")


def names_of(key: str) -> list[str]:
    """The folded names a found place is known by afterwards: 'mount everest' and 'everest'."""
    for head in _BARE_HEADS:
        if key.startswith(head) and " " not in key[len(head) :]:
            return [key, key[len(head) :]]
    return [key]
