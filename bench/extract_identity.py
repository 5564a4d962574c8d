"""What the extractor finds, written out to check that a speed change changes none of it.

    python -m bench.extract_identity DIR

writes, for every article of tests/extract/articles and tests/extract/corpus, the reference article
and the 1 MB text of `bench.extract`, its draft bank (NAME.draft.toml) and every sentence with its
dates, units, places and actors (NAME.finds.txt). Run it on the code before and after a change and
compare the two directories (`diff -r`): a change made for speed alone leaves them byte-identical.
"""

from __future__ import annotations

import sys
from pathlib import Path

from bench.extract import ARTICLES, ROOT, _big_text, _reference


def inputs() -> list[tuple[str, str]]:
    """(name, text) of every article the extractor's output is compared on."""
    from question_bank.extract import read_article

    named = [(p.name, p) for p in sorted(ARTICLES.glob("*.txt"))]
    named += [(f"corpus_{p.name}", p) for p in sorted((ROOT / "tests" / "extract" / "corpus").glob("*.txt"))]
    named.append(("reference.txt", _reference()))
    return [(name, read_article(str(path))) for name, path in named] + [("big.txt", _big_text())]


def write(out: Path) -> None:
    from question_bank.extract import draft_bank, extract_article

    out.mkdir(parents=True, exist_ok=True)
    for name, text in inputs():
        extraction = extract_article(text)
        draft = draft_bank(extraction, name)
        finds = [extraction.title] + [
            repr((s.sentence, s.dates, s.units, s.places, s.year, s.actors)) for s in extraction.sentences
        ]
        counts = {key: value for key, value in vars(draft).items() if key != "text"}
        (out / f"{name}.draft.toml").write_text(draft.text, encoding="utf-8")
        (out / f"{name}.finds.txt").write_text("\n".join([*finds, repr(counts)]) + "\n", encoding="utf-8")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python -m bench.extract_identity DIR")
    write(Path(sys.argv[1]))
