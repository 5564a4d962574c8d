"""Item analysis: the numbers Moodle's statistics report and Canvas's item analysis give.

Pure functions over scores (no store, no text). Per item: the facility index (mean item score),
the discrimination index (Pearson correlation of the item score with the rest of the test, i.e.
the total without this item, as Moodle computes it) and, per option, the point-biserial (Pearson
correlation of "chose this option" with the total score, as Canvas does). For the paper: mean,
median, sample standard deviation, Cronbach's alpha and a histogram of scores. A correlation with
no spread on either side is None (undefined), never 0.
"""

from __future__ import annotations

import math
import statistics
from dataclasses import dataclass


def variance(xs: list[float]) -> float:
    """Sample variance (n - 1), in floats: `statistics.variance` works in exact fractions, 10x slower."""
    n = len(xs)
    mean = sum(xs) / n
    return sum((x - mean) ** 2 for x in xs) / (n - 1)


def pearson(xs: list[float], ys: list[float]) -> float | None:
    n = len(xs)
    if n < 2:
        return None
    mx, my = sum(xs) / n, sum(ys) / n
    sxy = sxx = syy = 0.0
    for x, y in zip(xs, ys, strict=True):
        dx, dy = x - mx, y - my
        sxy += dx * dy
        sxx += dx * dx
        syy += dy * dy
    if sxx == 0 or syy == 0:
        return None
    return sxy / math.sqrt(sxx * syy)


@dataclass(frozen=True)
class OptionStats:
    text: str
    correct: bool
    chosen: int
    point_biserial: float | None


@dataclass(frozen=True)
class ItemStats:
    position: int
    takers: int
    facility: float | None
    discrimination: float | None
    options: tuple[OptionStats, ...]
    flags: tuple[str, ...]


def item_stats(
    position: int, options: tuple[str, ...], answer: str,
    scores: list[float], totals: list[float], choices: list[str | None],
) -> ItemStats:
    """One item over the students who had it: their item scores, their totals, what they chose."""
    takers = len(scores)
    facility = sum(scores) / takers if takers else None
    rest = [total - score for total, score in zip(totals, scores, strict=True)]
    discrimination = pearson(scores, rest)
    stats = []
    flags = []
    for text in options:
        picked = [1.0 if choice == text else 0.0 for choice in choices]
        chosen = int(sum(picked))
        stats.append(OptionStats(text, text == answer, chosen, pearson(picked, totals)))
        if chosen == 0 and text != answer and takers and "unchosen_distractor" not in flags:
            flags.append("unchosen_distractor")  # which one: the option with `chosen` 0
    if discrimination is not None and discrimination < 0:
        flags.append("negative_discrimination")
    return ItemStats(position, takers, facility, discrimination, tuple(stats), tuple(flags))


@dataclass(frozen=True)
class Summary:
    attempts: int
    mean: float | None
    median: float | None
    sd: float | None
    alpha: float | None
    histogram: tuple[int, ...]  # histogram[s] = how many scored s (whole marks, 0 … max)


def summary(totals: list[float], maximum: int, item_matrix: list[list[float]] | None) -> Summary:
    """The paper's figures. `item_matrix` (one row of item scores per student, all of the same
    items) gives Cronbach's alpha: k/(k-1) · (1 - Σ var(item) / var(total)), sample variances."""
    n = len(totals)
    histogram = [0] * (maximum + 1)
    for total in totals:
        histogram[min(maximum, max(0, int(total)))] += 1
    if not n:
        return Summary(0, None, None, None, None, tuple(histogram))
    sd = math.sqrt(variance(totals)) if n > 1 else None
    return Summary(n, statistics.fmean(totals), statistics.median(totals), sd, _alpha(item_matrix, totals),
                   tuple(histogram))


def _alpha(matrix: list[list[float]] | None, totals: list[float]) -> float | None:
    if not matrix or len(matrix) < 2:
        return None
    k = len(matrix[0])
    if k < 2 or any(len(row) != k for row in matrix):
        return None
    total_var = variance(totals)
    if total_var == 0:
        return None
    item_var = sum(variance([row[i] for row in matrix]) for i in range(k))
    return k / (k - 1) * (1 - item_var / total_var)
