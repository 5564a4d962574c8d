"""Judging a place answer by its folded name, with a typo allowance that grows with its length;
another catalog place within that allowance is never accepted."""

from __future__ import annotations

import re

from question_bank.answers import place_words
from question_bank.answers.units import typo_allowance
from question_bank.answers.verdict import (
    SERBIAN,
    Verdict,
    fold_name,
    name_forms,
    near,
    other_entity,
    right,
    show,
    wrong,
)
from question_bank.facts import edits
from question_bank.facts.entities import Catalog, Entity, Place

_COUNTS = ("no", "one", "two", "three", "four")
# Words that tell one of several same-named places from the others: "Morava" is a near miss for
# "Great Morava", never right (there are three Moravas).
_QUALIFIERS = frozenset(
    "great little upper lower north south east west northern southern eastern western new old "
    "velika mala gornji donji novi stari".split()
)


def check_place(
    expected: str, names: list[str], given: str, entities: tuple[Entity, ...], catalog: Catalog | None
) -> Verdict:
    head, comma, tail = given.rpartition(",")
    if comma and head.strip() and tail.strip():
        qualified = _check_qualified(expected, names, head.strip(), tail.strip(), entities, catalog)
        if qualified is not None:
            return qualified
    folded = fold_name(given)
    if not any(folded in name_forms(n) for n in names):  # a place may be called "Across A" itself
        folded = _PREPOSITION.sub("", folded)  # "near Negotin", "from Paris": the question's own word
    if not folded:
        return wrong(f"'{show(given)}' is not a place name")
    keys = [e for e in entities if isinstance(e, Place)]
    types = [k.type for k in keys] if keys else None
    candidates = place_words.cores(folded, types)  # "the Great Morava valley", "city of Niš"
    spelled = place_words.cores(_spelled_out(folded), types)  # "W Serbia", "Port St Julian": exact only
    if any(c in name_forms(n) for c in (*candidates, *spelled) for n in names):
        return right()
    if any(folded in place_words.cores(form, types)[1:] for n in names for form in name_forms(n)) and \
            other_entity(given, entities, catalog, Place) is None:
        return right(f"Accepted; the full name is {expected}")  # "Pascoal" for the mountain Monte Pascoal
    clashes = place_words.clashes(folded, types or ())
    for word, core in clashes:
        if min(_distance(core, form) for n in names for form in name_forms(n)) <= _allowance(core):
            return wrong(f"{keys[0].name} is a {keys[0].type}, not a {word}; the answer is {expected}")
    for candidate in (given, *candidates[1:], *(core for _, core in clashes)):
        other = other_entity(candidate, entities, catalog, Place)
        if other is not None:
            if catalog is not None and keys and other.name in catalog.ancestors(keys[0]):
                return wrong(f"Too broad: {keys[0].name} lies in {other.name}; the answer is {expected}")
            return wrong(f"{other.name} is a different place; the answer is {expected}")
    distance, folded, closest = min(
        (_distance(c, form) if _single(c) != _single(form) else 0 if c == form else 1, c, n)
        for c in candidates for n in names for form in name_forms(n)
    )
    if distance == 1 and any(_single(folded) == _single(form) for n in names for form in name_forms(n)):
        if _closer_place(folded, 1, entities, catalog) is None:
            return right(f"Accepted; it is spelled {closest}")  # "Nišš": a key held down a moment long
    letters = sum(c.isalnum() for c in fold_name(closest))
    allowance = typo_allowance(letters)
    if distance > allowance + (1 if letters >= 5 else 0):
        if any(_missing_qualifier(c, names) for c in candidates):
            return near(f"Which one? Give the full name: {expected}")
        return wrong(f"The answer is {expected}")
    rival = _closer_place(folded, distance, entities, catalog)
    if rival is not None:
        return wrong(f"That looks like {rival.name}; the answer is {expected}")
    if distance <= allowance:
        return right(f"Accepted; it is spelled {closest}")
    return near(f"Close: '{show(given)}' is {_COUNTS[min(distance, 4)]} letters off '{closest}'")


