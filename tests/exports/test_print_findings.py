"""Issue 19, items 1, 2 and 9: a printed question is never cut by a page end; every version of a
paper is a whole handout (title, Name/Class/Date) on the page size asked for (`--paper`); Markdown
shows bank text as written in CommonMark and in MkDocs alike.

The PDF is read back page by page with pypdf; the HTML is printed by Chromium itself (Debian's,
as a browser prints it: `--print-to-pdf`, which honours CSS `@page`) and read back the same way;
the Markdown is rendered by markdown-it (CommonMark) and Python-Markdown (what MkDocs uses; it
comes with pygiftparser, a test dependency).
"""

from __future__ import annotations

import io
import os
import re
import subprocess
from pathlib import Path

import markdown as python_markdown
import pytest
from markdown_it import MarkdownIt
from pypdf import PageObject, PdfReader

from question_bank.questions import Question
from quiz.exports import ExportSet
from quiz.exports.model import PageSize
from quiz.exports.printed import BLANK, choices, key_entry
from quiz.exports.registry import export_format
from tests.exports.support import TextOf, hostile_set

CHROMIUM = Path("/usr/bin/chromium")
A4 = (595.3, 841.9)  # points; Chromium writes 594.96 x 841.92
LETTER = (612.0, 792.0)


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _pages(data: bytes) -> list[PageObject]:
    return [page for page in PdfReader(io.BytesIO(data)).pages]


def _page_texts(data: bytes) -> list[str]:
    return [_flat(page.extract_text()) for page in _pages(data)]


def _block(number: int, q: Question) -> str:
    """A question as printed: number and stem, then its options or the line to write on."""
    rest = [f"{letter}) {option}" for letter, option in choices(q)] or [f"Answer: {BLANK}"]
    return _flat(" ".join([f"{number}. {q.prompt}", *rest]))


def _size(page: PageObject) -> tuple[float, float]:
    return float(page.mediabox.width), float(page.mediabox.height)


def _is(size: tuple[float, float], expected: tuple[float, float]) -> bool:
    return all(abs(a - b) < 1.0 for a, b in zip(size, expected, strict=True))


def test_pdf_keeps_every_question_whole_on_one_page(builtin_set: ExportSet) -> None:
    """157 questions of varied length in two versions: dozens of page ends to land on (25 of them
    cut a question before). Each key entry stays whole too."""
    export = ExportSet(builtin_set.title, builtin_set.bank, "7/b", builtin_set.source,
                       (builtin_set.questions, tuple(reversed(builtin_set.questions))), key=True)
    pages = _page_texts(export_format("pdf").render(export))
    assert len(pages) > 10
    for v, version in enumerate(export.versions):
        keys = [i for i, text in enumerate(pages) if f"Answer key, version {'AB'[v]}" in text][0]
        for number, q in enumerate(version, start=1):
            block = _block(number, q)
            assert any(block in text for text in pages), f"version {'AB'[v]} question {number} is cut: {block[:60]}"
            entry = _flat(f"{number}. {key_entry(q)}")
            assert any(entry in text for text in pages[keys:]), f"key {'AB'[v]} entry {number} is cut: {entry}"


def test_pdf_a_question_taller_than_a_page_runs_on_and_the_next_starts_whole() -> None:
    """A question taller than a page still prints (across pages, as it must), and what follows it
    starts whole on the next page."""
    tall = hostile_set().questions[1]
    long_prompt = " ".join(["A very long question stem that goes on and on."] * 160)
    huge = Question(tall.fact_id, tall.kind, tall.mode, tall.wording_id, long_prompt, tall.answer, tall.accepted,
                    (), "", "", "")
    small = hostile_set().questions[0]
    export = ExportSet("Tall", "b", None, "", ((huge, small),))
    pages = _page_texts(export_format("pdf").render(export))
    assert len(pages) >= 3
    whole = _flat(" ".join(pages))
    assert _block(1, huge) in _flat(re.sub(r"Tall · \d+", "", whole))
    assert any(_block(2, small) in text for text in pages)


def test_pdf_page_size_is_a4_unless_letter_is_asked() -> None:
    a4 = _pages(export_format("pdf").render(hostile_set(versions=2)))
    letter = _pages(export_format("pdf").render(hostile_set(versions=2).on_paper("letter")))
    assert all(_is(_size(p), A4) for p in a4)
    assert all(_is(_size(p), LETTER) for p in letter)


