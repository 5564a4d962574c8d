"""Judging a unit answer by its number, echelon and words, never by a fuzzy score."""

from __future__ import annotations

import re
import unicodedata

from question_bank.answers.units import SIDE_WORDS, UnitName, match_words, parse_unit_name, typo_allowance, without
from question_bank.answers.verdict import Verdict, best, fold_name, near, other_entity, right, show, wrong
from question_bank.facts import edits
from question_bank.facts.entities import Catalog, Entity, Unit


def check_unit(
    expected: str, names: list[str], given: str, entities: tuple[Entity, ...], catalog: Catalog | None
) -> Verdict:
    folded = fold_name(given)
    if any(fold_name(n) == folded for n in names):
        return right()
    titled = _TITLE.sub("", given)
    if titled != given and titled.strip():  # "King Charles I", "Admiral Nelson": the person, titled
        verdict = check_unit(expected, names, titled, entities, catalog)
        if verdict.correct:
            return verdict
    if any(_mixed_scripts(word) for word in given.split()):
        return wrong(f"The answer is {expected}")  # "Copрs" with a Cyrillic р is no typing slip
    keys = [e for e in entities if isinstance(e, Unit)]
    other = other_entity(given, entities, catalog, Unit)
    if other is not None:
        if isinstance(other, Unit) and _side_left_out(given, other, keys, expected):
            return near(f"Which {show(given)}? Give the side: {expected}")
        return wrong(f"That is {other.name}; the answer is {expected}")
    sides = _other_sides(given, names, keys)
    if sides:
        return wrong(f"Wrong side ({sides[0]}): the answer is {expected}, a {keys[0].side} unit")
    if any(_kind_left_out(n, given) for n in names) and not _names_another(given, keys, catalog):
        return right(f"Accepted; the full name is {expected}")
    verdict = best(_compare_unit(n, given, expected) for n in names)
    if not verdict.correct and _spelled_close(given, names, keys, catalog):
        return right(f"Accepted; it is spelled {expected}")
    return verdict


def _spelled_close(given: str, names: list[str], keys: list[Unit], catalog: Catalog | None) -> bool:
    """The whole name misspelt a little, spaces aside ("Dongfanghong 1", "Vasco de Gamma",
    "Voronej Front"), with the same number and no other unit of the catalog as close."""
    given = _NUMBER_WORD.sub(lambda m: f" {_NUMBER_WORDS[m.group(1).lower()]}", given)  # "Vostok one", "Vostok I"
    digits = re.findall(r"\d+", fold_name(given))  # "Vostok 2" is no misspelling of Vostok 1, nor "6 4th" of 64th
    number = parse_unit_name(given).number  # nor LXIV of LXIX
    typed = fold_name(given).replace(" ", "")
    close = [n for n in names if re.findall(r"\d+", fold_name(n)) == digits
             and (None in (number, parse_unit_name(n).number) or parse_unit_name(n).number == number)
             and _gap(typed, n) <= typo_allowance(sum(c.isalnum() for c in typed))]
    if not close or catalog is None:
        return bool(close)
    nearest = min(_gap(typed, n) for n in close)
    own = {k.name for k in keys}
    return not any(u.name not in own and _gap(typed, u.name) <= nearest for u in catalog.units)


_NUMBER_WORDS = {w: str(i) for i, w in enumerate("zero one two three four five six seven eight nine ten".split())} | {
    "i": "1", "ii": "2", "iii": "3", "iv": "4", "v": "5", "vi": "6", "vii": "7", "viii": "8", "ix": "9", "x": "10",
}
_NUMBER_WORD = re.compile(r"(?i)\s+(one|two|three|four|five|six|seven|eight|nine|ten|i|ii|iii|iv|v|vi|vii|viii|ix|x)\s*$")


def _mixed_scripts(text: str) -> bool:
    scripts = {unicodedata.name(c, "?").split()[0] for c in text if c.isalpha()}
    return len(scripts) > 1


def _gap(typed: str, name: str) -> int:
    return edits.distance(typed, fold_name(name).replace(" ", ""))


# Words that say what kind of body a name is, not which: "Legislative" names the Legislative
# Assembly as well as the whole name does, when nothing else in the bank is "Legislative".
_KIND_WORDS = frozenset(
    "assembly committee club party council convention agency administration society company bureau "
    "office of the for".split()
)
_DROPPABLE_ECHELONS = frozenset({"front"})  # "the Voronezh", "the 3rd Ukrainian": a front, as said


_TITLE = re.compile(
    r"(?i)^\s*(?:the\s+)?(?:king|queen|emperor|empress|tsar|czar|tsarina|president|pope|sir|general|admiral|"
    r"captain|marshal|field marshal|colonel|prince|princess|lord|lady|dr|doctor)\.?\s+"
)


