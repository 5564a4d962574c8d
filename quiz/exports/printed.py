"""What a printed paper says, whatever it is printed with: the header lines, a section per
version, and (only for a teacher who asks) an answer key per version at the end."""

from __future__ import annotations

from question_bank.questions import Question
from quiz.exports.model import ExportSet, accepted_answers, is_choice, option_letter, version_label

HEADER_LINES = ("Name", "Class", "Date")
BLANK = "_" * 24


def header_lines(export: ExportSet) -> list[tuple[str, str]]:
    """(label, value) pairs; a blank to write on unless the paper names its class."""
    return [(label, export.class_name if label == "Class" and export.class_name else BLANK) for label in HEADER_LINES]


def version_title(export: ExportSet, index: int) -> str:
    return f"Version {version_label(index)}" if len(export.versions) > 1 else "Questions"


def key_title(export: ExportSet, index: int) -> str:
    return f"Answer key, version {version_label(index)}" if len(export.versions) > 1 else "Answer key"


def choices(q: Question) -> list[tuple[str, str]]:
    """(letter, option) pairs for a multiple-choice question; none for a typed one."""
    return [(option_letter(i), option) for i, option in enumerate(q.options)] if is_choice(q) else []


def key_entry(q: Question) -> str:
    """The answer as the key prints it: the letter and the option, or every accepted answer."""
    if is_choice(q):
        return f"{option_letter(q.options.index(q.answer))}) {q.answer}"
    return " / ".join(accepted_answers(q))
