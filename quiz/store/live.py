"""Live review rows (issue #22): games, their players and answers.

The game's rules (which state may follow which, when an answer is taken) are the feature's
(`quiz.live`); it judges them inside its own `db.write()`, with the store's time read there, and
calls the functions below marked "inside the caller's write". One answer per (game, question,
student) is the table's key: a second insert changes nothing (`ON CONFLICT DO NOTHING`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from quiz.clock import parse_utc, utc_iso
from quiz.store.engine import Database

_GAME = (
    "SELECT g.id, g.code, g.class_id, c.name, g.teacher_id, g.bank, g.source, g.settings_json, g.questions_json, "
    "g.state, g.current_index, g.opened_at, g.closes_at, g.created, g.ended "
    "FROM live_games g JOIN classes c ON c.id = g.class_id"
)


@dataclass(frozen=True)
class GameRow:
    id: int
    code: str
    class_id: int
    class_name: str
    teacher_id: int | None
    bank: str
    source: str
    settings_json: str
    questions_json: str
    state: str
    current_index: int | None
    opened_at: datetime | None
    closes_at: datetime | None
    created: datetime
    ended: datetime | None


def _game(row: tuple) -> GameRow:
    gid, code, class_id, class_name, owner, bank, source, settings, questions, state, index = row[:11]
    opened, closes, created, ended = (parse_utc(text) for text in row[11:])
    assert created is not None
    return GameRow(int(gid), code, int(class_id), class_name, None if owner is None else int(owner), bank, source,
                   settings, questions, state, None if index is None else int(index), opened, closes, created, ended)


@dataclass(frozen=True)
class AnswerRow:
    learner_id: int
    index: int
    given: str
    verdict: str
    points: int
    elapsed_ms: int


@dataclass(frozen=True)
class Tally:
    """One player's answers so far: points, right answers, answers."""

    learner_id: int
    points: int
    right: int
    answered: int


# -- games ----------------------------------------------------------------------------------------
def insert_game(
    db: Database, code: str, class_id: int, owner: int | None, bank: str, source: str, settings_json: str,
    questions_json: str, created: datetime,
) -> bool:
    """Store a new game in the lobby; False when the code is taken (the caller draws another)."""
    with db.write():
        cursor = db.execute(
            "INSERT INTO live_games (code, class_id, teacher_id, bank, source, settings_json, questions_json, state, "
            "created) VALUES (?, ?, ?, ?, ?, ?, ?, 'lobby', ?) ON CONFLICT (code) DO NOTHING",
            [code, class_id, owner, bank, source, settings_json, questions_json, utc_iso(created)],
        )
    return cursor.rowcount == 1


def game_row(db: Database, code: str) -> GameRow | None:
    row = db.execute(f"{_GAME} WHERE g.code = ?", [code]).fetchone()
    return _game(row) if row else None


def game_by_id(db: Database, game_id: int) -> GameRow | None:
    row = db.execute(f"{_GAME} WHERE g.id = ?", [game_id]).fetchone()
    return _game(row) if row else None


def owner_games(db: Database, owner: int | None) -> list[GameRow]:
    """The teacher's games (None: the machine's own), newest first."""
    rows = db.execute(f"{_GAME} WHERE g.teacher_id IS NOT DISTINCT FROM ? ORDER BY g.created DESC, g.id DESC", [owner])
    return [_game(row) for row in rows]


def set_question(
    db: Database, game_id: int, state: str, index: int | None, opened_at: datetime | None, closes_at: datetime | None,
) -> None:
    """The game's state and current question (inside the caller's write)."""
    db.execute(
        "UPDATE live_games SET state = ?, current_index = ?, opened_at = ?, closes_at = ? WHERE id = ?",
        [state, index, utc_iso(opened_at) if opened_at else None, utc_iso(closes_at) if closes_at else None, game_id],
    )


def end_game(db: Database, game_id: int, at: datetime) -> None:
    """The game ended at `at` (inside the caller's write)."""
    db.execute("UPDATE live_games SET state = 'ended', ended = ? WHERE id = ?", [utc_iso(at), game_id])


@dataclass(frozen=True)
class Stamp:
    """What tells a screen whether its game changed since its last look: the game's state and
    question (with its countdown's end), how many joined, how many answered the current question
    (for the host; None for a player) and whether this player did (False for the host)."""

    game_id: int
    state: str
    index: int | None
    closes_at: str | None
    players: int
    answers: int | None
    mine: bool


_PLAYERS = "(SELECT count(*) FROM live_players p WHERE p.game_id = g.id)"
_ANSWERS = "(SELECT count(*) FROM live_answers a WHERE a.game_id = g.id AND a.question_index = g.current_index)"
_MINE = ("EXISTS (SELECT 1 FROM live_answers a WHERE a.game_id = g.id AND a.question_index = g.current_index "
         "AND a.learner_id = ?)")


def host_stamp(db: Database, code: str) -> Stamp | None:
    """Game `code`'s stamp as its host counts it: one small query on the tables' keys."""
    row = db.execute(f"SELECT g.id, g.state, g.current_index, g.closes_at, {_PLAYERS}, {_ANSWERS} "
                     "FROM live_games g WHERE g.code = ?", [code]).fetchone()
    return Stamp(int(row[0]), row[1], _index(row[2]), row[3], int(row[4]), int(row[5]), False) if row else None


def player_stamp(db: Database, code: str, learner_id: int) -> Stamp | None:
    """Game `code`'s stamp as one player sees it (no answer count: others' answers do not show)."""
    row = db.execute(f"SELECT g.id, g.state, g.current_index, g.closes_at, {_PLAYERS}, {_MINE} "
                     "FROM live_games g WHERE g.code = ?", [learner_id, code]).fetchone()
    return Stamp(int(row[0]), row[1], _index(row[2]), row[3], int(row[4]), None, bool(row[5])) if row else None


