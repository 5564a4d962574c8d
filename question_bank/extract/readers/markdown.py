"""Markdown to plain text with markdown-it-py (already installed with rich): headings kept as lines,
emphasis and link syntax reduced to their text, code blocks, images and raw HTML dropped."""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.token import Token

_PARSER = MarkdownIt("commonmark")
_DROPPED = {"fence", "code_block", "html_block", "hr"}


def markdown_text(source: str) -> str:
    """One line a heading, paragraph or list item."""
    lines: list[str] = []
    for token in _PARSER.parse(source):
        if token.type == "inline" and token.children is not None:
            line = _inline_text(token.children).strip()
            if line:
                lines.append(line)
        elif token.type in _DROPPED:
            continue
    return "\n".join(lines) + "\n"


def _inline_text(children: list[Token]) -> str:
    parts = []
    for child in children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return "".join(parts)
