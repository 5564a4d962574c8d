"""Issue 19, item 12: multiple choice has "I don't know" (`?` or `0`), scored Again with the answer
shown, so a lucky guess is not the only way past a question."""

from __future__ import annotations

from tests.support.screens import SIZE, reviews, screen_text


async def test_question_mark_and_zero_are_i_dont_know(make_app, db_path):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        text = screen_text(app)
        assert "0 or ? I don't know" in text  # in the question's hint
        assert "0/? Don't know" in text.splitlines()[-1]  # and in the footer
        first = screen.item
        await pilot.press("question_mark")
        await pilot.pause()
        text = screen_text(app)
        assert f"✗ Not known — the answer is {first.question.answer}" in text
        right = first.question.options.index(first.question.answer) + 1
        assert f"✓ {right} {first.question.answer}" in text
        assert "← your answer" not in text and "✗ Wrong" not in text
        await pilot.press("enter")
        await pilot.pause()
        second = screen.item
        assert second.card_id != first.card_id and second.question.mode == "mc"
        await pilot.press("0")
        await pilot.pause()
        assert f"✗ Not known — the answer is {second.question.answer}" in screen_text(app)
    assert [(r[0], r[1], r[3]) for r in reviews(db_path)] == [
        (first.card_id, 1, "wrong"), (second.card_id, 1, "wrong"),  # Again: it comes back soon
    ]


async def test_zero_on_a_typed_card_is_just_typed(make_app, db_path):
    """The keys belong to multiple choice: in an answer box they are text."""
    app = make_app(mode_new="typed")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("0")
        await pilot.pause()
        assert app.screen.query_one("#typed").value == "0"
        assert app.screen.phase == "question"
    assert reviews(db_path) == []