def _index(value: object) -> int | None:
    return None if value is None else int(str(value))


# -- players --------------------------------------------------------------------------------------
def is_member(db: Database, class_id: int, learner_id: int) -> bool:
    found = db.execute("SELECT 1 FROM class_members WHERE class_id = ? AND learner_id = ?", [class_id, learner_id])
    return found.fetchone() is not None


def add_player(db: Database, game_id: int, learner_id: int, at: datetime) -> bool:
    """Join a student to the game (inside the caller's write); False when they had joined already."""
    cursor = db.execute(
        "INSERT INTO live_players (game_id, learner_id, joined_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
        [game_id, learner_id, utc_iso(at)],
    )
    return cursor.rowcount == 1


def is_player(db: Database, game_id: int, learner_id: int) -> bool:
    found = db.execute("SELECT 1 FROM live_players WHERE game_id = ? AND learner_id = ?", [game_id, learner_id])
    return found.fetchone() is not None


def players(db: Database, game_id: int) -> list[tuple[int, str]]:
    """(learner id, name) of the game's players in the order they joined."""
    rows = db.execute(
        "SELECT p.learner_id, l.name FROM live_players p JOIN learners l ON l.id = p.learner_id "
        "WHERE p.game_id = ? ORDER BY p.id",
        [game_id],
    )
    return [(int(learner_id), name) for learner_id, name in rows]


def player_count(db: Database, game_id: int) -> int:
    return int(db.execute("SELECT count(*) FROM live_players WHERE game_id = ?", [game_id]).fetchone()[0])


# -- answers --------------------------------------------------------------------------------------
def insert_answer(
    db: Database, game_id: int, index: int, learner_id: int, given: str, verdict: str, points: int,
    at: datetime, elapsed_ms: int,
) -> bool:
    """Store a player's answer (inside the caller's write); False, changing nothing, when they had
    answered that question already: the first answer stands."""
    cursor = db.execute(
        "INSERT INTO live_answers (game_id, question_index, learner_id, given, verdict, points, answered_at, "
        "elapsed_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
        [game_id, index, learner_id, given, verdict, points, utc_iso(at), elapsed_ms],
    )
    return cursor.rowcount == 1


def link_review(db: Database, game_id: int, index: int, learner_id: int, review_id: int) -> None:
    """The review an answer counted as (inside the caller's write)."""
    db.execute(
        "UPDATE live_answers SET review_id = ? WHERE game_id = ? AND question_index = ? AND learner_id = ?",
        [review_id, game_id, index, learner_id],
    )


_ANSWER = "SELECT learner_id, question_index, given, verdict, points, elapsed_ms FROM live_answers"


def _answer(row: tuple) -> AnswerRow:
    learner_id, index, given, verdict, points, elapsed = row
    return AnswerRow(int(learner_id), int(index), given, verdict, int(points), int(elapsed))


def own_answer(db: Database, game_id: int, index: int, learner_id: int) -> AnswerRow | None:
    row = db.execute(f"{_ANSWER} WHERE game_id = ? AND question_index = ? AND learner_id = ?",
                     [game_id, index, learner_id]).fetchone()
    return _answer(row) if row else None


def question_answers(db: Database, game_id: int, index: int) -> list[AnswerRow]:
    """Every answer to one question, first given first."""
    rows = db.execute(f"{_ANSWER} WHERE game_id = ? AND question_index = ? ORDER BY answered_at, learner_id",
                      [game_id, index])
    return [_answer(row) for row in rows]


def answer_count(db: Database, game_id: int, index: int) -> int:
    found = db.execute("SELECT count(*) FROM live_answers WHERE game_id = ? AND question_index = ?", [game_id, index])
    return int(found.fetchone()[0])


def game_answers(db: Database, game_id: int) -> list[AnswerRow]:
    """Every answer of the game, by question (the report's)."""
    rows = db.execute(f"{_ANSWER} WHERE game_id = ? ORDER BY question_index, answered_at, learner_id", [game_id])
    return [_answer(row) for row in rows]


def tallies(db: Database, game_id: int, through: int) -> list[Tally]:
    """Each player's answers to the questions up to index `through` (those with none left out)."""
    rows = db.execute(
        "SELECT learner_id, sum(points), sum(CASE WHEN verdict = 'correct' THEN 1 ELSE 0 END), count(*) "
        "FROM live_answers WHERE game_id = ? AND question_index <= ? GROUP BY learner_id",
        [game_id, through],
    )
    return [Tally(int(learner_id), int(points), int(right), int(answered)) for learner_id, points, right, answered in rows]


def own_tally(db: Database, game_id: int, learner_id: int, through: int) -> Tally:
    """One player's answers to the questions up to index `through`."""
    points, right, answered = db.execute(
        "SELECT coalesce(sum(points), 0), coalesce(sum(CASE WHEN verdict = 'correct' THEN 1 ELSE 0 END), 0), "
        "count(*) FROM live_answers WHERE game_id = ? AND learner_id = ? AND question_index <= ?",
        [game_id, learner_id, through],
    ).fetchone()
    return Tally(learner_id, int(points), int(right), int(answered))


def reviews_counted(db: Database, game_id: int) -> int:
    """The game's answers that are reviews of the students' cards (and still are: not undone)."""
    found = db.execute("SELECT count(review_id) FROM live_answers WHERE game_id = ?", [game_id])
    return int(found.fetchone()[0])
