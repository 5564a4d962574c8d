"""The teacher's side of a live game: make it, open each question for its countdown, reveal it,
end it, and report on it. The host's screen calls `tick` a few times a second, which reveals the
open question once its countdown has passed or every player has answered.

Every change of state is judged inside a write, at the store's time read there (`store_now`), so
a countdown is the server's, whoever's screen asks. A teacher (`owner`) reaches only their own
games: another teacher's code is "no live game".
"""

from __future__ import annotations

import json
import secrets
from dataclasses import replace
from datetime import timedelta

from question_bank.facts.model import Bank
from quiz.classroom.codes import new_code, normal
from quiz.classroom.members import clean_class_name, need_class
from quiz.clock import Clock
from quiz.errors import BankNotFound, ClassroomError, LiveError, mention
from quiz.library.banks import bank_names, get_bank
from quiz.live import choice
from quiz.live.game import Game, Games, asked, standings
from quiz.live.model import (
    CODE_LENGTH,
    MAX_QUESTIONS,
    MAX_SECONDS,
    MIN_SECONDS,
    GameReport,
    GameSettings,
    HostView,
    ReportRow,
    Reveal,
    State,
)
from quiz.model import Outcome
from quiz.store import Database
from quiz.store import live as rows
from quiz.store.homework import class_learners, homework_rows
from quiz.store.now import store_now


