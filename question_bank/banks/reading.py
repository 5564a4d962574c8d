"""Reading a bank file's bytes: its format, its text (UTF-8, any BOM and CRLF dropped), and where
each TOML table and key starts, for problems that name a line."""

from __future__ import annotations

import re
from pathlib import Path

from question_bank.banks.problems import BankError, Problem

FORMATS = ("toml", "csv")


def read_bank_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise BankError([Problem(str(path), 0, "file", error.strerror or str(error))]) from None


def format_of(path: str | Path) -> str:
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise BankError([Problem(str(path), 0, "file", f"unknown format '.{suffix}' (use .toml or .csv)")])
    return suffix


def decode(raw: bytes, filename: str) -> str:
    """UTF-8 text with any BOM dropped and CRLF/CR turned into LF."""
    if not raw.strip():
        raise BankError([Problem(filename, 1, "file", "is empty")])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        byte = raw[error.start]
        raise BankError(
            [Problem(filename, line, "file", f"not UTF-8 (byte 0x{byte:02x}); save the file as UTF-8")]
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


_HEADER = re.compile(r"^\s*\[\[?\s*([A-Za-z_][\w.-]*)\s*\]\]?")
_KEY = re.compile(r"^\s*([A-Za-z_][\w-]*)\s*=")


def toml_line_map(text: str) -> dict[tuple[str, int], dict[str, int]]:
    """Where each table and key starts: {(table, index): {"": header line, key: line}}."""
    lines: dict[tuple[str, int], dict[str, int]] = {}
    counts: dict[str, int] = {}
    current: dict[str, int] = lines.setdefault(("", 0), {"": 1})
    in_string = False
    for number, line in enumerate(text.split("\n"), start=1):
        if in_string:
            in_string = line.count('"""') % 2 == 0 and line.count("'''") % 2 == 0
            continue
        header = _HEADER.match(line)
        if header:
            table = header.group(1)
            index = counts.get(table, 0)
            counts[table] = index + 1
            current = lines.setdefault((table, index), {"": number})
            continue
        key = _KEY.match(line)
        if key:
            current.setdefault(key.group(1), number)
        if line.count('"""') % 2 == 1 or line.count("'''") % 2 == 1:
            in_string = True
    return lines


class LazyLineMap:
    """`toml_line_map(text)`, worked out only when a problem needs a line number: a bank without
    problems (every built-in one, at each start of the app) never pays for it."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines: dict[tuple[str, int], dict[str, int]] | None = None

    def get(self, key: tuple[str, int], default: dict[str, int]) -> dict[str, int]:
        if self.lines is None:
            self.lines = toml_line_map(self.text)
        return self.lines.get(key, default)


