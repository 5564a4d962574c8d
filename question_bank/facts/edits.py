"""Edit distance for typo tolerance, with rapidfuzz loaded on the first comparison, not at import:
a served tab imports the answer checker's modules to show a paper but compares only when it
grades (rapidfuzz is about 3.6 MB of a tab's memory)."""

from __future__ import annotations

from collections.abc import Sequence


def distance(a: str, b: str, score_cutoff: int | None = None) -> int:
    """Typing distance: Levenshtein's, with two neighbouring letters swapped counting one edit
    ("Frnace", "Apirl": optimal string alignment); with `score_cutoff`, any distance above it is
    `score_cutoff + 1`."""
    from rapidfuzz.distance import OSA

    return int(OSA.distance(a, b, score_cutoff=score_cutoff))


def within(query: str, choices: Sequence[str], most: int) -> list[int]:
    """Indexes of the choices at most `most` edits from `query`, nearest first."""
    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    found = process.extract(query, choices, scorer=OSA.distance, score_cutoff=most, limit=None)
    return [index for _, _, index in found]
