"""Edit distances for typo tolerance, in plain Python and bit-parallel (Myers 1999, in Hyyrö's
forms for whole strings and for transpositions, 2001 and 2003): one pass over the longer
string, a few integer operations a character.

rapidfuzz answered the same (tests/question_bank/test_edits.py checks both on random strings),
but it is a compiled library of about 3.3 MB that every served tab loaded on its first typed
answer; the strings compared here are names and words (a few dozen characters), for which this
is fast enough: about 10 µs a pair, and `within` skips choices whose length alone is too far off.
"""

from __future__ import annotations

from collections.abc import Sequence


def _bits(a: str) -> dict[str, int]:
    """Character -> the bits of its places in `a`."""
    found: dict[str, int] = {}
    for i, char in enumerate(a):
        found[char] = found.get(char, 0) | (1 << i)
    return found


def _osa(a: str, b: str) -> int:
    """Optimal string alignment: Levenshtein's edits, and two neighbouring letters swapped as one."""
    return _edits(a, b, swaps=True)


def _levenshtein(a: str, b: str) -> int:
    return _edits(a, b, swaps=False)


def _edits(a: str, b: str, swaps: bool) -> int:
    """The edit distance, column by column over the longer string (Hyyrö's bit-vector form)."""
    if a == b:
        return 0
    if len(a) > len(b):
        a, b = b, a
    m = len(a)
    if m == 0:
        return len(b)
    matches = _bits(a)
    mask = (1 << m) - 1
    last = 1 << (m - 1)
    plus, minus, d0, previous, score = mask, 0, 0, 0, m  # the last column's vertical deltas; D[m][0]
    for char in b:
        eq = matches.get(char, 0)
        swapped = ((((~d0) & eq) << 1) & previous) if swaps else 0
        d0 = ((((eq & plus) + plus) ^ plus) | eq | minus | swapped) & mask
        h_plus = minus | (~(d0 | plus) & mask)
        h_minus = d0 & plus
        if h_plus & last:
            score += 1
        elif h_minus & last:
            score -= 1
        h_plus = ((h_plus << 1) | 1) & mask  # row 0 grows by one each column: a +1 shifted in
        h_minus = (h_minus << 1) & mask
        plus = h_minus | (~(d0 | h_plus) & mask)
        minus = h_plus & d0
        previous = eq
    return score


def distance(a: str, b: str, score_cutoff: int | None = None) -> int:
    """Typing distance: Levenshtein's, with two neighbouring letters swapped counting one edit
    ("Frnace", "Apirl": optimal string alignment); with `score_cutoff`, any distance above it is
    `score_cutoff + 1`."""
    if score_cutoff is None:
        return _osa(a, b)
    if abs(len(a) - len(b)) > score_cutoff or len(set(a) ^ set(b)) > 2 * score_cutoff:
        # An edit adds or drops at most one letter of a string's set of letters, or swaps one for
        # another: strings whose sets differ by more than two letters an edit are too far apart.
        return score_cutoff + 1
    found = _osa(a, b)
    return found if found <= score_cutoff else score_cutoff + 1


def levenshtein(a: str, b: str) -> int:
    """Levenshtein distance (a swap is two edits): a bank's side spelled near a known one."""
    return _levenshtein(a, b)


def within(query: str, choices: Sequence[str], most: int) -> list[int]:
    """Indexes of the choices at most `most` edits (`distance`) from `query`, nearest first, ties
    in order."""
    found = []
    for index, choice in enumerate(choices):
        if abs(len(choice) - len(query)) <= most and (edits := _osa(query, choice)) <= most:
            found.append((edits, index))
    found.sort()
    return [index for _, index in found]
