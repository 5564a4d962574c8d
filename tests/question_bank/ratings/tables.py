"""The rating tables of docs/question-quality.md, computed from a committed ratings file:
per kind, % acceptable / minor / unacceptable, wrong options % functional, and the count of
options also correct.

    python -m tests.question_bank.ratings.tables tests/question_bank/ratings/BANK.json
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

KINDS = ("date", "unit", "place")


def table(data: dict) -> dict[str, dict[str, float]]:
    """{kind or "all": {"questions", "A", "M", "U" (percent), "F" (percent of wrong options), "C" (count)}}."""
    kinds = {q["n"]: q["kind"] for q in data["questions"]}
    codes: dict[str, Counter[str]] = {k: Counter() for k in (*KINDS, "all")}
    options: dict[str, Counter[str]] = {k: Counter() for k in (*KINDS, "all")}
    for rating in data["ratings"]:
        kind = kinds[rating["n"]]
        for key in (kind, "all"):
            codes[key][rating["code"]] += 1
            options[key].update(rating["options"].values())
    rows: dict[str, dict[str, float]] = {}
    for key in (*KINDS, "all"):
        total = sum(codes[key].values())
        wrong = sum(options[key].values())
        if not total:
            continue
        rows[key] = {
            "questions": total,
            **{code: round(100 * codes[key][code] / total, 1) for code in "AMU"},
            "F": round(100 * options[key]["F"] / wrong, 1) if wrong else 100.0,
            "C": options[key]["C"],
        }
    return rows


def main() -> None:
    for path in sys.argv[1:]:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        print(data["bank"])
        for kind, row in table(data).items():
            print(f"  {kind:<6} {row['questions']:>4}  A {row['A']:>5}%  M {row['M']:>5}%  U {row['U']:>5}%  "
                  f"F {row['F']:>5}%  C {row['C']}")


if __name__ == "__main__":
    main()
