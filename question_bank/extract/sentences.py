"""Sentences of an article, split by pysbd (a rule-based splitter), with citation markers removed."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pysbd

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
_SPACES = re.compile(r"[ \t\u00a0\u2009\u202f]+")
# pysbd slows down on very long runs of text: a paragraph is cut at a sentence end near this size.
_CHUNK = 8000


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
    text = CITATION.sub("", without_controls(text))
    return _SPACES.sub(" ", text).strip()


def without_controls(text: str) -> str:
    """`text` with terminal escape sequences dropped whole and other control characters (newline and
    tab too) made spaces."""
    return _CONTROL.sub(" ", _ESCAPE.sub("", text))


def split_sentences(text: str) -> list[Sentence]:
    """Every sentence of `text`, paragraph by paragraph (a line is a paragraph)."""
    sentences: list[Sentence] = []
    for number, line in enumerate(p for p in text.split("\n") if p.strip()):
        line = line.strip()
        for chunk in _chunks(line):
            # The splitter's own sentences; `segment()` would then find each one again in the text with
            # a regex of its own (to keep trailing spaces we strip anyway), which doubles the time.
            for piece in _segmenter().processor(chunk).process():
                raw = piece.strip()
                cleaned = clean(raw)
                if not cleaned or not any(ch.isalnum() for ch in cleaned):
                    continue
                sentences.append(Sentence(len(sentences), number, cleaned, raw, line))
    return sentences


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
