"""On articles written for these tests (other battles, other styles), the extractor finds the dates,
units and places of the hand-made lists with recall and precision of at least 0.9 each."""

from __future__ import annotations

import pytest

from tests.extract.evaluation import KINDS, NAMES, scores

TARGET = 0.9


def test_there_are_at_least_three_evaluation_articles() -> None:
    assert len(NAMES) >= 3


@pytest.mark.parametrize("article", NAMES)
def test_recall_and_precision_meet_the_target(article: str) -> None:
    results = scores(article)
    report = "\n".join(s.line() + (f"\n  missed {list(s.missed)} extra {list(s.extra)}" if s.missed or s.extra else "")
                       for s in results)
    print(report)
    assert [s.kind for s in results] == list(KINDS)
    assert all(s.recall >= TARGET and s.precision >= TARGET for s in results), report
