"""Whole study flows through the app, keyboard first, on a temporary database."""

from __future__ import annotations

from textual.widgets import Input

from quiz.tui.screens.home import HomeScreen
from quiz.tui.screens.study import StudyScreen
from quiz.tui.screens.summary import SummaryScreen
from tests.support.screens import SIZE, reviews, screen_text, suspended


async def start(app, pilot) -> StudyScreen:
    await pilot.pause()
    assert isinstance(app.screen, StudyScreen)
    return app.screen


async def type_answer(screen: StudyScreen, pilot, given: str) -> None:
    """Fill the answer box at once (key by key is slow under the test pilot) and submit."""
    screen.query_one("#typed", Input).value = given
    await pilot.press("enter")


def option_number(screen: StudyScreen, right: bool) -> str:
    q = screen.item.question
    index = q.options.index(q.answer) if right else next(i for i, o in enumerate(q.options) if o != q.answer)
    return str(index + 1)


async def test_multiple_choice_right_then_wrong(make_app, db_path):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(app, pilot)
        assert screen.item.question.mode == "mc"
        first = screen.item
        await pilot.press(option_number(screen, right=True))
        assert screen.phase == "feedback"
        text = screen_text(app)
        assert "✓ Right" in text and first.question.answer in text
        await pilot.press("enter")
        assert screen.phase == "question" and screen.item.card_id != first.card_id
        second = screen.item
        wrong = second.question.options[int(option_number(screen, right=False)) - 1]
        await pilot.press(option_number(screen, right=False))
        text = screen_text(app)
        assert "✗ Wrong" in text and f"{wrong}  ← your answer" in text and "Next" in text
        right = second.question.options.index(second.question.answer) + 1
        assert f"✓ {right} {second.question.answer}" in text  # the options stay, marked
    assert [(r[0], r[1], r[3]) for r in reviews(db_path)] == [
        (first.card_id, 3, "correct"),
        (second.card_id, 1, "wrong"),
    ]


async def test_multiple_choice_by_arrows_and_enter(make_app, db_path):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(app, pilot)
        q = screen.item.question
        target = q.options.index(q.answer)
        await pilot.press(*["down"] * target, "enter")
        assert screen.phase == "feedback"
    assert reviews(db_path)[0][3] == "correct"


async def test_typed_right_near_miss_and_wrong(make_app, db_path):
    app = make_app(mode_new="typed")
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(app, pilot)
        outcomes = []
        for attempt in ("right", "near", "wrong"):
            q = screen.item.question
            assert q.mode == "typed"
            given = {"right": q.answer, "near": near_miss_of(q), "wrong": "Nowhere at all"}[attempt]
            await type_answer(screen, pilot, given)
            assert screen.phase == "feedback"
            outcomes.append(screen_text(app))
            await pilot.press("enter")
        assert "✓ Right" in outcomes[0]
        assert "≈ Near miss" in outcomes[1]
        assert "✗ Wrong" in outcomes[2] and "Nowhere at all" in outcomes[2]
    assert [r[1] for r in reviews(db_path)] == [3, 2, 1]


def near_miss_of(question) -> str:
    """A slip the checker calls a near miss: a day or a year off, a date without its day, a unit
    named by number and type only."""
    import re

    from question_bank.answers import check_question

    answer = question.answer
    words = answer.split()
    candidates = [
        re.sub(r"\b(\d{4})\b", lambda m: str(int(m.group(1)) + 1), answer),
        " ".join(w for w in words if not (w.isdigit() and len(w) <= 2)),
        re.sub(r"(\d+)(st|nd|rd|th)\b", r"\1", " ".join(words[:2])).lower(),
        f"{words[0]} {words[-1]}",  # "75th Corps": the number and kind, a word short
        answer[:-2],  # a place misspelt one letter more than the checker forgives
        answer[:-3],
    ]
    for candidate in candidates:
        if str(check_question(question, candidate).outcome) == "near_miss":
            return candidate
    raise AssertionError(f"no near miss found for {answer!r}")


async def test_flip_with_each_rating(make_app, db_path):
    app = make_app(mode_new="flip")
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(app, pilot)
        for rating in "4321":
            assert screen.item.question.mode == "flip"
            card = screen.item.card_id
            await pilot.press(rating)  # ignored until the answer is shown
            assert screen.phase == "question"
            await pilot.press("space")
            assert screen.phase == "revealed"
            assert screen.item.question.answer in screen_text(app)
            await pilot.press(rating)  # the second press rates and moves on: two presses a card
            await pilot.pause()
            assert screen.phase == "question" and screen.item.card_id != card
    assert [r[1] for r in reviews(db_path)] == [4, 3, 2, 1]


async def test_flip_rating_by_mouse(make_app, db_path):
    app = make_app(mode_new="flip")
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(app, pilot)
        await pilot.press("space")
        await pilot.click("#rate-3")
        assert screen.phase == "question"
    assert reviews(db_path)[0][1] == 3


async def test_undo_takes_the_answer_back(make_app, db_path):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(app, pilot)
        first = screen.item.card_id
        await pilot.press(option_number(screen, right=False))
        assert len(reviews(db_path)) == 1
        await pilot.press("u")
        assert screen.phase == "question" and screen.item.card_id == first
        assert reviews(db_path) == []
        await pilot.press(option_number(screen, right=True), "enter", "u")
        assert screen.item.card_id == first and reviews(db_path) == []


async def test_undo_while_typing_uses_ctrl_z(make_app, db_path):
    app = make_app(mode_new="typed")
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(app, pilot)
        first = screen.item.card_id
        await type_answer(screen, pilot, "1 May 1950")
        await pilot.press("enter")
        await pilot.press("u")  # typed into the answer box, not an undo
        assert len(reviews(db_path)) == 1
        await pilot.press("ctrl+z")
        assert screen.item.card_id == first and reviews(db_path) == []


async def test_suspend_moves_on(make_app, db_path):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(app, pilot)
        first = screen.item.card_id
        await pilot.press("s")
        await pilot.pause()
        assert screen.item.card_id != first
    assert suspended(db_path) == [first]


async def test_card_info_from_study(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(app, pilot)
        await pilot.press(option_number(screen, right=True))
        await pilot.press("i")
        await pilot.pause()
        text = screen_text(app)
        assert "stability" in text and "retrievability" in text and "Good" in text
        await pilot.press("escape")
        assert app.screen is screen


async def test_end_session_shows_summary_then_home(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(app, pilot)
        await pilot.press(option_number(screen, right=True), "enter")
        await pilot.press(option_number(screen, right=False), "enter")
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        text = screen_text(app)
        assert "Reviewed        2" in text and "(50%)" in text and "Next card due" in text
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "reviews today 2" in screen_text(app)


async def test_escape_ends_while_typing(make_app):
    app = make_app(mode_new="typed")
    async with app.run_test(size=SIZE) as pilot:
        await start(app, pilot)
        await pilot.press(*"qu", "escape")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)


async def test_session_runs_out(make_app, db_path):
    app = make_app(new_per_day=2)
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(app, pilot)
        for _ in range(30):
            if not isinstance(app.screen, StudyScreen):
                break
            await pilot.press(option_number(screen, right=True), "enter")
            await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)


async def test_nothing_to_study_says_why_then_home(make_app):
    from quiz.tui.dialogs.nothing import NothingToStudyScreen

    app = make_app(new_per_day=0)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, NothingToStudyScreen)
        assert "New cards a day is 0" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
