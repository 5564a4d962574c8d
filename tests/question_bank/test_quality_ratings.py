"""The reviewed ratings of the built-in bank's questions (docs/question-quality.md) still describe
the questions generation makes, and meet the target: every kind at 90% or more acceptable, no
option that is also correct."""

from __future__ import annotations

import tomllib
from collections import Counter
from pathlib import Path

from tests.question_bank.rate_questions import digest, rated_questions

RATINGS = Path(__file__).parent / "snapshots" / "belgrade-offensive-mc-ratings.toml"
DATA = tomllib.loads(RATINGS.read_text(encoding="utf-8"))
QUESTIONS = rated_questions()


def test_the_ratings_were_made_on_the_questions_generated_now() -> None:
    assert digest(QUESTIONS) == DATA["digest"], (
        "the built-in bank's MC questions changed since they were rated: read them "
        "(python -m tests.question_bank.rate_questions) and update "
        f"{RATINGS.name} and docs/question-quality.md"
    )


def test_every_rating_names_a_question_of_its_seed() -> None:
    asked = {(seed, q.fact_id, q.wording_id) for seed, q in QUESTIONS}
    for rating in DATA.get("rating", []):
        assert (rating["seed"], rating["fact"], rating["wording"]) in asked, rating
        assert rating["rating"] in ("minor", "unacceptable") and rating["reason"].strip(), rating


def test_every_kind_is_at_least_ninety_percent_acceptable_and_none_also_correct() -> None:
    totals = Counter(q.kind.value for _, q in QUESTIONS)
    flagged = Counter(r["wording"].split(".")[0] for r in DATA.get("rating", []))
    for kind, total in totals.items():
        assert (total - flagged[kind]) / total >= 0.9, (kind, flagged[kind], total)
    assert not [r for r in DATA.get("rating", []) if r["rating"] == "unacceptable"]
