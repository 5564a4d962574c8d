"""Words and numbers as the commands print them."""

from __future__ import annotations


def counted(n: int, word: str, width: int = 0) -> str:
    """'1 student', '2 students' (the number right-aligned in `width`)."""
    return f"{n:>{width}} {word}{'' if n == 1 else 's'}"
