"""The committed ratings of generated questions (docs/question-quality.md), made by readers who did
not write the generator: each file still describes the questions generation makes for its seeds
(a digest of what was read), every question of the sample is rated, and every code that is not
acceptable or functional has its reason."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.question_bank.ratings.packets import digest, sample

RATINGS = sorted((Path(__file__).parent / "ratings").glob("*.json"))


def test_every_rated_bank_has_a_ratings_file() -> None:
    names = {json.loads(p.read_text(encoding="utf-8"))["bank"] for p in RATINGS}
    assert {"belgrade-offensive", "kursk-1943", "space-race", "age-of-sail"} <= names


@pytest.mark.parametrize("path", RATINGS, ids=[p.stem for p in RATINGS])
def test_the_ratings_were_made_on_the_questions_generated_now(path: Path) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    questions = sample(data["bank"], tuple(data["seeds"]))
    assert digest(questions) == data["digest"], (
        f"{data['bank']}'s questions for seeds {data['seeds']} changed since they were rated: have a new "
        "reader rate them (docs/question-quality.md says how) and replace " + path.name
    )
    assert [q["prompt"] for q in questions] == [q["prompt"] for q in data["questions"]]


@pytest.mark.parametrize("path", RATINGS, ids=[p.stem for p in RATINGS])
def test_every_question_is_rated_with_its_reasons(path: Path) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    assert "did not see the code" in data["reader"]
    rated = {r["n"]: r for r in data["ratings"]}
    assert set(rated) == {q["n"] for q in data["questions"]}
    for question in data["questions"]:
        rating = rated[question["n"]]
        assert rating["code"] in ("A", "M", "U")
        assert rating["code"] == "A" or rating["reason"].strip(), rating
        wrong = [o for o in question["options"] if o != question["key"]]
        assert sorted(rating["options"]) == sorted(wrong), rating
        for option, code in rating["options"].items():
            assert code in ("F", "C", "R", "I")
            assert code == "F" or rating["option_reasons"].get(option, "").strip(), (rating, option)
