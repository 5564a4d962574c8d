"""What the load test checks once the game is over, from the store and the teacher's report, each
figure recomputed here from the players' own records rather than taken from the core:
no answer lost or forged, none doubled, each verdict and its points by the rule (1000 at once,
half at the last moment), every score, the leaderboard with its shared ranks, every player's
screens, and a review of that student's card for every answer.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from quiz.doors.teacher import TeacherDoor
from quiz.live.model import FULL_POINTS, GameReport, Standing
from quiz.store import Database, open_db
from quiz.store import live as rows
from tests.live_ui.load_game import SECONDS, STUDENTS, Game, plans

Key = tuple[str, int]  # (player's name, question index)


def check_game(db_path: Path, game: Game) -> GameReport:
    """Every check below; the teacher's report, for the test to say more."""
    door = TeacherDoor(db_path, "teacher")
    try:
        report = door.live.report(game.code)
    finally:
        door.close()
    db = open_db(db_path)
    try:
        row = rows.game_row(db, game.code)
        assert row is not None
        joined = rows.players(db, row.id)
        names = dict(joined)
        stored = rows.game_answers(db, row.id)
        answers = {(names[a.learner_id], a.index): a for a in stored}
        assert len(joined) == STUDENTS and set(names.values()) == set(game.played)
        assert len(stored) == len(answers), "an answer stored twice"
        check_answers(game, answers, [q.answer for q in report.questions])
        check_board(report, joined, answers)
        check_screens(game, report, answers)
        check_reviews(db, row.id, names, len(stored))
        assert report.reviews == len(stored)
    finally:
        db.close()
    return report


def check_answers(game: Game, answers: dict[Key, rows.AnswerRow], keys: list[str]) -> None:
    """Each answer a player sent is stored, as sent, once; nothing stored was not sent; each is
    judged against the key, timed no earlier than it was pressed, and earns the rule's points."""
    sent = {(name, index): given for name, played in game.played.items() for index, given in played.sent.items()}
    assert sent.keys() - answers.keys() == set(), "answers lost"
    assert answers.keys() - sent.keys() == set(), "answers nobody sent"
    for (name, index), answer in answers.items():
        assert answer.given == sent[name, index], (name, index)
        right = answer.given == keys[index]
        assert answer.verdict == ("correct" if right else "wrong"), (name, index, answer)
        pressed_ms = game.played[name].pressed_at[index] * 1000
        assert pressed_ms - 50 <= answer.elapsed_ms <= SECONDS * 1000, (name, index, answer)  # the server's time
        assert answer.points == points(right, answer.elapsed_ms), (name, index, answer)


def points(right: bool, elapsed_ms: int) -> int:
    """FULL_POINTS at once, half at the countdown's end, nothing for a wrong answer."""
    return round(FULL_POINTS * (1 - 0.5 * elapsed_ms / (SECONDS * 1000))) if right else 0


def check_board(report: GameReport, joined: list[tuple[int, str]], answers: dict[Key, rows.AnswerRow]) -> None:
    """Every score from the player's own answers; best first (ties in the order they joined),
    equal points sharing a rank."""
    total: Counter[str] = Counter()
    right: Counter[str] = Counter()
    answered: Counter[str] = Counter()
    for (name, _), answer in answers.items():
        total[name] += answer.points
        right[name] += answer.verdict == "correct"
        answered[name] += 1
    order = sorted(range(len(joined)), key=lambda place: (-total[joined[place][1]], place))
    expected: list[Standing] = []
    for place, at in enumerate(order, start=1):
        name = joined[at][1]
        rank = expected[-1].rank if expected and expected[-1].points == total[name] else place
        expected.append(Standing(name, total[name], right[name], answered[name], rank))
    assert list(report.leaderboard) == expected


def check_screens(game: Game, report: GameReport, answers: dict[Key, rows.AnswerRow]) -> None:
    """Each player's screen showed its own verdict for every question, and at the end its place and
    points as the leaderboard has them."""
    board = {standing.name: standing for standing in report.leaderboard}
    for name, played in game.played.items():
        for index, plan in enumerate(plans(name)):
            answer = answers.get((name, index))
            shown = "No answer this time." if answer is None else (
                "Right!" if answer.verdict == "correct" else "Not right.")
            assert played.verdicts[index] == shown, (name, index, played.verdicts[index], answer, plan)
        mine = board[name]
        assert played.final == (mine.rank, STUDENTS, mine.points), (name, played.final, mine)


def check_reviews(db: Database, game_id: int, names: dict[int, str], count: int) -> None:
    """Every answer is a review of that student's card, which moved it one repetition on, and the
    game made no other review."""
    linked = db.execute(
        "SELECT a.learner_id, r.learner_id, a.given, r.given, r.reps_before, r.reps_after, c.reps "
        "FROM live_answers a LEFT JOIN reviews r ON r.id = a.review_id LEFT JOIN cards c ON c.id = r.card_id "
        "WHERE a.game_id = ?", [game_id]).fetchall()
    assert len(linked) == count
    for learner, reviewer, given, reviewed, before, after, reps in linked:
        assert reviewer == learner and reviewed == given, (names[learner], given, reviewed)
        assert after == before + 1 and reps >= after, (names[learner], before, after, reps)
    reviews = db.execute("SELECT count(*) FROM reviews WHERE learner_id IN (SELECT learner_id FROM live_players "
                         "WHERE game_id = ?)", [game_id]).fetchone()[0]
    assert reviews == count, "reviews that are no answer's"
