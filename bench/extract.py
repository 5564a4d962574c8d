"""Drafting a bank from an article (`quiz bank extract`).

    extract_article_s       the reference article, as a teacher runs it: a fresh interpreter imports
                            the extractor, reads the file, drafts the bank, writes and validates it
                            (median of 3; Python's own start-up not counted)
    extract_article_warm_s  the same article again in a warm process (median of 5)
    extract_1mb_s           a 1 MB article (the reference and the evaluation articles repeated), warm
    extract_1mb_sentences_s   of which: splitting it into sentences
    extract_1mb_finds_s       of which: the dates, units and places of each sentence (and sides)
    extract_1mb_draft_s       of which: writing the draft from what was found
    corpus_first_run_KIND_recall/_precision
                            on the held-out corpus (tests/extract/corpus), the mean of the first-run
                            figures of the last five articles whose first run is recorded (dates,
                            actors, places; issue #23's target is >= 0.9 each)
    corpus_now_KIND_recall/_precision
                            the same five articles, scored with today's extractor

The reference article is shared/reference/belgrade_offensive_article.txt beside the repository;
without it the evaluation articles of tests/extract stand in.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT.parent / "shared" / "reference" / "belgrade_offensive_article.txt"
ARTICLES = ROOT / "tests" / "extract" / "articles"

_COLD = """
import sys, time
started = time.perf_counter()
from question_bank.extract import draft_bank, draft_problems, extract_article, read_article
article, out = sys.argv[1], sys.argv[2]
draft = draft_bank(extract_article(read_article(article)), article)
open(out, "w", encoding="utf-8").write(draft.text)
assert draft_problems(out) is None
print(time.perf_counter() - started)
"""


def _reference() -> Path:
    return REFERENCE if REFERENCE.exists() else ARTICLES / "kursk.txt"


def _big_text(size: int = 1_000_000) -> str:
    pieces = [_reference().read_text(encoding="utf-8")]
    pieces += [p.read_text(encoding="utf-8") for p in sorted(ARTICLES.glob("*.txt"))]
    text, parts = "", []
    while len(text) < size:
        parts.extend(pieces)
        text = "\n\n".join(parts)
    return text[:size].rsplit("\n", 1)[0]


def run() -> dict[str, float]:
    from question_bank.extract import draft_bank, extract_article, read_article
    from question_bank.extract.sentences import split_sentences

    article = _reference()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "draft.toml"
        cold = [
            float(subprocess.run([sys.executable, "-c", _COLD, str(article), str(out)], cwd=ROOT, check=True,
                                 capture_output=True, text=True).stdout)
            for _ in range(3)
        ]
    text = read_article(article)
    draft_bank(extract_article(text), str(article))  # warm-up
    warm = []
    for _ in range(5):
        started = time.perf_counter()
        draft_bank(extract_article(text), str(article))
        warm.append(time.perf_counter() - started)
    big = _big_text()
    started = time.perf_counter()
    found = extract_article(big)
    extracted = time.perf_counter()
    draft_bank(found, "big.txt")
    drafted = time.perf_counter()
    split_sentences(big)  # the first stage of extract_article, again on its own
    sentences_s = time.perf_counter() - drafted
    return {
        "extract_article_s": statistics.median(cold),
        "extract_article_warm_s": statistics.median(warm),
        "extract_1mb_s": drafted - started,
        "extract_1mb_sentences_s": sentences_s,
        "extract_1mb_finds_s": extracted - started - sentences_s,
        "extract_1mb_draft_s": drafted - extracted,
        **corpus_figures(),
    }


def corpus_figures() -> dict[str, float]:
    """First-run and current recall and precision on the last five corpus articles with a recorded first run."""
    from tests.extract.evaluation import corpus_names, corpus_scores, first_runs, mean_figures

    runs = first_runs()
    last = [name for name in corpus_names() if name in runs][-5:]
    if not last:
        return {}
    now = {name: {score.kind: score.figures() for score in corpus_scores(name)} for name in last}
    return ({f"corpus_first_run_{key}": value for key, value in mean_figures(runs, last).items()}
            | {f"corpus_now_{key}": value for key, value in mean_figures(now, last).items()})
