"""A live game as both sides read it (the host's service and a player's): its row, settings and
frozen questions, the points a right answer earns, and the standings.

Scores count only the questions already revealed: while a question is open, neither a player's
score nor the leaderboard moves, so neither tells anyone whether an answer was right.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from question_bank.facts.entities import Catalog
from question_bank.questions import Mode, Question
from quiz.classroom.codes import normal
from quiz.classroom.frozen import bank_catalog, unfreeze
from quiz.errors import LiveError
from quiz.live.model import FULL_POINTS, AskedQuestion, Standing, State
from quiz.model import Outcome
from quiz.store import Database
from quiz.store import live as rows


@dataclass(frozen=True)
class Game:
    """A stored game with its settings and questions read."""

    row: rows.GameRow
    questions: tuple[Question, ...]
    seconds: int
    points: bool
    seed: int

    @property
    def id(self) -> int:
        return self.row.id

    @property
    def state(self) -> State:
        return State(self.row.state)

    @property
    def index(self) -> int | None:
        return self.row.current_index

    @property
    def question(self) -> Question | None:
        """The question asked now (or last, once the game ended); None in the lobby."""
        return self.questions[self.index] if self.index is not None else None

    @property
    def counted_through(self) -> int:
        """The last question whose answers count in the scores: not one still open (-1: none)."""
        if self.index is None:
            return -1
        return self.index - 1 if self.state is State.OPEN else self.index

    def seconds_left(self, now: datetime) -> float | None:
        if self.state is not State.OPEN or self.row.closes_at is None:
            return None
        return max(0.0, (self.row.closes_at - now).total_seconds())


class Games:
    """Games read by code on one connection; each game's questions are thawed once (they are frozen).
    `typed_catalogs`: give typed questions their bank's catalog, which the checker judges them with."""

    def __init__(self, db: Database, *, typed_catalogs: bool = False) -> None:
        self.db = db
        self.typed_catalogs = typed_catalogs
        self._questions: dict[int, tuple[Question, ...]] = {}

    def find(self, code: str) -> Game | None:
        row = rows.game_row(self.db, normal(code))
        return self.read(row) if row is not None else None

    def need(self, code: str) -> Game:
        """The game `code`, or LiveError."""
        found = self.find(code)
        if found is None:
            raise LiveError(f"no live game {code.strip()}")
        return found

    def reread(self, game: Game) -> Game:
        """The game as stored now (after a write)."""
        row = rows.game_by_id(self.db, game.id)
        assert row is not None  # games are never deleted but with their class
        return self.read(row)

    def read(self, row: rows.GameRow) -> Game:
        settings = json.loads(row.settings_json)
        questions = self._questions.get(row.id)
        if questions is None:
            items = json.loads(row.questions_json)
            catalog = self._catalog(row.bank) if any(item["mode"] != Mode.MC for item in items) else None
            questions = self._questions[row.id] = tuple(unfreeze(item, catalog) for item in items)
        return Game(row, questions, int(settings["seconds"]), bool(settings["points"]), int(settings["seed"]))

    def _catalog(self, bank: str) -> Catalog | None:
        return bank_catalog(self.db, bank) if self.typed_catalogs else None


def points_for(verdict: Outcome, elapsed_ms: int, seconds: int) -> int:
    """FULL_POINTS for a right answer at once, half at the last moment; nothing for any other."""
    if verdict is not Outcome.CORRECT:
        return 0
    elapsed = min(max(elapsed_ms, 0), seconds * 1000)
    return round(FULL_POINTS * (1 - 0.5 * elapsed / (seconds * 1000)))


def asked(question: Question, index: int) -> AskedQuestion:
    """What a player may see of a question: never its key. A fill-the-gap question is typed."""
    mode = "mc" if question.mode is Mode.MC else "typed"
    return AskedQuestion(index, question.kind.value, mode, question.prompt, question.options if mode == "mc" else ())


def standings(db: Database, game: Game, joined: list[tuple[int, str]]) -> tuple[Standing, ...]:
    """Every player, best first (ties in the order they joined), by points or, with points off, by
    right answers; equal scores share a rank (1, 1, 3)."""
    tally = {t.learner_id: t for t in rows.tallies(db, game.id, game.counted_through)} if joined else {}
    scored = []
    for order, (learner_id, name) in enumerate(joined):
        mine = tally.get(learner_id)
        right, answered = (mine.right, mine.answered) if mine else (0, 0)
        points = (mine.points if mine else 0) if game.points else right
        scored.append((-points, order, name, points, right, answered))
    scored.sort()
    board: list[Standing] = []
    for place, (_, _, name, points, right, answered) in enumerate(scored, start=1):
        rank = board[-1].rank if board and board[-1].points == points else place
        board.append(Standing(name, points, right, answered, rank))
    return tuple(board)
