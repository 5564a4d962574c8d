"""Item statistics against a small example worked by hand."""

from __future__ import annotations

import math

import pytest

from quiz.classroom.analysis import item_stats, pearson, summary

# Four students, three items scored 0/1:
#          item1 item2 item3  total
#   S1       1     1     1      3
#   S2       1     1     0      2
#   S3       1     0     0      1
#   S4       0     0     0      0
MATRIX = [[1.0, 1.0, 1.0], [1.0, 1.0, 0.0], [1.0, 0.0, 0.0], [0.0, 0.0, 0.0]]
TOTALS = [3.0, 2.0, 1.0, 0.0]


def column(i: int) -> list[float]:
    return [row[i] for row in MATRIX]


def test_facility_and_discrimination_by_hand() -> None:
    # item1 = [1,1,1,0], facility 3/4 = 0.75. Rest of test = total - item = [2,1,0,0], mean 0.75.
    # deviations: item (.25,.25,.25,-.75), rest (1.25,.25,-.75,-.75)
    # Sxy = .3125+.0625-.1875+.5625 = .75; Sxx = .75; Syy = 1.5625+.0625+.5625+.5625 = 2.75
    # r = .75 / sqrt(.75 * 2.75) = .75 / 1.43614 = 0.52223
    one = item_stats(0, (), "", column(0), TOTALS, [None] * 4)
    assert one.facility == 0.75
    assert one.discrimination == pytest.approx(0.75 / math.sqrt(0.75 * 2.75))
    assert one.discrimination == pytest.approx(0.52223, abs=1e-5)
    # item2 = [1,1,0,0], facility .5; rest = [2,1,1,0], mean 1: deviations (.5,.5,-.5,-.5), (1,0,0,-1)
    # Sxy = .5+0+0+.5 = 1; Sxx = 1; Syy = 2; r = 1/sqrt(2) = 0.70711
    two = item_stats(1, (), "", column(1), TOTALS, [None] * 4)
    assert two.facility == 0.5
    assert two.discrimination == pytest.approx(1 / math.sqrt(2))
    # item3 = [1,0,0,0], facility .25; rest = [2,2,1,0], mean 1.25: (.75,-.25,-.25,-.25), (.75,.75,-.25,-1.25)
    # Sxy = .5625-.1875+.0625+.3125 = .75; Sxx = .75; Syy = .5625+.5625+.0625+1.5625 = 2.75; r = 0.52223
    three = item_stats(2, (), "", column(2), TOTALS, [None] * 4)
    assert three.facility == 0.25
    assert three.discrimination == pytest.approx(0.52223, abs=1e-5)
    assert three.flags == ()


def test_summary_and_cronbach_alpha_by_hand() -> None:
    # mean = 6/4 = 1.5; median = (1+2)/2 = 1.5
    # sample variance of totals: (2.25+.25+.25+2.25)/3 = 5/3; sd = sqrt(5/3) = 1.29099
    # item sample variances: item1 [1,1,1,0]: (3*.0625+.5625)/3 = .25; item2 [1,1,0,0]: 1/3; item3: .25
    # alpha = k/(k-1) * (1 - sum(var_i)/var_total) = 3/2 * (1 - (5/6)/(5/3)) = 1.5 * .5 = 0.75
    figures = summary(TOTALS, 3, MATRIX)
    assert figures.mean == 1.5
    assert figures.median == 1.5
    assert figures.sd == pytest.approx(math.sqrt(5 / 3))
    assert figures.alpha == pytest.approx(0.75)
    assert figures.histogram == (1, 1, 1, 1)  # one student on each of 0, 1, 2, 3
    assert figures.attempts == 4


def test_option_point_biserial_and_flags_by_hand() -> None:
    # item1's options: A (the key) chosen by S1-S3, B by S4, C by nobody.
    # A: indicator [1,1,1,0] against totals [3,2,1,0] (mean 1.5): deviations (.25,.25,.25,-.75), (1.5,.5,-.5,-1.5)
    #    Sxy = .375+.125-.125+1.125 = 1.5; Sxx = .75; Syy = 5; r = 1.5/sqrt(3.75) = 0.77460
    # B: indicator [0,0,0,1] = 1 - A, so r = -0.77460. C: never chosen, no spread: None, and flagged.
    stats = item_stats(0, ("A", "B", "C"), "A", column(0), TOTALS, ["A", "A", "A", "B"])
    a, b, c = stats.options
    assert (a.correct, a.chosen, b.chosen, c.chosen) == (True, 3, 1, 0)
    assert a.point_biserial == pytest.approx(1.5 / math.sqrt(3.75))
    assert b.point_biserial == pytest.approx(-1.5 / math.sqrt(3.75))
    assert c.point_biserial is None
    assert stats.flags == ("unchosen_distractor",)


def test_negative_discrimination_is_flagged() -> None:
    # Only the weakest student gets it right: item [0,0,0,1], totals [3,2,1,1], rest [3,2,1,0] (mean 1.5)
    # deviations (-.25,-.25,-.25,.75), (1.5,.5,-.5,-1.5): Sxy = -1.5; Sxx = .75; Syy = 5; r = -0.77460
    stats = item_stats(0, (), "", [0.0, 0.0, 0.0, 1.0], [3.0, 2.0, 1.0, 1.0], [None] * 4)
    assert stats.discrimination == pytest.approx(-1.5 / math.sqrt(3.75))
    assert stats.flags == ("negative_discrimination",)


def test_no_spread_is_undefined_not_zero() -> None:
    assert pearson([1.0, 1.0, 1.0], [1.0, 2.0, 3.0]) is None
    assert pearson([1.0], [2.0]) is None
    figures = summary([2.0], 3, [[1.0, 1.0, 0.0]])
    assert (figures.sd, figures.alpha, figures.mean) == (None, None, 2.0)
