"""Articles as people have them: Markdown, a saved web page and a PDF read into the lines extract
reads (headings kept, markup, menus and code gone); what cannot be read gets one line."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from fpdf import FPDF

from question_bank.banks.loader import load_bank_file
from question_bank.extract import ArticleError, extract_article, read_article
from quiz.cli import main

HERE = Path(__file__).parent


def lines(text: str) -> list[str]:
    return [line for line in text.split("\n") if line.strip()]


def test_markdown_keeps_headings_and_text_and_drops_code() -> None:
    assert lines(read_article(HERE / "notes.md")) == [
        "Battle of Zaječar", "Background",
        "On 7 October 1944 the 64th Rifle Corps took Zaječar. It held the town for a day.",
        "The 75th Rifle Corps crossed the Timok.", "Knjaževac fell on 13 October 1944.",
    ]


def test_a_saved_web_page_gives_the_article_only() -> None:
    assert lines(read_article(HERE / "saved_page.html")) == [
        "Battle of Zaječar", "Date: 7–8 October 1944", "Location: Zaječar, Serbia", "Background",
        "On 7 October 1944 the 64th Rifle Corps took Zaječar. The town was held by the Germans & their allies.",
        "It fell after a day.", "The 75th Rifle Corps crossed the Timok.", "Knjaževac fell on 13 October 1944.",
        "References",
    ]


def test_a_saved_web_page_drafts_a_bank(tmp_path: Path) -> None:
    out = tmp_path / "draft.toml"
    result = CliRunner().invoke(main, ["bank", "extract", str(HERE / "saved_page.html"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    bank = load_bank_file(out)
    assert bank.name == "battle-of-zajecar"
    assert "1944-10-07" in {f.date.iso() for f in bank.facts}


def write_pdf(path: Path, paragraphs: list[str], heading: str = "") -> None:
    pdf = FPDF()
    pdf.add_page()
    pdf.add_font("DejaVu", fname="/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    pdf.set_font("DejaVu", size=11)
    if heading:
        pdf.cell(0, 10, heading, new_x="LMARGIN", new_y="NEXT")
    for paragraph in paragraphs:
        pdf.multi_cell(0, 6, paragraph, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)
    pdf.output(str(path))


LONG = ("On 7 October 1944 the 64th Rifle Corps took Zaječar after a day of fighting in the streets of the "
        "town and on the hills around it, while the 75th Rifle Corps crossed the Timok further south.")


def test_a_pdfs_lines_are_joined_back_into_paragraphs(tmp_path: Path) -> None:
    path = tmp_path / "article.pdf"
    write_pdf(path, [LONG, "Knjaževac fell on 13 October 1944."], heading="Battle of Zaječar")
    text = read_article(path)
    assert lines(text) == ["Battle of Zaječar", LONG, "Knjaževac fell on 13 October 1944."]
    found = extract_article(text)
    assert found.title == "Battle of Zaječar"
    assert [s.sentence.text for s in found.sentences][1:] == [LONG, "Knjaževac fell on 13 October 1944."]


def test_a_pdf_without_text_is_a_scan(tmp_path: Path) -> None:
    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 50, style="F")
    path = tmp_path / "scan.pdf"
    pdf.output(str(path))
    with pytest.raises(ArticleError, match=r"scan\.pdf:0: file: has no text layer \(a scanned PDF\?\)"):
        read_article(path)


def docx(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    return path


@pytest.mark.parametrize(("name", "raw", "reason"), [
    ("broken.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\ntrailer garbage", "is not a readable PDF"),
    ("notes.docx", None, "is a Word document; extract reads .txt, .md, .html, .htm, .pdf"),
    ("menu.html", b"<html><body><nav><a href='/'>Home</a></nav><script>x()</script></body></html>",
     "has no article text"),
    ("code.md", b"```\nprint(1)\n```\n", "has no text outside code blocks"),
])
def test_what_cannot_be_read_is_one_line_and_exit_2(tmp_path: Path, name: str, raw: bytes | None, reason: str) -> None:
    path = tmp_path / name
    if raw is None:
        docx(path)
    else:
        path.write_bytes(raw)
    result = CliRunner().invoke(main, ["bank", "extract", str(path), "-o", str(tmp_path / "out.toml")])
    assert result.exit_code == 2
    assert f"{path}:" in result.output and reason in result.output
    assert len(result.output.strip().splitlines()) == 1 and "Traceback" not in result.output
    assert not (tmp_path / "out.toml").exists()


def test_progress_is_told_the_sentences_read() -> None:
    calls: list[tuple[int, int]] = []
    text = "\n".join(f"In 1944 the {n}th Rifle Corps took Zaječar." for n in range(10, 260))
    extract_article(text, progress=lambda done, total: calls.append((done, total)))
    assert calls[0] == (0, 250) and calls[-1] == (250, 250)
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)


class Terminal:
    """A stderr that is a terminal, for the bar."""

    def __init__(self) -> None:
        self.written: list[str] = []

    def isatty(self) -> bool:
        return True

    def write(self, text: str) -> int:
        self.written.append(text)
        return len(text)

    def flush(self) -> None:
        pass


def test_the_bar_shows_on_a_terminal_for_a_large_article_only(tmp_path: Path) -> None:
    from quiz.cli.bank_extract import LARGE_ARTICLE_BYTES, progress_bar

    small, large = tmp_path / "small.txt", tmp_path / "large.txt"
    small.write_text("In 1944 the 64th Rifle Corps took Zaječar.\n", encoding="utf-8")
    large.write_text("In 1944 the 64th Rifle Corps took Zaječar.\n" * (LARGE_ARTICLE_BYTES // 40), encoding="utf-8")
    with progress_bar(small, Terminal()) as progress:
        assert progress is None
    with progress_bar(large) as progress:  # pytest's stderr is no terminal
        assert progress is None
    terminal = Terminal()
    with progress_bar(large, terminal) as progress:
        assert progress is not None
        progress(50, 100)
    assert "Reading sentences" in "".join(terminal.written)


def test_a_saved_page_may_be_large_when_its_text_is_not(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    picture = "A" * (6 * 1024 * 1024)
    path.write_text(f"<html><body><img src='data:image/png;base64,{picture}'><p>{LONG}</p></body></html>",
                    encoding="utf-8")
    assert lines(read_article(path)) == [LONG]
    text = tmp_path / "page.txt"
    text.write_bytes(path.read_bytes())
    with pytest.raises(ArticleError, match="at most 5 MB"):
        read_article(text)
