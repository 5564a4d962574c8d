"""An article file that is not plain UTF-8 text gets one clear line; a BOM and CRLF are fine."""

from __future__ import annotations

from pathlib import Path

import pytest

from question_bank.extract import MAX_ARTICLE_BYTES, ArticleError, extract_article, read_article


@pytest.mark.parametrize(("raw", "reason"), [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "is a binary file"),
    (b"", "is empty"),
    (b"  \n\r\n\t", "is empty"),
    ("Zaječar fell.\nNiš".encode("cp1250"), "is not UTF-8 (byte 0xe8)"),
])
def test_bad_articles(tmp_path: Path, raw: bytes, reason: str) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(raw)
    with pytest.raises(ArticleError) as caught:
        read_article(path)
    message = str(caught.value)
    assert message.startswith(f"{path}:") and reason in message and "\n" not in message


def test_a_file_over_5_mb(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"The corps advanced. " * (MAX_ARTICLE_BYTES // 20 + 1))
    with pytest.raises(ArticleError, match="at most 5 MB"):
        read_article(path)


def test_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ArticleError, match="No such file"):
        read_article(tmp_path / "gone.txt")


def test_bom_and_crlf_read_as_plain_text(tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes("\ufeffOn 7 October 1944 the 64th Rifle Corps took Zaječar.\r\nIt held.\r\n".encode())
    text = read_article(path)
    assert text == "On 7 October 1944 the 64th Rifle Corps took Zaječar.\nIt held.\n"
    found = extract_article(text)
    assert [s.sentence.text for s in found.sentences] == [
        "On 7 October 1944 the 64th Rifle Corps took Zaječar.", "It held.",
    ]
