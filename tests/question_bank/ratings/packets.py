"""The questions an independent reader rates (docs/question-quality.md): for each rated bank, the
multiple-choice questions of a fixed sample of seeds, numbered, with a digest so that a change to
generation that alters them makes the ratings stale.

    python -m tests.question_bank.ratings.packets BANK SEED SEED SEED > packet.json

Sample rule: for each seed, every question of the paper of the whole bank that `quiz paper new
--bank BANK --seed SEED` makes (multiple choice, four options, no count: one question per fact and
kind, none giving another's answer away). Such a paper holds about one question per fact, so the
three papers are read whole (the readings before the ninth took every question the generator makes
for the first seed and every other one for two more).
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

from question_bank.banks.builtin import load_builtin_bank
from question_bank.banks.loader import load_bank_file
from question_bank.facts.model import Bank
from question_bank.questions import Mode
from quiz.classroom.papers import compose

TEACHER_BANKS = Path(__file__).parents[2] / "data" / "teacher_banks"
RATED_BANKS = ("belgrade-offensive", "kursk-1943", "space-race", "age-of-sail", "french-revolution")
OPTIONS = 4


def load(name: str) -> Bank:
    if name == "belgrade-offensive":
        return load_builtin_bank(name)
    folder = TEACHER_BANKS / name
    return load_bank_file(folder / "facts.csv", name=name, entities=folder / "entities.csv")


def sample(name: str, seeds: tuple[int, ...]) -> list[dict]:
    """The numbered questions of the sample rule for `seeds`."""
    bank = load(name)
    chosen: list[dict] = []
    for seed in seeds:
        questions = compose(bank, kinds=None, modes=[Mode.MC], seed=seed, options=OPTIONS, count=None)
        for q in questions:
            chosen.append({
                "n": len(chosen) + 1, "seed": seed, "fact_id": q.fact_id, "kind": q.kind.value,
                "wording": q.wording_id, "prompt": q.prompt, "options": list(q.options), "key": q.answer,
            })
    return chosen


def digest(questions: list[dict]) -> str:
    found = hashlib.sha256()
    for q in questions:
        line = "\x1f".join((str(q["seed"]), q["fact_id"], q["wording"], q["prompt"], "\x1e".join(q["options"])))
        found.update(f"{line}\n".encode())
    return found.hexdigest()


def main() -> None:
    name, seeds = sys.argv[1], tuple(int(s) for s in sys.argv[2:])
    questions = sample(name, seeds)
    print(json.dumps({"bank": name, "seeds": list(seeds), "digest": digest(questions), "questions": questions},
                     ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
