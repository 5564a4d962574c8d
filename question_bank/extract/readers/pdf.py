"""A PDF's text layer with pypdf (pure Python), its printed lines joined back into paragraphs."""

from __future__ import annotations

import io
import re

from pypdf import PdfReader
from pypdf.errors import PdfReadError, PyPdfError

_SPACE = re.compile(r"\s+")
_END = re.compile(r"[.!?][\"'”’)\]]*$")


class PdfProblem(ValueError):
    """Why a PDF gives no text, in a few words."""


def pdf_text(raw: bytes) -> str:
    """The text of every page, a line a paragraph; raises PdfProblem."""
    try:
        reader = PdfReader(io.BytesIO(raw))
        if reader.is_encrypted and not reader.decrypt(""):
            raise PdfProblem("is password-protected; save it without a password")
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, PyPdfError, ValueError, KeyError, TypeError) as error:
        if isinstance(error, PdfProblem):
            raise
        raise PdfProblem(f"is not a readable PDF ({_SPACE.sub(' ', str(error)).strip() or type(error).__name__})") from None
    text = "\n".join(_paragraphs(page) for page in pages)
    if not text.strip():
        raise PdfProblem("has no text layer (a scanned PDF?)")
    return text + "\n"


def _paragraphs(page: str) -> str:
    """Printed lines joined: a line ends its paragraph when a blank line follows, when it is short
    (a heading, a paragraph's last line), or when it ends a sentence and the next line opens one."""
    lines = [line.strip() for line in page.split("\n")]
    width = max((len(line) for line in lines), default=0)
    out: list[str] = []
    current = ""
    for line, following in zip(lines, [*lines[1:], ""], strict=True):
        if not line:
            if current:
                out.append(current)
            current = ""
            continue
        if current.endswith("-") and line[:1].islower():
            current = current[:-1] + line
        else:
            current = f"{current} {line}".strip()
        if len(line) < 0.8 * width or (_END.search(line) and following[:1].isupper()):
            out.append(current)
            current = ""
    if current:
        out.append(current)
    return "\n".join(out)
