"""Issue 19, item 14: the suggested desired retention lies in the range people keep (0.80–0.95), so
it is never below every row shown; when FSRS's own search finds a lower one, the screen says why
that is not the suggestion."""

from __future__ import annotations

import json
import re
from pathlib import Path

from click.testing import CliRunner

from quiz.cli import main
from quiz.doors.learner import LearnerDoor
from quiz.tui.app import QuizApp
from quiz.tui.screens.scheduling import SchedulingScreen
from tests.support.screens import screen_text


def suggested(text: str) -> float:
    found = re.search(r"Suggested retention: (0\.\d\d)", " ".join(text.split()))
    assert found, text
    return float(found.group(1))


def test_simulate_suggests_a_retention_people_keep(tmp_path: Path) -> None:
    db = str(tmp_path / "q.db")
    assert CliRunner().invoke(main, ["--db", db, "learner", "add", "ann"]).exit_code == 0
    result = CliRunner().invoke(main, ["--db", db, "simulate", "--learner", "ann", "--days", "90"])
    assert result.exit_code == 0, result.output
    rows = [float(r) for r in re.findall(r"│\s+(0\.\d\d) │", result.output)]
    assert rows == [0.8, 0.85, 0.9, 0.95]
    assert min(rows) <= suggested(result.output) <= max(rows)
    report = json.loads(CliRunner().invoke(
        main, ["--db", db, "simulate", "--learner", "ann", "--days", "90", "--json"]).output)
    assert 0.8 <= report["suggested_retention"] <= 0.95
    if report["cheapest_retention"] < 0.8:  # FSRS's search went lower: said, with what it costs
        flat = " ".join(result.output.split())
        assert f"FSRS's search alone finds {report['cheapest_retention']:.2f} cheaper still" in flat
        assert "facts in 10" in flat


async def test_the_scheduling_screen_suggests_within_its_rows(tmp_path: Path) -> None:
    app = QuizApp(LearnerDoor(tmp_path / "q.db", "ann"))
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(SchedulingScreen())
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        text = screen_text(app)
        shown = [float(r) for r in re.findall(r"^\s+(0\.\d\d)\s", text, re.MULTILINE)]
        assert shown == [0.8, 0.85, 0.9, 0.95]
        assert min(shown) <= suggested(text) <= max(shown)
