"""Issue 19, item 15: the results screen as a teacher uses it at 80x24. The keys act on the
highlighted student from the first moment, each answer stands beside the answer expected, verdicts
read as words, and a student still writing is "in progress", never "not taken"."""

from __future__ import annotations

from click.testing import CliRunner
from textual.widgets import DataTable

from quiz.cli import main
from quiz.model import Kind, Mode, Outcome
from quiz.tui.screens.results import OverrideScreen, ResultsScreen
from tests.classroom_ui.conftest import SIZE, STUDENTS
from tests.classroom_ui.test_results_screen import make_quiz_app, take_three
from tests.support.screens import screen_text


def detail_row(text: str, number: int) -> list[str]:
    """The cells of question `number`'s row in the detail table, each cell's wrapped lines joined."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip().startswith(f"{number} │"))
    cells: list[list[str]] = []
    for line in lines[start:]:
        parts = [part.strip() for part in line.split("│")]
        if len(parts) < 2 or (line is not lines[start] and parts[0]):
            break  # the next question's row, or the end of the table
        cells = cells or [[] for _ in parts]
        for cell, part in zip(cells, parts, strict=False):
            if part:
                cell.append(part)
    return [" ".join(cell) for cell in cells]


async def test_arrows_move_at_once_and_o_overrides_the_highlighted_student(room) -> None:
    code = room.paper(count=4)
    report = take_three(room, code)
    third = report.students[2].name
    app = make_quiz_app(room)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.push_screen(ResultsScreen(code))
        await pilot.pause()
        screen = app.screen
        await pilot.press("down", "down")  # nothing clicked first: the keys go to the students
        await pilot.pause()
        assert screen.query_one("#results-students", DataTable).cursor_row == 2
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, OverrideScreen)
        assert f"Override one of {third}'s verdicts" in screen_text(app)


async def test_the_verdict_picker_and_the_override_read_near_miss_in_words(room) -> None:
    code = room.paper(count=4)
    report = take_three(room, code)
    cvijeta = next(s for s in report.students if s.name == "Cvijeta")
    row = [s.name for s in report.students].index("Cvijeta")
    app = make_quiz_app(room)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.push_screen(ResultsScreen(code))
        await pilot.pause()
        screen = app.screen
        for _ in range(row):
            await pilot.press("down")
        await pilot.press("o")
        await pilot.pause()
        await pilot.press("enter")  # her first answer…
        await pilot.pause()
        picker = screen_text(app)
        assert "near miss" in picker and "near_miss" not in picker
        await pilot.press("down", "down", "enter")  # …is a near miss (the third verdict offered)
        await pilot.pause()
        assert app.screen is screen
        text = screen_text(app)
        first = cvijeta.answers[0].question
        assert detail_row(text, first)[-1] == "near miss by teacher" and "near_miss" not in text
    desk = room.desk()
    after = desk.classroom.results(code)
    desk.close()
    answer = next(a for s in after.students if s.name == "Cvijeta" for a in s.answers
                  if a.question == first)
    assert answer.verdict is Outcome.NEAR_MISS


async def test_each_answer_stands_beside_the_answer_expected(room) -> None:
    code = room.paper(count=4, modes=(Mode.TYPED,), kinds=(Kind.DATE,))  # short keys: "7 October 1944"
    report = take_three(room, code)
    keys = {item.question: item.answer for item in report.items}
    row = [s.name for s in report.students].index("Cvijeta")
    app = make_quiz_app(room)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.push_screen(ResultsScreen(code))
        await pilot.pause()
        for _ in range(row):
            await pilot.press("down")
        await pilot.pause()
        detail = screen_text(app).split("Cvijeta", 2)[-1]
        header = next(line for line in detail.splitlines() if "Question" in line)
        assert "Expected" in header
        shown = [number for number in keys if f"\n {number} │" in detail]
        assert shown, detail  # at 80x24 the first answers are in view; the rest scroll
        for number in shown:  # she answered "Nowhere" to each: the key stands beside it
            cells = detail_row(detail, number)
            # the key's first line: a long one ("late October 1944") wraps in its column at 80x24
            assert cells[2] == "Nowhere" and cells[3] and keys[number].startswith(cells[3]), cells


async def test_a_student_still_writing_is_in_progress_not_not_taken(room) -> None:
    code = room.paper(count=3, modes=(Mode.MC,))
    desk = room.desk()
    done = desk.classroom.start_attempt(code, STUDENTS[0], room.codes[STUDENTS[0]])
    desk.classroom.submit(done.attempt_id)
    desk.classroom.start_attempt(code, STUDENTS[1], room.codes[STUDENTS[1]])  # Boris is writing now
    desk.close()
    printed = CliRunner().invoke(main, ["--db", str(room.db_path), "paper", "results", code])
    assert printed.exit_code == 0, printed.output
    lines = printed.output.splitlines()
    assert "in progress: Boris" in lines and "not taken: Cvijeta" in lines
    assert "Boris" not in next(line for line in lines if line.startswith("not taken"))
    app = make_quiz_app(room)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.push_screen(ResultsScreen(code))
        await pilot.pause()
        text = screen_text(app)
        assert "in progress: Boris" in text and "not taken: Cvijeta" in text
        assert "Boris" not in text.split("not taken:", 1)[1].splitlines()[0]
