"""question_bank is the pure domain: importing and using it never pulls in the app (quiz) or the
UI (textual). Checked in a fresh interpreter, where sys.modules shows every import.

(Named apart from tests/tui/test_import_hygiene.py: the test folders have no __init__.py, so two
files with one basename cannot be collected in the same run.)
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MODULES = [
    "question_bank",
    "question_bank.banks.loader",
    "question_bank.banks.builtin",
    "question_bank.questions.generate",
    "question_bank.questions.templates",
    "question_bank.questions.distractors",
    "question_bank.answers.check",
]
FORBIDDEN = ("quiz", "textual")

IMPORT_ALL = f"""
import importlib, json, pkgutil, sys
import question_bank
names = {MODULES!r} + ["question_bank." + m.name for m in pkgutil.iter_modules(question_bank.__path__)]
for name in names:
    importlib.import_module(name)
"""

REPORT = f"""
print(json.dumps({{
    "imported": sorted(m for m in sys.modules if m.startswith("question_bank")),
    "forbidden": sorted(m for m in sys.modules if m.startswith({FORBIDDEN!r})),
}}))
"""

USE_IT = """
from question_bank.banks.builtin import load_builtin_bank
from question_bank.banks.catalog import builtin_catalog
from question_bank.answers import check_question
from question_bank.questions import Mode, generate_all
bank = load_builtin_bank("belgrade-offensive")
generated = generate_all(bank, seed=1)
for question in generated[:20]:
    if question.mode is not Mode.FLIP:
        check_question(question, question.answer)
"""


def run(code: str) -> dict:
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_importing_question_bank_imports_neither_quiz_nor_textual():
    found = run(IMPORT_ALL + REPORT)
    assert set(MODULES) <= set(found["imported"])
    assert found["forbidden"] == []


def test_using_question_bank_imports_neither_quiz_nor_textual():
    """Lazy imports inside functions count too: load the bank, ask and check questions."""
    found = run(IMPORT_ALL + USE_IT + REPORT)
    assert found["forbidden"] == []
