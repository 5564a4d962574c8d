"""Classroom quizzes: classes with personal codes, frozen papers, per-student versions, attempts
with deadlines the store enforces, grades and item analysis. No Textual here.

This file imports nothing: `from quiz.classroom.types import Paper` must not load the teacher's
modules (papers, results, analysis) into a student's process. `Classroom` (the teacher's service,
service.py) is still reachable here by name, loaded when first asked for.
"""

from __future__ import annotations

import importlib
from typing import Any


def __getattr__(name: str) -> Any:
    if name == "Classroom":
        return importlib.import_module("quiz.classroom.service").Classroom
    raise AttributeError(f"module 'quiz.classroom' has no attribute {name!r}")
