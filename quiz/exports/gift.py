"""GIFT, as Moodle's importer reads it (Question bank → Import → GIFT).

Moodle takes the first unescaped `{` and `}` as the answer block, so every `~ = # { } :` and
backslash in bank text is escaped and a newline is written `\\n`. Text is marked `[plain]` so
`<` and `&` show as typed, and an answer that starts with `[` or `%` gets `[plain]` too, so it is
never read as a format or a weight.
"""

from __future__ import annotations

from question_bank.questions import Question
from quiz.errors import ExportError
from quiz.exports.model import ExportSet, is_choice, question_id
from quiz.exports.typed import typed_answers

_ESCAPES = str.maketrans({
    "\\": "\\\\", "~": "\\~", "=": "\\=", "#": "\\#", "{": "\\{", "}": "\\}", ":": "\\:", "\n": "\\n", "\r": "",
})


def escape(text: str) -> str:
    return text.translate(_ESCAPES)


def _answer(text: str) -> str:
    marked = "[plain]" if text.startswith(("[", "%")) else ""
    return marked + escape(text)


def question(q: Question) -> str:
    head = f"::{escape(question_id(q))}::[plain]{escape(q.prompt)} {{"
    if is_choice(q):
        lines = [f"\t{'=' if option == q.answer else '~'}{_answer(option)}" for option in q.options]
    else:
        answers = typed_answers(q)
        if any("->" in answer for answer in answers):  # Moodle would read `=… -> …` as a matching question
            raise ExportError(f"gift: question {question_id(q)}: a short answer with '->' cannot be written in GIFT")
        lines = [f"\t={_answer(answer)}" for answer in answers]
    feedback = " — ".join(part for part in (q.note, q.source) if part)
    if feedback:
        lines.append(f"\t####{_answer(feedback)}")
    return "\n".join([head, *lines, "}"])


def render(export: ExportSet) -> bytes:
    parts = [f"// {escape(export.title)}\n$CATEGORY: $course$/top/{export.category}"]
    parts += [question(q) for q in export.questions]
    return ("\n\n".join(parts) + "\n").encode("utf-8")
