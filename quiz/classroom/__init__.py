"""Classroom quizzes: classes with personal codes, frozen papers, per-student versions, attempts
with deadlines the store enforces, grades and item analysis. No Textual here."""

from quiz.classroom.service import Classroom
from quiz.classroom.types import AttemptResult, AttemptView, ClassInfo, Paper, ResultItem, TakeItem, Verdict

__all__ = ["AttemptResult", "AttemptView", "ClassInfo", "Classroom", "Paper", "ResultItem", "TakeItem", "Verdict"]
