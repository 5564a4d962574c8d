"""Exports a teacher can hand to any LMS or print: GIFT, Moodle XML, QTI 1.2, Anki, Kahoot, CSV,
Markdown, HTML and PDF, one module a format behind the registry in `registry.py`.

Plain Python, no Textual. Reached through `TeacherDoor.exports` (see `service.py`).
"""

from __future__ import annotations

from quiz.exports.model import ExportSet, question_id
from quiz.exports.registry import FORMATS, ExportFormat, export_format

__all__ = ["FORMATS", "ExportFormat", "ExportSet", "export_format", "question_id"]
