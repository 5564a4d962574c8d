"""The store's one narrow proxy to a database engine, and the few SQL words that differ by engine.

Everything above `quiz/store` holds a `Database` and passes it to the store's functions (the
repositories: learners, banks, cards, reviews, classroom rows...). Those functions are written
once, in SQL both engines run: `?` placeholders (or `:name`), `ON CONFLICT`, `RETURNING`,
`IS NOT DISTINCT FROM`. What cannot be shared comes from `db.dialect`. Behind the proxy stand
`quiz.store.sqlite` (the embedded default) and `quiz.store.postgres` (a school's server).

`with db.write():` is the unit of work: one transaction that holds the write lock from its first
statement, so a read-then-write inside it never races another writer; it commits on leaving and
rolls back on an exception, raising `StoreError` when the machine refused the write.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any, Protocol

Params = Sequence[Any] | Mapping[str, Any]


class Rows(Protocol):
    """What a statement gives back: its rows (tuples) and how many rows it changed."""

    @property
    def rowcount(self) -> int: ...

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...

    def __iter__(self) -> Iterator[Any]: ...

    def close(self) -> None:
        """Let go of rows not read (SQLite reads lazily; an open statement holds a read lock)."""
        ...


@dataclass(frozen=True)
class Dialect:
    """SQL fragments that differ between engines, for the store's query builders."""

    name: str
    like: str  # case-insensitive LIKE for ASCII, as SQLite's LIKE
    greatest: str  # the two-argument maximum: SQLite's max(a, b), PostgreSQL's greatest(a, b)
    least: str

    def indexed_by(self, index: str | None) -> str:
        """SQLite's INDEXED BY hint (its planner needs it for the queue); nothing elsewhere."""
        return f" INDEXED BY {index}" if index and self.name == "sqlite" else ""

    def as_int(self, expression: str) -> str:
        """An expression truncated toward zero as an integer (PostgreSQL's cast rounds)."""
        if self.name == "sqlite":
            return f"CAST({expression} AS INTEGER)"
        return f"CAST(trunc({expression}) AS BIGINT)"

    def card_julianday(self, column: str) -> str:
        """A card's `last_review` or `due` (maybe after an alias) as a Julian day number: SQLite parses
        the text; PostgreSQL, where parsing costs more, reads the number it keeps beside it (`*_jd`)."""
        if self.name == "sqlite":
            return f"julianday({column})"
        return f"{column}_jd"

    def order_nocase(self, expression: str) -> str:
        if self.name == "sqlite":
            return f"{expression} COLLATE NOCASE"
        return f"lower({expression})"


SQLITE = Dialect("sqlite", like="LIKE", greatest="max", least="min")
POSTGRES = Dialect("postgresql", like="ILIKE", greatest="greatest", least="least")


class Database(Protocol):
    """An open database: statements, a unit of work, and the engine's few extra duties."""

    engine: str  # "sqlite" or "postgresql"
    location: str  # a file path or a URL without its password: for messages
    dialect: Dialect

    def execute(self, sql: str, params: Params = ()) -> Rows: ...

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> int:
        """Run one statement for each row; the number of rows changed."""
        ...

    def write(self) -> AbstractContextManager[Any]: ...

    @property
    def in_transaction(self) -> bool: ...

    def defer_foreign_keys(self) -> None:
        """Check foreign keys at commit, not per statement (inside a write)."""
        ...

    def pause_autocheckpoint(self) -> None: ...

    def checkpoint(self, *, truncate: bool = False) -> None: ...

    def close(self) -> None: ...
