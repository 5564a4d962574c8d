"""A PDF to print, through fpdf2 (pure Python, no downloaded binary) with the bundled DejaVu Sans,
which has Serbian Latin and Cyrillic letters (Zaječar, Ниш): a header with name/class/date lines,
a version a page run, and the answer keys at the end when asked for. A question (stem, options or
the line to write on) is never cut by a page end: a student would miss the half on the next page."""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF

from question_bank.questions import Question
from quiz.exports import printed
from quiz.exports.model import ExportSet, PageSize

FONT = Path(__file__).with_name("fonts") / "DejaVuSans.ttf"
FAMILY = "DejaVu"
BODY, HEADING, TITLE = 11, 14, 17
SHEETS = {PageSize.A4: "A4", PageSize.LETTER: "Letter"}
Piece = tuple[str, int, float, float]  # text, font size, indent, gap after


class _Paper(FPDF):
    def __init__(self, title: str, size: PageSize) -> None:
        super().__init__(format=SHEETS[size])
        self.quiz_title = title
        self.set_margins(18, 16, 18)
        self.set_auto_page_break(True, margin=16)
        self.add_font(FAMILY, "", str(FONT))
        self.set_title(title)
        self.set_creator("quiz")
        self._widths: dict[tuple[str, int], float] = {}

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(FAMILY, size=8)
        self.cell(0, 5, f"{self.quiz_title} · {self.page_no()}", align="C")

    def width_of(self, word: str, size: int) -> float:
        key = (word, size)
        width = self._widths.get(key)
        if width is None:
            width = self._widths[key] = self.get_string_width(word)
        return width

    def wrap(self, text: str, size: int, width: float) -> list[str]:
        """Lines that fit `width`, broken at spaces (a word wider than a line is broken by letters).

        fpdf2's own `multi_cell` measures each line letter by letter, again for every letter added:
        most of the time of a long paper; words measured once (cached) make it linear."""
        space = self.width_of(" ", size)
        lines: list[str] = []
        for paragraph in text.replace("\r", "").split("\n"):
            line: list[str] = []
            used = 0.0
            for word in paragraph.split(" "):
                word_width = self.width_of(word, size)
                while word_width > width and len(word) > 1:  # break an over-long word by letters
                    cut = len(word) - 1
                    while cut > 1 and self.width_of(word[:cut], size) > width:
                        cut -= 1
                    if line:
                        lines.append(" ".join(line))
                        line, used = [], 0.0
                    lines.append(word[:cut])
                    word = word[cut:]
                    word_width = self.width_of(word, size)
                if line and used + space + word_width > width:
                    lines.append(" ".join(line))
                    line, used = [], 0.0
                used += (space if line else 0.0) + word_width
                line.append(word)
            lines.append(" ".join(line))
        return lines

    def lines(self, text: str, size: int, indent: float) -> list[str]:
        self.set_font(FAMILY, size=size)  # the cache is per size, but measuring reads the current font
        return self.wrap(text, size, self.epw - indent)

    def block(self, pieces: list[Piece]) -> None:
        """Pieces that stay on one page: a new page first unless they fit below, or unless they
        are taller than a whole page (then they must run on, from the top of a page)."""
        height = sum(len(self.lines(text, size, indent)) * size * 0.5 + gap for text, size, indent, gap in pieces)
        height -= pieces[-1][3]  # the last gap may fall past the page end
        if self.get_y() + height > self.page_break_trigger and self.get_y() > self.t_margin:
            self.add_page()
        for text, size, indent, gap in pieces:
            self.line_of(text, size, indent, gap)

    def line_of(self, text: str, size: int = BODY, indent: float = 0, gap: float = 1.5) -> None:
        height = size * 0.5
        left = self.l_margin + indent
        for line in self.lines(text, size, indent):
            if self.get_y() + height > self.page_break_trigger:
                self.add_page()
                self.set_font(FAMILY, size=size)  # the footer left its own size
            top = self.get_y()
            self.text(left, top + height * 0.75, line)  # a third of `cell`'s time, and no wrapping to redo
            self.set_y(top + height)
        self.ln(gap)


def _header(pdf: _Paper, export: ExportSet) -> None:
    pdf.line_of(export.title, TITLE, gap=3)
    for label, value in printed.header_lines(export):
        pdf.line_of(f"{label}: {value}", BODY, gap=2)
    pdf.ln(3)


def _question(number: int, q: Question) -> list[Piece]:
    options = printed.choices(q)
    below = "\n".join(f"{letter}) {option}" for letter, option in options) if options else f"Answer: {printed.BLANK}"
    return [(f"{number}. {q.prompt}", BODY, 0, 1), (below, BODY, 7, 3)]


def render(export: ExportSet) -> bytes:
    pdf = _Paper(export.title, export.page_size)
    for index, version in enumerate(export.versions):
        pdf.add_page()
        _header(pdf, export)
        pdf.line_of(printed.version_title(export, index), HEADING, gap=3)
        for number, q in enumerate(version, start=1):
            pdf.block(_question(number, q))
    if export.key:
        for index, version in enumerate(export.versions):
            pdf.add_page()
            pdf.line_of(printed.key_title(export, index), HEADING, gap=3)
            for number, q in enumerate(version, start=1):
                pdf.block([(f"{number}. {printed.key_entry(q)}", BODY, 0, 1)])
    if not export.versions:
        pdf.add_page()
        _header(pdf, export)
    return bytes(pdf.output())
