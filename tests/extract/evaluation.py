"""Recall and precision of the extractor against hand-made lists, on two sets of articles.

    tests/extract/articles/   written alongside the rules (dates, units, places); test_evaluation.py
                              asserts the target on them
    tests/extract/corpus/     held out, never tuned on (dates, actors, places); the first run of each
                              article is kept in corpus/first_run.json and never rewritten

`python -m tests.extract.evaluation` prints the articles' table, `--corpus` the corpus's (only the
articles whose first run is recorded: an article's first figures are the ones `--record-first-run
NAME...` stores, and nobody sees others before them).
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import re
import sys
import tempfile
import tomllib
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from question_bank.extract import extract_article
from question_bank.facts.text import fold

ARTICLES = Path(__file__).parent / "articles"
NAMES = sorted(p.stem for p in ARTICLES.glob("*.txt"))
KINDS = ("dates", "units", "places")

CORPUS = Path(__file__).parent / "corpus"
CORPUS_KINDS = ("dates", "actors", "places")
FIRST_RUN = CORPUS / "first_run.json"
ADDED = CORPUS / "added.toml"  # `articles`: the corpus's articles in the order they were added
# Where the extractor may later keep people, organisations and craft beside its units, if it has no `actors`.
ACTOR_PARTS = ("units", "people", "organisations", "organizations", "craft")


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
        return (f"{self.article:<20} {self.kind:<7} recall {self.recall:.2f} ({self.correct}/{self.expected})  "
                f"precision {self.precision:.2f} ({self.correct}/{self.found})")

    def figures(self) -> dict[str, float | int]:
        """As first_run.json keeps them."""
        return {"recall": round(self.recall, 4), "precision": round(self.precision, 4),
                "expected": self.expected, "found": self.found, "correct": self.correct}


def _score(article: str, kind: str, expected: Iterable[str], found: Iterable[str]) -> Score:
    """Matching by mention: each expected entry is met by at most one found entry of the same key."""
    want = Counter(x if kind == "dates" else fold(x) for x in expected)
    got = Counter(found)
    correct = sum((want & got).values())
    return Score(article, kind, sum(want.values()), sum(got.values()), correct,
                 tuple((want - got).elements()), tuple((got - want).elements()))


def _texts(items: Iterable[Any]) -> list[str]:
    return [fold(item.text) for item in items]


def found_in(name: str, folder: Path = ARTICLES) -> dict[str, list[str]]:
    """What the extractor finds in an article, as the lists are written: dates as keys, names folded.

    `actors` is the extraction's own `actors` when it has one, else its units and whatever of its
    people, organisations and craft it has."""
    extraction = extract_article((folder / f"{name}.txt").read_text(encoding="utf-8"))
    actors = getattr(extraction, "actors", None)
    if actors is None:
        actors = [item for part in ACTOR_PARTS for item in getattr(extraction, part, ())]
    return {
        "dates": [d.key for d in extraction.dates],
        "units": _texts(extraction.units),
        "actors": _texts(actors),
        "places": _texts(extraction.places),
    }


def scores(name: str) -> list[Score]:
    expected = tomllib.loads((ARTICLES / f"{name}.expected.toml").read_text(encoding="utf-8"))
    found = found_in(name)
    return [_score(name, kind, expected[kind], found[kind]) for kind in KINDS]


# --- the held-out corpus ---------------------------------------------------------------------------

_DAY_OR_MONTH = r"\d{4}(?:-\d{2}(?:-\d{2})?)?"
DATE_KEY = re.compile(rf"{_DAY_OR_MONTH}(?:/{_DAY_OR_MONTH})?|\d{{4}}-\d{{2}}\+(?:early|mid|late)")


def is_date_key(key: str) -> bool:
    """`YYYY`, `YYYY-MM`, `YYYY-MM-DD`, `START/END` of those (START not after END) or `YYYY-MM+early|mid|late`."""
    if not DATE_KEY.fullmatch(key):
        return False
    ends = key.split("+")[0].split("/")
    try:
        firsts = [datetime.date.fromisoformat((end + "-01-01")[:10]) for end in ends]
    except ValueError:
        return False
    return firsts[0] <= firsts[-1]


def corpus_names() -> list[str]:
    """The corpus's articles in the order they were added."""
    return list(tomllib.loads(ADDED.read_text(encoding="utf-8"))["articles"])


