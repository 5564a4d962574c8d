"""Sentences of an article, split by pysbd (a rule-based splitter), with citation markers removed.

pysbd costs about 3 s a megabyte, so a paragraph is first cut where pysbd is sure to end a sentence
(a plain word's period before a capital, outside brackets and quotes); a piece with no other
sentence mark is a sentence as it stands, and only the rest go through pysbd. The sentences are
the ones pysbd gives on the whole paragraph (checked on the evaluation articles and 4 MB of other
prose, tests/extract/test_sentences.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pysbd
from pysbd.lists_item_replacer import ListItemReplacer

# [23], [12][13], [a], [note 4], [citation needed], [clarification needed], [when?]
CITATION = re.compile(
    r"\s*\[(?:\d{1,4}|[a-z]|(?:note|n|nb|lower-alpha) ?\d{1,3}|[A-Za-z][A-Za-z ]{0,30}(?:needed|required)|[a-z ]{1,20}\?)\]"
)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Terminal escape sequences, whole: CSI ("ESC[31m", or the one-byte CSI), OSC (up to BEL or ESC \\),
# and two-character ones. Dropping only the ESC would leave "[31m" in the text.
_ESCAPE = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]|(?:\x1b\]|\x9d)[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?|\x1b[ -/]*[0-~]"
)
# Runs of spaces, tabs and other spaces that are not one plain space already (those stay as they are).
_SPACES = re.compile(r"[\t\u00a0\u2009\u202f][ \t\u00a0\u2009\u202f]*| [ \t\u00a0\u2009\u202f]+")
# pysbd slows down on very long runs of text: a paragraph is cut at a sentence end near this size.
_CHUNK = 8000

# A place where pysbd always ends a sentence: a word of letters (2 or more, no abbreviation pysbd
# knows) or a number of 3 digits or more, its period, spaces, a capital letter; or a word of letters,
# its period, citation numbers ([12][13]), one space, a capital letter.
_CUT = re.compile(r"(?<![\w.'’\-])([^\W_]+)\.(?:((?:\[\d{1,3}\])+)\s|\s+)(?=[A-Z])")
_ABBREVIATIONS = frozenset(pysbd.languages.LANGUAGE_CODES["en"].Abbreviation.ABBREVIATIONS)
# Anything that makes pysbd look beyond a sentence: single quotes that open, em dashes, escapes,
# quotes after an end mark, a closing quote before a parenthesis (its parens-between-quotes rule).
# (Each pattern is tried alone: one pattern with all of them cannot skip ahead to its first character.)
_NO_CUTS = (re.compile(r"\s['‘]"), re.compile(r"[.!?]['’]"), re.compile(r"[（「«»]"), re.compile(r"[\"”]\s\("))
_MARKS = re.compile(r"[.!?。．！？…ȸȹ]")
_CLOSING = {")": "(", "]": "[", "”": "“"}
_PAIRS = ("(", "[", "“", '"')
_OPENERS = ("(", "“", '"', "'", "‘", "（", "「")  # pysbd may end a sentence after a piece that opens so
_CITED_END = re.compile(r"\.(?:\[\d{1,3}\])+\s*$")
_NOTES_AT_END = re.compile(r"(?<![\w.'’\-])([^\W\d_]{2,})\.(\s*(?:\[[^\[\]]*\])+)\s*$")
_QUOTE_AFTER_DASH = re.compile(r"-[\"'“”]\s")  # pysbd ends a sentence there
_LIST_ITEMS = set(ListItemReplacer.LATIN_NUMERALS) | set(ListItemReplacer.ROMAN_NUMERALS)
_LISTS = [re.compile(ListItemReplacer.NUMBERED_LIST_REGEX_1), re.compile(ListItemReplacer.NUMBERED_LIST_PARENS_REGEX)]
# What every list marker pysbd looks for has (a quick test before pysbd's own patterns): a number's
# "1." or "1)", letters and a parenthesis "a)", "iv)", a letter and a period "a." (each tried alone,
# which is faster than one pattern with all three).
_LIST_MARKERS = (re.compile(r"\d[.)][\s)]"), re.compile(r"\s[a-z]\."), re.compile(r"[a-z]\."))
_LETTERS_MARKER = re.compile(r"(?:^|[\s(])[a-z]+\)")
_LETTER_LISTS = [re.compile(ListItemReplacer.ALPHABETICAL_LIST_WITH_PERIODS),
                 re.compile(ListItemReplacer.ALPHABETICAL_LIST_WITH_PARENS)]


@dataclass(frozen=True)
class Sentence:
    """One sentence: `text` cleaned (no citation markers, one space between words), `raw` as written."""

    index: int
    paragraph: int
    text: str
    raw: str
    line: str = ""  # the whole paragraph line it came from

    @property
    def is_heading(self) -> bool:
        """A line on its own without an end mark: a title, a heading or a caption."""
        return self.raw == self.line and not self.text.endswith((".", "!", "?", ":", ";"))


@lru_cache(maxsize=1)
def _segmenter() -> pysbd.Segmenter:
    return pysbd.Segmenter(language="en", clean=False)


def clean(text: str) -> str:
    """Drop citation markers, escape sequences and control characters, and squeeze spaces."""
    text = without_controls(text)
    if "[" in text:
        text = CITATION.sub("", text)
    return _SPACES.sub(" ", text).strip()


def without_controls(text: str) -> str:
    """`text` with terminal escape sequences dropped whole and other control characters (newline and
    tab too) made spaces."""
    if "\x1b" in text or "\x9b" in text or "\x9d" in text:
        text = _ESCAPE.sub("", text)
    return _CONTROL.sub(" ", text)


def split_sentences(text: str) -> list[Sentence]:
    """Every sentence of `text`, paragraph by paragraph (a line is a paragraph)."""
    sentences: list[Sentence] = []
    for number, line in enumerate(p for p in text.split("\n") if p.strip()):
        line = line.strip()
        for chunk in _chunks(line):
            # The splitter's own sentences; `segment()` would then find each one again in the text with
            # a regex of its own (to keep trailing spaces we strip anyway), which doubles the time.
            for piece in _mend_abbreviations(_mend_day_splits(_split(chunk))):
                raw = piece.strip()
                cleaned = clean(raw)
                if not cleaned or not any(ch.isalnum() for ch in cleaned):
                    continue
                sentences.append(Sentence(len(sentences), number, cleaned, raw, line))
    return sentences


_DAY_CUT = re.compile(r"(\d{1,2})\.\s+(?=\S)")


def _mend_day_splits(pieces: list[str]) -> list[str]:
    """pysbd takes "April 21. Chinatown burned" for a list item and cuts before "21."; a piece that
    ends in a word and a next one that opens with such a number are cut after the number instead."""
    mended = list(pieces)
    for i in range(len(mended) - 1):
        before, cut = mended[i].rstrip(), _DAY_CUT.match(mended[i + 1])
        if cut and before[-1:].isalpha():
            mended[i] = f"{before} {cut.group(1)}."
            mended[i + 1] = mended[i + 1][cut.end():]
    return mended


_ABBREVIATED_END = re.compile(r"(?<![\w.])(?:St|Ste|Mt|Ft|Pt)\.$")


def _mend_abbreviations(pieces: list[str]) -> list[str]:
    """pysbd cuts after the 'Ft.' of 'Ft. Mandan' (and after 'Ste.'): a piece that ends in an
    abbreviated place prefix goes on with the next one when that opens with a capital."""
    mended: list[str] = []
    for piece in pieces:
        if mended and piece[:1].isupper() and _ABBREVIATED_END.search(mended[-1].rstrip()):
            mended[-1] = f"{mended[-1].rstrip()} {piece}"
        else:
            mended.append(piece)
    return mended


def _split(chunk: str) -> list[str]:
    """pysbd's sentences of `chunk`, pysbd run only on the pieces that need it."""
    if _no_cuts(chunk) or _may_be_a_list(chunk):
        return list(_segmenter().processor(chunk).process())
    sentences: list[str] = []
    pieces = _pieces(chunk)
    carried = ""  # a piece ending in citation numbers that must go on with the next one
    for number, piece in enumerate(pieces):
        piece = carried + piece
        # pysbd keeps "Niš.[12]" whole only when it sees the next sentence, a capital after one space
        cited = number < len(pieces) - 1 and bool(_CITED_END.search(piece))
        carried = ""
        if _is_plain(piece, cited):
            notes = None if cited else _notes_at_end(piece)
            # at the end, pysbd makes the notes after the last period a sentence of their own
            sentences.extend([piece[: notes.end(1) + 1], notes.group(2)] if notes else [piece])
        elif cited:
            carried = piece
        else:
            sentences.extend(_segmenter().processor(piece).process())
    return sentences


