"""The teacher's results screen shows the numbers of `quiz paper results --json`, reached from the
command palette of the study app."""

from __future__ import annotations

from textual.widgets import DataTable

from quiz.model import Mode, Outcome
from quiz.tui.screens.results import PaperPickerScreen, ResultsScreen, number
from tests.classroom_ui.conftest import STUDENTS
from tests.support.screens import screen_text

SIZE = (110, 36)


def take_three(room, code: str) -> dict:
    """Ana gets everything right, Boris the first half, Cvijeta nothing; the results as --json has them."""
    desk = room.desk()
    classroom = desk.classroom
    paper = classroom.paper(code)
    for n, name in enumerate(STUDENTS):
        view = classroom.start_attempt(code, name, room.codes[name])
        for i, item in enumerate(view.items):
            right = paper.questions[item.position].answer
            good = n == 0 or (n == 1 and i < len(view.items) // 2)
            if good:
                given = right
            elif item.mode == "mc":
                given = next(o for o in item.options if o != right)
            else:
                given = "Nowhere"
            classroom.answer(view.attempt_id, item.position, given)
        classroom.submit(view.attempt_id)
    report = classroom.results(code)
    desk.close()
    return report


def make_quiz_app(room):  # type: ignore[no-untyped-def]
    from quiz.tui.app import QuizApp

    return QuizApp(room.learner_door("teacher"), teacher=room.desk("teacher"))


def cells(table: DataTable, row: int) -> list[str]:
    return [str(cell) for cell in table.get_row_at(row)]


async def test_the_palette_opens_a_papers_results_with_the_same_numbers_as_the_json(room):
    code = room.paper(count=4, modes=(Mode.MC,))
    report = take_three(room, code)
    app = make_quiz_app(room)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await app.run_action("paper_results")  # what the palette's "Paper results…" runs
        await pilot.pause()
        assert isinstance(app.screen, PaperPickerScreen) and code in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ResultsScreen) and screen.code == code
        s = report.summary
        text = screen_text(app)
        for label, key in (("mean", "mean"), ("median", "median"), ("sd", "sd"), ("alpha", "alpha")):
            assert f"{label} {number(getattr(s, key))}" in text
        assert f"attempts {s.attempts}" in text
        students = screen.query_one("#results-students", DataTable)
        assert [cells(students, i)[:3] for i in range(students.row_count)] == [
            [st.name, number(st.score, 1), str(st.max)] for st in report.students
        ]
        await pilot.press("i")
        await pilot.pause()
        items = screen.query_one("#results-items", DataTable)
        for i, item in enumerate(report.items):
            assert cells(items, i)[1:3] == [number(item.facility), number(item.discrimination)]
        mc = next(i for i, item in enumerate(report.items) if item.options)
        items.move_cursor(row=mc)
        await pilot.pause()
        detail = screen_text(app).split("Point-biserial", 1)[1]
        for option in report.items[mc].options:
            row = next(line for line in detail.splitlines() if option.text in line)
            assert f"{option.chosen} │ {number(option.point_biserial)}" in " ".join(row.split()), row


async def test_flags_and_each_students_answers_are_shown(room):
    code = room.paper(count=4)
    report = take_three(room, code)
    app = make_quiz_app(room)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.push_screen(ResultsScreen(code))
        await pilot.pause()
        screen = app.screen
        students = screen.query_one("#results-students", DataTable)
        students.move_cursor(row=[s.name for s in report.students].index("Cvijeta"))
        await pilot.pause()
        text = screen_text(app)
        assert "Nowhere" in text or "✗" in text  # Cvijeta's answers, each with its verdict
        flagged = [i for i, item in enumerate(report.items) if item.flags]
        await pilot.press("i")
        await pilot.pause()
        items = screen.query_one("#results-items", DataTable)
        for i in range(items.row_count):
            assert ("⚑" in cells(items, i)[3]) == (i in flagged)


async def test_the_palette_lists_paper_results(room):
    from quiz.tui.commands import QuizCommands

    app = make_quiz_app(room)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        provider = QuizCommands(app.screen)
        assert "Paper results…" in [name for name, _, _ in provider._commands()]


async def test_a_teacher_overrides_a_verdict_from_the_screen(room):
    code = room.paper(count=4)
    before = take_three(room, code)
    cvijeta = next(s for s in before.students if s.name == "Cvijeta")
    wrong = next(a for a in cvijeta.answers if a.verdict is not Outcome.CORRECT)
    app = make_quiz_app(room)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.push_screen(ResultsScreen(code))
        await pilot.pause()
        screen = app.screen
        row = [s.name for s in before.students].index("Cvijeta")
        screen.query_one("#results-students", DataTable).move_cursor(row=row)
        await pilot.press("o")
        await pilot.pause()
        options = app.screen.query_one("#override-list")
        options.highlighted = [a.question for a in cvijeta.answers].index(wrong.question)
        await pilot.press("enter")  # this answer…
        await pilot.pause()
        await pilot.press("enter")  # …is correct (the first verdict offered)
        await pilot.pause()
        assert app.screen is screen
        students = screen.query_one("#results-students", DataTable)
        assert cells(students, row)[1] == number(cvijeta.score + 1, 1)
        assert "│ ✓ │ correct by" in screen_text(app)  # the mark, and who overrode it
    desk = room.desk()
    after = desk.classroom.results(code)
    desk.close()
    answer = next(a for s in after.students if s.name == "Cvijeta" for a in s.answers
                  if a.question == wrong.question)
    assert answer.verdict is Outcome.CORRECT and answer.override.by == "teacher"
