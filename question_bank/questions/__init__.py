"""Questions made from facts: wordings (templates), wrong options (distractors), generation.

`Question` and `Mode` are loaded with the package; generating (`generate_all`, `make_question`,
`kinds_for`, `spread_keys`: templates, distractors, pools) only when first asked for, so a served
tab, which checks the answers to a frozen paper and never generates, does not load it.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from question_bank.facts.kinds import Kind
from question_bank.questions.question import Mode, Question

if TYPE_CHECKING:
    from question_bank.questions.generate import generate_all, kinds_for, make_question, spread_keys

__all__ = ["Kind", "Mode", "Question", "generate_all", "kinds_for", "make_question", "spread_keys"]

_GENERATING = ("generate_all", "kinds_for", "make_question", "spread_keys")


def __getattr__(name: str) -> Any:
    if name in _GENERATING:
        return getattr(importlib.import_module("question_bank.questions.generate"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
