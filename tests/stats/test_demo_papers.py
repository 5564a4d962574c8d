"""Issue 19, item 16: the demo's papers read as a real class's would. Answers follow each student's
ability over each question's difficulty, so `quiz paper results` finds a positive alpha and positive
discriminations, flags nothing by the demo's own randomness, and every sitting took real time."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from quiz.cli import main
from quiz.demo import run_demo

END = datetime(2026, 12, 7, 18, tzinfo=UTC)


def results(path: Path, code: str, *args: str) -> str:
    printed = CliRunner().invoke(main, ["--db", str(path), "paper", "results", code, *args])
    assert printed.exit_code == 0, printed.output
    return printed.output


@pytest.mark.parametrize("seed", [0, 3])
def test_a_demo_papers_item_analysis_is_a_real_classs(tmp_path: Path, seed: int) -> None:
    path = tmp_path / "demo.db"
    demo = run_demo(path, students=25, days=6, seed=seed, end=END)
    assert len(demo.papers) == 2
    for code in demo.papers:
        report = json.loads(results(path, code, "--json"))
        summary, items = report["summary"], report["items"]
        assert summary["attempts"] >= 15
        assert summary["alpha"] is not None and summary["alpha"] > 0.5
        discriminations = [item["discrimination"] for item in items if item["discrimination"] is not None]
        assert sum(d > 0 for d in discriminations) >= 0.8 * len(items)
        assert all(d > 0 for d in discriminations), discriminations  # none flagged by chance
        assert not [item["flags"] for item in items if item["flags"]]
        assert 0 < summary["mean"] < summary["max"] and summary["sd"] > 1
        seconds = [student["seconds"] for student in report["students"]]
        assert all(s >= 60 for s in seconds), seconds  # ten questions take minutes, not nothing
        assert len(set(seconds)) > 1
        assert "0m00s" not in results(path, code)
