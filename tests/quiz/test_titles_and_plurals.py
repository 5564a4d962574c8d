"""Issue 19, item 18: re-importing a bank without --title keeps the title the teacher gave and says
so; a file's own new title is taken when none was given; and one of anything is singular ("1 card",
"1 day", never "1 cards" or "1 day(s)") wherever the commands and the app say it."""

from __future__ import annotations

import ast
import re
from datetime import UTC, datetime
from pathlib import Path

from click.testing import CliRunner, Result

from quiz.cli import main
from quiz.settings import Settings, study_day
from quiz.study.session import StudySession

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "docs" / "examples"
CIVIL_WAR = [str(EXAMPLES / "civil-war.csv"), "--entities", str(EXAMPLES / "civil-war-entities.csv")]
ONE_FACT = """[bank]
name = "one"
title = "{title}"
source = "Class notes"

[[fact]]
id = "zajecar-taken"
date = "1944-10-07"
subject = "the [64th Rifle Corps]"
verb = "took"
verb_base = "take"
rest = "[Zaječar] from a German battle group"
note = "The first big town of eastern Serbia to fall."
"""


def quiz(db: Path, *args: str) -> Result:
    result = CliRunner().invoke(main, ["--db", str(db), *args])
    assert result.exit_code == 0, result.output
    return result


def listed_title(db: Path, name: str) -> str:
    line = next(line for line in quiz(db, "bank", "list").output.splitlines() if line.startswith(name + " "))
    return line.split("imported", 1)[1].strip()


def test_reimporting_without_title_keeps_the_teachers_title_and_says_so(db_path: Path) -> None:
    quiz(db_path, "bank", "import", *CIVIL_WAR, "--title", "The American Civil War")
    again = quiz(db_path, "bank", "import", *CIVIL_WAR).output
    assert listed_title(db_path, "civil-war") == "The American Civil War"
    assert "10 facts, none changed; title kept: 'The American Civil War'" in again
    renamed = quiz(db_path, "bank", "import", *CIVIL_WAR, "--title", "ACW").output
    assert "title now 'ACW' (was 'The American Civil War')" in renamed
    assert listed_title(db_path, "civil-war") == "ACW"


def test_a_files_own_new_title_is_taken_when_the_teacher_gave_none(db_path: Path, tmp_path: Path) -> None:
    bank = tmp_path / "one.toml"
    bank.write_text(ONE_FACT.format(title="Zaječar"), encoding="utf-8")
    assert "imported 'one': 1 fact: 1 new" in quiz(db_path, "bank", "import", str(bank)).output
    same = quiz(db_path, "bank", "import", str(bank)).output
    assert same.strip() == "imported 'one': 1 fact, none changed"
    bank.write_text(ONE_FACT.format(title="Zaječar, 1944"), encoding="utf-8")
    assert "title now 'Zaječar, 1944' (was 'Zaječar')" in quiz(db_path, "bank", "import", str(bank)).output
    assert listed_title(db_path, "one") == "Zaječar, 1944"


def test_one_of_anything_is_singular_in_what_the_commands_print(db_path: Path, tmp_path: Path) -> None:
    bank = tmp_path / "one.toml"
    bank.write_text(ONE_FACT.format(title="Zaječar"), encoding="utf-8")
    assert quiz(db_path, "bank", "validate", str(bank)).output.strip() == f"{bank}: ok, 1 fact"
    quiz(db_path, "bank", "import", str(bank))
    assert quiz(db_path, "bank", "show", "one").output.startswith("Zaječar (1 fact)\n")
    with StudySession(db_path, "ann", "one", seed=1) as session:  # one answer, today
        assert session.current is not None
        session.answer(session.current.question.answer)
    status = quiz(db_path, "status", "--learner", "ann").output
    assert "1 reviewed today, 1 in all, streak 1 day;" in status
    assert re.search(r"^ann\t1 review\tsince ", quiz(db_path, "learner", "list").output, re.M)
    today = study_day(datetime.now(UTC), Settings()).isoformat()  # before the rollover hour, yesterday's
    stats = quiz(db_path, "stats", "--learner", "ann", "--since", today, "--until", today).output
    assert f"Today ({today}): 1 review in " in stats
    assert "Studied 1 of 1 day · streak 1 (longest 1) · 1 review in the period" in stats
    assert "Removed learner 'ann' (1 review)." in quiz(db_path, "learner", "remove", "ann", "--yes").output


def test_the_demo_counts_one_student_and_one_stranger_in_the_singular(tmp_path: Path) -> None:
    made = quiz(tmp_path / "demo.db", "demo", "--students", "1", "--days", "2").output
    said = next(line for line in made.splitlines() if " over 2 days, papers " in line)
    assert said.startswith("1 student, "), said
    taken = tmp_path / "taken.db"
    quiz(taken, "learner", "add", "ann")
    refused = CliRunner().invoke(main, ["--db", str(taken), "demo", "--students", "1", "--days", "2"])
    assert refused.exit_code == 2 and "holds 1 learner outside any class" in refused.output


def _user_strings(path: Path) -> list[tuple[int, str]]:
    """The string literals of a module that are not docstrings, with their lines."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
                  and node.body and isinstance(node.body[0], ast.Expr)}
    return [(node.lineno, node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings]


KAHOOT_HEADER = "Correct answer(s) - choose at least one"  # Kahoot's own template heading, kept exact


def test_no_message_hedges_a_plural_with_s_in_brackets() -> None:
    found = [f"{path.relative_to(ROOT)}:{line}: {text!r}"
             for path in sorted((ROOT / "quiz").rglob("*.py")) for line, text in _user_strings(path)
             if re.search(r"[a-z]\(s\)", text) and text != KAHOOT_HEADER and "http(s)" not in text]
    assert not found, "\n".join(found)


async def test_the_stats_screen_says_1_review(tmp_path: Path) -> None:
    from quiz.doors.learner import LearnerDoor
    from quiz.tui.app import QuizApp
    from tests.stats import history
    from tests.support.screens import screen_text

    path = history.build(tmp_path / "quiz.db")  # one review on its last day
    app = QuizApp(LearnerDoor(path, history.LEARNER, clock=lambda: history.NOW, seed=1))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("t")
        await pilot.pause()
        text = screen_text(app)
        assert "Today  1 review, 0 min" in text and "1 reviews" not in text
