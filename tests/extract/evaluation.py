"""Recall and precision of the extractor on the evaluation articles, against their hand-made lists.

`python -m tests.extract.evaluation` prints the table; test_evaluation.py asserts the target.
"""

from __future__ import annotations

import tomllib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from question_bank.extract import extract_article
from question_bank.facts.text import fold

ARTICLES = Path(__file__).parent / "articles"
NAMES = sorted(p.stem for p in ARTICLES.glob("*.txt"))
KINDS = ("dates", "units", "places")


@dataclass(frozen=True)
class Score:
    article: str
    kind: str
    expected: int
    found: int
    correct: int
    missed: tuple[str, ...]
    extra: tuple[str, ...]

    @property
    def recall(self) -> float:
        return self.correct / self.expected if self.expected else 1.0

    @property
    def precision(self) -> float:
        return self.correct / self.found if self.found else 1.0

    def line(self) -> str:
        return (f"{self.article:<12} {self.kind:<7} recall {self.recall:.2f} ({self.correct}/{self.expected})  "
                f"precision {self.precision:.2f} ({self.correct}/{self.found})")


def found_in(name: str) -> dict[str, list[str]]:
    """What the extractor finds in an article, as the lists are written: dates as keys, names folded."""
    extraction = extract_article((ARTICLES / f"{name}.txt").read_text(encoding="utf-8"))
    return {
        "dates": [d.key for d in extraction.dates],
        "units": [fold(u.text) for u in extraction.units],
        "places": [fold(p.text) for p in extraction.places],
    }


def scores(name: str) -> list[Score]:
    expected = tomllib.loads((ARTICLES / f"{name}.expected.toml").read_text(encoding="utf-8"))
    found = found_in(name)
    result = []
    for kind in KINDS:
        want = Counter(x if kind == "dates" else fold(x) for x in expected[kind])
        got = Counter(found[kind])
        correct = sum((want & got).values())
        result.append(Score(name, kind, sum(want.values()), sum(got.values()), correct,
                            tuple((want - got).elements()), tuple((got - want).elements())))
    return result


if __name__ == "__main__":
    for article in NAMES:
        for score in scores(article):
            print(score.line())
            if score.missed or score.extra:
                print(f"{'':<21}missed {list(score.missed)}  extra {list(score.extra)}")
