"""`quiz --db PATH demo` writes the demo into PATH, never into the user's data folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from quiz.cli import main


def test_the_global_db_option_is_where_the_demo_goes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = tmp_path / "user-data"
    monkeypatch.setenv("XDG_DATA_HOME", str(data))
    monkeypatch.delenv("QUIZ_DB", raising=False)
    target = tmp_path / "mine.db"
    result = CliRunner().invoke(main, ["--db", str(target), "demo", "--students", "2", "--days", "3"])
    assert result.exit_code == 0, result.output
    assert target.exists() and f"in {target}" in result.output
    assert not data.exists()
