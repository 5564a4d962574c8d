"""How the extractor tells a front end how far it is, so the domain code never prints."""

from __future__ import annotations

from typing import Protocol


class Progress(Protocol):
    """Called now and then with the sentences read so far and their number."""

    def __call__(self, done: int, total: int) -> None: ...
