"""GIFT, as Moodle's importer reads it (Question bank → Import → GIFT).

Moodle takes the first unescaped `{` and `}` as the answer block, so every `~ = # { } :` and
backslash in bank text is escaped and a newline is written `\\n`. Text is marked `[plain]` so
`<` and `&` show as typed, and an answer that starts with `[` or `%` gets `[plain]` too, so it is
never read as a format or a weight. A short answer's `*` is Moodle's wildcard and is written `\\*`;
the fact's tags go in a `// [tag:…]` comment, where Moodle's importer looks for them.

GIFT has no escape for `->`: Moodle reads an answer block holding `->` and an unescaped `=` as a
matching question. A short answer with `->` is therefore written as the block's one answer, bare
(no `=`), which Moodle reads as a short answer: the key if it holds `->`, else the answers without
`->` are kept. Either way the LMS accepts nothing `quiz` would mark wrong.
"""

from __future__ import annotations

from question_bank.questions import Question
from quiz.exports.model import ExportSet, is_choice, moodle_short_answer, moodle_tag, question_id
from quiz.exports.typed import typed_answers

_ESCAPES = str.maketrans({
    "\\": "\\\\", "~": "\\~", "=": "\\=", "#": "\\#", "{": "\\{", "}": "\\}", ":": "\\:", "\n": "\\n", "\r": "",
})
MATCHING = "->"


def escape(text: str) -> str:
    return text.translate(_ESCAPES)


def _answer(text: str) -> str:
    marked = "[plain]" if text.startswith(("[", "%")) else ""
    return marked + escape(text)


def short_answer_lines(q: Question) -> list[str]:
    """The `=answer` lines of a typed question, or one bare answer where `->` must not meet `=`."""
    answers = [moodle_short_answer(answer) for answer in typed_answers(q)]
    if not any(MATCHING in answer for answer in answers):
        return [f"\t={_answer(answer)}" for answer in answers]
    if MATCHING in answers[0]:  # the key: the one answer the block can hold
        return [f"\t{_answer(answers[0])}"]
    return [f"\t={_answer(answer)}" for answer in answers if MATCHING not in answer]


def tag_comment(tags: tuple[str, ...]) -> list[str]:
    """`// [tag:a] [tag:b]`, with `]` escaped as Moodle's importer reads it; none without tags."""
    kept = [cleaned.replace("]", "\\]") for tag in tags if (cleaned := moodle_tag(tag))]
    return ["// " + " ".join(f"[tag:{tag}]" for tag in kept)] if kept else []


def question(q: Question, tags: tuple[str, ...] = ()) -> str:
    head = f"::{escape(question_id(q))}::[plain]{escape(q.prompt)} {{"
    if is_choice(q):
        lines = [f"\t{'=' if option == q.answer else '~'}{_answer(option)}" for option in q.options]
    else:
        lines = short_answer_lines(q)
    feedback = " — ".join(part for part in (q.note, q.source) if part)
    if feedback:
        lines.append(f"\t####{_answer(feedback)}")
    return "\n".join([*tag_comment(tags), head, *lines, "}"])


def render(export: ExportSet) -> bytes:
    parts = [f"// {escape(export.title)}\n$CATEGORY: $course$/top/{export.category}"]
    parts += [question(q, export.tags_of(q)) for q in export.questions]
    return ("\n\n".join(parts) + "\n").encode("utf-8")
