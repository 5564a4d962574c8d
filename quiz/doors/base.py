"""What every door shares: where the database is, the clock, and a connection opened on first use."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from typing import Any, Self, TypeVar

from quiz.clock import Clock, utc_now
from quiz.locations import db_location
from quiz.store import Database
from quiz.store.health import ping
from quiz.store.opening import open_db

T = TypeVar("T")


class Door:
    """A database location and a clock; the connection opens on first use, on the thread using it."""

    def __init__(self, db_path: Path | str, *, clock: Clock | None = None, create_folder: bool = True) -> None:
        self.db_path = db_location(db_path)
        self.clock: Clock = clock or utc_now
        self.create_folder = create_folder
        self._db: Database | None = None

    @property
    def db(self) -> Database:
        """The connection, opened (and the schema brought up to date) on first use."""
        if self._db is None:
            self._db = open_db(self.db_path, create_folder=self.create_folder)
        return self._db

    def open(self) -> Self:
        """Open the database now, so a bad path or a newer file is reported before anything else."""
        self.db  # noqa: B018 - opening is the point
        return self

    def ping(self) -> None:
        """One cheap query, for a health check: raises `StoreError` when the database does not
        answer, and then drops the connection so that the next ping opens a fresh one."""
        try:
            ping(self.db)
        except BaseException:
            self.close()
            raise

    def kept(self, name: str, make: Callable[[Database], T], *also: object) -> T:
        """The service `name` on this door's connection: made by `make(db)` once, and again only when
        the connection (or any of `also`, such as whose door it is) has changed since."""
        db = self.db
        kept: dict[str, tuple[Database, tuple, Any]] = self.__dict__.setdefault("_kept", {})
        found = kept.get(name)
        if found is None or found[0] is not db or found[1] != also:
            found = kept[name] = (db, also, make(db))
        service: T = found[2]
        return service

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None


def lazy_attributes(module: str, table: dict[str, tuple[str, str]]) -> Callable[[str], Any]:
    """A module's `__getattr__` that imports each name of `table` (name -> (module, attribute))
    when first asked for: a door re-exports value types without loading their features."""

    def __getattr__(name: str) -> Any:
        if name in table:
            source, attribute = table[name]
            return getattr(importlib.import_module(source), attribute)
        raise AttributeError(f"module {module!r} has no attribute {name!r}")

    return __getattr__
