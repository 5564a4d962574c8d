"""generate_10k_facts_s: every question of every kind and mode for a 10,000-fact bank."""

from __future__ import annotations

import time

from bench.synthetic import synthetic_bank
from question_bank.questions.generate import generate_all


def run() -> dict[str, float]:
    bank = synthetic_bank(10_000, seed=1)
    started = time.perf_counter()
    questions = generate_all(bank, seed=1)
    elapsed = time.perf_counter() - started
    return {"generate_10k_facts_s": elapsed, "questions_generated": float(len(questions))}
