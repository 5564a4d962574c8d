"""A corpus article as a teacher might save it: a web page (Wikipedia's shape: a title, an infobox
table, headings with edit links, citation marks as superscripts, a menu, a script and a footer) or
Markdown notes (headings, the infobox as a bold-field list). The article's text is the same; only
its wrapping differs, so extract must find the same things in each."""

from __future__ import annotations

import html
import re

_FIELD = re.compile(r"^([A-Z][\w ]{1,30}): (.+)$")
_CITATION = re.compile(r"\[(\d+|citation needed)\]")


def _blocks(text: str) -> list[str]:
    return [block.strip() for block in text.strip().split("\n\n")]


def _is_infobox(lines: list[str]) -> bool:
    return all(_FIELD.match(line) for line in lines)


def _is_heading(lines: list[str]) -> bool:
    return len(lines) == 1 and not lines[0].endswith((".", "]", ")")) and len(lines[0].split()) <= 8


def _fields(lines: list[str]) -> list[tuple[str, str]]:
    return [(m[1], m[2]) for m in (_FIELD.match(line) for line in lines) if m]


def as_web_page(text: str) -> bytes:
    title, *rest = _blocks(text)
    page = [f"<!DOCTYPE html><html><head><title>{html.escape(title)} - Wikipedia</title>",
            "<script>var menu = 'Main page';</script></head><body>",
            "<nav><a href='/'>Main page</a> Contents Random article</nav>",
            f"<main><h1>{html.escape(title)}</h1>"]
    for block in rest:
        lines = block.splitlines()
        if _is_infobox(lines):
            rows = "".join(f"<tr><th>{html.escape(f)}</th><td>{html.escape(v)}</td></tr>" for f, v in _fields(lines))
            page.append(f"<table class='infobox'>{rows}</table>")
        elif _is_heading(lines):
            page.append(f"<h2>{html.escape(lines[0])}<span class='mw-editsection'>[edit]</span></h2>")
        else:
            body = _CITATION.sub(lambda m: f"<sup class='reference'>[{m[1]}]</sup>", html.escape(block))
            page.append(f"<p>{body}</p>")
    page.append("</main><footer>Text is available under a Creative Commons licence.</footer></body></html>")
    return "\n".join(page).encode("utf-8")


def as_markdown(text: str) -> bytes:
    title, *rest = _blocks(text)
    notes = [f"# {title}"]
    for block in rest:
        lines = block.splitlines()
        if _is_infobox(lines):
            notes.append("\n".join(f"- **{f}:** {v}" for f, v in _fields(lines)))
        elif _is_heading(lines):
            notes.append(f"## {lines[0]}")
        else:
            notes.append(block)
    return ("\n\n".join(notes) + "\n").encode("utf-8")
