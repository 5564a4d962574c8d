"""Reading an article file, or one clear reason why not: plain UTF-8 text (a BOM and CRLF accepted,
.txt or any other name), Markdown (.md), a saved web page (.html, .htm) or a PDF's text (.pdf)."""

from __future__ import annotations

from pathlib import Path

MAX_ARTICLE_BYTES = 5 * 1024 * 1024
# A saved page or a PDF carries markup, fonts and pictures beside its text: the file may be larger,
# the text it gives may not.
MAX_DOCUMENT_BYTES = 50 * 1024 * 1024
_DOCUMENTS = (".pdf", ".html", ".htm")
FORMATS = ".txt, .md, .html, .htm, .pdf"
# Documents extract cannot read, with what to do instead.
_OTHER_DOCUMENTS = {
    ".docx": "a Word document", ".doc": "a Word document", ".odt": "an OpenDocument text", ".rtf": "an RTF document",
    ".epub": "an e-book", ".pages": "a Pages document",
}


class ArticleError(ValueError):
    """The article cannot be read; the message is one line `FILE:LINE: file: reason`."""

    def __init__(self, filename: str, line: int, reason: str):
        self.filename, self.line, self.reason = filename, line, reason
        super().__init__(f"{filename}:{line}: file: {reason}")


def read_article(path: str | Path) -> str:
    """The text of an article file, with any BOM dropped and line ends as LF."""
    path = Path(path)
    try:
        size = path.stat().st_size
        limit = MAX_DOCUMENT_BYTES if path.suffix.lower() in _DOCUMENTS else MAX_ARTICLE_BYTES
        if size > limit:
            raise ArticleError(str(path), 0, f"is {size / 1024 / 1024:.1f} MB; an article may be at most {limit >> 20} MB")
        raw = path.read_bytes()
    except OSError as error:
        raise ArticleError(str(path), 0, error.strerror or str(error)) from None
    return article_text(raw, str(path))


def article_text(raw: bytes, filename: str) -> str:
    """The text of an article file's bytes, read by its extension; raises ArticleError."""
    text = _text_of(raw, filename)
    size = len(text.encode("utf-8"))
    if size > MAX_ARTICLE_BYTES:
        raise ArticleError(filename, 0, f"gives {size / 1024 / 1024:.1f} MB of text; an article may be at most 5 MB")
    return text


def _text_of(raw: bytes, filename: str) -> str:
    suffix = Path(filename).suffix.lower()
    if suffix in _OTHER_DOCUMENTS:
        raise ArticleError(filename, 0, f"is {_OTHER_DOCUMENTS[suffix]}; extract reads {FORMATS} (save it as one)")
    if suffix == ".pdf":
        from question_bank.extract.readers.pdf import PdfProblem, pdf_text

        try:
            return pdf_text(raw)
        except PdfProblem as problem:
            raise ArticleError(filename, 0, str(problem)) from None
    if suffix in (".html", ".htm"):
        from question_bank.extract.readers.html import html_text

        if b"\x00" in raw:
            decode_article(raw, filename)  # the binary file's one line
        text = html_text(raw)
        if not text.strip():
            raise ArticleError(filename, 1, "has no article text (only scripts, menus or links?)")
        return text
    text = decode_article(raw, filename)
    if suffix in (".md", ".markdown"):
        from question_bank.extract.readers.markdown import markdown_text

        text = markdown_text(text)
        if not text.strip():
            raise ArticleError(filename, 1, "has no text outside code blocks")
    return text


def decode_article(raw: bytes, filename: str) -> str:
    """Check the bytes are text and decode them; raises ArticleError."""
    if len(raw) > MAX_ARTICLE_BYTES:
        raise ArticleError(filename, 0, f"is {len(raw) / 1024 / 1024:.1f} MB; an article may be at most 5 MB")
    nul = raw.find(b"\x00")
    if nul >= 0:
        line = raw[:nul].count(b"\n") + 1
        raise ArticleError(filename, line, "is a binary file, not plain text (save the article as .txt)")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise ArticleError(
            filename, line, f"is not UTF-8 (byte 0x{raw[error.start]:02x}); save the article as UTF-8"
        ) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise ArticleError(filename, 1, "is empty")
    return text
