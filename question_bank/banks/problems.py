"""Problems found in a bank file, each reported as one line `FILE:LINE: FIELD: reason`."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Control characters (and newlines) in a problem would break its one line or reach the terminal raw.
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_NAMED = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}


def printable(text: str) -> str:
    """`text` with every control character written as an escape (`\\n`, `\\x1b`)."""
    return _UNPRINTABLE.sub(lambda m: _NAMED.get(m.group(), f"\\x{ord(m.group()):02x}"), text)


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    field: str
    reason: str

    def __str__(self) -> str:
        return printable(f"{self.file}:{self.line}: {self.field}: {self.reason}")


class BankError(Exception):
    """A bank file could not be loaded; `problems` lists every reason, in file order."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=lambda p: (p.line, p.field))
        super().__init__("\n".join(str(p) for p in self.problems))
