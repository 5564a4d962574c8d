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
from functools import lru_cache
from typing import Protocol, TypeVar

from lemminflect import getAllLemmas

from question_bank.extract import gazetteer
from question_bank.extract.lexicon import Word, adjacent, is_common_word
from question_bank.extract.place_heads import (
    COMPASS_WORDS,
    FOREIGN_PREFIXES,
    FUNCTION_AFTER,
    HEADS_AFTER,
    HEADS_BEFORE,
    LOWER_AFTER,
    MONTHS_DAYS,
    NOT_PLACE,
    OF_HEADS,
    WEAK_HEADS,
)
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


# 'Varnok National Park', 'the Varnok Historical Park': what makes a park, road or memorial a named site
_SITE_QUALIFIERS = frozenset({"national", "military", "state", "memorial", "royal", "historical", "historic",
                              "regional", "provincial", "marine", "public", "botanical", "war"})


def weak_head_ok(run: list[Word], head: str) -> bool:
    """A head word that ends names of other things too ('the Moscow Summit', 'the Fifth Column')
    makes a place only after a compass word, a possessive or a name that is no known place nor an
    English word ('South Summit', 'Nelson's Column', 'Hillary Step')."""
    if head not in WEAK_HEADS or len(run) < 2:
        return True
    before = run[-2]
    return before.folded in COMPASS_WORDS or before.text.endswith(("'s", "’s")) or before.folded in _SITE_QUALIFIERS or \
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


def glossed(text: str, ends: set[int], start: int) -> bool:
    """True if a name starting at `start` is a gloss in parentheses of a place ending at one of `ends`."""
    return any(end <= start and _GLOSS.fullmatch(text[end:start]) and not _RENAMED.search(text[end:start])
               for end in ends)


_BARE_HEADS = ("mount ", "monte ", "mont ")


def names_of(key: str) -> list[str]:
    """The folded names a found place is known by afterwards: 'mount everest' and 'everest'; 'tower
    of london' and, capitalised alone, 'tower' ('the garrison of the Tower')."""
    head, of, rest = key.partition(" of ")
    if of and rest and head in OF_HEADS:
        return [key, head]
    for head in _BARE_HEADS:
        if key.startswith(head) and " " not in key[len(head) :]:
            return [key, key[len(head) :]]
    return [key]


_SAID_TYPES = {
    "town": "town", "city": "city", "village": "village", "island": "island", "port": "town", "river": "river",
    "province": "region", "region": "region", "state": "state", "country": "country", "hamlet": "village",
    "capital": "city", "mountain": "mountain", "lake": "lake", "sea": "sea", "atoll": "island",
}
_APPOSITIVE_TYPE = re.compile(r",\s+(?:a|the)\s+(?:small\s+|large\s+|[a-z]+ern\s+)?(?P<type>[a-z]+)\b")


def type_said(text: str, tokens: list[Word], first: int, end: int) -> str:
    """The type the text gives a place: 'the village of Smelovka', 'Klushino, a village west of …';
    'town' when it says none."""
    if first >= 2 and tokens[first - 1].text == "of":
        noun = tokens[first - 2].text.lower()
        if noun == "the" and first >= 3:
            noun = tokens[first - 3].text.lower()
        if noun in _SAID_TYPES:
            return _SAID_TYPES[noun]
    appositive = _APPOSITIVE_TYPE.match(text, end)
    if appositive and appositive.group("type") in _SAID_TYPES:
        return _SAID_TYPES[appositive.group("type")]
    return "town"


# 'Merak, on the western tip of Java', 'Danan and Perboewatan to the north', 'Libau, where': a name
# placed by the words after it on a part of a place, in a quarter of the sky or as where something
# happened (not 'X, in Y': people stand there too)
_PLACED_AFTER = re.compile(
    r"(?: and [A-Z][\w’'-]+)?, (?:on|at|near) the (?:[a-z]+ ){0,2}(?:tip|coast|shore|bank|edge|mouth|end) of [A-Z]"
    r"|(?: and [A-Z][\w’'-]+)? (?:to|in) the (?:far )?(?:north|south|east|west|north-east|north-west|south-east|"
    r"south-west)\b(?! of [A-Z])"
    r"|, where\b"  # 'steered for Libau, where the ship was repaired'
)


def placed_after(text: str, end: int) -> bool:
    """True if the words after a name ending at `end` place it on a part of a place ('Merak, on the
    western tip of Java') or in a quarter ('X and Y to the north')."""
    if end >= len(text) or text[end] not in ", ":
        return False
    appositive = _APPOSITIVE_TYPE.match(text, end)  # 'Middelburg, the capital of the island, …'
    return appositive is not None and appositive.group("type") in _SAID_TYPES or _PLACED_AFTER.match(text, end) is not None


def adjective_like(name: str) -> bool:
    """True if `name` ends like a people's adjective ('Norman', 'Caribbean', 'Frankish', 'Provençal')."""
    return name.endswith(_ADJECTIVE_ENDINGS)


def adjective_use(name: str, after: str) -> bool:
    """True if `name` has an adjective's ending and a lower-case noun that names no place's part
    follows it ('the Norman conquest', 'to Norman lords', 'the Frankish king'): a people's
    adjective there ('the Univermag department store' names a place)."""
    if not adjective_like(name):
        return False
    word = after.split(" ", 1)[0].rstrip(",.;:") if after[:1].islower() else ""
    return bool(word) and word.isalpha() and word not in LOWER_AFTER and word not in HEADS_AFTER and \
        word not in _CLAUSE_WORDS and word not in _PARTS_OF_TOWNS and _noun_only(word)


