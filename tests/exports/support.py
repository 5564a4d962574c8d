"""Hostile questions every format must carry through unchanged, and small independent readers."""

from __future__ import annotations

import html.parser
import re

from question_bank.questions import Kind, Mode, Question
from quiz.exports import ExportSet

HOSTILE = 'Braces {x} ~tilde =eq #hash :colon \\back <b>tag</b> & "dq" \'sq\'\nnew line: Ниш, Zaječar'
SOURCE = 'Wikipedia, "Ниш" {CC} <BY> & SA'
MC_OPTIONS = ("Ниш {1}", "Zaječar ~=#:", "<i>&amp;</i> \\", "[html]%50% a->b")


def hostile_questions() -> tuple[Question, ...]:
    mc = Question("hostile-{1}", Kind.PLACE, Mode.MC, "place.which", HOSTILE, "Zaječar ~=#:", ("Zaječar ~=#:",),
                  MC_OPTIONS, HOSTILE, SOURCE, HOSTILE)
    typed = Question("hostile-2", Kind.PLACE, Mode.TYPED, "place.which", HOSTILE + "?", "Ниш",
                     ("Ниш", "Niš", "Nis {city} #1", "\\back=slash"), (), "Note: a <note> & {more}", SOURCE, HOSTILE)
    return (mc, typed)


def hostile_set(versions: int = 1, key: bool = False, mc_only: bool = False) -> ExportSet:
    questions = hostile_questions()[:1] if mc_only else hostile_questions()
    every = tuple(questions if i % 2 == 0 else tuple(reversed(questions)) for i in range(versions))
    return ExportSet('Test {1}: <Ниш> & "Zaječar"', "hostile-bank", "7/b Ниш", SOURCE, every, key)


class TextOf(html.parser.HTMLParser):
    """The text a browser shows for an HTML fragment: entities decoded, `<br>` as a newline."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.parts.append("\n")
        elif tag in ("p", "li", "h1", "h2", "div", "section", "title"):
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(re.sub(r"\s+", " ", data))  # as a browser collapses white space

    @classmethod
    def of(cls, markup: str) -> str:
        reader = cls()
        reader.feed(markup)
        reader.close()
        return re.sub(r" *\n *", "\n", "".join(reader.parts))
