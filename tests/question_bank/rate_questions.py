"""Print the built-in bank's multiple-choice questions for the rated seeds, one a line, for a
reviewer to read and rate (docs/question-quality.md), with the digest the ratings file records.

    python -m tests.question_bank.rate_questions
"""

from __future__ import annotations

import hashlib

from question_bank.banks.builtin import load_builtin_bank
from question_bank.questions import Mode, generate_all
from question_bank.questions.generate import Question

BANK = "belgrade-offensive"
SEEDS = (1, 2, 3)


def rated_questions() -> list[tuple[int, Question]]:
    bank = load_builtin_bank(BANK)
    return [(seed, q) for seed in SEEDS for q in generate_all(bank, modes=[Mode.MC], seed=seed)]


def digest(questions: list[tuple[int, Question]]) -> str:
    found = hashlib.sha256()
    for seed, q in questions:
        line = "\x1f".join((str(seed), q.fact_id, q.wording_id, q.prompt, "\x1e".join(q.options)))
        found.update(f"{line}\n".encode())
    return found.hexdigest()


def main() -> None:
    questions = rated_questions()
    for seed, q in questions:
        wrong = " / ".join(o for o in q.options if o != q.answer)
        print(f"{seed}|{q.fact_id}|{q.wording_id}: {q.prompt} → {q.answer} || {wrong}")
    print(f"digest = \"{digest(questions)}\"")


if __name__ == "__main__":
    main()
