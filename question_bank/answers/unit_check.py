"""Judging a unit answer by its number, echelon and words, never by a fuzzy score."""

from __future__ import annotations

from question_bank.answers.units import UnitName, match_words, parse_unit_name, without
from question_bank.answers.verdict import Verdict, best, fold_name, near, other_entity, right, wrong
from question_bank.facts.entities import Catalog, Entity, Unit


def check_unit(
    expected: str, names: list[str], given: str, entities: tuple[Entity, ...], catalog: Catalog | None
) -> Verdict:
    folded = fold_name(given)
    if any(fold_name(n) == folded for n in names):
        return right()
    other = other_entity(given, entities, catalog, Unit)
    if other is not None:
        return wrong(f"That is {other.name}; the answer is {expected}")
    return best(_compare_unit(n, given, expected) for n in names)


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