class LiveHost:
    """One teacher's live games on one connection and clock (`owner` None: the machine's own teacher)."""

    def __init__(self, db: Database, clock: Clock, owner: int | None = None) -> None:
        self.db = db
        self.clock = clock
        self.owner = owner
        self._games = Games(db)
        self._seen: dict[str, tuple[rows.Stamp, Game, HostView]] = {}  # each game's last view, by code

    # -- making a game ----------------------------------------------------------------------------
    def create(self, settings: GameSettings, seed: int | None = None) -> HostView:
        """A new game in the lobby, its questions chosen and frozen now. Each bad setting is a
        LiveError naming its field."""
        _check_numbers(settings)
        choice.check_source(settings.source, settings.paper)
        class_id, class_name = self._class(settings.class_name)
        students = [learner_id for learner_id, _ in class_learners(self.db, class_id)]
        if not students:
            raise LiveError(f"class '{class_name}' has no students (add some with `quiz class add`)", "class_name")
        seed = seed if seed is not None else secrets.randbelow(2**31)
        now = store_now(self.db, self.clock)
        if settings.source == "paper":
            assert settings.paper is not None
            bank_name, items = choice.paper_questions(self.db, settings.paper, self.owner, settings.questions)
            if settings.bank is not None and settings.bank != bank_name:
                raise LiveError(f"paper {settings.paper.strip()} is on bank '{bank_name}'", "bank")
        else:
            bank = self._bank(settings.bank, class_id, class_name)
            bank_name = bank.name
            memory = choice.class_memory(self.db, students, bank, now)
            items = choice.frozen_questions(
                choice.memory_questions(bank, memory, settings.source, settings.questions, seed))
            if not items:
                raise LiveError(f"bank '{bank_name}' has no multiple-choice questions", "bank")
        stored = json.dumps({"questions": settings.questions, "seconds": settings.seconds, "points": settings.points,
                             "seed": seed, "paper": settings.paper})
        frozen = json.dumps(items, ensure_ascii=False)
        for _ in range(20):
            code = new_code(CODE_LENGTH)
            if rows.insert_game(self.db, code, class_id, self.owner, bank_name, settings.source, stored, frozen, now):
                return self.view(code)
        raise LiveError("could not find a free game code")  # pragma: no cover - 31**6 codes

    def _class(self, name: str) -> tuple[int, str]:
        """(id, name) of the teacher's class `name`: a LiveError on the class field otherwise."""
        try:
            return need_class(self.db, name, self.owner), clean_class_name(name)
        except ClassroomError as error:
            raise LiveError(error.message, "class_name") from None

    def _bank(self, name: str | None, class_id: int, class_name: str) -> Bank:
        """The bank asked for; else the class's active homework's (the latest), else the only bank."""
        if name is None:
            active = [h.bank for h in homework_rows(self.db, class_id=class_id) if h.active]
            names = active[-1:] or bank_names(self.db)
            if len(names) != 1:
                raise LiveError(f"class '{class_name}' has no homework to take a bank from: give {mention('bank')}",
                                "bank")
            name = names[0]
        try:
            return get_bank(self.db, name)
        except BankNotFound as error:
            raise LiveError(error.message, "bank") from None

    # -- running it ---------------------------------------------------------------------------------
    def view(self, code: str) -> HostView:
        return self._host_view(self._own(code))

    def open_next(self, code: str) -> HostView:
        """Ask the next question (from the lobby or a revealed question) for the game's seconds."""
        game = self._own(code)
        with self.db.write():
            now = store_now(self.db, self.clock)
            game = self._games.reread(game)
            if game.state is State.ENDED:
                raise LiveError(f"game {game.row.code} has ended")
            if game.state is State.OPEN:
                raise LiveError(f"question {_number(game.index)} is still open: reveal it first")
            following = 0 if game.index is None else game.index + 1
            if following >= len(game.questions):
                raise LiveError(f"that was the last question of game {game.row.code}: end it")
            rows.set_question(self.db, game.id, State.OPEN.value, following, now, now + timedelta(seconds=game.seconds))
        return self._host_view(self._games.reread(game))

    def reveal(self, code: str) -> HostView:
        """Close the open question now (the countdown cut short, if it was running): its key and the
        class's answers are shown; answers after this are refused. A revealed question stays so."""
        game = self._own(code)
        with self.db.write():
            game = self._games.reread(game)
            if game.state is State.OPEN:
                rows.set_question(self.db, game.id, State.REVEALED.value, game.index, game.row.opened_at, game.row.closes_at)
            elif game.state is not State.REVEALED:
                raise LiveError(f"no question of game {game.row.code} is open" if game.state is State.LOBBY
                                else f"game {game.row.code} has ended")
        return self._host_view(self._games.reread(game))

    def tick(self, code: str) -> HostView:
        """The host's view, the open question revealed first if its countdown has passed or every
        player has answered. The screen calls it a few times a second: one small query (the game's
        stamp) says whether anything changed, and most calls read and write nothing more."""
        stamp = rows.host_stamp(self.db, normal(code))
        seen = self._seen.get(normal(code))
        if seen is not None and stamp == seen[0] and not self._due(stamp, seen[1]):
            _, game, view = seen
            return replace(view, seconds_left=game.seconds_left(store_now(self.db, self.clock)))
        game = self._own(code)
        if game.state is State.OPEN and stamp is not None and self._due(stamp, game):
            with self.db.write():  # judged again inside the write, on a fresh stamp
                game = self._games.reread(game)
                fresh = rows.host_stamp(self.db, game.row.code)
                if game.state is State.OPEN and fresh is not None and self._due(fresh, game):
                    rows.set_question(self.db, game.id, State.REVEALED.value, game.index, game.row.opened_at,
                                      game.row.closes_at)
            game = self._games.reread(game)
        return self._host_view(game, stamp)

    def _due(self, stamp: rows.Stamp, game: Game) -> bool:
        """Whether the open question of a stamp is due to be revealed: its countdown passed, or
        every player (one at least) answered."""
        if stamp.state != State.OPEN.value:
            return False
        assert game.row.closes_at is not None and stamp.answers is not None
        return (store_now(self.db, self.clock) >= game.row.closes_at
                or 0 < stamp.players <= stamp.answers)

    def end(self, code: str) -> HostView:
        """End the game (whatever its state): no more answers; the leaderboard is final."""
        game = self._own(code)
        with self.db.write():
            game = self._games.reread(game)
            if game.state is not State.ENDED:
                rows.end_game(self.db, game.id, store_now(self.db, self.clock))
        return self._host_view(self._games.reread(game))

    def games(self) -> list[HostView]:
        """The teacher's games, newest first."""
        return [self._host_view(self._games.read(row)) for row in rows.owner_games(self.db, self.owner)]

    def report(self, code: str) -> GameReport:
        """Per question asked, how the class answered (as `quiz paper results` reports a paper), and the
        leaderboard so far."""
        game = self._own(code)
        joined = rows.players(self.db, game.id)
        asked_count = 0 if game.index is None else game.index + 1
        by_question: dict[int, list[rows.AnswerRow]] = {}
        for answer in rows.game_answers(self.db, game.id):
            by_question.setdefault(answer.index, []).append(answer)
        questions = []
        for index, question in enumerate(game.questions[:asked_count]):
            answers = by_question.get(index, [])
            questions.append(ReportRow(
                index, question.prompt, question.answer, _right(answers), len(answers), len(joined),
                _counts(question.options, answers), question.fact_id, question.kind.value,
            ))
        return GameReport(
            game.row.code, game.row.class_name, game.row.bank, game.row.source, game.row.created, game.row.ended,
            standings(self.db, game, joined), tuple(questions), rows.reviews_counted(self.db, game.id), game.points,
        )

    # -- views ------------------------------------------------------------------------------------
    def _own(self, code: str) -> Game:
        game = self._games.find(code)
        if game is None or game.row.teacher_id != self.owner:
            raise LiveError(f"no live game {code.strip()}")
        return game

    def _host_view(self, game: Game, stamp: rows.Stamp | None = None) -> HostView:
        """The view read whole; the leaderboard only after a reveal and at the end (while a
        question is open, no score moves). Kept with the stamp read before it, when they agree."""
        joined = rows.players(self.db, game.id)
        question, index = game.question, game.index
        reveal = None
        if game.state is State.REVEALED and question is not None and index is not None:
            answers = rows.question_answers(self.db, game.id, index)
            reveal = Reveal(question.answer, _counts(question.options, answers), _right(answers), len(answers),
                            len(joined))
        now = store_now(self.db, self.clock)
        count = rows.answer_count(self.db, game.id, index) if index is not None else 0
        board = standings(self.db, game, joined) if game.state in (State.REVEALED, State.ENDED) else ()
        view = HostView(
            code=game.row.code, class_name=game.row.class_name, bank=game.row.bank, state=game.state, index=index,
            total=len(game.questions), players=tuple(name for _, name in joined),
            question=asked(question, index) if question is not None and index is not None else None,
            closes=game.row.closes_at if game.state is State.OPEN else None, seconds_left=game.seconds_left(now),
            answers=count, reveal=reveal, leaderboard=board, points=game.points,
        )
        if (stamp is not None and stamp.game_id == game.id and stamp.state == game.row.state and stamp.index == index
                and stamp.players == len(joined) and stamp.answers == (count if index is not None else stamp.answers)):
            self._seen[game.row.code] = (stamp, game, view)
        return view


def _check_numbers(settings: GameSettings) -> None:
    for field, value, low, high in (("questions", settings.questions, 1, MAX_QUESTIONS),
                                    ("seconds", settings.seconds, MIN_SECONDS, MAX_SECONDS)):
        if isinstance(value, bool) or not isinstance(value, int):
            raise LiveError(f"a whole number, not {value!r}", field)
        if not low <= value <= high:
            raise LiveError(f"must be between {low} and {high}, not {value}", field)


def _number(index: int | None) -> int:
    return 0 if index is None else index + 1


def _right(answers: list[rows.AnswerRow]) -> int:
    return sum(1 for answer in answers if answer.verdict == Outcome.CORRECT)


def _counts(options: tuple[str, ...], answers: list[rows.AnswerRow]) -> dict[str, int]:
    """How many gave each answer: every option (0 for none), then typed answers as given."""
    counts = dict.fromkeys(options, 0)
    for answer in answers:
        counts[answer.given] = counts.get(answer.given, 0) + 1
    return counts
