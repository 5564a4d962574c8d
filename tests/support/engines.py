"""Both engines for the conformance suite: a SQLite file, or a fresh schema on a PostgreSQL server.

A test module opts in with `pytestmark = pytest.mark.engines`; its `db_path` then runs once per
engine (for PostgreSQL, a URL whose search_path is a schema of its own, dropped afterwards). The
PostgreSQL runs need QUIZ_TEST_POSTGRES; without it they are skipped with how to start one.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from urllib.parse import quote

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
    import psycopg

    from quiz.store.postgres.connection import drop_pool

    schema = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    joiner = "&" if "?" in base else "?"
    url = f"{base}{joiner}options={quote(f'-csearch_path={schema}')}"
    try:
        yield url
    finally:
        drop_pool(url)
        with psycopg.connect(base, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")
