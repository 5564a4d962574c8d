"""Checking typed answers (dates, units, places) as a teacher would mark them."""

from question_bank.answers.check import Outcome, Verdict, check_answer, check_question, is_correct
from question_bank.answers.explain import explain

__all__ = ["Outcome", "Verdict", "check_answer", "check_question", "explain", "is_correct"]