def _handouts_in(text: str, title: str) -> list[str]:
    """The text from each title heading to the next: one handout each."""
    return [title + part for part in text.split(title)[1:]]


def _check_handouts(text: str, export: ExportSet, name: str) -> None:
    title = export.title
    handouts = [h for h in _handouts_in(text, title) if "Version " in h]
    assert len(handouts) == len(export.versions), name
    for letter, handout in zip("ABC", handouts, strict=False):
        assert f"Version {letter}" in handout, name
        for label in ("Name:", "Class: 7/b Ниш", "Date:"):
            assert label in handout, f"{name}: version {letter} has no {label!r}"


def test_markdown_every_version_is_a_whole_handout() -> None:
    export = hostile_set(versions=3, key=True)
    source = export_format("markdown").render(export).decode("utf-8")
    for name, html in (("commonmark", MarkdownIt("commonmark").render(source)),
                       ("python-markdown", python_markdown.markdown(source, extensions=["toc", "tables"]))):
        text = TextOf.of(html)
        _check_handouts(text, export, name)
        assert html.count("<h1") == 3, name
        assert text.count("Answer key, version") == 3, name


def test_html_every_version_is_a_whole_handout() -> None:
    export = hostile_set(versions=3, key=True)
    _check_handouts(TextOf.of(export_format("html").render(export).decode("utf-8")), export, "html")


def _chromium_or_skip() -> None:
    if CHROMIUM.exists():
        return
    if os.environ.get("CI"):
        pytest.fail(f"{CHROMIUM} is missing: .ci/run installs Debian's chromium before the tests")
    pytest.skip(f"no {CHROMIUM} (apt-get install chromium fonts-dejavu-core)")


def _printed_by_chromium(export: ExportSet, folder: Path) -> list[PageObject]:
    page = folder / "paper.html"
    page.write_bytes(export_format("html").render(export))
    return _printed_by_chromium_file(page, folder)


def _printed_by_chromium_file(page: Path, folder: Path) -> list[PageObject]:
    """What a teacher gets from the browser's Print: Chromium's own print to PDF, default settings."""
    out = folder / "printed.pdf"
    subprocess.run([str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", f"--user-data-dir={folder / 'p'}",
                    "--no-pdf-header-footer", f"--print-to-pdf={out}", page.as_uri()],
                   check=True, capture_output=True, timeout=120)
    return _pages(out.read_bytes())


@pytest.mark.parametrize(("paper", "expected"), [(None, A4), ("letter", LETTER)])
def test_html_printed_by_chromium_on_the_asked_page_each_version_from_its_header(
    paper: str | None, expected: tuple[float, float], tmp_path: Path
) -> None:
    _chromium_or_skip()
    export = hostile_set(versions=3)
    if paper:
        export = export.on_paper(paper)
    assert export.page_size is (PageSize(paper) if paper else PageSize.A4)
    pages = _printed_by_chromium(export, tmp_path)
    assert all(_is(_size(p), expected) for p in pages), [_size(p) for p in pages]
    texts = [_flat(p.extract_text()) for p in pages]
    starts = [t for t in texts if re.search(r"Version [ABC]", t)]
    assert len(starts) == 3
    for letter, text in zip("ABC", starts, strict=True):
        assert text.startswith(_flat(export.title)), text[:80]
        head = text.split(f"Version {letter}")[0]
        assert "Name:" in head and "Class: 7/b Ниш" in head and "Date:" in head, head


# Item 9: Markdown that MkDocs (Python-Markdown, its default extensions) and CommonMark both show
# as written: no stray backslash, nothing taken as markup, every question in its list item.

MKDOCS_EXTENSIONS = ["toc", "tables", "fenced_code"]
TRICKY = (
    "The Red Army's advance (1944): \"Belgrade\" = 1.5 km! Why? 50% a->b, x = y; a:b",
    "- a dash\n+ a plus\n> a quote\n=== under\n1944. a year\n1) a paren\n# a hash\n---\n~~~\n| a | b |\n|---|---|",
    "Entities &copy; &#169; &amp; and <http://example.org> <b>bold</b> *[HTML]: abbr [^1] {: .class} `code`",
    "Back\\slash at the end \\\nand *stars* _under_ __strong__ ~~struck~~ ~sub~ !!! note",
)