def _kind_left_out(name: str, given: str) -> bool:
    """True if `given` is the name with only its kind words left out, the rest whole ("Voronezh"
    or "3rd Ukrainian" for the Voronezh or 3rd Ukrainian Front, "Public Safety" for the Committee
    of Public Safety): what a teacher accepts."""
    want, got = parse_unit_name(name), parse_unit_name(given)
    if got.echelon is not None or got.number != want.number or sum(len(w) for w in got.words) < 4:
        return False
    if want.echelon is not None and want.echelon not in _DROPPABLE_ECHELONS and want.number is None:
        # "Groth" may be the man, "F" says little (the battle group, the army group); with its number
        # a unit is named without its kind word ("4th Panzer"), unless another unit shares it
        return False
    kept = [w for w in want.words if w not in _KIND_WORDS]
    dropped = len(kept) < len(want.words) or want.echelon is not None
    return bool(kept) and dropped and match_words(got.words, tuple(kept)) in ("same", "typo")


def _names_another(given: str, keys: list[Unit], catalog: Catalog | None) -> bool:
    """True if another unit of the catalog has the same number and all of these words (then the
    kind word says which one is meant: "National" is the Assembly, the Convention or the Guard)."""
    if catalog is None:
        return False
    got = parse_unit_name(given)
    own = {k.name for k in keys}
    for unit in catalog.units:
        if unit.name in own:
            continue
        theirs = parse_unit_name(unit.name)
        if theirs.number == got.number and match_words(got.words, theirs.words) in ("same", "typo", "fewer"):
            return True
    return False


def _side_left_out(given: str, other: Unit, keys: list[Unit], expected: str) -> bool:
    """True if `given` is the key's number and echelon without its side, and so also the name of
    `other`, the same number and echelon on another side ("2nd Army": the Bulgarian or the German)."""
    got, want, theirs = parse_unit_name(given), parse_unit_name(expected), parse_unit_name(other.name)
    if any(w in SIDE_WORDS for w in got.words) or other.side in {k.side for k in keys}:
        return False
    same = got.number == want.number == theirs.number and got.echelon == want.echelon == theirs.echelon
    return same and got.number is not None and match_words(got.words, want.words) != "different"


def _other_sides(given: str, names: list[str], keys: list[Unit]) -> list[str]:
    """The sides `given` names that are not the key unit's ("German 57th Army" for the Soviet one);
    a side word in one of its own names ("369th (Croatian) Infantry Division") is its own."""
    if not keys:
        return []
    own = {w for n in names for w in fold_name(n).split()} | {fold_name(k.side) for k in keys}
    return [w.capitalize() for w in fold_name(given).split() if w in SIDE_WORDS and w not in own]


def _compare_unit(name: str, given: str, display: str) -> Verdict:
    want, got = parse_unit_name(name), parse_unit_name(given)
    spelled = right(f"Accepted; it is spelled {display}")
    if want.nickname and got.number is None and got.echelon in (None, want.echelon):
        match = match_words(got.words, want.nickname)
        if match in ("same", "typo"):
            return right() if match == "same" and not got.loose else spelled
    match = match_words(without(got.words, want.nickname), want.words)
    if want.number != got.number:
        if want.number is not None and got.number is None:
            # "Give the number" only for the name without its number ("Ukrainian Front"), not "banana".
            if _without_number(want, got, match):
                return wrong(f"Give the number: the answer is {display}")
            return wrong(f"The answer is {display}")
        return wrong(f"Wrong number: the answer is {display}")
    # With its number a unit is named even without its type words ("64th Corps"); without a
    # number the words are the name ("Army Group" alone names no unit).
    partial = match == "fewer" or (match == "none" and want.number is not None)
    if got.echelon != want.echelon:
        if got.echelon is None and (partial or match in ("same", "typo")):
            return near(f"Give the full name: {display}")
        if got.echelon is None:
            return wrong(f"The answer is {display}")
        return wrong(f"Wrong kind of unit: the answer is {display}")
    if match == "same":
        return spelled if got.loose else right()
    if match == "typo":
        return spelled
    if partial:
        return near(f"Give the full name: {display}")
    return wrong(f"The answer is {display}")


def _without_number(want: UnitName, got: UnitName, match: str) -> bool:
    """True if `got` reads as `want` with its number left out: the same kind of unit with none of
    the words wrong ("Ukrainian Front", "Front"), or no kind but the right words ("Ukrainian")."""
    if match == "different":
        return False
    if got.echelon is not None:
        return got.echelon == want.echelon
    return bool(got.words) and match in ("same", "typo")


