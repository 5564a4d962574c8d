"""Markdown for print or a wiki: a header with name/class/date lines, a section per version,
and the answer keys at the end when asked for.

Bank text is escaped (a backslash before each Markdown mark) so a renderer shows it as written:
`#`, `*`, `<`, `&`, `[` never become headings, emphasis, HTML or links; a newline in bank text
is a hard line break.
"""

from __future__ import annotations

import re

from quiz.exports import printed
from quiz.exports.model import ExportSet

_MARKS = "\\`*_{}[]<>()#+-!|~&=:\"'"
_ESCAPES = str.maketrans({mark: "\\" + mark for mark in _MARKS})
_NUMBERED = re.compile(r"^(\s*\d+)([.)])", re.M)  # "1944. " on a line of its own is a list item


def escape(text: str, indent: str = "    ") -> str:
    escaped = _NUMBERED.sub(r"\1\\\2", text.replace("\r", "").translate(_ESCAPES))
    return ("\\\n" + indent).join(escaped.split("\n"))


def render(export: ExportSet) -> bytes:
    lines = [f"# {escape(export.title)}", ""]
    lines += [f"**{label}:** {escape(value)}  " for label, value in printed.header_lines(export)]
    for index, version in enumerate(export.versions):
        lines += ["", f"## {printed.version_title(export, index)}", ""]
        for number, q in enumerate(version, start=1):
            lines.append(f"{number}. {escape(q.prompt)}")
            options = printed.choices(q)
            if options:
                lines.append("")
                lines += [f"    - {letter}\\) {escape(option, ' ' * 6)}" for letter, option in options]
            else:
                lines += ["", f"    Answer: {printed.BLANK}"]
            lines.append("")
    if export.key:
        for index, version in enumerate(export.versions):
            lines += ["", f"## {printed.key_title(export, index)}", ""]
            lines += [f"{n}. {escape(printed.key_entry(q))}" for n, q in enumerate(version, start=1)]
    return ("\n".join(lines).rstrip("\n") + "\n").encode("utf-8")
