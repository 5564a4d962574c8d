"""Issue 19, item 24: a full disk while studying is said on the screen, the answer is kept (typed
text stays in the box) and the same key saves it once there is space; nothing crashes."""

from __future__ import annotations

from textual.widgets import Input

from quiz.tui.screens.home import HomeScreen
from quiz.tui.screens.study import StudyScreen
from tests.support.full_disk import fill_disk
from tests.support.screens import SIZE, reviews, screen_text


def flat(app) -> str:
    """The screen's words with wrapped lines joined."""
    return " ".join(screen_text(app).split())


async def test_a_typed_answer_waits_in_its_box_until_the_disk_has_room(make_app, db_path):
    app = make_app(mode_new="typed")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, StudyScreen)
        disk = fill_disk(screen.session.db)
        answer = screen.item.question.answer
        screen.query_one("#typed", Input).value = answer
        await pilot.press("enter")
        await pilot.pause()
        text = flat(app)
        assert "Your answer was not saved: the disk is full" in text
        assert "Your answer is still in the box" in text
        assert screen.query_one("#typed", Input).value == answer
        assert screen.phase == "question" and app.return_code is None
        assert reviews(db_path) == []
        await pilot.press("enter")  # still full: said again, still kept
        await pilot.pause()
        assert "the disk is full" in flat(app) and reviews(db_path) == []
        disk.full = False
        await pilot.press("enter")
        await pilot.pause()
        text = flat(app)
        assert "✓ Right" in text and "not saved" not in text
        assert [r[3] for r in reviews(db_path)] == ["correct"]


async def test_a_choice_is_taken_again_once_the_disk_has_room(make_app, db_path):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        disk = fill_disk(screen.session.db)
        q = screen.item.question
        key = str(q.options.index(q.answer) + 1)
        await pilot.press(key)
        await pilot.pause()
        text = flat(app)
        assert "Your answer was not saved: the disk is full. Free some space, then choose again." in text
        assert screen.phase == "question" and screen.item.question == q
        disk.full = False
        await pilot.press(key)
        await pilot.pause()
        assert "✓ Right" in flat(app) and "not saved" not in flat(app)
    assert [r[3] for r in reviews(db_path)] == ["correct"]


async def test_a_rated_flip_card_is_kept_until_saved(make_app, db_path):
    app = make_app(mode_new="flip")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        disk = fill_disk(screen.session.db)
        card = screen.item.card_id
        await pilot.press("space", "3")
        await pilot.pause()
        assert "Free some space, then rate it again." in flat(app)
        assert screen.item.card_id == card and reviews(db_path) == []
        disk.full = False
        await pilot.press("3")
        await pilot.pause()
        assert screen.item.card_id != card
    assert [(r[0], r[1]) for r in reviews(db_path)] == [(card, 3)]


async def test_a_session_that_cannot_open_says_so_at_home(make_app, monkeypatch):
    """Opening a session writes (the learner's cards, who studied last): refused, home says why."""
    from quiz.doors.learner import LearnerDoor
    from quiz.errors import StoreError

    def full(self, bank=None):
        raise StoreError("not saved: the disk is full")

    monkeypatch.setattr(LearnerDoor, "session", full)
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "the disk is full" in flat(app), flat(app)
        assert app.return_code is None
