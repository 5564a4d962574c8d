"""The core never imports Textual: the CLI, the classroom and the statistics share it without a UI."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORE = ["quiz.store", "quiz.scheduling.fsrs", "quiz.study.session", "quiz.study.overview", "quiz.doors.learner", "quiz.doors.teacher",
        "quiz.doors.student", "question_bank",
        "question_bank.questions.generate"]


def test_core_does_not_import_textual():
    code = (
        "import importlib, sys\n"
        f"for name in {CORE!r}:\n"
        "    importlib.import_module(name)\n"
        "print(sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
