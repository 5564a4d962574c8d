"""Issue 19, item 17: the progress screens and `quiz stats --class` at 80 columns. Nothing a teacher
reads is cut (a date, a paper's score), the class view marks the column `s` sorts by, and every
chart names its y axis."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner
from textual.widget import Widget

from quiz.cli import main
from quiz.demo import run_demo
from quiz.doors.learner import LearnerDoor
from quiz.doors.teacher import TeacherDoor
from quiz.tui.app import QuizApp
from quiz.tui.screens.stats import ClassStatsScreen
from tests.support.screens import screen_text

END = datetime(2026, 5, 10, 12, tzinfo=UTC)
LONG = "Maximiliana Montgomery-Smythe"  # a long name, who has not studied yet
PERIOD = ["--since", "2026-01-01", "--until", "2026-05-10"]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo class of seven who sat two papers, and one student more with a long name."""
    path = tmp_path_factory.mktemp("class80") / "demo.db"
    run_demo(path, students=7, days=6, seed=2, end=END)
    desk = TeacherDoor(path, "teacher", clock=lambda: END)
    desk.classroom.add_students("demo", [LONG])
    desk.close()
    return path


def test_stats_class_at_80_columns_cuts_no_date_and_shows_every_paper(demo: Path) -> None:
    runner = CliRunner(env={"COLUMNS": "80"})
    command = ["--db", str(demo), "stats", "--class", "demo", *PERIOD]
    data = json.loads(runner.invoke(main, [*command, "--json"]).output)
    printed = runner.invoke(main, command)
    assert printed.exit_code == 0, printed.output
    lines = printed.output.splitlines()
    assert "…" not in printed.output and max(map(len, lines)) <= 80
    codes = []
    for student in data["students"]:
        codes += [p["code"] for p in student["papers"] if p["code"] not in codes]
        line = next(line for line in lines if line.startswith(" " + student["name"].split()[0]))
        assert (student["last_studied"] or "never") in line, line
        scores = [f"{p['score']:g}/{p['max']}" for p in student["papers"]]
        assert line.split()[-len(codes):] == (scores or ["–"] * len(codes)), line
    assert len(codes) == 2
    legend = next(line for line in lines if line.startswith("Papers:"))
    assert all(f"P{n} Test {n} ({code})" in legend for n, code in enumerate(codes, start=1))


def heading_marked(text: str) -> str:
    """The heading of the class table that carries the sort mark (▲ or ▼), read off the screen."""
    lines = text.splitlines()
    top = next(i for i, line in enumerate(lines) if line.strip().startswith("Student"))
    for line in lines[top:top + 2]:
        for mark in "▲▼":
            if mark in line:
                x = line.index(mark)
                if line is lines[top]:  # beside a two-word heading's first word
                    return line[:x].split()[-1] + " " + lines[top + 1][x - len(line[:x].split()[-1]) - 1:].split()[0]
                return lines[top][x:].split()[0]  # under a one-word heading
    raise AssertionError("no sort mark in the headings:\n" + "\n".join(lines[top:top + 2]))


async def test_the_class_view_shows_every_papers_score_and_marks_the_sorted_column(demo: Path) -> None:
    desk = LearnerDoor(demo, "teacher", clock=lambda: END, seed=1)
    app = QuizApp(desk)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("t")
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ClassStatsScreen) and screen.report is not None
        students = screen.report.students
        text = screen_text(app)
        first: dict[str, tuple] = {}  # each paper's first submission: the class's papers, oldest first
        for paper in (p for s in students for p in s.papers):
            first[paper.code] = min(first.get(paper.code, (paper.submitted, paper.title)), (paper.submitted, paper.title))
        papers = sorted((when, code, title) for code, (when, title) in first.items())
        assert len(papers) == 2
        for n, (_, code, title) in enumerate(papers, start=1):
            assert f"P{n} {title} ({code})" in text
        shown = [s for s in students if f"  {s.name} " in text]
        assert len(shown) >= 5
        for student in shown:
            line = next(line for line in text.splitlines() if f"  {student.name} " in line)
            scores = {p.code: f"{p.score:g}/{p.max}" for p in student.papers}
            assert line.split()[-2:] == [scores.get(code, "–") for _, code, _ in papers], line
        assert heading_marked(text) == "Student"
        for heading in ("Reviews", "True retention", "Mastery", "Streak", "Last studied", "P1"):
            await pilot.press("s")
            await pilot.pause()
            assert heading_marked(screen_text(app)) == heading
    desk.close()


@pytest.mark.parametrize(("chart", "title", "axis", "ticks"), [
    ("#stats-reviews", "Reviews per day", "reviews", ("0",)),
    ("#stats-forecast", "Due in the next 30 days", "cards due", ("0",)),
    ("#stats-retention-line", "True retention per day", "% passed", ("100%", "0%")),
    ("#stats-hourly", "Reviews by hour of day", "reviews", ("0",)),
])
async def test_each_chart_names_its_y_axis(demo: Path, chart: str, title: str, axis: str,
                                           ticks: tuple[str, ...]) -> None:
    name = json.loads(CliRunner().invoke(main, ["--db", str(demo), "stats", "--class", "demo", *PERIOD,
                                                "--json"]).output)["students"][0]["name"]
    desk = LearnerDoor(demo, name, clock=lambda: END, seed=1)
    app = QuizApp(desk)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("t")
        await pilot.pause()
        panel = app.screen.query_one(chart).parent
        assert isinstance(panel, Widget)
        panel.scroll_visible(top=True, animate=False)
        await pilot.pause()
        lines = screen_text(app).splitlines()
        at = next(i for i, line in enumerate(lines) if line.strip().startswith(title))
        assert lines[at + 1].strip() == axis
        figures = [line.split()[0] for line in lines[at + 2:at + 10] if line.strip()]
        assert all(tick in figures for tick in ticks), lines[at:at + 10]
    desk.close()
