"""Markdown for print or a wiki: a handout per version (the title and the name/class/date lines on
each, so collected copies can be told apart), and the answer keys at the end when asked for.

Bank text is escaped so that CommonMark (markdown-it, GitHub) and Python-Markdown (MkDocs) both
show it as written, and only as far as both need: a backslash only before a mark both take as
escapable (Python-Markdown shows any other backslash, `Red Army\\'s`), a character entity for a
mark Python-Markdown cannot escape (`<`, `|`, `~`, a line's first `=`), and a line's first
character only where it would start a block (a list, a quote, a heading underline). A newline in
bank text is a hard line break (two spaces: the break both read).
"""

from __future__ import annotations

import re

from quiz.exports import printed
from quiz.exports.model import ExportSet

# Inline marks, wherever they stand: code, emphasis, links, attribute lists, headings' closing #,
# HTML and autolinks, tables, strikethrough and fences.
_INLINE = str.maketrans({
    **{mark: "\\" + mark for mark in "\\`*_[]{}#"},
    "<": "&lt;", "|": "&#124;", "~": "&#126;",
})
_ENTITY = re.compile(r"&(?=#?\w+;)")  # "&copy;" would show as ©
_BLOCK_START = re.compile(r"^([-+>!])")  # a bullet, a thematic break, a quote, an admonition
_SETEXT = re.compile(r"^=")  # "===" under a line makes it a heading
_NUMBERED = re.compile(r"^(\d+)([.)])")  # "1944. " opening a line is a list item
_HARD_BREAK = "  \n"


def _line(text: str) -> str:
    escaped = _ENTITY.sub("&amp;", text.strip()).translate(_INLINE)
    escaped = _BLOCK_START.sub(r"\\\1", escaped)
    escaped = _SETEXT.sub("&#61;", escaped)
    return _NUMBERED.sub(r"\1\\\2", escaped)


def escape(text: str, indent: str = "    ") -> str:
    """Bank text as one paragraph: its lines (blank ones dropped: a blank line ends a paragraph)
    joined by hard breaks, the lines after the first indented to stay in their list item."""
    lines = [_line(line) for line in text.replace("\r", "").split("\n") if line.strip()]
    return (_HARD_BREAK + indent).join(lines)


def heading(text: str) -> str:
    """A heading holds one line: bank text's lines joined by spaces."""
    return " ".join(_line(line) for line in text.replace("\r", "").split("\n") if line.strip())


def _header(export: ExportSet) -> list[str]:
    lines = [f"# {heading(export.title)}", ""]
    lines += [f"**{label}:** {escape(value)}  " for label, value in printed.header_lines(export)]
    return lines


def _indent(number: int) -> str:
    """The indent that keeps a line inside list item `number`: past its marker for CommonMark
    ("100. " is five wide), and at least four spaces for Python-Markdown."""
    return " " * max(4, len(f"{number}. "))


def render(export: ExportSet) -> bytes:
    lines: list[str] = []
    if not export.versions:
        lines += _header(export)
    for index, version in enumerate(export.versions):
        if index:
            lines += ["", "* * *", ""]  # a thematic break between handouts
        lines += [*_header(export), "", f"## {printed.version_title(export, index)}", ""]
        for number, q in enumerate(version, start=1):
            indent = _indent(number)
            lines.append(f"{number}. {escape(q.prompt, indent)}")
            options = printed.choices(q)
            lines.append("")
            if options:
                lines += [f"{indent}- {letter}) {escape(option, indent + '  ')}" for letter, option in options]
            else:
                lines.append(f"{indent}Answer: {escape(printed.BLANK)}")
            lines.append("")
    if export.key:
        for index, version in enumerate(export.versions):
            lines += ["", f"## {printed.key_title(export, index)}", ""]
            lines += [f"{n}. {escape(printed.key_entry(q), _indent(n))}" for n, q in enumerate(version, start=1)]
    return ("\n".join(lines).rstrip("\n") + "\n").encode("utf-8")
