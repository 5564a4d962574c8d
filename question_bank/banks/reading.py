"""Reading a bank file's bytes: its format, its text (UTF-8, any BOM and CRLF dropped), and where
each TOML table and key starts, for problems that name a line."""

from __future__ import annotations

import re
import stat
from pathlib import Path

from question_bank.banks.problems import BankError, Problem

FORMATS = ("toml", "csv", "xlsx")
MAX_BANK_BYTES = 20 * 1024 * 1024  # far above any real bank; a link to /dev/zero stops here
MAX_NESTING = 100  # TOML arrays and inline tables inside one another


def read_bank_bytes(path: Path, limit: int = MAX_BANK_BYTES) -> bytes:
    """The file's bytes, reading at most `limit` + 1 of them: a bigger file is a problem."""
    try:
        if stat.S_ISFIFO(path.stat().st_mode) or stat.S_ISSOCK(path.stat().st_mode):
            raise BankError([Problem(str(path), 0, "file", "is not a regular file")])
        with path.open("rb") as file:
            raw = file.read(limit + 1)
    except OSError as error:
        raise BankError([Problem(str(path), 0, "file", error.strerror or str(error))]) from None
    if len(raw) > limit:
        raise BankError([Problem(str(path), 0, "file", f"is larger than {_size(limit)}; split it into smaller banks")])
    return raw


def _size(count: int) -> str:
    return f"{count / 1024 / 1024:g} MB" if count >= 1024 * 1024 else f"{count} bytes"


def format_of(path: str | Path) -> str:
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise BankError(
            [Problem(str(path), 0, "file", f"unknown format '.{suffix}' (use .toml, .csv or .xlsx)")]
        )
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


_TOML_TOKEN = re.compile(
    r'"""(?:\\.|[^\\])*?"""|\'\'\'.*?\'\'\'|"(?:\\.|[^"\\\n])*"|\'[^\'\n]*\'|#[^\n]*|[\[\]{}\n]',
    re.DOTALL,
)


def deepest_line(text: str, limit: int = MAX_NESTING) -> int:
    """The line where TOML brackets first nest more than `limit` deep (1 if they never do)."""
    depth, line = 0, 1
    for token in _TOML_TOKEN.finditer(text):
        found = token.group()
        if found == "\n":
            line += 1
        elif found in "[{":
            depth += 1
            if depth > limit:
                return line
        elif found in "]}":
            depth = max(depth - 1, 0)
        else:
            line += found.count("\n")
    return 1


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