_ADJECTIVE_ENDINGS = ("an", "ish", "ese", "ic", "al")
# 'from Milan airport': a town's name before one of its parts is the town
_PARTS_OF_TOWNS = frozenset({"airport", "docks", "city", "town", "suburbs", "outskirts", "streets", "ghetto",
                             "citadel", "garrison", "residents", "citizens", "workers", "police", "prison"})
_CLAUSE_WORDS = frozenset("that which who whom whose where when while than as because since until if so yet".split())


def verb_follows(after: str) -> bool:
    """True if a verb that is no noun follows a name ('Verlaten and Lang were calm')."""
    word = after.split(" ", 1)[0].rstrip(",.;:") if after[:1].islower() else ""
    return bool(word) and word.isalpha() and _verb_only(word)


@lru_cache(maxsize=16384)
def _noun_only(word: str) -> bool:
    """A noun, no adverb nor a verb's participle ('conquest', 'style', 'lords')."""
    lemmas = getAllLemmas(word)
    nouns = lemmas.get("NOUN", ())
    return bool(nouns) and not lemmas.get("ADV") and not word.endswith(("ed", "ing"))


@lru_cache(maxsize=16384)
def _verb_only(word: str) -> bool:
    lemmas = getAllLemmas(word)
    return bool(lemmas.get("VERB")) and not lemmas.get("NOUN") or lemmas.get("AUX") is not None


# a street's word in French, Spanish, Italian or Portuguese, written in lower case before the name
_STREET_WORDS = frozenset({"rue", "quai", "calle", "avenida", "piazza", "plaza", "rua", "largo", "viale", "paseo"})
_STREET_LINKS = frozenset({"de", "du", "des", "la", "del", "della", "di", "do", "da", "dos", "das"})


def foreign_streets(text: str, tokens: list[Word], free: list[bool]) -> list[tuple[int, int]]:
    """Where 'the rue Lhomond', 'the calle de Alcalá' are: a foreign street word and the capitalised
    name after it, one place; marks their words taken in `free`."""
    found: list[tuple[int, int]] = []
    if _STREET_WORDS.isdisjoint(text.lower().split()):  # (a set test of the words: faster than any pattern)
        return found
    for i, word in enumerate(tokens[:-1]):
        if word.folded not in _STREET_WORDS or not free[i]:
            continue
        j = i + 1
        while j < len(tokens) - 1 and tokens[j].folded in _STREET_LINKS and not tokens[j].capitalised:
            j += 1
        k = j
        while k < len(tokens) and free[k] and tokens[k].capitalised and adjacent(text, tokens[k - 1 : k + 1]):
            k += 1
        if k == j:
            continue
        found.append((word.start, tokens[k - 1].end))
        for n in range(i, k):
            free[n] = False
    return found


def ends_an_and_list(tokens: list[Word], first: int, after: str) -> bool:
    """True if 'and' (or 'and the') stands right before word `first` and a verb or a function word
    follows the name ('Verlaten and Lang were', 'the Humber and the Ouse with')."""
    k = first - 1 - (first > 1 and tokens[first - 1].folded == "the")
    return k >= 0 and tokens[k].folded in ("and", "or") and (verb_follows(after) or after.split(" ", 1)[0] in FUNCTION_AFTER)


_BEFORE_A_PLACE = re.compile(r"(?:,|,? and|,? or) (?:the )?")
_NOT_LISTED = frozenset({"the", "a", "an", "his", "her", "its", "their", "this", "that", "in", "at", "on", "by"})


def listed_before(text: str, run: list[Word], starts: set[int]) -> bool:
    """True if `run`, a name no rule took, is listed right before a place found ('Scania, Halland
    and Blekinge'): a name of up to three words, no English words alone, no people, month or head word."""
    after = _BEFORE_A_PLACE.match(text, run[-1].end)
    if after is None or after.end() not in starts or len(run) > 3 or run[0].folded in _NOT_LISTED:
        return False
    if all(is_common_word(w.text) for w in run) or run[-1].text.isupper() or run[-1].text.endswith(("'s", "’s")):
        return False
    return not any(w.folded in NOT_PLACE or w.folded in MONTHS_DAYS or _adjective(w) for w in run)


_TITLE_NOUNS = frozenset({"journal", "newspaper", "magazine", "periodical", "gazette", "weekly", "daily", "ship", "book"})
_FIELD_NOUNS = frozenset({"prize", "prizes", "award", "medal", "degree", "doctorate", "professor", "professorship",
                          "chair", "lecturer", "reader", "diploma", "studies"})


def titled_or_field(tokens: list[Word], first: int) -> bool:
    """'the journal Nature', 'the Nobel Prize in Physiology', 'professor of Chemistry': a title or a
    field of study stands there, not a place."""
    before = [w.folded for w in tokens[max(0, first - 2) : first]]
    if before and before[-1] in _TITLE_NOUNS and tokens[first - 1].text.islower():
        return True
    return len(before) == 2 and before[1] in ("in", "of") and before[0] in _FIELD_NOUNS
