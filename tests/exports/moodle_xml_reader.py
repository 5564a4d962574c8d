"""Moodle XML read back as Moodle reads it, written for these tests from Moodle's own code, not
from our writer: `core\\xml_parser` (lib/classes/xml_parser.php) builds the tree, then
`qformat_xml` takes each text with `getpath(..., true)`, which trims it.

PHP's SAX parser (libxml2 behind ext/xml) hands an element's text over in pieces: each entity or
character reference is a piece of its own, a CDATA section is one piece, and the plain text
between them is one piece. `xml_parser::characterdata` drops every piece that is only white space
(unless it is "0") and joins the rest: that is how `</b> &amp; Co` loses its space. Expat, which
Python uses, also cuts plain text and CDATA at line breaks; those cuts are joined again here, since
libxml2 does not make them.

A short answer is compared as `qtype_shortanswer_question::compare_string_with_wildcard` does:
`*` (unless escaped as `\\*`) matches anything on one line, and case is ignored unless `usecase` is set.
"""

from __future__ import annotations

import re
import unicodedata
import xml.parsers.expat
from dataclasses import dataclass, field

PHP_TRIM = " \t\n\r\0\x0b"


@dataclass
class Node:
    tag: str
    attrs: dict[str, str]
    children: list[Node] = field(default_factory=list)
    pieces: list[list[str]] = field(default_factory=list)  # [kind, text]: kind is plain, ref or cdata

    @property
    def text(self) -> str:
        """The element's text as Moodle gets it: pieces of white space dropped, then trimmed."""
        kept = [text for _, text in self.pieces if text == "0" or text.strip(PHP_TRIM)]
        return "".join(kept).strip(PHP_TRIM)

    def find(self, path: str) -> Node | None:
        node: Node | None = self
        for tag in path.split("/"):
            node = next((child for child in node.children if child.tag == tag), None) if node else None
        return node

    def findall(self, tag: str) -> list[Node]:
        return [child for child in self.children if child.tag == tag]

    def findtext(self, path: str) -> str:
        node = self.find(path)
        return node.text if node else ""


def parse(data: bytes) -> Node:
    root = Node("#document", {})
    stack = [root]
    parser = xml.parsers.expat.ParserCreate()
    in_cdata = [False, 0]  # inside a section, and how many sections so far

    def start(tag: str, attrs: dict[str, str]) -> None:
        node = Node(tag, attrs)
        stack[-1].children.append(node)
        stack.append(node)

    def characters(text: str) -> None:
        pieces = stack[-1].pieces
        if in_cdata[0]:
            kind = f"cdata{in_cdata[1]}"
        else:
            kind = "ref" if data[parser.CurrentByteIndex:parser.CurrentByteIndex + 1] == b"&" else "plain"
        if pieces and kind != "ref" and pieces[-1][0] == kind:
            pieces[-1][1] += text  # a line break expat cut, not libxml2
        else:
            pieces.append([kind, text])

    def cdata_start() -> None:
        in_cdata[0], in_cdata[1] = True, in_cdata[1] + 1

    def cdata_end() -> None:
        in_cdata[0] = False

    parser.StartElementHandler = start
    parser.EndElementHandler = lambda tag: stack.pop()
    parser.CharacterDataHandler = characters
    parser.StartCdataSectionHandler = cdata_start
    parser.EndCdataSectionHandler = cdata_end
    parser.Parse(data, True)
    return root.children[0]


@dataclass
class MoodleQuestion:
    qtype: str
    category: str
    name: str
    text: str
    general_feedback: str
    answers: list[tuple[str, float]]
    tags: list[str]
    usecase: bool

    def accepts(self, response: str) -> bool:
        """Whether a student's typed `response` matches an answer worth full marks."""
        return any(fraction == 100 and wildcard_match(response, pattern, not self.usecase)
                   for pattern, fraction in self.answers)


def read(data: bytes) -> list[MoodleQuestion]:
    """Every question of a Moodle XML file, each with the category in force where it stands."""
    category, found = "", []
    for question in parse(data).findall("question"):
        qtype = question.attrs.get("type", "")
        if qtype == "category":
            category = question.findtext("category/text")
            continue
        found.append(MoodleQuestion(
            qtype, category, question.findtext("name/text"), question.findtext("questiontext/text"),
            question.findtext("generalfeedback/text"),
            [(answer.findtext("text"), float(answer.attrs.get("fraction", "0"))) for answer in question.findall("answer")],
            [tag.findtext("text") for tag in (question.find("tags") or Node("", {})).findall("tag")],
            question.findtext("usecase") == "1",
        ))
    return found


def wildcard_match(response: str, pattern: str, ignore_case: bool) -> bool:
    """`compare_string_with_wildcard`: NFC both, split the pattern on runs of unescaped `*`, turn
    `\\*` into `*` in each bit, and match the whole trimmed response."""
    pattern, response = unicodedata.normalize("NFC", pattern), unicodedata.normalize("NFC", response)
    bits = re.split(r"(?<!\\)\*+", pattern)
    regexp = ".*".join(re.escape(bit.replace("\\*", "*")) for bit in bits)
    return re.fullmatch(regexp, response.strip(PHP_TRIM), re.IGNORECASE if ignore_case else 0) is not None
