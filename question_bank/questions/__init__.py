"""Questions made from facts: wordings (templates), wrong options (distractors), generation."""

from question_bank.facts.kinds import Kind
from question_bank.questions.generate import Mode, Question, generate_all, kinds_for, make_question, spread_keys

__all__ = ["Kind", "Mode", "Question", "generate_all", "kinds_for", "make_question", "spread_keys"]
