"""Exports: a 200-question paper in 3 printed versions, written in every format.

The paper is drawn from a synthetic bank (multiple choice, four options, only questions within
Kahoot's limits so that every format writes) and its versions are reshuffled copies, as
`quiz paper export --versions 3 --key` prints them.
"""

from __future__ import annotations

import random
import time

from bench.synthetic import synthetic_bank
from question_bank.questions import Mode, generate_all
from quiz.exports import FORMATS, ExportSet, kahoot
from quiz.exports.service import shuffled

QUESTIONS, VERSIONS = 200, 3


def paper() -> ExportSet:
    bank = synthetic_bank(QUESTIONS * 2, seed=12)
    fitting = [q for q in generate_all(bank, modes=(Mode.MC,), seed=12, n_options=4) if kahoot.problem(q) is None]
    questions = tuple(fitting[:QUESTIONS])
    rng = random.Random(12)
    versions = (questions, *(shuffled(questions, rng) for _ in range(VERSIONS - 1)))
    return ExportSet("Synthetic paper", bank.name, "7/b", bank.source, versions, key=True)


def run() -> dict[str, float]:
    export = paper()
    assert len(export.questions) == QUESTIONS, len(export.questions)
    for fmt in FORMATS.values():  # first use: imports genanki, openpyxl, fpdf2 and reads the font
        fmt.render(export)
    figures: dict[str, float] = {}
    total = 0.0
    for name, fmt in FORMATS.items():
        started = time.perf_counter()
        fmt.render(export)
        took = time.perf_counter() - started
        figures[f"export_{name.replace('-', '_')}_s"] = round(took, 4)
        total += took
    return {"export_all_formats_s": round(total, 3), **figures}