def _no_cuts(chunk: str) -> bool:
    """True if `chunk` has something that makes pysbd look beyond a sentence (see _NO_CUTS)."""
    return chunk.startswith(("'", "‘")) or "--" in chunk or "\\" in chunk or any(p.search(chunk) for p in _NO_CUTS)


def _is_plain(piece: str, cited: bool) -> bool:
    """One sentence as it stands: no sentence mark but its last period (`cited`: citation numbers
    after it), and no opening quote or bracket where pysbd could end a sentence."""
    marks = _MARKS.findall(piece)
    if len(marks) > 1 or piece.startswith(_OPENERS) or _QUOTE_AFTER_DASH.search(piece):
        return False
    return not marks or cited or piece.rstrip().endswith(".") or bool(_notes_at_end(piece))


def _notes_at_end(piece: str) -> re.Match[str] | None:
    """Notes ([1], [citation needed]) after a plain word's period at the end of a paragraph."""
    if not piece.rstrip().endswith("]"):
        return None
    notes = _NOTES_AT_END.search(piece)
    if notes is None or notes.group(1).lower() in _ABBREVIATIONS:
        return None
    return notes if all(piece.count(a) == piece.count(b) for a, b in ("()", "[]")) else None


def _pieces(chunk: str) -> list[str]:
    """`chunk` cut at the places where pysbd is sure to end a sentence."""
    pieces, start, checked = [], 0, 0
    depth = dict.fromkeys(_PAIRS, 0)  # open brackets of each kind (and double quotes) so far
    for match in _CUT.finditer(chunk):
        word = match.group(1)
        if not (word.isdigit() and len(word) >= 3 and not match.group(2) or word.isalpha() and len(word) >= 2):
            continue
        if word.lower() in _ABBREVIATIONS:
            continue
        for ch in chunk[checked:match.start()]:
            if ch in _PAIRS:
                depth[ch] += 1
            elif ch in _CLOSING:
                depth[_CLOSING[ch]] -= 1
                if depth[_CLOSING[ch]] < 0:
                    return [chunk]  # a closing bracket without its opening: pysbd pairs them its own way
            elif ch == '"':
                depth['"'] ^= 1
        checked = match.start()
        if any(depth.values()):
            continue
        pieces.append(chunk[start:match.end()])
        start = match.end()
    pieces.append(chunk[start:])
    return pieces


def _may_be_a_list(chunk: str) -> bool:
    """Two list markers (1. 2., a) b), i. ii.): pysbd reads lists across the paragraph."""
    number, letter, first_letter = _LIST_MARKERS
    if not (number.search(chunk) or letter.search(chunk) or first_letter.match(chunk)
            or ")" in chunk and _LETTERS_MARKER.search(chunk)):
        return False
    if any(len(regex.findall(chunk)) >= 2 for regex in _LISTS):
        return True
    return any(sum(item in _LIST_ITEMS for item in regex.findall(chunk)) >= 2 for regex in _LETTER_LISTS)


def _chunks(line: str) -> list[str]:
    if len(line) <= _CHUNK:
        return [line]
    chunks, start = [], 0
    while len(line) - start > _CHUNK:
        cut = line.rfind(". ", start, start + _CHUNK)
        cut = start + _CHUNK if cut <= start else cut + 1
        chunks.append(line[start:cut])
        start = cut
    chunks.append(line[start:])
    return chunks
