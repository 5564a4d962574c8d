"""A minimal GIFT reader that follows Moodle's importer (qformat_gift) step by step, written for
these tests from its documented behaviour, not from our writer: the PyPI parsers (pygiftparser 1.1,
pygiftparserrgmf 0.0.5) do not undo `\\\\` and end an answer block at an escaped `}`.

Escapes become placeholders first, blocks are split at blank lines, `//` lines are set aside as
the question's comment (where `[tag:…]` names a tag, `\\]` standing for `]`), the answer block
runs from the first `{` to the first `}`, `####` starts the general feedback, `~` in the block makes
a multiple-choice question, `=` and `->` together a matching one, and `[format]` is taken off the
front of each text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_ESCAPES = {":": "\x01", "#": "\x02", "=": "\x03", "{": "\x04", "}": "\x05", "~": "\x06", "n": "\x07"}
_BACK = {placeholder: ("\n" if char == "n" else char) for char, placeholder in _ESCAPES.items()}
_BACKSLASH = "\x08"
_TAG = re.compile(r"\[tag:((?:\\\]|[^\]<>`\x00-\x1f\x7f]|)+)\]")  # extract_idnumber_and_tags_from_comment


@dataclass
class GiftQuestion:
    name: str
    text: str
    qtype: str
    category: str
    answers: list[tuple[str, float]] = field(default_factory=list)  # (text, fraction)
    general_feedback: str = ""
    tags: list[str] = field(default_factory=list)


def _pre(text: str) -> str:
    text = text.replace("\\\\", _BACKSLASH)
    for char, placeholder in _ESCAPES.items():
        text = text.replace("\\" + char, placeholder)
    return text.replace(_BACKSLASH, "\\")


def _post(text: str) -> str:
    for placeholder, char in _BACK.items():
        text = text.replace(placeholder, char)
    return text


def _with_format(text: str) -> str:
    text = text.strip()
    if text.startswith("[") and "]" in text:
        name = text[1:text.index("]")]
        if name in ("moodle", "html", "plain", "markdown"):
            text = text[text.index("]") + 1:]
    return _post(text).strip()


def _weighted(answer: str, default: float) -> tuple[str, float]:
    if answer.startswith("%") and "%" in answer[1:]:
        end = answer.index("%", 1)
        return answer[end + 1:], float(answer[1:end])
    return answer, default


def read(source: str) -> list[GiftQuestion]:
    questions: list[GiftQuestion] = []
    category = ""
    for block in source.replace("\r\n", "\n").split("\n\n"):
        lines = [line for line in block.split("\n") if not line.strip().startswith("//")]
        comments = "\n".join(line.strip() for line in block.split("\n") if line.strip().startswith("//"))
        text = _pre("\n".join(lines).strip())
        if not text:
            continue
        if text.startswith("$CATEGORY:"):
            category = text[len("$CATEGORY:"):].strip()
            continue
        name = ""
        if text.startswith("::"):
            end = text.index("::", 2)
            name, text = _post(text[2:end]), text[end + 2:].strip()
        start, finish = text.index("{"), text.index("}")
        answer_text = text[start + 1:finish].strip()
        question_text = text[:start] + text[finish + 1:]
        feedback = ""
        if "####" in answer_text:
            answer_text, feedback = answer_text.rsplit("####", 1)[0].strip(), answer_text.rsplit("####", 1)[1]
        question = GiftQuestion(name, _with_format(question_text), "", category, [], _with_format(feedback),
                                [tag.strip().replace("\\]", "]") for tag in _TAG.findall(comments)])
        if "~" in answer_text:
            question.qtype = "multichoice"
            for answer in filter(None, (a.strip() for a in answer_text.replace("=", "~=").split("~"))):
                if answer.startswith("="):
                    question.answers.append((_with_format(answer[1:]), 100.0))
                else:
                    body, weight = _weighted(answer, 0.0)
                    question.answers.append((_with_format(body), weight))
        elif "=" in answer_text and "->" in answer_text:
            question.qtype = "match"
        else:
            question.qtype = "shortanswer"
            for answer in filter(None, (a.strip() for a in answer_text.split("="))):
                body, weight = _weighted(answer, 100.0)
                question.answers.append((_with_format(body), weight))
        questions.append(question)
    return questions
