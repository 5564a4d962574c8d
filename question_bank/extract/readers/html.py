"""A saved web page to plain text with Beautiful Soup on the standard library's parser: the article's
part of the page, headings and paragraphs a line each, infobox rows as `Field: value`, and no
scripts, menus, footers, reference lists, edit links or citation marks."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, NavigableString, Tag
from bs4.element import Comment, Declaration, Doctype, ProcessingInstruction

# Never article text: code, menus, page furniture, and Wikipedia's edit links, notes, reference
# lists, navigation boxes and tables of contents.
_DROPPED_TAGS = ["script", "style", "noscript", "template", "nav", "footer", "header", "aside", "form",
                 "button", "svg", "iframe", "select", "input", "sup", "pre"]
_DROPPED_SELECTORS = (".mw-editsection, .reference, .reflist, .references, .navbox, .vertical-navbox, "
                      ".toc, #toc, .mw-jump-link, .catlinks, .printfooter, .hatnote, .noprint, .metadata, "
                      ".sistersitebox, .mw-references-wrap, .refbegin")
_BLOCKS = {"p", "div", "li", "br", "tr", "dt", "dd", "blockquote", "figcaption", "caption", "section",
           "article", "main", "ul", "ol", "dl", "table", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "hr", "td", "th"}
_ARTICLE = ["#mw-content-text", "article", "main", "[role=main]", "#content", "body"]
_SPACE = re.compile(r"\s+")
_SKIPPED_STRINGS = (Comment, Declaration, Doctype, ProcessingInstruction)


def html_text(raw: bytes) -> str:
    """The article's text; "" when the page has none."""
    soup = BeautifulSoup(raw, "html.parser")
    title = soup.find("h1")
    heading = _SPACE.sub(" ", title.get_text(" ")).strip() if title else ""
    if not heading and soup.title:
        heading = _SPACE.sub(" ", soup.title.get_text(" ")).split(" - ")[0].strip()
    root = next((found for selector in _ARTICLE if (found := soup.select_one(selector))), soup)
    for tag in root.find_all(_DROPPED_TAGS):
        tag.decompose()
    for tag in root.select(_DROPPED_SELECTORS):
        tag.decompose()
    lines: list[str] = []
    for table in root.find_all("table"):
        if "infobox" in (table.get("class") or []):
            table.replace_with(_infobox(table, soup))
        else:
            table.decompose()  # data tables and layout: no sentences to read
    current: list[str] = []
    _walk(root, lines, current)
    _flush(lines, current)
    if heading and (not lines or lines[0] != heading):
        lines.insert(0, heading)
    body = [line for line in lines if line != heading]
    return "\n".join(lines) + "\n" if body else ""


def _infobox(table: Tag, soup: BeautifulSoup) -> Tag:
    """The infobox as one `Field: value` line a row (a row without a field keeps its text)."""
    box = soup.new_tag("div")
    for row in table.find_all("tr"):
        field, value = row.find("th"), row.find("td")
        text = (_clean(field) + ": " + _clean(value)) if field and value else _clean(row)
        if text.strip(": "):
            line = soup.new_tag("p")
            line.string = text
            box.append(line)
    return box


def _clean(tag: Tag) -> str:
    return _SPACE.sub(" ", tag.get_text(" ")).strip()


def _walk(node: Tag, lines: list[str], current: list[str]) -> None:
    for child in node.children:
        if isinstance(child, NavigableString):
            if not isinstance(child, _SKIPPED_STRINGS):
                current.append(str(child))
        elif isinstance(child, Tag):
            block = child.name in _BLOCKS
            if block:
                _flush(lines, current)
            _walk(child, lines, current)
            if block:
                _flush(lines, current)


def _flush(lines: list[str], current: list[str]) -> None:
    line = _SPACE.sub(" ", "".join(current)).strip()
    current.clear()
    if line:
        lines.append(line)
