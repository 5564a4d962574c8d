"""A standalone HTML page to print: a handout per version (each on a new page, each with the title
and the name/class/date lines, so collected copies can be told apart), and the answer keys at the
end when asked for. CSS `@page` sets the sheet (A4 unless Letter is asked for): a browser prints
on US Letter otherwise. Every bank string is escaped; a newline in it is a `<br>`."""

from __future__ import annotations

import html

from quiz.exports import printed
from quiz.exports.model import ExportSet, PageSize

SHEETS = {PageSize.A4: "A4", PageSize.LETTER: "letter"}
STYLE = """
@page { size: %(sheet)s; margin: 16mm 18mm; }
body { font-family: "DejaVu Sans", Arial, sans-serif; max-width: 48em; margin: 2em auto; line-height: 1.4; }
@media print { body { max-width: none; margin: 0; } }
.header p { margin: 0.3em 0; }
section { break-before: page; }
section:first-of-type { break-before: auto; }
ol.questions > li { margin-bottom: 1em; break-inside: avoid; }
ol.options { list-style: lower-alpha; }
.blank { display: inline-block; min-width: 16em; border-bottom: 1px solid #000; }
"""


def text(value: str) -> str:
    return html.escape(value.replace("\r", "")).replace("\n", "<br>")


def _header(export: ExportSet) -> list[str]:
    """The top of every handout: the title, then a line each for name, class and date."""
    out = [f"<h1>{text(export.title)}</h1>", '<div class="header">']
    for label, value in printed.header_lines(export):
        shown = '<span class="blank"></span>' if value == printed.BLANK else text(value)
        out.append(f"<p><b>{label}:</b> {shown}</p>")
    return [*out, "</div>"]


def render(export: ExportSet) -> bytes:
    out = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        '<head><meta charset="utf-8">',
        f"<title>{text(export.title)}</title>",
        f"<style>{STYLE % {'sheet': SHEETS[export.page_size]}}</style></head>",
        "<body>",
    ]
    if not export.versions:
        out += ['<section class="version">', *_header(export), "</section>"]
    for index, version in enumerate(export.versions):
        out += ['<section class="version">', *_header(export), f"<h2>{printed.version_title(export, index)}</h2>",
                '<ol class="questions">']
        for q in version:
            out.append(f'<li><p class="prompt">{text(q.prompt)}</p>')
            options = printed.choices(q)
            if options:
                out.append('<ol class="options">' + "".join(f"<li>{text(o)}</li>" for _, o in options) + "</ol>")
            else:
                out.append('<p>Answer: <span class="blank"></span></p>')
            out.append("</li>")
        out += ["</ol>", "</section>"]
    if export.key:
        for index, version in enumerate(export.versions):
            out += [f'<section class="key"><h2>{printed.key_title(export, index)}</h2>', "<ol>"]
            out += [f"<li>{text(printed.key_entry(q))}</li>" for q in version]
            out += ["</ol>", "</section>"]
    out += ["</body>", "</html>"]
    return ("\n".join(out) + "\n").encode("utf-8")
