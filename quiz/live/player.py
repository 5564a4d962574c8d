"""A student's side of a live game: join it, see the open question (never its key), answer once.

Each answer is judged by the checker papers use, stamped and timed by the store's clock inside the
write that takes it, and counted as a review of the student's card in that same transaction, so an
answer never stands without its review, nor a review without its answer. A second answer to a
question changes nothing: the first stands.

It imports no teacher module (making papers, classes, results, statistics): the student's door
stands on it (import-linter's `student-door-chains`).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from question_bank.answers import check_question
from question_bank.questions import Mode, Question
from quiz.classroom.attempts import clean_answer
from quiz.classroom.codes import normal
from quiz.classroom.practice import Graded, learner_scheduler, review_answers
from quiz.clock import Clock
from quiz.errors import ClassroomError, LiveError
from quiz.live.game import Game, Games, asked, points_for, standings
from quiz.live.model import PlayerView, State
from quiz.model import Outcome
from quiz.store import Database
from quiz.store import live as rows
from quiz.store.now import store_now

SHOWN = (State.REVEALED, State.ENDED)  # when a player may see the key, their verdict and their rank


class LivePlayer:
    """Students' part of live games on one connection and clock: each call names the student."""

    def __init__(self, db: Database, clock: Clock) -> None:
        self.db = db
        self.clock = clock
        self._games = Games(db, typed_catalogs=True)
        self._seen: dict[tuple[str, int], tuple[rows.Stamp, Game, PlayerView]] = {}  # the last view of each

    def class_of(self, code: str) -> str:
        """The name of the game's class (to sign in to it); LiveError for an unknown or ended game."""
        return self._running(code).row.class_name

    def _running(self, code: str) -> Game:
        game = self._games.find(code)
        if game is None or game.state is State.ENDED:
            raise LiveError(f"no live game {code.strip()}")
        return game

    def join(self, code: str, learner_id: int) -> PlayerView:
        """Join the game (a student of its class only). Joining again (a reloaded tab, a lost
        connection) is a rejoin: the same player, score and answers."""
        game = self._games.find(code)
        if game is not None and game.state is State.ENDED and rows.is_player(self.db, game.id, learner_id):
            return self._view(game, learner_id)  # the final place, for a tab reloaded after the end
        game = self._running(code)
        if not rows.is_member(self.db, game.row.class_id, learner_id):
            raise LiveError(f"game {game.row.code} is for class '{game.row.class_name}' only")
        with self.db.write():
            rows.add_player(self.db, game.id, learner_id, store_now(self.db, self.clock))
        return self._view(self._games.reread(game), learner_id)

    def view(self, code: str, learner_id: int) -> PlayerView:
        """The player's view: a screen's look a few times a second. One small query (the game's
        stamp) says whether anything this player sees has changed; only then is the view read again."""
        stamp = rows.player_stamp(self.db, normal(code), learner_id)
        seen = self._seen.get((normal(code), learner_id))
        if seen is not None and stamp == seen[0]:
            _, game, view = seen
            return replace(view, seconds_left=game.seconds_left(store_now(self.db, self.clock)))
        return self._view(self._player(code, learner_id), learner_id, stamp)

    def _player(self, code: str, learner_id: int) -> Game:
        game = self._games.find(code)
        if game is None:
            raise LiveError(f"no live game {code.strip()}")
        if not rows.is_player(self.db, game.id, learner_id):
            raise LiveError(f"join game {game.row.code} first")
        return game

    def answer(self, code: str, learner_id: int, index: int, given: str) -> PlayerView:
        """Answer question `index` (0-based) while it is open: for multiple choice an option's text
        or its number ("1".."n"), else the typed answer. Refused (LiveError, one line) for another
        question than the open one, before it opens, after its countdown or its reveal; a second
        answer leaves the first standing and the view unchanged."""
        game = self._player(code, learner_id)
        if not 0 <= index < len(game.questions):
            raise LiveError(f"game {game.row.code} has no question {index + 1}")
        question = game.questions[index]
        text = _given(question, index, given)
        verdict = check_question(question, text)
        if verdict.unreadable:
            raise LiveError(f"{verdict.reason}: try again")
        scheduler = learner_scheduler(self.db, learner_id)
        with self.db.write():
            now = store_now(self.db, self.clock)
            game = self._games.reread(game)
            if rows.own_answer(self.db, game.id, index, learner_id) is None:
                _refuse_unless_open(game, index, now)
                assert game.row.opened_at is not None
                elapsed_ms = max(0, int((now - game.row.opened_at).total_seconds() * 1000))
                points = points_for(verdict.outcome, elapsed_ms, game.seconds)
                if rows.insert_answer(self.db, game.id, index, learner_id, text, verdict.outcome.value, points, now,
                                      elapsed_ms):
                    graded = Graded(question, text, verdict.outcome, elapsed_ms)
                    for review_id in review_answers(self.db, scheduler, learner_id, game.row.bank, [graded], now):
                        rows.link_review(self.db, game.id, index, learner_id, review_id)
        return self._view(self._games.reread(game), learner_id)

    def _view(self, game: Game, learner_id: int, stamp: rows.Stamp | None = None) -> PlayerView:
        """The view read whole; the standings only once a question is revealed (while one is
        open, no score moves: the player's own tally is all the view needs)."""
        question, index = game.question, game.index
        mine = rows.own_answer(self.db, game.id, index, learner_id) if index is not None else None
        shown = game.state in SHOWN and question is not None
        score, rank, players = self._standing(game, learner_id)
        won = None
        if shown:
            won = 0 if mine is None else (mine.points if game.points else int(mine.verdict == Outcome.CORRECT))
        view = PlayerView(
            code=game.row.code, state=game.state, index=index, total=len(game.questions),
            question=asked(question, index) if question is not None and index is not None else None,
            seconds_left=game.seconds_left(store_now(self.db, self.clock)),
            answered=mine is not None, given=mine.given if mine else None,
            verdict=Outcome(mine.verdict) if shown and mine else None,
            answer=question.answer if shown and question is not None else None,
            points_won=won, score=score, rank=rank, players=players, points=game.points,
        )
        if stamp is not None and stamp.game_id == game.id and stamp.state == game.row.state \
                and stamp.index == game.index and stamp.mine == (mine is not None):
            self._seen[(game.row.code, learner_id)] = (stamp, game, view)
        return view

    def _standing(self, game: Game, learner_id: int) -> tuple[int, int | None, int]:
        """(score, rank once shown, players): the whole leaderboard only after a reveal."""
        if game.state in SHOWN:
            joined = rows.players(self.db, game.id)
            name = next((name for player, name in joined if player == learner_id), None)
            me = next((standing for standing in standings(self.db, game, joined) if standing.name == name), None)
            return (me.points, me.rank, len(joined)) if me else (0, None, len(joined))
        tally = rows.own_tally(self.db, game.id, learner_id, game.counted_through)
        return (tally.points if game.points else tally.right), None, rows.player_count(self.db, game.id)


def _given(question: Question, index: int, given: str) -> str:
    """The answer as the checker takes it: an option's text (given as text or by its number), or
    the typed text cleaned."""
    text = " ".join(str(given).split())
    if question.mode is Mode.MC:
        if text in question.options:
            return text
        if text.isdigit() and 1 <= int(text) <= len(question.options):
            return question.options[int(text) - 1]
        raise LiveError(f"question {index + 1}: '{text}' is not one of its options")
    try:
        return clean_answer(text)
    except ClassroomError as error:
        raise LiveError(error.message) from None


def _refuse_unless_open(game: Game, index: int, now: datetime) -> None:
    """LiveError (one line) unless question `index` is open now."""
    number = index + 1
    if game.state is State.ENDED:
        raise LiveError(f"game {game.row.code} has ended: the answer was not taken")
    if game.index is None or index > game.index:
        raise LiveError(f"question {number} is not open yet: the answer was not taken")
    if index < game.index:
        raise LiveError(f"question {number} is closed: the answer was not taken")
    if game.state is State.REVEALED:
        raise LiveError(f"question {number} has been revealed: the answer was not taken")
    assert game.row.closes_at is not None
    if now >= game.row.closes_at:
        raise LiveError(f"the time for question {number} is up: the answer was not taken")