def _check_qualified(
    expected: str, names: list[str], head: str, tail: str, entities: tuple[Entity, ...], catalog: Catalog | None
) -> Verdict | None:
    """"Pirot, Serbia" or "Belgrade, Yugoslavia": the place with the region or country around it.
    None when the part after the comma is not a known place (the whole text is judged then)."""
    keys = [e for e in entities if isinstance(e, Place)]
    if any(fold_name(tail) in {fold_name(k.region), fold_name(k.country)} - {""} for k in keys):
        return check_place(expected, names, head, entities, catalog)  # "Bristol, England", "Hammaguir, Algeria"
    if catalog is None:
        return None
    outer = [p for p in catalog.find(tail.translate(SERBIAN)) if isinstance(p, Place)]
    if not outer:
        return None
    verdict = check_place(expected, names, head, entities, catalog)
    if not verdict.correct:
        return verdict
    keys = [e for e in entities if isinstance(e, Place)]
    if any(o.name in catalog.ancestors(key) for o in outer for key in keys) or not keys:
        return verdict
    return near(f"{keys[0].name} is not in {outer[0].name}; the answer is {expected}")


def _missing_qualifier(folded: str, names: list[str]) -> bool:
    """True if `folded` is a name without its qualifying words ("morava" for "great morava")."""
    words = folded.split()
    for name in names:
        for form in name_forms(name):
            full = form.split()
            if len(words) < len(full) and all(w in full for w in words):
                missing = [w for w in full if w not in words]
                if missing and all(w in _QUALIFIERS for w in missing):
                    return True
    return False


def _allowance(folded: str) -> int:
    return typo_allowance(sum(c.isalnum() for c in folded))


_PREPOSITION = re.compile(r"^(?:near|from|at|in|into|to|on|across|by|off|towards?|outside) (?=\S)")


# Short forms a learner writes in a place's name, word by word: "W Serbia", "Port St Julian".
_SHORT = {"w": "western", "e": "eastern", "n": "northern", "s": "southern", "st": "saint", "ste": "sainte",
          "ft": "fort", "pt": "port", "mt": "mount", "mts": "mountains", "is": "island", "r": "river"}


def _spelled_out(folded: str) -> str:
    """The short forms of a folded name written out, where they stand before another word. A name
    written out is taken only as it stands, never as a typo: "E Serbia" is no slip for Western."""
    words = folded.split()
    return " ".join(_SHORT.get(w, w) if i < len(words) - 1 else w for i, w in enumerate(words))


def _single(folded: str) -> str:
    """The name with doubled letters written once."""
    return re.sub(r"(.)\1+", r"\1", folded)


def _distance(a: str, b: str) -> int:
    """Edit distance, not counting spaces ("Novi Sad" vs "Novisad")."""
    return min(edits.distance(a, b), edits.distance(a.replace(" ", ""), b.replace(" ", "")))


_PLACE_NAMES: dict[int, tuple[Catalog, list[str], list[Place]]] = {}


def _closer_place(
    folded: str, distance: int, entities: tuple[Entity, ...], catalog: Catalog | None
) -> Place | None:
    """Another catalog place whose name is strictly closer to `folded` than the expected one."""
    if catalog is None or distance == 0:
        return None
    cached = _PLACE_NAMES.get(id(catalog))
    if cached is None or cached[0] is not catalog:
        pairs = [(fold_name(n), p) for p in catalog.places for n in p.names]
        cached = (catalog, [n for n, _ in pairs], [p for _, p in pairs])
        if len(_PLACE_NAMES) > 8:
            _PLACE_NAMES.clear()
        _PLACE_NAMES[id(catalog)] = cached
    _, choices, places = cached
    return next((places[i] for i in edits.within(folded, choices, distance - 1) if places[i] not in entities), None)


