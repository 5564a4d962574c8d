"""More clients than the server allows connections: every answer still lands.

The server's limit is stood in for by a role with CONNECTION LIMIT 3; twelve learner processes,
each with a pool of its own, answer at once. A process holds a connection only while it writes
or reads and gives it back when idle; one the server refuses is retried until one is free.
"""

from __future__ import annotations

import subprocess
import sys
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

from tests.support.engines import fresh_postgres
from tests.support.integrity import check_consistent

pytestmark = pytest.mark.postgres
WORKER = Path(__file__).with_name("worker.py")
CLIENTS, LIMIT, ANSWERS = 12, 3, 15


@pytest.fixture
def limited_url():
    """(The owner's URL, a URL for a role allowed LIMIT connections), on a fresh schema."""
    import psycopg

    schemas = fresh_postgres()
    url = next(schemas)
    role = f"budget_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"CREATE ROLE {role} LOGIN CONNECTION LIMIT {LIMIT}")
    parts = urlsplit(url)
    try:
        yield url, urlunsplit(parts._replace(netloc=f"{role}@{parts.hostname}:{parts.port}"))
    finally:
        schemas.close()  # drops the schema, and with it every grant on it
        with psycopg.connect(url.split("?")[0], autocommit=True) as conn:
            conn.execute(f"DROP ROLE {role}")


def test_twelve_clients_share_three_connections_and_lose_nothing(limited_url, tmp_path):
    owner_url, url = limited_url
    import psycopg

    from quiz.store import open_db

    open_db(owner_url)  # the schema is made by its owner; the clients only use it
    schema, role = owner_url.rsplit("%3D", 1)[1], urlsplit(url).username
    with psycopg.connect(owner_url, autocommit=True) as conn:
        for grant in ("SCHEMA", "ALL TABLES IN SCHEMA", "ALL SEQUENCES IN SCHEMA", "ALL FUNCTIONS IN SCHEMA"):
            conn.execute(f"GRANT ALL ON {grant} {schema} TO {role}")
    go = tmp_path / "go"
    workers = [
        subprocess.Popen([sys.executable, str(WORKER), url, f"learner-{i}", str(ANSWERS), str(go)],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for i in range(CLIENTS)
    ]
    go.touch()
    results = [worker.communicate(timeout=240) for worker in workers]
    assert [(w.returncode, err[-300:]) for w, (_, err) in zip(workers, results, strict=True) if w.returncode] == []
    assert all(out.count("ok") == ANSWERS for out, _ in results)
    assert check_consistent(owner_url) == CLIENTS * ANSWERS