def _tricky_set(count: int = 4) -> ExportSet:
    base = hostile_set().questions
    questions = []
    for i in range(count):
        prompt = TRICKY[i % len(TRICKY)]
        mc, typed = base
        if i % 2:
            questions.append(Question(f"f{i}", typed.kind, typed.mode, typed.wording_id, prompt, "The Red Army's",
                                      ("The Red Army's",), (), "", "", ""))
        else:
            options = (TRICKY[(i + 1) % len(TRICKY)], "Option 'one'", "1944. line\n- two", mc.answer)
            questions.append(Question(f"f{i}", mc.kind, mc.mode, mc.wording_id, prompt, mc.answer, (mc.answer,),
                                      options, "", "", ""))
    return ExportSet("Kraljevo's <1944> #1 *test*", "b", "7/b Ниш", "", (tuple(questions),), key=True)


def _renderings(source: str) -> dict[str, str]:
    return {"commonmark": MarkdownIt("commonmark").render(source),
            "python-markdown (mkdocs)": python_markdown.markdown(source, extensions=MKDOCS_EXTENSIONS)}


def _lines_of(text: str) -> str:
    return "\n".join(line.strip() for line in text.split("\n") if line.strip())


def test_markdown_shows_bank_text_as_written_in_commonmark_and_python_markdown() -> None:
    export = _tricky_set()
    source = export_format("markdown").render(export).decode("utf-8")
    written = [export.title, *(q.prompt for q in export.questions),
               *(o for q in export.questions for o in q.options)]
    backslashes = sum(text.count("\\") for text in written)
    for name, html in _renderings(source).items():
        shown = TextOf.of(html)
        for text in written:
            assert _lines_of(text) in shown, f"{name}: {text!r} not shown as written"
        assert "Red Army\\'s" not in shown and "Army's" in shown, name
        # every backslash shown is one of the bank's: prompts, options and the key's repeat
        key_part = shown.split("Answer key")[1]
        assert shown.count("\\") - key_part.count("\\") == backslashes, name
        for tag in ("<blockquote", "<table", "<pre", "<code", "<em", "<h3", "<sup", "<abbr", "<del", "<a "):
            assert tag not in html, f"{name}: bank text became {tag}>"
        assert html.count("<strong>") == 3 and html.count("<h1") == 1 and html.count("<h2") == 2, name
        assert html.count("<hr") == 0, name


def test_markdown_keeps_options_in_their_question_past_ninety_nine() -> None:
    export = _tricky_set(count=104)
    source = export_format("markdown").render(export).decode("utf-8")
    for name, html in _renderings(source).items():
        questions, key = html.split("Answer key")
        assert questions.count("<ol") == 1, f"{name}: the list of questions broke in two"
        assert questions.count("<ul>") == 52, name  # one list of options for each multiple-choice question
        assert key.count("<ol") == 1, name


def test_markdown_blank_lines_to_write_on_stay_lines() -> None:
    source = export_format("markdown").render(hostile_set()).decode("utf-8")
    for name, html in _renderings(source).items():
        shown = TextOf.of(html)
        assert f"Name: {BLANK}" in shown and f"Date: {BLANK}" in shown, name
        assert f"Answer: {BLANK}" in shown, name


def test_cli_paper_letter_for_pdf_and_html_refused_where_there_is_no_page(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from quiz.cli import main

    def run(*args: str):  # type: ignore[no-untyped-def]
        return CliRunner().invoke(main, ["--db", str(tmp_path / "quiz.db"), "bank", "export", "belgrade-offensive",
                                         "--kind", "date", *args])

    pdf = tmp_path / "letter.pdf"
    assert run("-f", "pdf", "--paper", "letter", "-o", str(pdf)).exit_code == 0
    assert all(_is(_size(p), LETTER) for p in _pages(pdf.read_bytes()))
    default = tmp_path / "a4.pdf"
    assert run("-f", "pdf", "-o", str(default)).exit_code == 0
    assert all(_is(_size(p), A4) for p in _pages(default.read_bytes()))
    for fmt in ("markdown", "gift"):
        out = tmp_path / f"x.{fmt}"
        result = run("-f", fmt, "--paper", "letter", "-o", str(out))
        assert result.exit_code == 2 and not out.exists()
        assert result.output == f"quiz: --paper is for the formats with pages (html, pdf), not {fmt}\n"
    assert run("-f", "pdf", "--paper", "legal", "-o", str(pdf)).exit_code == 2
    page = tmp_path / "letter.html"
    assert run("-f", "html", "--paper", "letter", "-o", str(page)).exit_code == 0
    _chromium_or_skip()
    printed = _printed_by_chromium_file(page, tmp_path)
    assert all(_is(_size(p), LETTER) for p in printed)
