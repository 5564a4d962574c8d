"""The generic words written around a place's name ("the Great Morava valley", "Kraljevo bridgehead",
"city of Niš"), and which of them fit the place's type: "Zaječar river" is not the town Zaječar.

Names are folded (lower-case ASCII, single spaces) before they come here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from question_bank.facts.entities import SETTLEMENTS


@dataclass(frozen=True)
class Words:
    """Words that may stand before a name ("city of") and after it ("bridgehead")."""

    before: tuple[str, ...]
    after: tuple[str, ...]


# By family of place type; a type not here (country, landmark, ...) takes no generic word.
FITTING: dict[str, Words] = {
    "river": Words(("river", "river of", "valley of", "basin of"),
                   ("river valley", "river basin", "river", "valley", "basin")),
    "settlement": Words(("city of", "town of", "village of", "outskirts of", "area of", "district of"),
                        ("bridgehead", "area", "district", "city", "town", "village", "outskirts")),
    "region": Words(("region of",), ("region", "area", "district")),
    "mountain": Words(("mount", "mt", "mountains of", "monte", "mont"), ("mountains", "mountain", "range", "massif")),
    "lake": Words(("lake",), ("lake",)),
    "country": Words(("kingdom of", "republic of", "tsardom of", "empire of", "principality of", "state of"), ()),
    # A landmark is a gorge, a pass, a cape: "the Iron Gates gorge" names the Iron Gates.
    "landmark": Words(("cape of",), ("gorge", "pass", "strait", "straits", "narrows")),
}
# When the place's type is not known (no catalog entry), the words accepted before there were types.
ANY_TYPE = Words(
    ("city of", "town of", "village of", "river of", "river", "mount", "mt", "lake", "mountains", "mountain"),
    ("river", "city", "town", "village", "mountains", "mountain"),
)
# Words that name a kind of place; one that fits none of the place's families contradicts it
# ("area" and "district" fit too many kinds of place to contradict any).
_KIND_WORDS = ("river", "valley", "basin", "city", "town", "village", "bridgehead", "outskirts", "region",
               "mount", "mt", "mountain", "mountains", "range", "massif", "lake")
_SAID = {"mt": "mountain", "mount": "mountain", "mountains": "mountain range", "outskirts": "town's outskirts"}


def family(place_type: str) -> str:
    return "settlement" if place_type in SETTLEMENTS else place_type


def fitting(types: Iterable[str] | None) -> Words:
    """The words that fit every type given (None: the type is not known)."""
    if types is None:
        return ANY_TYPE
    found = [FITTING[family(t)] for t in types if family(t) in FITTING]
    before = tuple(dict.fromkeys(w for words in found for w in words.before))
    after = tuple(dict.fromkeys(w for words in found for w in words.after))
    return Words(before, after)


def _strip(folded: str, words: Words) -> list[str]:
    cores = []
    for word in words.before:
        if folded.startswith(word + " "):
            rest = folded[len(word) + 1 :]
            cores.append(rest[4:] if rest.startswith("the ") else rest)
    for word in words.after:
        if folded.endswith(" " + word):
            cores.append(folded[: -len(word) - 1])
    return [c for c in cores if c]


def cores(folded: str, types: Iterable[str] | None) -> list[str]:
    """`folded` itself, then the name inside it once a fitting generic word is taken off."""
    return list(dict.fromkeys([folded, *_strip(folded, fitting(types))]))


def clashes(folded: str, types: Iterable[str]) -> list[tuple[str, str]]:
    """(word, the name inside) for each kind-of-place word around `folded` that fits none of
    `types` ("zajecar river" for a town: ("river", "zajecar"))."""
    types = list(types)
    fits = fitting(types)
    if not fits.before and not fits.after:
        return []  # a country or landmark: no word is checked against it
    own = {w for phrase in (*fits.before, *fits.after) for w in phrase.split()}
    found = []
    for word in _KIND_WORDS:
        if word in own:
            continue
        for core in _strip(folded, Words((word, word + " of"), (word,))):
            found.append((_SAID.get(word, word), core))
    return found
