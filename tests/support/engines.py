"""Both engines for the conformance suite: a SQLite file, or a fresh schema on a PostgreSQL server.

A test module opts in with `pytestmark = pytest.mark.engines`; its `db_path` then runs once per
engine (for PostgreSQL, a URL whose search_path is a schema of its own, dropped afterwards). The
PostgreSQL runs need QUIZ_TEST_POSTGRES; without it they are skipped with how to start one.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

ENV = "QUIZ_TEST_POSTGRES"
HOW = f"PostgreSQL tests need {ENV}=postgresql://...; start a throwaway server with: export {ENV}=$(.ci/postgres)"


def server_url() -> str | None:
    return os.environ.get(ENV) or None


def engines() -> list:
    return ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


def fresh_postgres() -> Iterator[str]:
    """A URL on the test server whose tables live in a new schema; the schema is dropped after."""
    base = server_url()
    if base is None:
        pytest.skip(HOW)
    from quiz.store.postgres.connection import scratch_schema

    with scratch_schema(base, "t") as url:
        yield url