def gold(name: str) -> dict[str, list[str]]:
    """The hand-made lists of a corpus article; a missing kind or a non-string entry is a ValueError."""
    path = CORPUS / f"{name}.gold.toml"
    lists = tomllib.loads(path.read_text(encoding="utf-8"))
    for kind in CORPUS_KINDS:
        entries = lists.get(kind)
        if not isinstance(entries, list) or not all(isinstance(e, str) and e.strip() for e in entries):
            raise ValueError(f"{path}: {kind}: expected a list of non-empty strings")
    return {kind: lists[kind] for kind in CORPUS_KINDS}


def corpus_scores(name: str) -> list[Score]:
    expected = gold(name)
    found = found_in(name, CORPUS)
    return [_score(name, kind, expected[kind], found[kind]) for kind in CORPUS_KINDS]


def first_runs() -> dict[str, dict[str, dict[str, float]]]:
    return json.loads(FIRST_RUN.read_text(encoding="utf-8")) if FIRST_RUN.exists() else {}


def record_first_run(names: Sequence[str]) -> dict[str, dict[str, dict[str, float | int]]]:
    """Score each article and add its figures to first_run.json; an article already there, or not in
    the corpus, is a ValueError and nothing is written."""
    known, recorded = corpus_names(), first_runs()
    for name in names:
        if name not in known:
            raise ValueError(f"{name}: not a corpus article (see {ADDED})")
        if name in recorded:
            raise ValueError(f"{name}: first run already recorded in {FIRST_RUN}; first-run figures are never rewritten")
    if len(set(names)) != len(names):
        raise ValueError("an article is named twice")
    new = {name: {s.kind: s.figures() for s in corpus_scores(name)} for name in names}
    merged = {**recorded, **new}
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=CORPUS, suffix=".tmp", delete=False) as out:
        json.dump({name: merged[name] for name in known if name in merged}, out, indent=2)
        out.write("\n")
    os.replace(out.name, FIRST_RUN)
    return new


def mean_figures(runs: Mapping[str, Mapping[str, Mapping[str, float]]], names: Sequence[str]) -> dict[str, float]:
    """`KIND_recall` and `KIND_precision`, each the mean over the named articles."""
    return {f"{kind}_{figure}": sum(runs[n][kind][figure] for n in names) / len(names)
            for kind in CORPUS_KINDS for figure in ("recall", "precision")}


def _print(results: Iterable[Score]) -> None:
    for score in results:
        print(score.line())
        if score.missed or score.extra:
            print(f"{'':<29}missed {list(score.missed)}  extra {list(score.extra)}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.extract.evaluation", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", action="store_true",
                        help="score the corpus articles whose first run is recorded (dates, actors, places)")
    parser.add_argument("--record-first-run", nargs="+", metavar="NAME",
                        help="store the first-run figures of these corpus articles (refused if already stored)")
    args = parser.parse_args(argv)
    if args.record_first_run:
        try:
            new = record_first_run(args.record_first_run)
        except (ValueError, OSError, tomllib.TOMLDecodeError) as error:
            print(f"error: {error}", file=sys.stderr)
            return 1
        print(f"recorded the first run of {', '.join(new)} in {FIRST_RUN}")
        return 0
    if args.corpus:
        recorded = first_runs()
        for name in corpus_names():
            if name in recorded:
                _print(corpus_scores(name))
            else:  # its first run must be the recorded one: nobody sees its figures before
                print(f"{name:<20} not run yet: record its first run with --record-first-run {name}")
    else:
        for name in NAMES:
            _print(scores(name))
    return 0


if __name__ == "__main__":
    sys.exit(main())
