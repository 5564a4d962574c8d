"""Where a database is: a SQLite file path, or a PostgreSQL server's `postgresql://` URL."""

from __future__ import annotations

from pathlib import Path

URL_SCHEMES = ("postgresql://", "postgres://")


def is_url(location: str | Path) -> bool:
    """Whether a `--db` value names a PostgreSQL server rather than a SQLite file."""
    return isinstance(location, str) and location.startswith(URL_SCHEMES)


def db_location(value: str | Path) -> str | Path:
    """A `--db` value as the store takes it: a URL stays text, anything else is a file path."""
    return value if is_url(value) else Path(value)
